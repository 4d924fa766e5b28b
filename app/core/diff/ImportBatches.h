// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace cpm {

/** One finished import batch: a point in time a comparison can pick. */
struct ImportBatch
{
    qint64 id = 0;
    QString startedAt;   ///< ISO 8601, local time of the importing machine
    QString finishedAt;
    QString source;      ///< "cli", "gui", ...
    qint64 files = 0;
    qint64 rowsLoaded = 0;
};

/** The two batches a comparison runs between (from may be newer than to: a backward diff). */
struct BatchPair
{
    ImportBatch from;
    ImportBatch to;
};

/** Every finished batch of the warehouse, oldest first (sql/diff/list_batches.sql). */
bool listImportBatches(const QSqlDatabase &db, const QString &sqlRoot, QVector<ImportBatch> *batches, Error *error);

/**
 * The first batch whose state is known exactly: 0 on a warehouse made with replaced versions
 * (schema 4), else the newest batch when it was upgraded (older versions were overwritten).
 */
qint64 statesKnownFrom(const QSqlDatabase &db, const QString &sqlRoot);

/**
 * Picks the batches to compare: @p to defaults (0) to the newest, @p from to the batch before
 * @p to. A usage error names the problem in one line: nothing imported, a single batch, an
 * unknown id, the same batch twice, or a batch older than @p knownFrom.
 */
bool resolveBatchPair(const QVector<ImportBatch> &batches, qint64 knownFrom, qint64 from, qint64 to,
                      BatchPair *pair, Error *error);

} // namespace cpm
