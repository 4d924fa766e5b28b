// SPDX-License-Identifier: GPL-3.0-or-later
#include "source/XlsxRecordSource.h"

#include "xlsx/XlsxSheetReader.h"
#include "xlsx/XlsxWorkbook.h"

namespace cpm {

XlsxRecordSource::XlsxRecordSource(const QString &path, const QString &sheet) : m_path(path), m_sheetName(sheet) {}

XlsxRecordSource::XlsxRecordSource(std::shared_ptr<XlsxWorkbook> workbook, int index)
    : m_path(workbook->path()), m_workbook(std::move(workbook)), m_index(index)
{
    m_sheetName = m_workbook->sheets().value(index).name;
}

XlsxRecordSource::~XlsxRecordSource() = default;

bool XlsxRecordSource::open()
{
    m_error = Error();
    if (!m_workbook) {
        auto workbook = std::make_shared<XlsxWorkbook>();
        if (!workbook->open(m_path))
            return m_error = workbook->error(), false;
        m_index = m_sheetName.isEmpty() ? 0 : workbook->sheetIndex(m_sheetName);
        if (m_index < 0) {
            m_error = Error::make(Error::Code::FileOpen, QStringLiteral("the workbook has no sheet named '%1'").arg(m_sheetName));
            m_error.file = m_path;
            return false;
        }
        m_sheetName = workbook->sheets().at(m_index).name;
        m_workbook = std::move(workbook);
    }
    m_reader = std::make_unique<XlsxSheetReader>(*m_workbook, m_index);
    return true;
}

RecordSource::Result XlsxRecordSource::read(const std::function<bool(const CsvRecord &)> &onRecord)
{
    if (!m_reader && !open())
        return Result::Error;
    const auto result = m_reader->read(onRecord);
    m_error = m_reader->error();
    return static_cast<Result>(result);
}

CsvDialect XlsxRecordSource::dialect() const
{
    CsvDialect dialect;
    dialect.sheet = m_sheetName.isNull() ? QStringLiteral("") : m_sheetName;
    return dialect;
}

qint64 XlsxRecordSource::progressDone() const
{
    return m_reader ? m_reader->bytesRead() : 0;
}

qint64 XlsxRecordSource::progressTotal() const
{
    return m_reader ? m_reader->totalBytes() : 0;
}

QString XlsxRecordSource::cellName(int field, qint64 line) const
{
    return m_reader ? m_reader->cellName(field, line) : QString();
}

} // namespace cpm
