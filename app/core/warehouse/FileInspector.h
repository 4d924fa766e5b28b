// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "csv/CsvReader.h"
#include "csv/DecimalMark.h"
#include "csv/FileClassifier.h"
#include "csv/TimestampDetector.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cpm {

/** What a quick look at the start of a file tells: role, dialect, formats, first rows. */
struct FileInspection
{
    QString path;
    ColumnMapping mapping;          ///< role Unknown when the header fits no extract
    CsvDialect dialect;
    qint64 fileSize = 0;
    qint64 estimatedRows = 0;       ///< from the average record size of the sample
    QMap<QString, TimestampFormatGuess> timestampFormats; ///< canonical column name -> guess
    DecimalMarkGuess amountFormat;  ///< the amount column's decimal mark (transactions only)
    QVector<QStringList> previewRows; ///< first records as parsed (card data masked, CVV blank)
    Error error;

    FileRole role() const { return mapping.role; }
    bool ok() const { return !error.isError(); }
};

/** Reads a file's header and first records; never the whole file. */
class FileInspector
{
public:
    /** Timestamp columns (Col:: indexes) of @p role. */
    static QVector<int> timestampColumns(FileRole role);

    static FileInspection inspect(const QString &path, FileRole forced = FileRole::Unknown,
                                  int sampleRows = 5000, int previewRows = 20);
};

} // namespace cpm
