// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/XlsxSheetReader.h"

#include "xlsx/XlsxValues.h"
#include "xlsx/XlsxWorkbook.h"
#include "xlsx/ZipEntryDevice.h"

#include <charconv>

namespace cpm {

namespace {

// A cell's <v> is short ASCII; copied to the stack instead of a QByteArray per cell.
bool parseDouble(QStringView text, double *value)
{
    text = text.trimmed();
    char buffer[64];
    if (text.isEmpty() || text.size() >= qsizetype(sizeof buffer))
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].unicode() > 127)
            return false;
        buffer[i] = char(text[i].unicode());
    }
    const char *end = buffer + text.size();
    const auto result = std::from_chars(buffer, end, *value);
    return result.ec == std::errc() && result.ptr == end;
}

void appendCsvField(QByteArray &out, const QByteArray &field)
{
    if (!field.contains(',') && !field.contains('"') && !field.contains('\n') && !field.contains('\r')) {
        out += field;
        return;
    }
    out += '"';
    out += QByteArray(field).replace('"', "\"\"");
    out += '"';
}

} // namespace

XlsxSheetReader::XlsxSheetReader(XlsxWorkbook &workbook, int sheetIndex) : m_workbook(workbook), m_sheet(sheetIndex) {}

XlsxSheetReader::~XlsxSheetReader() = default;

qint64 XlsxSheetReader::bytesRead() const
{
    return m_device ? static_cast<const ZipEntryDevice *>(m_device.get())->consumed() : 0;
}

QString XlsxSheetReader::cellName(int field, qint64 row) const
{
    return XlsxValues::columnLetters(std::max(0, m_origin) + field) + QString::number(row);
}

bool XlsxSheetReader::fail(const QString &message, int column)
{
    const XlsxSheet &sheet = m_workbook.sheets().at(m_sheet);
    m_error = Error::make(Error::Code::Csv, QStringLiteral("sheet '%1': %2").arg(sheet.name, message));
    m_error.file = m_workbook.path();
    m_error.line = m_row;
    if (column >= 0)
        m_error.columnName = XlsxValues::columnLetters(column) + QString::number(m_row);
    return false;
}

XlsxSheetReader::Result XlsxSheetReader::read(const std::function<bool(const CsvRecord &)> &onRecord)
{
    m_error = Error();
    const QString part = m_workbook.sheets().at(m_sheet).part;
    m_totalBytes = std::max<qint64>(0, m_workbook.archive().size(part));
    m_device = m_workbook.archive().openEntry(part);
    if (!m_device)
        return fail(QStringLiteral("cannot be read: %1").arg(m_workbook.archive().errorString())), Result::Error;
    m_xml.setDevice(m_device.get());
    m_row = 0;
    m_origin = -1;
    while (!m_xml.atEnd()) {
        if (m_xml.readNext() != QXmlStreamReader::StartElement || m_xml.name() != u"row")
            continue;
        bool stop = false;
        if (!readRow() || !emitRow(onRecord, &stop))
            return m_error.isError() || failXml(), Result::Error;
        if (stop)
            return Result::Stopped;
    }
    return m_xml.hasError() ? (failXml(), Result::Error) : Result::Ok;
}

bool XlsxSheetReader::failXml()
{
    // A CRC error or a cut-off entry surfaces as the device's error, the rest as the XML's.
    const QString device = m_device ? m_device->errorString() : QString();
    const bool damaged = !device.isEmpty() && device != QLatin1String("Unknown error");
    return fail(damaged ? QStringLiteral("the workbook is damaged (zip: %1)").arg(device)
                        : QStringLiteral("malformed XML: %1").arg(m_xml.errorString()));
}

bool XlsxSheetReader::readRow()
{
    for (int i = 0; i < m_filled; ++i)
        m_cells[std::size_t(i)].resize(0);
    m_filled = 0;
    bool numbered = false;
    const qint64 row = m_xml.attributes().value(QLatin1String("r")).toLongLong(&numbered);
    m_row = numbered && row > 0 ? row : m_row + 1;
    int nextColumn = 0;
    while (!m_xml.atEnd()) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::EndElement && m_xml.name() == u"row")
            return true;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (m_xml.name() != u"c")
            m_xml.skipCurrentElement();
        else if (!readCell(&nextColumn))
            return false;
    }
    return !m_xml.hasError();
}

bool XlsxSheetReader::readCell(int *nextColumn)
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    int column = *nextColumn;
    qint64 row = 0;
    const QStringView ref = attributes.value(QLatin1String("r"));
    if (!ref.isEmpty() && !XlsxValues::parseCellReference(ref, &column, &row))
        return fail(QStringLiteral("bad cell reference '%1'").arg(ref.toString()));
    *nextColumn = column + 1;
    const QStringView type = attributes.value(QLatin1String("t")); // valid while `attributes` lives
    const int style = attributes.value(QLatin1String("s")).toInt();
    QString value;
    while (!m_xml.atEnd()) {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::EndElement && m_xml.name() == u"c")
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (m_xml.name() == u"v")
            value = m_xml.readElementText();
        else if (m_xml.name() == u"is")
            value = XlsxSharedStrings::readItem(m_xml);
        else
            m_xml.skipCurrentElement(); // <f> formulas: their cached <v> is the value
    }
    return m_xml.hasError() || storeCell(column, type, style, value);
}

bool XlsxSheetReader::storeCell(int column, QStringView type, int style, const QString &value)
{
    if (std::size_t(column) >= m_cells.size())
        m_cells.resize(std::size_t(column) + 1);
    QByteArray &cell = m_cells[std::size_t(column)];
    m_filled = std::max(m_filled, column + 1);
    if (value.isEmpty()) {
        cell.resize(0);
    } else if (type == u"s") {
        bool ok = false;
        const qint64 index = value.toLongLong(&ok);
        if (!ok || index < 0 || index >= m_workbook.sharedStrings().size())
            return fail(QStringLiteral("shared string %1 does not exist").arg(value), column);
        cell = m_workbook.sharedStrings().at(index);
    } else if (type == u"b") {
        cell = value.trimmed() == u"1" ? QByteArrayLiteral("TRUE") : QByteArrayLiteral("FALSE");
    } else if (type.isEmpty() || type == u"n") {
        double number = 0;
        if (!parseDouble(value, &number))
            cell = value.toUtf8();
        else if (m_workbook.styles().isDateStyle(style))
            cell = XlsxValues::dateText(number, m_workbook.date1904());
        else
            cell = XlsxValues::numberText(number);
    } else {
        cell = value.toUtf8(); // inlineStr, str (a formula's text), e (#N/A...), d (ISO 8601)
    }
    return true;
}

int XlsxSheetReader::fieldCount()
{
    int last = m_filled;
    while (last > 0 && m_cells[std::size_t(last - 1)].isEmpty())
        --last;
    if (m_origin < 0) {
        if (last == 0)
            return 0; // blank rows above the header
        m_origin = 0;
        while (m_cells[std::size_t(m_origin)].isEmpty())
            ++m_origin;
        m_width = last - m_origin;
    }
    // Cells left of the table (a label in column A beside a table starting in B) are not fields.
    return last <= m_origin ? 0 : std::max(m_width, last - m_origin);
}

bool XlsxSheetReader::emitRow(const std::function<bool(const CsvRecord &)> &onRecord, bool *stop)
{
    const int count = fieldCount();
    if (count == 0)
        return true; // a blank row, skipped like a blank line of a CSV file
    if (m_cells.size() < std::size_t(m_origin + count))
        m_cells.resize(std::size_t(m_origin + count));
    m_starts.resize(std::size_t(count));
    m_sizes.resize(std::size_t(count));
    m_raw.resize(0);
    for (int i = 0; i < count; ++i) {
        QByteArray &cell = m_cells[std::size_t(m_origin + i)];
        if (m_origin + i >= m_filled)
            cell.resize(0);
        m_starts[std::size_t(i)] = cell.constData();
        m_sizes[std::size_t(i)] = int(cell.size());
        if (i > 0)
            m_raw += ',';
        appendCsvField(m_raw, cell);
    }
    m_filled = std::max(m_filled, m_origin + count);
    CsvRecord record;
    record.m_starts = m_starts.data();
    record.m_sizes = m_sizes.data();
    record.m_count = count;
    record.m_line = m_row;
    record.m_raw = QByteArrayView(m_raw);
    *stop = !onRecord(record);
    return true;
}

} // namespace cpm
