// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "csv/CsvReader.h"

#include <QString>

#include <functional>
#include <memory>

namespace cpm {

/**
 * Where an import's records come from, a CSV file or one worksheet of an .xlsx workbook,
 * behind one interface: classification, timestamp detection, loading, rejects and progress
 * read both alike. One virtual call per read(); records are the same CsvRecord view either
 * way, so the per-field work is exactly the CSV path's.
 */
class RecordSource
{
public:
    enum class Result { Ok, Stopped, Error };

    virtual ~RecordSource() = default;

    /**
     * The source for @p path: a worksheet reader when the file is a spreadsheet (by its
     * signature or name), @p sheet naming the worksheet (empty: the first); otherwise CSV.
     */
    static std::unique_ptr<RecordSource> create(const QString &path, const QString &sheet = QString());

    /** Opens the file (and, for a workbook, refuses formats it cannot read). False: see error(). */
    virtual bool open() = 0;
    /** Streams every record, the header first; Stopped when @p onRecord returned false. */
    virtual Result read(const std::function<bool(const CsvRecord &)> &onRecord) = 0;
    virtual const Error &error() const = 0;
    /** How the file is written; for a worksheet, its name in CsvDialect::sheet. */
    virtual CsvDialect dialect() const = 0;
    /** Progress: units done so far and in all (bytes of the file or of the sheet's XML). */
    virtual qint64 progressDone() const = 0;
    virtual qint64 progressTotal() const = 0;
    /** Fields read as Windows-1252 (CSV only). */
    virtual qint64 transcodedFields() const { return 0; }
    /** How @p field of the record on @p line is named in messages: "C5" in a sheet, empty for CSV. */
    virtual QString cellName(int field, qint64 line) const
    {
        Q_UNUSED(field);
        Q_UNUSED(line);
        return QString();
    }
};

} // namespace cpm
