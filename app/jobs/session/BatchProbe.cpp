// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/BatchProbe.h"

#include "warehouse/PostgresErrors.h"
#include "warehouse/SqlFile.h"
#include "warehouse/WarehouseLocation.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace cpm {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("cpm-batch-probe-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

BatchProbe::BatchProbe() : m_connectionName(nextConnectionName()) {}

BatchProbe::~BatchProbe()
{
    close();
}

void BatchProbe::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_location.clear();
}

bool BatchProbe::open(const QString &location, QString *error)
{
    close();
    WarehouseLocation where;
    Error parseError;
    if (!WarehouseLocation::parse(location, &where, &parseError))
        return *error = parseError.toString(), false;
    if (where.isPostgres()) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        where.applyTo(m_db);
    } else {
        // QSQLITE would create an empty file where the warehouse was: say it is gone instead.
        if (!QFileInfo(where.path).isFile()) {
            *error = QStringLiteral("%1: the warehouse file is gone").arg(where.path);
            return false;
        }
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_db.setDatabaseName(where.path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    }
    if (!m_db.open()) {
        *error = where.isPostgres()
            ? postgresError(where, QStringLiteral("cannot connect to the team warehouse"), m_db.lastError()).toString()
            : QStringLiteral("%1: %2").arg(where.path, m_db.lastError().text());
        close();
        return false;
    }
    m_location = location;
    return true;
}

BatchReading BatchProbe::read(const QString &location, qint64 knownBatch)
{
    BatchReading reading;
    if ((m_location != location || !m_db.isOpen()) && !open(location, &reading.error))
        return reading;
    const QString root = SqlFile::embeddedRoot();
    Error error;
    const QVariant newest = SqlFile::scalar(m_db, root, QStringLiteral("info/last_batch_id.sql"), {}, &error);
    if (error) {
        reading.error = error.toString();
        close(); // reopened by the next read: the server may be back by then
        return reading;
    }
    reading.batchId = newest.toLongLong();
    if (reading.batchId <= knownBatch)
        return reading;
    // Another import may have landed between the two reads: the batch goes with its own time.
    QSqlQuery query(m_db);
    if (SqlFile::exec(query, root, QStringLiteral("info/newest_batch.sql"), {}, &error) && query.next()) {
        reading.batchId = query.value(0).toLongLong();
        reading.importedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODate);
    }
    return reading;
}

} // namespace cpm
