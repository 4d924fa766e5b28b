// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricsSnapshot.h"

namespace cpm {

/** Writes the dashboard's current numbers as a report: PDF or XLSX by the suffix of @p target. */
Error exportReport(const QString &target, const MetricsSnapshot &snapshot, const QString &warehousePath,
                   const QString &lastImport);

} // namespace cpm
