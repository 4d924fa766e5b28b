// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/RejectCsvWriter.h"

#include "report/TableWriters.h"

namespace cpm {

RejectCsvWriter::RejectCsvWriter(const QString &path) : m_file(path) {}

Error RejectCsvWriter::writeError(const QString &message) const
{
    Error error = Error::make(Error::Code::FileWrite, QStringLiteral("cannot write the rejected rows: ") + message);
    error.file = m_file.fileName();
    return error;
}

bool RejectCsvWriter::open(Error *error)
{
    if (!m_file.open(QIODevice::WriteOnly) || m_file.write(header()) < 0) {
        *error = writeError(m_file.errorString());
        return false;
    }
    return true;
}

void RejectCsvWriter::beginFile(const QString &path)
{
    if (path == m_currentPath) {
        // A reload of the same file: forget what its first attempt wrote.
        m_file.seek(m_fileStart);
        m_file.resize(m_fileStart);
        return;
    }
    m_currentPath = path;
    m_fileStart = m_file.pos();
}

void RejectCsvWriter::add(const QString &fileName, const RejectedRow &row)
{
    m_file.write(line(fileName, row)); // a failed write is remembered and reported by commit()
}

bool RejectCsvWriter::commit(Error *error)
{
    if (!m_file.commit()) {
        *error = writeError(m_file.errorString());
        return false;
    }
    return true;
}

void RejectCsvWriter::cancel()
{
    m_file.cancelWriting();
    m_file.commit(); // with writing cancelled, this only discards the temporary file
}

QByteArray RejectCsvWriter::header()
{
    return QByteArrayLiteral("file,line,column,column_name,value,reason,raw_text\r\n");
}

QByteArray RejectCsvWriter::line(const QString &fileName, const RejectedRow &row)
{
    const QChar comma = QLatin1Char(',');
    const QStringList fields = {fileName, QString::number(row.line), QString::number(row.column), row.columnName,
                                row.value, row.reason, row.rawText};
    QStringList quoted;
    for (const QString &field : fields)
        quoted << csvField(field, comma);
    return (quoted.join(comma) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace cpm
