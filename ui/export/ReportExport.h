// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricsSnapshot.h"
#include "report/ReportInfo.h"

namespace cpm {

/**
 * Writes @p snapshot as a report — PDF or XLSX by the suffix of @p target, otherwise a folder
 * with both plus every chart and table — with @p info's provenance. Shared by File ▸ Export
 * report… and `cpm-cli report`, so both produce the same files.
 */
Error exportReport(const QString &target, const MetricsSnapshot &snapshot, ReportInfo info,
                   QStringList *written = nullptr);

} // namespace cpm
