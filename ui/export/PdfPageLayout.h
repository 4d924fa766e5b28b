// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricTable.h"
#include "report/ReportInfo.h"

#include <QFont>
#include <QRectF>

class QPainter;
class QPdfWriter;

namespace cpm {

/**
 * Flows report content down A4 pages of a QPdfWriter: a cursor, page breaks with a footer,
 * and blocks for headings, paragraphs, key/value lines and tables. Lengths are device pixels.
 */
class PdfPageLayout
{
public:
    /** @p painter must be active on @p writer; @p footer is printed left of the page number. */
    PdfPageLayout(QPdfWriter *writer, QPainter *painter, const QString &footer);

    /** Millimetres in device pixels. */
    double mm(double millimetres) const;
    QRectF content() const { return m_content; }
    int pageCount() const { return m_page; }
    QPainter *painter() const { return m_painter; }

    void newPage();
    /** Starts a new page unless @p height still fits below the cursor. */
    void ensureSpace(double height);
    void gap(double millimetres);

    void title(const QString &text, const QString &subtitle);
    void heading(const QString &text);
    /** A bold run-in label such as "Definition", kept with the next line. */
    void subheading(const QString &text);
    void paragraph(const QString &text, bool italic = false);
    void keyValues(const KeyValueList &lines);
    /** The table's display text; long tables continue on the next page with the header repeated. */
    void table(const MetricTable &table);
    /** Reserves @p height below the cursor (page break first if needed) and returns the rect. */
    QRectF reserve(double height);
    /** Prints the footer of the last page; call once before QPainter::end(). */
    void finish();

private:
    QFont font(double points, bool bold = false, bool italic = false) const;
    double textHeight(const QString &text, const QFont &font, double width, int flags) const;
    /** Each column's natural width: its widest cell or header word, with padding. */
    QVector<double> columnWidths(const MetricTable &table, const QFont &body, const QFont &bold) const;
    /** @p widths scaled to the page's width exactly. */
    QVector<double> fitToPage(QVector<double> widths) const;
    /** The column headers, wrapped at spaces within their column's width. */
    void headerRow(const MetricTable &table, const QVector<double> &widths, const QFont &f);
    void tableRow(const QStringList &cells, const MetricTable &table, const QVector<double> &widths,
                  const QFont &font, bool shaded);
    void drawFooter();

    QPdfWriter *m_writer;
    QPainter *m_painter;
    QString m_footer;
    QRectF m_content;
    double m_y = 0;
    int m_page = 1;
};

} // namespace cpm
