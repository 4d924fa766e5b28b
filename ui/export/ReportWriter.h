// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricTable.h"
#include "report/ReportInfo.h"

#include <QPicture>
#include <QSize>
#include <QStringList>
#include <QVector>

#include <functional>

class QChart;

namespace cpm {

class PdfPageLayout;

/** One metric of a report: its table, its definition and how to get its chart. */
struct ReportSection
{
    MetricTable table;
    QString definition;                  ///< how the metric is computed, in words
    std::function<QChart *()> makeChart; ///< builds a new chart; the writer deletes it after use
    QChart *chart = nullptr;             ///< or an existing chart, borrowed (used when makeChart is empty)
    QPicture drawnChart;                 ///< or the chart drawn already (see ReportWriter::drawChartsNow())
};

/** Knobs of a report; the defaults suit A4 and slides. */
struct ReportOptions
{
    QSize chartSize = QSize(1000, 560); ///< logical layout size of every chart (PDF keeps the aspect)
    int pngScale = 2;                   ///< pixel density of the per-metric PNGs of writeDirectory()
    bool lightTheme = true;             ///< export charts in ChartThemeLight whatever the app shows
};

/**
 * Writes a metrics report in three shapes: one PDF (title page with date, filters and
 * provenance, then per metric its chart, table and definition), one XLSX workbook (a sheet
 * per metric plus "About"), or a directory with both and per-metric PNG, SVG and CSV files.
 * Needs a QApplication (Qt Charts paints through widgets' graphics scene); offscreen is fine.
 */
class ReportWriter
{
public:
    ReportWriter(ReportInfo info, QVector<ReportSection> sections, ReportOptions options = ReportOptions());

    /** A4 portrait PDF; the title page counts as page 1, each metric starts a new page. */
    Error writePdf(const QString &path) const;
    /** Workbook through XlsxWriter; the About sheet also lists each metric's definition. */
    Error writeXlsx(const QString &path) const;
    /**
     * Creates @p directory if needed and writes report.pdf, report.xlsx and, per metric,
     * <id>.png, <id>.svg and <id>.csv. Paths written so far go to @p written (may be null).
     */
    Error writeDirectory(const QString &directory, QStringList *written = nullptr) const;
    /** By suffix of @p target: ".pdf", ".xlsx", otherwise a directory (for `cpm-cli report --out`). */
    Error write(const QString &target, QStringList *written = nullptr) const;
    /** write() makes a directory of @p target (its PNG and SVG files need the charts themselves). */
    static bool isDirectory(const QString &target);

    /**
     * Draws every chart now, recorded at the size the PDF lays it out (text stays text), and
     * lets go of the charts. Qt Charts only works on the GUI thread, so this runs there; writePdf() and
     * writeXlsx() then touch no chart and may run on a worker thread (long tables take seconds).
     */
    void drawChartsNow();

    const ReportInfo &info() const { return m_info; }
    const QVector<ReportSection> &sections() const { return m_sections; }

private:
    void writeTitlePage(PdfPageLayout &layout) const;
    void writeSection(PdfPageLayout &layout, const ReportSection &section, int number) const;
    /** The comparison of two imports (ReportInfo::comparison), as the last section. */
    void writeComparison(PdfPageLayout &layout, int number) const;
    Error writeSectionFiles(const QString &directory, const ReportSection &section, QStringList *written) const;

    ReportInfo m_info;
    QVector<ReportSection> m_sections;
    ReportOptions m_options;
};

} // namespace cpm
