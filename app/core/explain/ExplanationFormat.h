// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explain/Explanation.h"

#include <QJsonObject>

namespace cpm::explain {

/*
 * The three ways `cpm-cli explain` prints an explanation. All carry the same content: the
 * definition, the filter, the SQL with its bound values, n and what was left out, the
 * recomputed figures and the transactions.
 */

/** Sections for a terminal; the SQL as a sqlite3-shell script built from @p sqlRoot. */
QString toText(const Explanation &explanation, const QString &sqlRoot);
/** RFC 4180: a "# explanation" section of (item, value, detail) rows, then "# transactions". */
QString toCsv(const Explanation &explanation);
/** One JSON object; numbers unformatted, timestamps ISO 8601, the transactions as in `metrics` JSON. */
QJsonObject toJson(const Explanation &explanation, const QString &sqlRoot);
/** The summary items of toCsv (item, value, detail), also used by the panel's export. */
MetricTable summaryTable(const Explanation &explanation);

} // namespace cpm::explain
