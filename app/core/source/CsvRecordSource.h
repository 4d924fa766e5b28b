// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/RecordSource.h"

namespace cpm {

/** A CSV file as a RecordSource: CsvReader, forwarded. */
class CsvRecordSource : public RecordSource
{
public:
    explicit CsvRecordSource(const QString &path) : m_reader(path) {}

    bool open() override { return m_reader.open(); }
    Result read(const std::function<bool(const CsvRecord &)> &onRecord) override
    {
        return static_cast<Result>(m_reader.read(onRecord));
    }
    const Error &error() const override { return m_reader.error(); }
    CsvDialect dialect() const override { return m_reader.dialect(); }
    qint64 progressDone() const override { return m_reader.bytesRead(); }
    qint64 progressTotal() const override { return m_reader.fileSize(); }
    qint64 transcodedFields() const override { return m_reader.transcodedFields(); }

private:
    CsvReader m_reader;
};

} // namespace cpm
