// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricTable.h"

#include <QByteArray>
#include <QString>

namespace cpm {

/** Options shared by the plain-text table writers. */
struct CsvOptions
{
    QChar delimiter = QLatin1Char(',');
    bool humanHeaders = false;   ///< "Total amount" instead of "total_amount"
    bool guardFormulas = true;   ///< prefix text starting with = + - @ so spreadsheets never run it
};

/** RFC 4180 text of one table (CRLF line ends, quotes doubled, fields quoted when needed). */
QString toCsv(const MetricTable &table, const CsvOptions &options = CsvOptions());
/** Quotes one CSV field when it holds the delimiter, a quote or a line break. */
QString csvField(const QString &text, QChar delimiter);
/** A monospace table for terminals: display values, numbers right-aligned. */
QString toTextTable(const MetricTable &table);

} // namespace cpm
