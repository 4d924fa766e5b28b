// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "report/ReportInfo.h"

#include <QSqlDatabase>

namespace cpm {

/**
 * Fills @p info's files and last import from the warehouse's import records, and adds the
 * plain-text definition of every metric. Used by the report writers (GUI and CLI alike).
 */
bool loadProvenance(const QSqlDatabase &db, const QString &sqlRoot, ReportInfo *info, Error *error);

/** How metric @p id is computed, in one paragraph of plain text (reports, About sheet). */
QString metricDefinition(const QString &id);

} // namespace cpm
