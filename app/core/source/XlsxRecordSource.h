// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/RecordSource.h"

#include <memory>

namespace cpm {

class XlsxWorkbook;
class XlsxSheetReader;

/** One worksheet of an .xlsx workbook as a RecordSource. */
class XlsxRecordSource : public RecordSource
{
public:
    /** The sheet named @p sheet (empty: the first) of the workbook at @p path, opened by open(). */
    XlsxRecordSource(const QString &path, const QString &sheet);
    /** Sheet @p index of @p workbook, already open (several sheets read one after another share it). */
    XlsxRecordSource(std::shared_ptr<XlsxWorkbook> workbook, int index);
    ~XlsxRecordSource() override;

    bool open() override;
    Result read(const std::function<bool(const CsvRecord &)> &onRecord) override;
    const Error &error() const override { return m_error; }
    CsvDialect dialect() const override;
    qint64 progressDone() const override;
    qint64 progressTotal() const override;
    QString cellName(int field, qint64 line) const override;

private:
    QString m_path;
    QString m_sheetName;
    std::shared_ptr<XlsxWorkbook> m_workbook;
    int m_index = -1;
    std::unique_ptr<XlsxSheetReader> m_reader;
    Error m_error;
};

} // namespace cpm
