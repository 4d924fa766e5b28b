// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "export/ReportWriter.h"
#include "metrics/MetricsSnapshot.h"
#include "report/ReportInfo.h"

namespace cpm {

/** The report of @p snapshot with @p info's provenance: one section per metric, charts built on demand. */
ReportWriter reportWriter(const MetricsSnapshot &snapshot, ReportInfo info);

/**
 * Writes @p snapshot as a report — PDF or XLSX by the suffix of @p target, otherwise a folder
 * with both plus every chart and table — with @p info's provenance. Shared by File ▸ Export
 * report… and `cpm-cli report`, so both produce the same files.
 */
Error exportReport(const QString &target, const MetricsSnapshot &snapshot, ReportInfo info,
                   QStringList *written = nullptr);

} // namespace cpm
