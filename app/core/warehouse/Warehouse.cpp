// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/Warehouse.h"

#include "transform/SqlDialect.h"
#include "transform/SqlProject.h"
#include "warehouse/PostgresErrors.h"
#include "warehouse/SqlFile.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace cpm {

static QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("cpm-warehouse-%1").arg(counter.fetchAndAddRelaxed(1));
}

Warehouse::Warehouse() : m_connectionName(nextConnectionName()) {}

Warehouse::~Warehouse()
{
    close();
}

void Warehouse::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

static Error databaseError(const QString &path, const QString &message, const QString &detail)
{
    Error e = Error::make(Error::Code::Database, message);
    e.file = path;
    if (!detail.isEmpty())
        e.message += QStringLiteral(": ") + detail;
    return e;
}

// SQLite's own words ("database is locked") name the symptom, not what the user can do about
// it: for the conditions a user can fix, lead with that and keep SQLite's text after it.
static Error explainedError(const QString &path, const QString &statement, const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff; // primary code of an extended one
    Error e = databaseError(path, QStringLiteral("'%1' failed").arg(statement), error.databaseText());
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        e.message.prepend(QStringLiteral("the warehouse is locked (busy) by another program; nothing was changed: "));
        e.expected = QStringLiteral("the other program to finish or close the warehouse, then a retry");
        break;
    case SQLITE_READONLY:
        e.message.prepend(QStringLiteral("the warehouse is read-only; nothing was changed: "));
        e.expected = QStringLiteral("a warehouse file and folder this user may write");
        break;
    case SQLITE_FULL:
        e.message.prepend(QStringLiteral("the disk is full; nothing was changed: "));
        break;
    default:
        break;
    }
    return e;
}

bool Warehouse::open(const QString &location, const SqlProject &project)
{
    close();
    m_path = location;
    m_sqlRoot = project.root();
    m_error = Error();
    if (!WarehouseLocation::parse(location, &m_location, &m_error))
        return false;
    if (m_location.isPostgres()) {
        m_path = m_location.display();
        return openPostgres(project);
    }
    return openSqlite(location, project);
}

bool Warehouse::openSqlite(const QString &path, const SqlProject &project)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        m_error = databaseError(path, QStringLiteral("not a warehouse file"), QString());
        m_error.expected = QStringLiteral("an SQLite warehouse file made by cpm");
        return false;
    }
    // SQLite would quietly open a read-only file read-only and fail on the first write with
    // "attempt to write a readonly database"; WAL also creates files beside it. Say it first.
    if (info.exists() && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())) {
        m_error = databaseError(path, QStringLiteral("the warehouse is read-only; nothing was changed"), QString());
        m_error.expected = QStringLiteral("a warehouse file and folder this user may write");
        return false;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        m_error = databaseError(path, QStringLiteral("cannot open the warehouse"), m_db.lastError().text());
        close();
        return false;
    }
    // The version check comes first: a damaged file or one from a newer cpm is refused before
    // anything (even the journal mode) is written to it.
    // WAL: readers (the GUI) keep reading while an import writes; NORMAL is durable enough
    // in WAL mode (a power cut may lose the last commit, never corrupt the file).
    // A warehouse at this build's schema version has had every script applied (the version is
    // written in the same transaction), so opening it takes no write lock: a reader never
    // waits for an import, and a cold `cpm-cli metrics` skips the scripts.
    if (!checkSchemaVersion() || !exec(QStringLiteral("pragma journal_mode = wal"))
        || !exec(QStringLiteral("pragma synchronous = normal")) || !exec(QStringLiteral("pragma foreign_keys = off"))
        || (m_storedSchemaVersion < schemaVersion && !applyScripts(project)) || !applyTestPageLimit()) {
        close();
        return false;
    }
    return true;
}

bool Warehouse::applyTestPageLimit()
{
    // Test hook: a page budget makes "disk full" reproducible without filling a disk.
    bool ok = false;
    const qint64 pages = qEnvironmentVariable("CPM_TEST_MAX_PAGE_COUNT").toLongLong(&ok);
    return !ok || exec(QStringLiteral("pragma max_page_count = %1").arg(pages));
}

bool Warehouse::checkSchemaVersion()
{
    // A file that is not SQLite fails on its first read; say so plainly.
    QSqlQuery query(m_db);
    Error error;
    if (!SqlFile::exec(query, m_sqlRoot, QStringLiteral("info/count_schema_objects.sql"), {}, &error)) {
        m_error = databaseError(m_path, QStringLiteral("not a cpm warehouse or damaged"), error.message);
        m_error.expected = QStringLiteral("an SQLite warehouse file made by cpm");
        return false;
    }
    if (!hasRelation(QStringLiteral("warehouse_info")))
        return true;
    const int version = scalarFile(QStringLiteral("info/get_value.sql"), {{QStringLiteral(":key"), QStringLiteral("schema_version")}}).toInt();
    m_storedSchemaVersion = version;
    if (version > schemaVersion) {
        m_error = databaseError(m_path, QStringLiteral("warehouse was made by a newer cpm (schema version %1)").arg(version), QString());
        m_error.expected = QStringLiteral("schema version %1 or older; upgrade cpm").arg(schemaVersion);
        return false;
    }
    return true;
}

bool Warehouse::applyScripts(const SqlProject &project)
{
    if (!exec(isPostgres() ? QStringLiteral("begin") : QStringLiteral("begin immediate")))
        return false;
    // Two clients opening a new team warehouse at once would race on "create table if not
    // exists"; the schema lock makes the second wait for the first (a no-op on SQLite).
    if (!scalarFile(QStringLiteral("session/lock_schema.sql")).isValid()) {
        m_error = databaseError(m_path, QStringLiteral("cannot lock the warehouse schema"), m_db.lastError().text());
        exec(QStringLiteral("rollback"));
        return false;
    }
    for (const auto &script : project.warehouseScripts()) {
        for (const QString &statement : splitSqlStatements(dialect().render(script.second))) {
            QSqlQuery query(m_db);
            if (!query.exec(statement)) {
                // A team warehouse's refusal in one actionable line (a read-only role may not
                // create the tables); the server's text spans lines and quotes the statement.
                m_error = isPostgres() ? postgresError(m_location, QStringLiteral("cannot create the warehouse tables"), query.lastError())
                                       : databaseError(script.first, QStringLiteral("warehouse script failed"), query.lastError().databaseText());
                exec(QStringLiteral("rollback"));
                return false;
            }
        }
    }
    // Triggers are SQLite's own syntax and hold semicolons: each file is one statement.
    for (const auto &statement : isPostgres() ? QVector<QPair<QString, QString>>() : project.sqliteWarehouseStatements()) {
        QSqlQuery query(m_db);
        if (!query.exec(dialect().render(statement.second).trimmed())) {
            m_error = databaseError(statement.first, QStringLiteral("warehouse script failed"), query.lastError().databaseText());
            exec(QStringLiteral("rollback"));
            return false;
        }
    }
    QSqlQuery version(m_db);
    const QVariantMap values{{QStringLiteral(":key"), QStringLiteral("schema_version")},
                             {QStringLiteral(":value"), QString::number(schemaVersion)}};
    Error error;
    if (!SqlFile::exec(version, m_sqlRoot, QStringLiteral("info/set_value.sql"), values, &error)) {
        m_error = databaseError(m_path, QStringLiteral("cannot record the schema version"), error.message);
        exec(QStringLiteral("rollback"));
        return false;
    }
    return exec(QStringLiteral("commit"));
}

SqlDialect Warehouse::dialect() const
{
    return SqlDialect(isPostgres() ? SqlDialect::Engine::Postgres : SqlDialect::Engine::Sqlite);
}

sqlite3 *Warehouse::handle() const
{
    return sqliteHandle(m_db);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

Error Warehouse::statementError(const QString &statement, const QSqlError &error) const
{
    if (isPostgres())
        return postgresError(m_location, QStringLiteral("'%1' failed").arg(statement), error);
    return explainedError(m_path, statement, error);
}

bool Warehouse::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    m_error = statementError(sql, query.lastError());
    return false;
}

QVariant Warehouse::scalar(const QString &sql) const
{
    QSqlQuery query(m_db);
    if (query.exec(sql) && query.next())
        return query.value(0);
    return QVariant();
}

QVariant Warehouse::scalarFile(const QString &relative, const QVariantMap &values) const
{
    return SqlFile::scalar(m_db, m_sqlRoot, relative, values);
}

bool Warehouse::hasRelation(const QString &name) const
{
    return scalarFile(QStringLiteral("info/has_relation.sql"), {{QStringLiteral(":name"), name}}).isValid();
}

qint64 Warehouse::lastBatchId() const
{
    return scalarFile(QStringLiteral("info/last_batch_id.sql")).toLongLong();
}

} // namespace cpm
