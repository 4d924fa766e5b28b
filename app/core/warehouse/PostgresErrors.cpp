// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/PostgresErrors.h"

#include <QRegularExpression>

namespace cpm {

namespace {

/**
 * One recognised failure: any of its SQLSTATEs, or else libpq's text matching its pattern.
 * The reason may name {server}, {user}, {database}, {host}, {uri}; {name} is the pattern's
 * first capture (the user or database libpq quoted), else the location's own user/database.
 */
struct Rule
{
    QStringList sqlstates;
    const char *pattern;
    const char *reason;
};

// Order matters: a lost connection also says "could not connect" in some libpq versions, and
// a wrong password must not read as a missing role.
const Rule kRules[] = {
    {{QStringLiteral("42501")}, "permission denied",
     "user {user} may only read this warehouse (read-only role); imports need a role with write access; nothing was changed"},
    {{QStringLiteral("55P03")}, "could not obtain lock|lock not available",
     "another session holds a lock on this warehouse (an import is running); try again when it has finished; nothing was changed"},
    {{QStringLiteral("25006")}, "read-only transaction",
     "the server at {server} only allows reading (a replica?); imports need the primary; nothing was changed"},
    {{QStringLiteral("53300")}, "too many clients|remaining connection slots",
     "the server at {server} has no free connection slots; try again later or raise max_connections"},
    {{QStringLiteral("57P01"), QStringLiteral("57P02"), QStringLiteral("57P03")},
     "server closed the connection unexpectedly|terminating connection|connection to server was lost|no connection to the server",
     "the PostgreSQL server at {server} closed the connection unexpectedly (stopped or restarted?); try again"},
    {{QStringLiteral("28P01")}, "password authentication failed for user \"([^\"]*)\"|no password supplied",
     "wrong or missing password for user {name}; put it in ~/.pgpass or PGPASSWORD"},
    {{}, "Peer authentication failed for user \"([^\"]*)\"",
     "the server lets only the login named {name} in over {server} (peer authentication); log in as {name}, or connect over TCP (postgresql://{name}@localhost/...) with a password"},
    {{QStringLiteral("3D000")}, "database \"([^\"]*)\" does not exist",
     "database \"{name}\" does not exist on {server}; create it with `cpm-cli init --db {uri}`"},
    {{}, "role \"([^\"]*)\" does not exist",
     "role \"{name}\" does not exist on {server}; ask the database administrator to create it, or name another user in the URI"},
    {{QStringLiteral("28000")}, "no pg_hba.conf entry",
     "the server at {server} does not let user {user} connect to database \"{database}\" from here (pg_hba.conf); ask the database administrator"},
    {{}, "Connection refused|socket \"[^\"]*\" failed: No such file or directory|could not connect to server",
     "no PostgreSQL server answers at {server}; is it running?"},
    {{}, "could not translate host name",
     "unknown host \"{host}\": the name does not resolve; check the host in the URI"},
    {{}, "timeout expired",
     "no answer from {server} within the connect timeout; is the host reachable (firewall, VPN)?"},
};

/** libpq's first line without its "FATAL:  " / "ERROR:  " and QPSQL's "(SQLSTATE)" tail. */
QString firstLine(const QString &text, const QString &sqlstate)
{
    static const QRegularExpression severity(QStringLiteral("^(?:.*failed: )?(?:FATAL|ERROR|PANIC):\\s+"));
    QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    line.remove(severity);
    if (!sqlstate.isEmpty() && line.endsWith(QLatin1Char('(') + sqlstate + QLatin1Char(')')))
        line.chop(sqlstate.size() + 2);
    line = line.trimmed();
    return sqlstate.isEmpty() ? line : line + QStringLiteral(" (SQLSTATE %1)").arg(sqlstate);
}

QString fill(const char *reason, const WarehouseLocation &where, const QString &name)
{
    QString text = QString::fromUtf8(reason);
    text.replace(QLatin1String("{server}"), where.server());
    text.replace(QLatin1String("{user}"), where.effectiveUser());
    text.replace(QLatin1String("{database}"), where.database);
    text.replace(QLatin1String("{host}"), where.host);
    text.replace(QLatin1String("{uri}"), where.display());
    text.replace(QLatin1String("{name}"), name);
    return text;
}

QString reasonFor(const WarehouseLocation &where, const QString &text, const QString &sqlstate)
{
    for (const Rule &rule : kRules) {
        const QRegularExpression pattern(QString::fromUtf8(rule.pattern), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = pattern.match(text);
        if (!rule.sqlstates.contains(sqlstate) && !match.hasMatch())
            continue;
        QString name = match.captured(1);
        if (name.isEmpty())
            name = QString::fromUtf8(rule.reason).contains(QLatin1String("database \"{name}\"")) ? where.database
                                                                                                 : where.effectiveUser();
        return fill(rule.reason, where, name);
    }
    return firstLine(text, sqlstate);
}

Error make(const WarehouseLocation &where, const QString &what, const QString &text, const QString &sqlstate)
{
    const QString reason = reasonFor(where, text, sqlstate);
    Error error = Error::make(Error::Code::Database, what.isEmpty() ? reason : what + QStringLiteral(": ") + reason);
    error.file = where.display();
    return error;
}

} // namespace

Error postgresError(const WarehouseLocation &where, const QString &what, const QSqlError &error)
{
    // QPSQL puts PQerrorMessage in databaseText() (empty when the driver failed before libpq)
    // and the SQLSTATE, when the server sent one, in nativeErrorCode().
    const QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    return make(where, what, text, error.nativeErrorCode());
}

Error postgresError(const WarehouseLocation &where, const QString &what, const char *libpqMessage, const char *sqlstate)
{
    return make(where, what, QString::fromUtf8(libpqMessage ? libpqMessage : ""), QString::fromLatin1(sqlstate ? sqlstate : ""));
}

} // namespace cpm
