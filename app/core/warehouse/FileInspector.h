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

class RecordSource;

/** What a quick look at the start of a file tells: role, dialect, formats, first rows. */
struct FileInspection
{
    QString path;
    ColumnMapping mapping;          ///< role Unknown when the header fits no extract
    CsvDialect dialect;             ///< for a worksheet of a workbook, dialect.sheet names it
    qint64 fileSize = 0;
    qint64 estimatedRows = 0;       ///< from the average record size of the sample
    QMap<QString, TimestampFormatGuess> timestampFormats; ///< canonical column name -> guess
    DecimalMarkGuess amountFormat;  ///< the amount column's decimal mark (transactions only)
    QVector<QStringList> previewRows; ///< first records as parsed (card data masked, CVV blank)
    Error error;

    FileRole role() const { return mapping.role; }
    bool ok() const { return !error.isError(); }
    /** The worksheet read, empty for a CSV file. */
    const QString &sheet() const { return dialect.sheet; }
};

/** Reads a file's header and first records; never the whole file. */
class FileInspector
{
public:
    /** Timestamp columns (Col:: indexes) of @p role. */
    static QVector<int> timestampColumns(FileRole role);

    /** A CSV file, or the worksheet @p sheet of a workbook (empty: its first). */
    static FileInspection inspect(const QString &path, FileRole forced = FileRole::Unknown,
                                  int sampleRows = 5000, int previewRows = 20, const QString &sheet = QString());

    /**
     * Every source in @p path: a CSV file is one; a workbook gives one per worksheet that
     * holds any cell (each classified by its own header), or just @p sheet when named. A
     * forced role needs a single sheet. A file that cannot be read gives one failed inspection.
     */
    static QVector<FileInspection> inspectAll(const QString &path, FileRole forced = FileRole::Unknown,
                                              const QString &sheet = QString());

    /** The header of @p path (of its @p sheet for a workbook), empty when unreadable. */
    static QStringList readHeader(const QString &path, const QString &sheet = QString());

private:
    static FileInspection inspectSource(RecordSource &source, const QString &path, FileRole forced, int sampleRows,
                                        int previewRows, bool *empty);
};

} // namespace cpm
