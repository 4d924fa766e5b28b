// SPDX-License-Identifier: GPL-3.0-or-later
// What the CSV reader and parser suites share: fixture files written on the fly, and records
// compared as "line:field|field|..." strings.
#pragma once

#include "csv/CsvReader.h"

#include <QByteArrayList>
#include <QFile>
#include <QTemporaryDir>

namespace cpm::test {

/** Numbered files in a temporary folder, each holding the bytes a test feeds the reader. */
class TempFiles
{
public:
    QString write(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write fixture %s", qPrintable(path));
        return path;
    }
    /** A path in the folder (for a file that must not exist). */
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
};

/** @p record as "line:f1|f2". */
inline QByteArray describe(const CsvRecord &record)
{
    QByteArrayList fields;
    for (int i = 0; i < record.size(); ++i)
        fields << record.field(i).toByteArray();
    return QByteArray::number(record.lineNumber()) + ':' + fields.join('|');
}

} // namespace cpm::test
