// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL server the PostgreSQL suites use: CPM_TEST_PG_URI, set by
// scripts/with-postgres.sh (a throwaway cluster; the password is in PGPASSWORD, never in the
// URI). Suites start with CPM_SKIP_WITHOUT_POSTGRES() (below), which skips without one.
// Header-only so every tst_*.cpp stays a single-source executable; its SQL is in
// tests/fixtures/postgres/ (identifiers checked by SqlIdentifier, values bound).
#pragma once

#include "transform/SqlIdentifier.h"
#include "transform/SqlTemplate.h"
#include "warehouse/PostgresErrors.h"
#include "warehouse/SqlFile.h"
#include "warehouse/WarehouseLocation.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace cpm::test {

/** The live PostgreSQL server of the tests: its URI, fresh databases and roles on it. */
class PgTestServer
{
public:
    /** CPM_TEST_PG_URI: postgresql://USER@HOST:PORT/postgres (the maintenance database). */
    static QString uri() { return qEnvironmentVariable("CPM_TEST_PG_URI"); }

    /** Where the SQL of these helpers lives. */
    static QString sqlRoot() { return QDir(qEnvironmentVariable("CPM_FIXTURES")).filePath(QStringLiteral("postgres")); }

    /** @p database on the test server, logged in as @p user (default: the URI's). */
    static QString uriFor(const QString &database, const QString &user = QString())
    {
        WarehouseLocation location;
        Error ignored;
        WarehouseLocation::parse(uri(), &location, &ignored);
        location.database = database;
        if (!user.isEmpty())
            location.user = user;
        return location.display();
    }

    /** Whether a server answers "select 1" through QPSQL; else @p why says what is missing. */
    static bool available(QString *why)
    {
        if (uri().isEmpty()) {
            *why = QStringLiteral("CPM_TEST_PG_URI is not set (run ctest through scripts/with-postgres.sh, "
                                  "or point it at a server; packaging/install-deps.sh installs PostgreSQL)");
            return false;
        }
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            *why = QStringLiteral("Qt's QPSQL driver is not installed (libqt6sql6-psql)");
            return false;
        }
        return run(uri(), why, [](QSqlDatabase &db, QString *reason) {
            return scalar(db, QStringLiteral("select_one.sql"), {}, reason).toInt() == 1;
        });
    }

    /**
     * Drops (ending its sessions) and creates the database @p name (a plain lower-case
     * identifier) on the test server, and returns its URI; empty, with @p why, on failure.
     */
    static QString freshDatabase(const QString &name, QString *why)
    {
        const bool made = run(uri(), why, [&](QSqlDatabase &db, QString *reason) {
            return exec(db, QStringLiteral("drop_database.sql"), {{QStringLiteral("database"), name}}, {}, reason)
                && exec(db, QStringLiteral("create_database.sql"), {{QStringLiteral("database"), name}}, {}, reason);
        });
        return made ? uriFor(name) : QString();
    }

    /**
     * Makes @p role (created if absent) a login role with @p password (null: none) that may
     * read every table of @p database in schema public, now and later (default privileges
     * for tables the server's admin user creates), and nothing else.
     */
    static bool createReadOnlyRole(const QString &database, const QString &role, const QString &password, QString *why)
    {
        if (!createRole(role, password, why))
            return false;
        const QMap<QString, QString> names = {{QStringLiteral("database"), database}, {QStringLiteral("role"), role}};
        return run(uriFor(database), why, [&](QSqlDatabase &db, QString *reason) {
            for (const char *file : {"grant_connect.sql", "grant_schema_usage.sql", "grant_select_existing.sql", "grant_select_future.sql"}) {
                if (!exec(db, QString::fromLatin1(file), names, {}, reason))
                    return false;
            }
            return true;
        });
    }

    /** A login role @p role (created if absent) whose password is @p password (null: none). */
    static bool createRole(const QString &role, const QString &password, QString *why)
    {
        return run(uri(), why, [&](QSqlDatabase &db, QString *reason) {
            // A typed null binds as SQL null, which format('%L') turns into "password null".
            const QVariant secret = password.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(password);
            const QVariantMap values = {{QStringLiteral("role"), role}, {QStringLiteral("password"), secret}};
            if (scalar(db, QStringLiteral("role_exists.sql"), {{QStringLiteral("role"), role}}, reason).toInt() == 0
                && !exec(db, QStringLiteral("create_role.sql"), {{QStringLiteral("role"), role}}, {}, reason))
                return false;
            const QString statement = scalar(db, QStringLiteral("role_password_statement.sql"), values, reason).toString();
            QSqlQuery query(db);
            return !statement.isEmpty() && (query.exec(statement) || fail(reason, query.lastError().text()));
        });
    }

    /**
     * Opens a QPSQL connection to @p uri as WarehouseLocation::applyTo sets it up, with
     * @p password when given (else libpq's PGPASSWORD / ~/.pgpass); calls @p work on it and
     * removes the connection. @p why gets the driver's error or postgresError()'s line.
     */
    template<typename Work>
    static bool run(const QString &uri, QString *why, Work work, const QString &password = QString())
    {
        WarehouseLocation location;
        Error error;
        if (!WarehouseLocation::parse(uri, &location, &error))
            return fail(why, error.toString());
        const QString name = QStringLiteral("pgtest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            location.applyTo(db);
            if (!password.isNull())
                db.setPassword(password);
            if (!db.open())
                ok = fail(why, postgresError(location, QStringLiteral("cannot connect"), db.lastError()).toString());
            else
                ok = work(db, why);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    /** Runs @p relative with {{ name }} placeholders from @p names (checked identifiers) and @p values bound. */
    static bool exec(QSqlDatabase &db, const QString &relative, const QMap<QString, QString> &names,
                     const QVariantMap &values, QString *why)
    {
        SqlTemplate statement(sqlRoot(), relative);
        Error error;
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            statement.set(it.key(), SqlIdentifier::oneOf(it.value(), {it.value()}, it.key(), &error));
        const QString sql = error ? QString() : statement.render(&error);
        if (sql.isEmpty())
            return fail(why, error.toString());
        // QPSQL prepares with PREPARE, which takes no utility statement (create, drop, grant,
        // lock): those have no values and run unprepared.
        QSqlQuery query(db);
        bool ok = values.isEmpty() ? query.exec(sql) : query.prepare(sql);
        for (auto it = values.cbegin(); ok && it != values.cend(); ++it)
            query.bindValue(QLatin1Char(':') + it.key(), it.value());
        ok = ok && (values.isEmpty() || query.exec());
        return ok || fail(why, relative + QStringLiteral(": ") + query.lastError().text());
    }

    /** The first value @p relative returns (an invalid QVariant, with @p why, on failure). */
    static QVariant scalar(QSqlDatabase &db, const QString &relative, const QVariantMap &values, QString *why)
    {
        Error error;
        QSqlQuery query(db);
        QVariantMap bound;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            bound.insert(QLatin1Char(':') + it.key(), it.value());
        if (SqlFile::exec(query, sqlRoot(), relative, bound, &error) && query.next())
            return query.value(0);
        fail(why, error ? error.toString() : relative + QStringLiteral(": no row"));
        return QVariant();
    }

private:
    static bool fail(QString *why, const QString &reason)
    {
        if (why)
            *why = reason;
        return false;
    }
};

} // namespace cpm::test

/**
 * Skips the calling test function (initTestCase: the whole suite) when no server answers, with
 * the text CTest's SKIP_REGULAR_EXPRESSION reports as skipped (tests/CMakeLists.txt).
 */
#define CPM_SKIP_WITHOUT_POSTGRES()                                                                 \
    do {                                                                                           \
        QString cpmPostgresMissing;                                                                \
        if (!cpm::test::PgTestServer::available(&cpmPostgresMissing))                              \
            QSKIP(qPrintable(QStringLiteral("PostgreSQL suites skipped: ") + cpmPostgresMissing)); \
    } while (false)
