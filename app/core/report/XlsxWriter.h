// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricTable.h"
#include "report/ReportInfo.h"

#include <QStringList>
#include <QVector>

namespace cpm {

/**
 * Writes metric tables as an Excel workbook through libxlsxwriter: one sheet per table with
 * typed cells (numbers stay numbers, timestamps become Excel datetimes), a bold frozen header
 * row with an autofilter, number formats and column widths, then an "About" sheet.
 */
class XlsxWriter
{
public:
    /**
     * Writes @p tables (one sheet each, named after the table id, in order) and an "About" sheet
     * (title, generation date, filters in words, provenance, definitions from @p info) to @p path.
     * The workbook is written to a temporary file beside @p path and renamed over it, so
     * @p path never holds a partial workbook. Errors carry the path.
     */
    static Error write(const QString &path, const QVector<const MetricTable *> &tables, const ReportInfo &info);

    /** One table without an About sheet (Export ▸ XLSX of a single table). */
    static Error writeTable(const QString &path, const MetricTable &table);

    /**
     * A valid, unused sheet name for @p wanted: []:*?/\ become '_', apostrophes are trimmed from
     * the ends, at most 31 characters, and "~2", "~3"... make it unique among @p taken
     * (compared case-insensitively, as Excel does).
     */
    static QString sheetName(const QString &wanted, const QStringList &taken);
};

} // namespace cpm
