// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "transform/SqlDialect.h"
#include "warehouse/WarehouseLocation.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

struct sqlite3;

namespace cpm {

class SqlProject;

/** The raw sqlite3 handle under a QSQLITE connection (null for any other driver). */
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/**
 * One warehouse, opened on its own named connection for the calling thread: an SQLite file
 * (the default) or a PostgreSQL database named by a postgresql:// URI (a team warehouse).
 * Opening applies the warehouse scripts (bookkeeping and raw tables) and checks the schema
 * version, so a warehouse made by a newer cpm is refused instead of being damaged.
 */
class Warehouse
{
public:
    // 2: columnar_snapshot; 3: store history (030_store_history.sql); 4: replaced versions (040_replaced_versions.sql)
    static constexpr int schemaVersion = 4;

    Warehouse();
    ~Warehouse();
    Warehouse(const Warehouse &) = delete;
    Warehouse &operator=(const Warehouse &) = delete;

    /** Opens (creating if needed) @p location: a file path or a postgresql:// URI. False: see error(). */
    bool open(const QString &location, const SqlProject &project);
    void close();
    bool isOpen() const { return m_db.isOpen(); }

    QSqlDatabase database() const { return m_db; }
    /** The connection's raw handle, for bulk loading through the sqlite3 C API. */
    sqlite3 *handle() const;
    /** The location as given (a file path, or a URI without password). */
    const QString &path() const { return m_path; }
    const WarehouseLocation &location() const { return m_location; }
    bool isPostgres() const { return m_location.isPostgres(); }
    /** How the models and data tests are rendered for this warehouse's engine. */
    SqlDialect dialect() const;
    /**
     * Starts the one write transaction of an import: SQLite takes the write lock up front;
     * PostgreSQL takes the warehouse's import lock (a second import is refused, not queued
     * behind a long load). False: see error().
     */
    bool beginImport();
    /** Where the SQL project opening it was read from (":/sql" or a --sql-dir folder). */
    const QString &sqlRoot() const { return m_sqlRoot; }
    const Error &error() const { return m_error; }

    /** Runs one statement without results (pragmas, begin/commit). False: see error(). */
    bool exec(const QString &sql);
    /** First column of the first row of @p sql, or an invalid QVariant. Prefer scalarFile(). */
    QVariant scalar(const QString &sql) const;
    /** First column of the first row of the statement file @p relative under sqlRoot(), or an invalid QVariant. */
    QVariant scalarFile(const QString &relative, const QVariantMap &values = {}) const;
    /** Whether @p name is a table or view in the warehouse. */
    bool hasRelation(const QString &name) const;
    /** The newest import batch id, 0 when nothing was imported yet. */
    qint64 lastBatchId() const;

private:
    bool openSqlite(const QString &path, const SqlProject &project);
    bool openPostgres(const SqlProject &project);
    bool applyScripts(const SqlProject &project);
    bool schemaIsCurrent();
    bool mayImport(Error *error) const;
    Error statementError(const QString &statement, const QSqlError &error) const;
    bool checkSchemaVersion();
    bool applyTestPageLimit();

    QString m_connectionName;
    QString m_path;
    WarehouseLocation m_location;
    int m_storedSchemaVersion = 0; ///< as found at open (0: a new or pre-versioning file)
    QString m_sqlRoot = QStringLiteral(":/sql");
    QSqlDatabase m_db;
    Error m_error;
};

} // namespace cpm
