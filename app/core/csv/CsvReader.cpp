// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/CsvReader.h"

#include "csv/CsvParser.h"
#include "csv/CsvSniffer.h"

namespace cpm {

namespace {

constexpr qint64 kSniffBytes = 64 * 1024;

QString delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',': return QStringLiteral("comma");
    case ';': return QStringLiteral("semicolon");
    case '\t': return QStringLiteral("tab");
    default: return QStringLiteral("'%1'").arg(QLatin1Char(delimiter));
    }
}

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom: return QStringLiteral("UTF-8 with BOM");
    case TextEncoding::Windows1252: return QStringLiteral("Windows-1252");
    }
    return QString();
}

} // namespace

QString CsvDialect::describe() const
{
    if (!sheet.isNull())
        return QStringLiteral("xlsx workbook, sheet '%1'").arg(sheet);
    return QStringLiteral("%1, %2, %3")
        .arg(delimiterName(delimiter), encodingName(encoding), crlf ? QStringLiteral("CRLF") : QStringLiteral("LF"));
}

QByteArrayView CsvRecord::field(int i) const
{
    if (i < 0 || i >= m_count)
        return {};
    return QByteArrayView(m_starts[i], m_sizes[i]);
}

CsvReader::CsvReader(const QString &path)
    : m_path(path)
{
}

CsvReader::~CsvReader() = default;

bool CsvReader::open()
{
    m_error = Error();
    m_parser.reset();
    auto parser = std::make_unique<CsvParser>(m_path);
    if (!parser->open(&m_error))
        return false;
    m_fileSize = parser->fileSize();
    const QByteArray sample = parser->sample(kSniffBytes);
    // Without this a UTF-16 file would only fail later, on its first NUL byte.
    if (sample.startsWith("\xFF\xFE") || sample.startsWith("\xFE\xFF")) {
        m_error = Error::make(Error::Code::Csv, QStringLiteral("the file is in UTF-16"));
        m_error.file = m_path;
        m_error.line = 1;
        m_error.expected = QStringLiteral("UTF-8 or Windows-1252 (save the file as \"CSV UTF-8\")");
        return false;
    }
    m_dialect = sniffDialect(sample, sample.size() >= m_fileSize);
    m_parser = std::move(parser);
    return true;
}

CsvReader::Result CsvReader::read(const std::function<bool(const CsvRecord &)> &onRecord)
{
    if (!m_parser && !open())
        return Result::Error;
    m_error = Error();
    return m_parser->run(m_dialect, onRecord, &m_error);
}

qint64 CsvReader::bytesRead() const
{
    return m_parser ? m_parser->bytesRead() : 0;
}

qint64 CsvReader::transcodedFields() const
{
    return m_parser ? m_parser->transcodedFields() : 0;
}

} // namespace cpm
