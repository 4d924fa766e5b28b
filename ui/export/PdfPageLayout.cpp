// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/PdfPageLayout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <numeric>

namespace cpm {

namespace {

constexpr double marginMm = 18;
constexpr double footerMm = 8;
constexpr double bodyPt = 9.5;
constexpr double minTablePt = 7.5;
constexpr double keyColumnMm = 38;
const QColor rule(0xC8, 0xC8, 0xC8);
const QColor shade(0xF3, 0xF4, 0xF6);
const QColor muted(0x55, 0x5B, 0x66);

bool rightAligned(ValueKind kind)
{
    return kind != ValueKind::Text && kind != ValueKind::Timestamp && kind != ValueKind::Flag;
}

} // namespace

PdfPageLayout::PdfPageLayout(QPdfWriter *writer, QPainter *painter, const QString &footer)
    : m_writer(writer), m_painter(painter), m_footer(footer)
{
    const QRectF page(QPointF(0, 0), QSizeF(painter->viewport().size()));
    m_content = page.adjusted(mm(marginMm), mm(marginMm), -mm(marginMm), -mm(marginMm + footerMm));
    m_y = m_content.top();
}

double PdfPageLayout::mm(double millimetres) const
{
    return millimetres * m_writer->resolution() / 25.4;
}

QFont PdfPageLayout::font(double points, bool bold, bool italic) const
{
    // DejaVu Sans is what Debian installs (fonts-dejavu-core); the PDF embeds it.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

double PdfPageLayout::textHeight(const QString &text, const QFont &f, double width, int flags) const
{
    const QFontMetricsF metrics(f, m_writer);
    return metrics.boundingRect(QRectF(0, 0, width, 1e7), flags, text).height();
}

void PdfPageLayout::drawFooter()
{
    m_painter->save();
    m_painter->setFont(font(8));
    m_painter->setPen(muted);
    const QRectF band(m_content.left(), m_content.bottom() + mm(footerMm - 3), m_content.width(), mm(5));
    m_painter->drawText(band, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter->drawText(band, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("page %1").arg(m_page));
    m_painter->restore();
}

void PdfPageLayout::newPage()
{
    drawFooter();
    m_writer->newPage();
    ++m_page;
    m_y = m_content.top();
}

void PdfPageLayout::finish()
{
    drawFooter();
}

void PdfPageLayout::ensureSpace(double height)
{
    if (m_y + height > m_content.bottom() && m_y > m_content.top())
        newPage();
}

void PdfPageLayout::gap(double millimetres)
{
    m_y += mm(millimetres);
}

QRectF PdfPageLayout::reserve(double height)
{
    ensureSpace(height);
    const QRectF rect(m_content.left(), m_y, m_content.width(), height);
    m_y += height;
    return rect;
}

void PdfPageLayout::title(const QString &text, const QString &subtitle)
{
    const QFont big = font(24, true);
    const QRectF titleRect = reserve(textHeight(text, big, m_content.width(), Qt::TextWordWrap));
    m_painter->setFont(big);
    m_painter->setPen(Qt::black);
    m_painter->drawText(titleRect, Qt::TextWordWrap, text);
    gap(2);
    const QFont small = font(12);
    const QRectF subRect = reserve(textHeight(subtitle, small, m_content.width(), Qt::TextWordWrap));
    m_painter->setFont(small);
    m_painter->setPen(muted);
    m_painter->drawText(subRect, Qt::TextWordWrap, subtitle);
    gap(10);
}

void PdfPageLayout::heading(const QString &text)
{
    const QFont f = font(14, true);
    // Keep a heading with at least a few lines of what follows it.
    ensureSpace(textHeight(text, f, m_content.width(), Qt::TextWordWrap) + mm(25));
    const QRectF rect = reserve(textHeight(text, f, m_content.width(), Qt::TextWordWrap));
    m_painter->setFont(f);
    m_painter->setPen(Qt::black);
    m_painter->drawText(rect, Qt::TextWordWrap, text);
    m_painter->setPen(QPen(rule, mm(0.3)));
    m_painter->drawLine(QPointF(rect.left(), rect.bottom() + mm(1)), QPointF(rect.right(), rect.bottom() + mm(1)));
    gap(3);
}

void PdfPageLayout::subheading(const QString &text)
{
    const QFont f = font(bodyPt + 1, true);
    const double height = textHeight(text, f, m_content.width(), Qt::TextWordWrap);
    ensureSpace(height * 3);
    const QRectF rect = reserve(height);
    m_painter->setFont(f);
    m_painter->setPen(Qt::black);
    m_painter->drawText(rect, Qt::TextWordWrap, text);
    gap(1);
}

void PdfPageLayout::paragraph(const QString &text, bool italic)
{
    const QFont f = font(bodyPt, false, italic);
    const QRectF rect = reserve(textHeight(text, f, m_content.width(), Qt::TextWordWrap));
    m_painter->setFont(f);
    m_painter->setPen(italic ? muted : Qt::black);
    m_painter->drawText(rect, Qt::TextWordWrap, text);
    gap(2);
}

void PdfPageLayout::keyValues(const KeyValueList &lines)
{
    const QFont keyFont = font(bodyPt, true);
    const QFont valueFont = font(bodyPt);
    const double keyWidth = mm(keyColumnMm);
    const double valueWidth = m_content.width() - keyWidth;
    // Hashes are one long word; wrapping anywhere keeps them inside the page.
    const int flags = Qt::TextWordWrap | Qt::TextWrapAnywhere;
    for (const auto &line : lines) {
        const double height = std::max(textHeight(line.first, keyFont, keyWidth - mm(2), Qt::TextWordWrap),
                                       textHeight(line.second, valueFont, valueWidth, flags));
        const QRectF rect = reserve(height);
        m_painter->setPen(Qt::black);
        m_painter->setFont(keyFont);
        m_painter->drawText(QRectF(rect.left(), rect.top(), keyWidth - mm(2), height), Qt::TextWordWrap, line.first);
        m_painter->setFont(valueFont);
        m_painter->drawText(QRectF(rect.left() + keyWidth, rect.top(), valueWidth, height), flags, line.second);
        gap(1.2);
    }
    gap(4);
}

QVector<double> PdfPageLayout::columnWidths(const MetricTable &table, const QFont &body, const QFont &bold) const
{
    const QFontMetricsF bodyMetrics(body, m_writer);
    const QFontMetricsF boldMetrics(bold, m_writer);
    QVector<double> widths;
    for (int c = 0; c < table.columns.size(); ++c) {
        // Headers wrap at spaces (see headerRow), so only their longest word has to fit: the
        // cells keep the room, and "Avg amount / transaction" no longer elides "7,640.00".
        double widest = 0;
        for (const QString &word : table.columns[c].header.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            widest = std::max(widest, boldMetrics.horizontalAdvance(word));
        for (qsizetype r = 0; r < table.rows.size(); ++r)
            widest = std::max(widest, bodyMetrics.horizontalAdvance(displayText(table.rows.cell(r, c), table.columns[c].kind)));
        widths << widest + mm(4);
    }
    return widths;
}

QVector<double> PdfPageLayout::fitToPage(QVector<double> widths) const
{
    double total = 0;
    for (double w : widths)
        total += w;
    // Too wide: the widest columns give way first (cells elided there), so one long text
    // column cannot squeeze ids and numbers into "…". Every column keeps its width up to a
    // cap chosen so the row fits the page.
    if (total > m_content.width() && !widths.isEmpty()) {
        QVector<double> sorted = widths;
        std::sort(sorted.begin(), sorted.end());
        double remaining = m_content.width();
        double cap = remaining / double(sorted.size());
        for (int i = 0; i < sorted.size(); ++i) {
            cap = remaining / double(sorted.size() - i);
            if (sorted[i] > cap)
                break;
            remaining -= sorted[i];
        }
        total = 0;
        for (double &w : widths)
            total += (w = std::min(w, cap));
    }
    // Then share the page width: stretch when narrower so tables line up with the chart above.
    const double factor = total > 0 ? m_content.width() / total : 1;
    for (double &w : widths)
        w *= factor;
    return widths;
}

void PdfPageLayout::tableRow(const QStringList &cells, const MetricTable &table, const QVector<double> &widths,
                             const QFont &f, bool shaded)
{
    const QFontMetricsF metrics(f, m_writer);
    const QRectF rect = reserve(metrics.height() + mm(2.2));
    if (shaded)
        m_painter->fillRect(rect, shade);
    m_painter->setFont(f);
    m_painter->setPen(Qt::black);
    double x = rect.left();
    for (int c = 0; c < cells.size(); ++c) {
        const QRectF cell(x + mm(1.5), rect.top(), widths[c] - mm(3), rect.height());
        const int align = rightAligned(table.columns[c].kind) ? Qt::AlignRight : Qt::AlignLeft;
        m_painter->drawText(cell, align | Qt::AlignVCenter, metrics.elidedText(cells[c], Qt::ElideRight, cell.width()));
        x += widths[c];
    }
}

void PdfPageLayout::headerRow(const MetricTable &table, const QVector<double> &widths, const QFont &f)
{
    double height = 0;
    for (int c = 0; c < table.columns.size(); ++c)
        height = std::max(height, textHeight(table.columns[c].header, f, widths[c] - mm(3), Qt::TextWordWrap));
    const QRectF rect = reserve(height + mm(2.2));
    m_painter->setFont(f);
    m_painter->setPen(Qt::black);
    double x = rect.left();
    for (int c = 0; c < table.columns.size(); ++c) {
        const QRectF cell(x + mm(1.5), rect.top() + mm(1.1), widths[c] - mm(3), height);
        const int align = rightAligned(table.columns[c].kind) ? Qt::AlignRight : Qt::AlignLeft;
        m_painter->drawText(cell, align | Qt::AlignBottom | Qt::TextWordWrap, table.columns[c].header);
        x += widths[c];
    }
}

void PdfPageLayout::table(const MetricTable &table)
{
    QFont body = font(bodyPt);
    QFont bold = font(bodyPt, true);
    QVector<double> widths = columnWidths(table, body, bold);
    // A wide table (metric 3 has nine columns) gets a smaller type before any cell is elided.
    const double natural = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (natural > m_content.width()) {
        const double points = std::max(minTablePt, bodyPt * m_content.width() / natural);
        body = font(points);
        bold = font(points, true);
        widths = columnWidths(table, body, bold);
    }
    widths = fitToPage(widths);
    const double rowHeight = QFontMetricsF(body, m_writer).height() + mm(2.2);
    auto drawHeader = [&] {
        headerRow(table, widths, bold);
        m_painter->setPen(QPen(Qt::black, mm(0.25)));
        m_painter->drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
    };
    ensureSpace(rowHeight * 3);
    drawHeader();
    for (int r = 0; r < table.rows.size(); ++r) {
        if (m_y + rowHeight > m_content.bottom()) {
            newPage();
            drawHeader();
        }
        QStringList cells;
        for (int c = 0; c < table.columns.size(); ++c)
            cells << displayText(table.rows.cell(r, c), table.columns[c].kind);
        tableRow(cells, table, widths, body, r % 2 == 1);
    }
    if (table.rows.isEmpty())
        paragraph(QStringLiteral("No matching transactions."), true);
    gap(4);
}

} // namespace cpm
