// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/XlsxWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

namespace cpm {

namespace {

constexpr int maxSheetName = 31;  // Excel's limit; libxlsxwriter rejects longer names
constexpr double minWidth = 8;
constexpr double maxWidth = 60;

/** The formats one workbook shares; libxlsxwriter owns them and frees them on close. */
struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *integer = nullptr;
    lxw_format *amount = nullptr;
    lxw_format *percent = nullptr;
    lxw_format *timestamp = nullptr;
    lxw_format *title = nullptr;
    lxw_format *label = nullptr;
    lxw_format *wrap = nullptr;
    lxw_format *note = nullptr;
};

lxw_format *numberFormat(lxw_workbook *book, const char *pattern)
{
    lxw_format *format = workbook_add_format(book);
    format_set_num_format(format, pattern);
    return format;
}

Formats makeFormats(lxw_workbook *book)
{
    Formats f;
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_bg_color(f.header, 0xEDEDED);
    f.integer = numberFormat(book, "#,##0");
    f.amount = numberFormat(book, "#,##0.00");
    // Percent values are already in percent units (42.5 means 42.5 %); a literal " %" suffix
    // keeps the cell value identical to the CSV instead of Excel's ×100 "0.00%" convention.
    f.percent = numberFormat(book, "0.00\" %\"");
    f.timestamp = numberFormat(book, "yyyy-mm-dd hh:mm:ss");
    f.title = workbook_add_format(book);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.label = workbook_add_format(book);
    format_set_bold(f.label);
    format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
    f.wrap = workbook_add_format(book);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.note = workbook_add_format(book);
    format_set_italic(f.note);
    return f;
}

lxw_format *formatFor(const Formats &f, ValueKind kind)
{
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Seconds:
        return f.integer;
    case ValueKind::Amount:
    case ValueKind::Days:
        return f.amount;
    case ValueKind::Percent:
        return f.percent;
    case ValueKind::Timestamp:
        return f.timestamp;
    case ValueKind::Rank:
    case ValueKind::Probability: // General: shows 3.4E-07 as such
    case ValueKind::Flag:        // TRUE/FALSE, Excel's own booleans
    case ValueKind::Text:
        break;
    }
    return nullptr;
}

/** Remembers the first libxlsxwriter failure; later calls keep going so close() still runs. */
struct Status
{
    lxw_error first = LXW_NO_ERROR;
    void operator()(lxw_error e) { if (first == LXW_NO_ERROR) first = e; }
};

void writeString(lxw_worksheet *sheet, int row, int col, const QString &text, lxw_format *format, Status &status)
{
    status(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(col), text.toUtf8().constData(), format));
}

void writeCell(lxw_worksheet *sheet, int row, int col, const QVariant &value, ValueKind kind,
               const Formats &f, Status &status)
{
    if (!value.isValid() || value.isNull())
        return;  // an empty cell, not 0 and not "—", so SUM/AVERAGE ignore it
    const auto r = lxw_row_t(row);
    const auto c = lxw_col_t(col);
    if (kind == ValueKind::Timestamp) {
        // Values are naive epoch seconds; Excel datetimes are naive too, so no zone shift.
        status(worksheet_write_unixtime(sheet, r, c, value.toLongLong(), f.timestamp));
        return;
    }
    if (kind == ValueKind::Flag) {
        status(worksheet_write_boolean(sheet, r, c, value.toBool() ? 1 : 0, nullptr));
        return;
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (kind != ValueKind::Text && ok)
        status(worksheet_write_number(sheet, r, c, number, formatFor(f, kind)));
    else
        writeString(sheet, row, col, value.toString(), nullptr, status);
}

/** Column width from the longest display text, clamped so a long name cannot swallow the sheet. */
double columnWidth(const MetricTable &table, int col)
{
    qsizetype longest = table.columns[col].header.size() + 3;  // room for the autofilter button
    for (qsizetype r = 0; r < table.rows.size(); ++r)
        longest = std::max(longest, displayText(table.rows.cell(r, col), table.columns[col].kind).size());
    return std::clamp(double(longest) + 2, minWidth, maxWidth);
}

void writeTableSheet(lxw_worksheet *sheet, const MetricTable &table, const Formats &f, Status &status)
{
    const int columns = int(table.columns.size());
    for (int c = 0; c < columns; ++c) {
        writeString(sheet, 0, c, table.columns[c].header, f.header, status);
        status(worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), columnWidth(table, c), nullptr));
    }
    for (int r = 0; r < table.rows.size(); ++r) {
        for (int c = 0; c < columns; ++c)
            writeCell(sheet, r + 1, c, table.rows.cell(r, c), table.columns[c].kind, f, status);
    }
    if (columns > 0) {
        worksheet_freeze_panes(sheet, 1, 0);
        status(worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()), lxw_col_t(columns - 1)));
    }
    // Notes go below a blank row, outside the autofilter range, so filtering never hides them.
    int row = int(table.rows.size()) + 2;
    if (table.rows.isEmpty())
        writeString(sheet, row++, 0, QStringLiteral("(no matching transactions)"), f.note, status);
    for (const QString &note : table.notes)
        writeString(sheet, row++, 0, QStringLiteral("Note: ") + note, f.note, status);
}

// The comparison of two imports: each table under a bold title, with its header row and notes,
// one blank row apart, so one sheet reads top to bottom like the compare view.
void writeStackedSheet(lxw_worksheet *sheet, const QString &title, const QVector<MetricTable> &tables, const Formats &f,
                       Status &status)
{
    writeString(sheet, 0, 0, title, f.title, status);
    int row = 2;
    QVector<double> widths;
    for (const MetricTable &table : tables) {
        writeString(sheet, row++, 0, table.title, f.header, status);
        const int columns = int(table.columns.size());
        widths.resize(std::max(widths.size(), qsizetype(columns)), minWidth);
        for (int c = 0; c < columns; ++c) {
            writeString(sheet, row, c, table.columns[c].header, f.label, status);
            widths[c] = std::max(widths[c], std::min(columnWidth(table, c), 40.0));
        }
        ++row;
        for (int r = 0; r < table.rows.size(); ++r, ++row) {
            for (int c = 0; c < columns; ++c)
                writeCell(sheet, row, c, table.rows.cell(r, c), table.columns[c].kind, f, status);
        }
        if (table.rows.isEmpty())
            writeString(sheet, row++, 0, QStringLiteral("(none)"), f.note, status);
        for (const QString &note : table.notes)
            writeString(sheet, row++, 0, QStringLiteral("Note: ") + note, f.note, status);
        ++row;
    }
    for (int c = 0; c < widths.size(); ++c)
        status(worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr));
}

int writeSection(lxw_worksheet *sheet, int row, const QString &heading, const KeyValueList &lines,
                 const Formats &f, Status &status)
{
    if (lines.isEmpty())
        return row;
    writeString(sheet, row++, 0, heading, f.header, status);
    for (const auto &line : lines) {
        writeString(sheet, row, 0, line.first, f.label, status);
        writeString(sheet, row++, 1, line.second, f.wrap, status);
    }
    return row + 1;
}

void writeAboutSheet(lxw_worksheet *sheet, const ReportInfo &info, const Formats &f, Status &status)
{
    status(worksheet_set_column(sheet, 0, 0, 28, nullptr));
    status(worksheet_set_column(sheet, 1, 1, 100, nullptr));
    writeString(sheet, 0, 0, info.title, f.title, status);
    writeString(sheet, 1, 0, QStringLiteral("Generated"), f.label, status);
    writeString(sheet, 1, 1, info.generatedAt().toString(QStringLiteral("yyyy-MM-dd HH:mm")), nullptr, status);
    int row = 3;
    row = writeSection(sheet, row, QStringLiteral("Filters"), info.filterLines(), f, status);
    row = writeSection(sheet, row, QStringLiteral("Data provenance"), info.provenanceLines(), f, status);
    writeSection(sheet, row, QStringLiteral("Definitions"), info.definitions, f, status);
}

Error writeFailure(const QString &path, const QString &reason)
{
    Error error = Error::make(Error::Code::FileWrite, QStringLiteral("cannot write the workbook: %1").arg(reason));
    error.file = path;
    return error;
}

Error writeWorkbook(const QString &path, const QVector<const MetricTable *> &tables, const ReportInfo *info)
{
    // A unique name in the target directory, so the final rename stays on one file system.
    QTemporaryFile temp(QFileInfo(path).absoluteDir().filePath(QStringLiteral(".cpm-XXXXXX.xlsx")));
    if (!temp.open())
        return writeFailure(path, temp.errorString());
    temp.close();  // libxlsxwriter opens the name itself when the workbook is closed
    const QByteArray tempName = QFile::encodeName(temp.fileName());
    lxw_workbook *book = workbook_new(tempName.constData());
    if (!book)
        return writeFailure(path, QStringLiteral("libxlsxwriter could not create a workbook"));
    const Formats formats = makeFormats(book);
    Status status;
    QStringList taken;
    for (const MetricTable *table : tables) {
        const QString name = XlsxWriter::sheetName(table->id.isEmpty() ? table->title : table->id, taken);
        taken << name;
        lxw_worksheet *sheet = workbook_add_worksheet(book, name.toUtf8().constData());
        if (sheet)
            writeTableSheet(sheet, *table, formats, status);
        else
            status(LXW_ERROR_SHEETNAME_ALREADY_USED);
    }
    if (info && !info->comparison.isEmpty()) {
        const QString name = XlsxWriter::sheetName(QStringLiteral("Comparison"), taken);
        taken << name;
        if (lxw_worksheet *sheet = workbook_add_worksheet(book, name.toUtf8().constData()))
            writeStackedSheet(sheet, info->comparisonTitle, info->comparison, formats, status);
    }
    if (info) {
        lxw_worksheet *about = workbook_add_worksheet(book, XlsxWriter::sheetName(QStringLiteral("About"), taken).toUtf8().constData());
        if (about)
            writeAboutSheet(about, *info, formats, status);
    }
    status(workbook_close(book));  // writes the zip and frees everything, even after an error
    if (status.first != LXW_NO_ERROR)
        return writeFailure(path, QString::fromUtf8(lxw_strerror(status.first)));
    // QTemporaryFile creates 0600; give the workbook the mode of the file it replaces, or the
    // usual rw-r--r--, so a shared report directory stays readable as with QSaveFile's files.
    const QFile::Permissions mode = QFile::exists(path) ? QFile::permissions(path)
        : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    QFile::setPermissions(temp.fileName(), mode);
    // POSIX rename() replaces the target atomically; QFile::rename refuses an existing target.
    if (std::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0)
        return writeFailure(path, QStringLiteral("cannot move the temporary file into place"));
    temp.setAutoRemove(false);
    return Error();
}

} // namespace

Error XlsxWriter::write(const QString &path, const QVector<const MetricTable *> &tables, const ReportInfo &info)
{
    return writeWorkbook(path, tables, &info);
}

Error XlsxWriter::writeTable(const QString &path, const MetricTable &table)
{
    return writeWorkbook(path, {&table}, nullptr);
}

QString XlsxWriter::sheetName(const QString &wanted, const QStringList &taken)
{
    // Excel rejects a name that starts or ends with an apostrophe, also after truncation.
    auto cut = [](QString text, int length) {
        text = text.left(length);
        while (text.startsWith(QLatin1Char('\'')) || text.endsWith(QLatin1Char('\'')))
            text.remove(text.startsWith(QLatin1Char('\'')) ? 0 : text.size() - 1, 1);
        return text.trimmed();
    };
    QString base;
    for (const QChar ch : wanted)
        base += QStringLiteral("[]:*?/\\").contains(ch) ? QLatin1Char('_') : ch;
    if (cut(base, maxSheetName).isEmpty())
        base = QStringLiteral("Sheet");
    QString name = cut(base, maxSheetName);
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n) {
        const QString suffix = QStringLiteral("~%1").arg(n);
        name = cut(base, maxSheetName - int(suffix.size())) + suffix;
    }
    return name;
}

} // namespace cpm
