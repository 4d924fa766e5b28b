// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace cpm {

/** What one look at a warehouse's import batches found. */
struct BatchReading
{
    qint64 batchId = 0;   ///< the newest batch (0: none yet, or the read failed)
    QDateTime importedAt; ///< when that batch finished, when newer than the known one; else invalid
    QString error;        ///< why the warehouse could not be read (empty when it could)
};

/**
 * The BatchWatcher's own reader connection, used on one thread only (the watcher's). It is
 * a plain connection, not a Warehouse: opening a Warehouse applies the schema inside a write
 * transaction, which would wait behind the very import it is meant to notice. It opens on
 * the first read, and again after a failure (a restarted server, a moved file).
 */
class BatchProbe
{
public:
    BatchProbe();
    ~BatchProbe();
    BatchProbe(const BatchProbe &) = delete;
    BatchProbe &operator=(const BatchProbe &) = delete;

    /**
     * The newest batch of @p location (a file path or postgresql:// URI); its import time is
     * read only when it is newer than @p knownBatch.
     */
    BatchReading read(const QString &location, qint64 knownBatch);

private:
    bool open(const QString &location, QString *error);
    void close();

    QString m_connectionName;
    QString m_location;
    QSqlDatabase m_db;
};

} // namespace cpm
