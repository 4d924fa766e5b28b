// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "warehouse/ImportTypes.h"

#include <QSaveFile>

namespace cpm {

/**
 * Writes every rejected row of an import as RFC 4180 CSV (file, line, column, column_name,
 * value, reason, raw_text — the record with card data masked) through QSaveFile: the file
 * appears whole on commit() or not at all. Streams, so a million rejects cost no memory.
 */
class RejectCsvWriter
{
public:
    explicit RejectCsvWriter(const QString &path);

    /** Creates the (temporary) file and writes the header. */
    bool open(Error *error);
    /**
     * A file's rows start here. Called again for the same file (the importer reloads it with
     * the other date order), its rows so far are dropped, so each reject is written once.
     */
    void beginFile(const QString &path);
    void add(const QString &fileName, const RejectedRow &row);
    /** Moves the finished file into place. */
    bool commit(Error *error);
    /** Leaves no file behind. */
    void cancel();

    static QByteArray header();
    /** One CSV line (CRLF-terminated) for @p row of @p fileName. */
    static QByteArray line(const QString &fileName, const RejectedRow &row);

private:
    Error writeError(const QString &message) const;

    QSaveFile m_file;
    QString m_currentPath;
    qint64 m_fileStart = 0; ///< where the current file's rows begin
};

} // namespace cpm
