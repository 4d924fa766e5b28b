// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ReportWriter.h"

#include "export/ChartExporter.h"
#include "export/PdfPageLayout.h"
#include "report/CsvExport.h"
#include "report/XlsxWriter.h"

#include <QBuffer>
#include <QChart>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <memory>

namespace cpm {

namespace {

/** The chart of a section for the duration of one export: built (and owned) or borrowed. */
class SectionChart
{
public:
    explicit SectionChart(const ReportSection &section)
    {
        if (section.makeChart) {
            m_owned.reset(section.makeChart());
            m_chart = m_owned.get();
        } else {
            m_chart = section.chart;
        }
    }
    QChart *get() const { return m_chart; }

private:
    std::unique_ptr<QChart> m_owned;
    QChart *m_chart = nullptr;
};

Error failure(const QString &path, const QString &reason)
{
    Error error = Error::make(Error::Code::FileWrite, reason);
    error.file = path;
    return error;
}

void setUpPdf(QPdfWriter &pdf, const QString &title)
{
    pdf.setCreator(QStringLiteral("cpm %1").arg(QStringLiteral(CPM_VERSION)));
    pdf.setTitle(title);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(300);
}

// A chart is laid out at the page's width in screen pixels (96 dpi), so its fonts print at
// their on-screen size instead of shrinking with a large layout size.
QSize chartLayoutSize(const PdfPageLayout &layout, const QSize &aspect)
{
    const int width = qRound(layout.content().width() / layout.mm(25.4) * 96);
    return QSize(width, width * aspect.height() / aspect.width());
}

QPicture pictureOf(QChart *chart, const QSize &size, bool lightTheme)
{
    QPicture picture;
    QPainter painter;
    if (!painter.begin(&picture))
        return QPicture();
    ChartExporter::render(chart, &painter, QRectF(QPointF(0, 0), QSizeF(size)), size, lightTheme);
    painter.end();
    return picture;
}

/** Plays @p picture, recorded at @p size, scaled into @p target. */
void playInto(QPainter *painter, const QPicture &picture, const QSize &size, const QRectF &target)
{
    // A picture plays back scaled by the ratio of the device's resolution to its own.
    const double dpiX = double(picture.logicalDpiX()) / painter->device()->logicalDpiX();
    const double dpiY = double(picture.logicalDpiY()) / painter->device()->logicalDpiY();
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(target.width() / size.width() * dpiX, target.height() / size.height() * dpiY);
    painter->drawPicture(0, 0, picture);
    painter->restore();
}

// A PDF page is narrow: the comparison's columns that repeat another (the field list beside
// the before/after texts, the movement word beside its arrow) are left to the workbook.
MetricTable withoutRepeatedColumns(const MetricTable &table)
{
    static const QStringList repeated = {QStringLiteral("fields"), QStringLiteral("movement")};
    MetricTable narrow = table;
    narrow.columns.clear();
    QVector<int> kept;
    for (int c = 0; c < table.columns.size(); ++c) {
        if (!repeated.contains(table.columns[c].key)) {
            kept << c;
            narrow.columns << table.columns[c];
        }
    }
    if (kept.size() == table.columns.size())
        return table;
    QVector<QVariantList> rows;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        QVariantList row;
        for (int c : kept)
            row << table.rows.cell(r, c);
        rows << row;
    }
    narrow.rows = MetricRows(std::move(rows));
    return narrow;
}

} // namespace

ReportWriter::ReportWriter(ReportInfo info, QVector<ReportSection> sections, ReportOptions options)
    : m_info(std::move(info)), m_sections(std::move(sections)), m_options(options)
{
}

void ReportWriter::writeTitlePage(PdfPageLayout &layout) const
{
    const QString generated = m_info.generatedAt().toString(QStringLiteral("dddd d MMMM yyyy, HH:mm"));
    layout.title(m_info.title, QStringLiteral("Report generated %1").arg(generated));
    layout.heading(QStringLiteral("Filters"));
    layout.keyValues(m_info.filterLines());
    layout.heading(QStringLiteral("Data provenance"));
    const KeyValueList provenance = m_info.provenanceLines();
    if (provenance.isEmpty())
        layout.paragraph(QStringLiteral("No provenance was recorded for this report."), true);
    else
        layout.keyValues(provenance);
    layout.heading(QStringLiteral("Contents"));
    KeyValueList contents;
    for (int i = 0; i < m_sections.size(); ++i)
        contents.append({QString::number(i + 1), m_sections[i].table.title});
    if (!m_info.comparison.isEmpty())
        contents.append({QString::number(m_sections.size() + 1), m_info.comparisonTitle});
    layout.keyValues(contents);
}

void ReportWriter::writeComparison(PdfPageLayout &layout, int number) const
{
    layout.newPage();
    layout.heading(QStringLiteral("%1. %2").arg(number).arg(m_info.comparisonTitle));
    for (const MetricTable &table : m_info.comparison) {
        layout.subheading(table.title);
        if (table.rows.isEmpty())
            layout.paragraph(QStringLiteral("(none)"), true);
        else
            layout.table(withoutRepeatedColumns(table));
        for (const QString &note : table.notes)
            layout.paragraph(QStringLiteral("Note: ") + note, true);
    }
}

void ReportWriter::writeSection(PdfPageLayout &layout, const ReportSection &section, int number) const
{
    layout.newPage();
    layout.heading(QStringLiteral("%1. %2").arg(number).arg(section.table.title));
    const QSize size = chartLayoutSize(layout, m_options.chartSize);
    const auto reserve = [&layout, &size] { return layout.reserve(layout.content().width() * size.height() / size.width()); };
    if (!section.drawnChart.isNull()) {
        playInto(layout.painter(), section.drawnChart, size, reserve());
        layout.gap(4);
    } else if (const SectionChart chart(section); chart.get()) {
        ChartExporter::render(chart.get(), layout.painter(), reserve(), size, m_options.lightTheme);
        layout.gap(4);
    }
    layout.table(section.table);
    if (!section.definition.isEmpty()) {
        layout.subheading(QStringLiteral("Definition"));
        layout.paragraph(section.definition);
    }
    for (const QString &note : section.table.notes)
        layout.paragraph(QStringLiteral("Note: ") + note, true);
}

Error ReportWriter::writePdf(const QString &path) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        setUpPdf(pdf, m_info.title);
        QPainter painter;
        if (!painter.begin(&pdf))
            return failure(path, QStringLiteral("cannot start the PDF document"));
        PdfPageLayout layout(&pdf, &painter, QStringLiteral("%1 · %2").arg(m_info.title, m_info.filter.describe()));
        writeTitlePage(layout);
        for (int i = 0; i < m_sections.size(); ++i)
            writeSection(layout, m_sections[i], i + 1);
        if (!m_info.comparison.isEmpty())
            writeComparison(layout, int(m_sections.size()) + 1);
        layout.finish();
        painter.end();
    }
    return writeFileAtomically(path, bytes);
}

Error ReportWriter::writeXlsx(const QString &path) const
{
    ReportInfo info = m_info;
    QVector<const MetricTable *> tables;
    for (const ReportSection &section : m_sections) {
        tables << &section.table;
        if (!section.definition.isEmpty())
            info.definitions.append({section.table.title, section.definition});
    }
    return XlsxWriter::write(path, tables, info);
}

Error ReportWriter::writeSectionFiles(const QString &directory, const ReportSection &section,
                                      QStringList *written) const
{
    const QDir dir(directory);
    const QString id = section.table.id.isEmpty() ? QStringLiteral("metric") : section.table.id;
    auto note = [written](const QString &path) { if (written) written->append(path); };
    const SectionChart chart(section);
    if (chart.get()) {
        ChartExportOptions options;
        options.size = m_options.chartSize;
        options.scale = m_options.pngScale;
        options.lightTheme = m_options.lightTheme;
        const QString png = dir.filePath(id + QStringLiteral(".png"));
        if (const Error error = ChartExporter::savePng(chart.get(), png, options))
            return error;
        note(png);
        const QString svg = dir.filePath(id + QStringLiteral(".svg"));
        if (const Error error = ChartExporter::saveSvg(chart.get(), svg, options))
            return error;
        note(svg);
    }
    const QString csv = dir.filePath(id + QStringLiteral(".csv"));
    if (const Error error = writeCsvFile(csv, section.table))
        return error;
    note(csv);
    return Error();
}

Error ReportWriter::writeDirectory(const QString &directory, QStringList *written) const
{
    if (!QDir().mkpath(directory))
        return failure(directory, QStringLiteral("cannot create the report directory"));
    const QDir dir(directory);
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    if (const Error error = writePdf(pdf))
        return error;
    if (written)
        written->append(pdf);
    const QString xlsx = dir.filePath(QStringLiteral("report.xlsx"));
    if (const Error error = writeXlsx(xlsx))
        return error;
    if (written)
        written->append(xlsx);
    for (const ReportSection &section : m_sections) {
        if (const Error error = writeSectionFiles(directory, section, written))
            return error;
    }
    return Error();
}

bool ReportWriter::isDirectory(const QString &target)
{
    const QString suffix = QFileInfo(target).suffix().toLower();
    return suffix != QLatin1String("pdf") && suffix != QLatin1String("xlsx");
}

Error ReportWriter::write(const QString &target, QStringList *written) const
{
    if (isDirectory(target))
        return writeDirectory(target, written);
    const bool pdf = QFileInfo(target).suffix().toLower() == QLatin1String("pdf");
    const Error error = pdf ? writePdf(target) : writeXlsx(target);
    if (!error && written)
        written->append(target);
    return error;
}

void ReportWriter::drawChartsNow()
{
    // The size writeSection() lays a chart out at, from a layout of the same page setup.
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&scratch);
    setUpPdf(pdf, m_info.title);
    QPainter painter(&pdf);
    const QSize size = chartLayoutSize(PdfPageLayout(&pdf, &painter, QString()), m_options.chartSize);
    painter.end();
    for (ReportSection &section : m_sections) {
        if (const SectionChart chart(section); chart.get())
            section.drawnChart = pictureOf(chart.get(), size, m_options.lightTheme);
        section.makeChart = nullptr;
        section.chart = nullptr;
    }
}

} // namespace cpm
