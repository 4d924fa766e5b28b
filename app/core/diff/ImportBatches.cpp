// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/ImportBatches.h"

#include "warehouse/SqlFile.h"

#include <QSqlQuery>

#include <algorithm>

namespace cpm {

bool listImportBatches(const QSqlDatabase &db, const QString &sqlRoot, QVector<ImportBatch> *batches, Error *error)
{
    batches->clear();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, sqlRoot, QStringLiteral("diff/list_batches.sql"), {}, error))
        return false;
    while (query.next()) {
        ImportBatch batch;
        batch.id = query.value(0).toLongLong();
        batch.startedAt = query.value(1).toString();
        batch.finishedAt = query.value(2).toString();
        batch.source = query.value(3).toString();
        batch.files = query.value(4).toLongLong();
        batch.rowsLoaded = query.value(5).toLongLong();
        batches->append(batch);
    }
    return true;
}

qint64 statesKnownFrom(const QSqlDatabase &db, const QString &sqlRoot)
{
    return SqlFile::scalar(db, sqlRoot, QStringLiteral("info/get_value.sql"),
                           {{QStringLiteral(":key"), QStringLiteral("states_known_from_batch")}})
        .toLongLong();
}

namespace {

// A batch id that names nothing is a usage error; a warehouse without two comparable states is not.
Error usage(const QString &message, const QString &expected = QString(), Error::Code code = Error::Code::Usage)
{
    Error error = Error::make(code, message);
    error.expected = expected;
    return error;
}

QString batchList(const QVector<ImportBatch> &batches)
{
    QStringList ids;
    for (const ImportBatch &batch : batches)
        ids << QString::number(batch.id);
    return ids.size() > 12 ? QStringLiteral("%1 … %2").arg(ids.first(), ids.last()) : ids.join(QStringLiteral(", "));
}

} // namespace

bool resolveBatchPair(const QVector<ImportBatch> &batches, qint64 knownFrom, qint64 from, qint64 to, BatchPair *pair,
                      Error *error)
{
    if (batches.isEmpty())
        return *error = usage(QStringLiteral("nothing was imported into this warehouse yet; there is nothing to compare"), QString(),
                                  Error::Code::Value), false;
    if (batches.size() == 1)
        return *error = usage(QStringLiteral("the warehouse holds one import (batch %1); there is nothing to compare it with")
                                  .arg(batches.first().id),
                              QStringLiteral("a second import"), Error::Code::Value),
               false;
    const auto find = [&](qint64 id) {
        return std::find_if(batches.cbegin(), batches.cend(), [id](const ImportBatch &b) { return b.id == id; });
    };
    auto toIt = to == 0 ? batches.cend() - 1 : find(to);
    if (toIt == batches.cend())
        return *error = usage(QStringLiteral("there is no import batch %1").arg(to), QStringLiteral("one of %1").arg(batchList(batches))), false;
    if (from == 0 && toIt == batches.cbegin())
        return *error = usage(QStringLiteral("batch %1 is the first import; give --from").arg(toIt->id)), false;
    auto fromIt = from == 0 ? toIt - 1 : find(from);
    if (fromIt == batches.cend())
        return *error = usage(QStringLiteral("there is no import batch %1").arg(from), QStringLiteral("one of %1").arg(batchList(batches))), false;
    if (fromIt == toIt)
        return *error = usage(QStringLiteral("both sides are batch %1").arg(from), QStringLiteral("two different batches")), false;
    const qint64 older = std::min(fromIt->id, toIt->id);
    if (older < knownFrom)
        return *error = usage(QStringLiteral("batch %1 was imported before this warehouse kept replaced versions "
                                             "(it was upgraded after batch %2); its state is not known")
                                  .arg(older)
                                  .arg(knownFrom),
                              QStringLiteral("batches %1 and later").arg(knownFrom), Error::Code::Value),
               false;
    pair->from = *fromIt;
    pair->to = *toIt;
    return true;
}

} // namespace cpm
