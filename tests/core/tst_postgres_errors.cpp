// SPDX-License-Identifier: GPL-3.0-or-later
// postgresError(): libpq's texts (copied from libpq 15 and psql sessions) turned into one line,
// first by hand, then live against the test server (CPM_TEST_PG_URI, scripts/with-postgres.sh):
// a wrong and a missing password, a database that does not exist, a port and a socket nothing
// listens on, an unknown host, a read-only role's create table, a held lock and a killed session.
#include "../common/PgTestServer.h"
#include "warehouse/PostgresErrors.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace cpm;
using cpm::test::PgTestServer;

namespace {

const QString kLocation = QStringLiteral("postgresql://alice@db.example.com:5433/cpm");

/** A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then closed). */
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), size) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

/** Sets (or, with a null value, unsets) an environment variable until the end of the scope. */
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value) : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        value.isNull() ? qunsetenv(name) : qputenv(name, value);
    }
    ~ScopedEnv() { m_had ? qputenv(m_name, m_old) : qunsetenv(m_name); }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TstPostgresErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void libpqTexts_data();
    void libpqTexts();
    void qsqlErrorCarriesSqlstate();
    void wrongPassword();
    void missingPassword();
    void missingDatabase();
    void nothingListens();
    void unknownHost();
    void readOnlyRoleCreatesTable();
    void lockNotAvailable();
    void sessionKilled();

private:
    bool m_live = false;
    QString m_why;
    QString m_user;
    /** The one line a connection to @p uri fails with (empty when it connects). */
    QString connectFailure(const QString &uri, const QString &password = QString());

    QString m_host;
    int m_port = -1;
};

void TstPostgresErrors::libpqTexts_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("sqlstate");
    QTest::addColumn<QString>("reason");

    QTest::newRow("refused") << "connection to server at \"db.example.com\" (10.0.0.5), port 5433 failed: Connection refused\n"
                                "\tIs the server running on that host and accepting TCP/IP connections?\n"
                             << "" << "no PostgreSQL server answers at db.example.com:5433; is it running?";
    QTest::newRow("unknown host") << "could not translate host name \"db.example.com\" to address: Name or service not known\n"
                                  << "" << "unknown host \"db.example.com\": the name does not resolve; check the host in the URI";
    QTest::newRow("wrong password") << "connection to server at \"db.example.com\" (10.0.0.5), port 5433 failed: FATAL:  "
                                       "password authentication failed for user \"alice\"\n"
                                    << "" << "wrong or missing password for user alice; put it in ~/.pgpass or PGPASSWORD";
    QTest::newRow("no password") << "connection to server at \"db.example.com\" (10.0.0.5), port 5433 failed: fe_sendauth: no "
                                    "password supplied\n"
                                 << "" << "wrong or missing password for user alice; put it in ~/.pgpass or PGPASSWORD";
    QTest::newRow("no database") << "connection to server at \"db.example.com\" (10.0.0.5), port 5433 failed: FATAL:  database "
                                    "\"cpm\" does not exist\n"
                                 << "" << "database \"cpm\" does not exist on db.example.com:5433; create it with `cpm-cli init "
                                          "--db postgresql://alice@db.example.com:5433/cpm`";
    QTest::newRow("no role") << "connection to server on socket \"/run/pg/.s.PGSQL.5433\" failed: FATAL:  role \"alice\" does not exist\n"
                             << "" << "role \"alice\" does not exist on db.example.com:5433; ask the database administrator to "
                                      "create it, or name another user in the URI";
    QTest::newRow("read-only") << "ERROR:  permission denied for schema public\nLINE 1: create table t (a int)\n" << "42501"
                               << "user alice may only read this warehouse (read-only role); imports need a role with write "
                                  "access; nothing was changed";
    QTest::newRow("lock") << "ERROR:  could not obtain lock on relation \"raw_transactions\"\n" << "55P03"
                          << "another session holds a lock on this warehouse (an import is running); try again when it has "
                             "finished; nothing was changed";
    QTest::newRow("closed") << "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n"
                            << "" << "the PostgreSQL server at db.example.com:5433 closed the connection unexpectedly (stopped or "
                                     "restarted?); try again";
    QTest::newRow("other, first line kept") << "ERROR:  value too long for type character varying(4)\nCONTEXT:  COPY x, line 3\n"
                                            << "22001" << "value too long for type character varying(4) (SQLSTATE 22001)";
}

void TstPostgresErrors::libpqTexts()
{
    QFETCH(QString, message);
    QFETCH(QString, sqlstate);
    WarehouseLocation where;
    Error error;
    QVERIFY(WarehouseLocation::parse(kLocation, &where, &error));
    const QByteArray state = sqlstate.toLatin1();
    const Error raw = postgresError(where, QStringLiteral("import"), message.toUtf8().constData(), state.isEmpty() ? nullptr : state.constData());
    QCOMPARE(raw.code, Error::Code::Database);
    QFETCH(QString, reason);
    QCOMPARE(raw.toString(), kLocation + QStringLiteral(": import: ") + reason);
    QVERIFY(!raw.toString().contains(QLatin1Char('\n')));
    // The QPSQL form: QPSQL appends "(SQLSTATE)" to the text and carries it as the native code.
    const QString text = sqlstate.isEmpty() ? message : message + QLatin1Char('(') + sqlstate + QLatin1Char(')');
    const QSqlError qsql(QStringLiteral("QPSQL: Unable to connect"), text, QSqlError::ConnectionError, sqlstate);
    QCOMPARE(postgresError(where, QStringLiteral("import"), qsql).toString(), raw.toString());
}


#define REQUIRE_SERVER()                                                                                  \
    do {                                                                                                  \
        if (!m_live)                                                                                      \
            QSKIP(qPrintable(QStringLiteral("PostgreSQL suites skipped: ") + m_why));                     \
    } while (false)

void TstPostgresErrors::initTestCase()
{
    m_live = PgTestServer::available(&m_why);
    const QUrl url(PgTestServer::uri());
    m_host = url.host();
    m_port = url.port();
    m_user = url.userName();
}

QString TstPostgresErrors::connectFailure(const QString &uri, const QString &password)
{
    QString why;
    const bool connected = PgTestServer::run(uri, &why, [](QSqlDatabase &, QString *) { return true; }, password);
    return connected ? QString() : why;
}

/** The statement of a fixture file under tests/fixtures/postgres. */
static QString fixtureStatement(const QString &relative)
{
    Error error;
    return SqlFile::statement(PgTestServer::sqlRoot(), relative, &error);
}

void TstPostgresErrors::qsqlErrorCarriesSqlstate()
{
    REQUIRE_SERVER();
    // What postgresError() relies on: QPSQL puts the server's SQLSTATE in nativeErrorCode().
    QString why, code;
    QVERIFY2(PgTestServer::run(PgTestServer::uri(), &why, [&](QSqlDatabase &db, QString *) {
                 QSqlQuery query(db);
                 const bool ran = query.exec(fixtureStatement(QStringLiteral("select_missing_table.sql")));
                 code = query.lastError().nativeErrorCode();
                 return !ran;
             }), qPrintable(why));
    QCOMPARE(code, QStringLiteral("42P01"));
}

void TstPostgresErrors::wrongPassword()
{
    REQUIRE_SERVER();
    QString why;
    QVERIFY2(PgTestServer::createRole(QStringLiteral("cpm_pw_user"), QStringLiteral("right-password"), &why), qPrintable(why));
    const QString uri = PgTestServer::uriFor(QStringLiteral("postgres"), QStringLiteral("cpm_pw_user"));
    // The right password connects: the server does ask for passwords over TCP (scram-sha-256).
    QCOMPARE(connectFailure(uri, QStringLiteral("right-password")), QString());
    QCOMPARE(connectFailure(uri, QStringLiteral("wrong-password")),
             QStringLiteral("postgresql://cpm_pw_user@%1:%2/postgres: cannot connect: wrong or missing password for user "
                            "cpm_pw_user; put it in ~/.pgpass or PGPASSWORD").arg(m_host).arg(m_port));
}

void TstPostgresErrors::missingPassword()
{
    REQUIRE_SERVER();
    QString why;
    QVERIFY2(PgTestServer::createRole(QStringLiteral("cpm_pw_user"), QStringLiteral("right-password"), &why), qPrintable(why));
    QTemporaryDir home;
    const ScopedEnv noPassword("PGPASSWORD", QByteArray());
    const ScopedEnv noPassFile("PGPASSFILE", home.filePath(QStringLiteral("no-pgpass")).toLocal8Bit());
    QCOMPARE(connectFailure(PgTestServer::uriFor(QStringLiteral("postgres"), QStringLiteral("cpm_pw_user"))),
             QStringLiteral("postgresql://cpm_pw_user@%1:%2/postgres: cannot connect: wrong or missing password for user "
                            "cpm_pw_user; put it in ~/.pgpass or PGPASSWORD").arg(m_host).arg(m_port));
}

void TstPostgresErrors::missingDatabase()
{
    REQUIRE_SERVER();
    const QString uri = QStringLiteral("postgresql://%1@%2:%3/cpm_no_such_db").arg(m_user, m_host).arg(m_port);
    QCOMPARE(connectFailure(uri), QStringLiteral("%1: cannot connect: database \"cpm_no_such_db\" does not exist on %2:%3; "
                                                 "create it with `cpm-cli init --db %1`").arg(uri, m_host).arg(m_port));
}

void TstPostgresErrors::nothingListens()
{
    REQUIRE_SERVER();
    const int port = freePort();
    QVERIFY(port > 0);
    const QString tcp = QStringLiteral("postgresql://%1@localhost:%2/postgres").arg(m_user).arg(port);
    QCOMPARE(connectFailure(tcp),
             QStringLiteral("%1: cannot connect: no PostgreSQL server answers at localhost:%2; is it running?").arg(tcp).arg(port));
    QTemporaryDir sockets;
    const QString socket = QStringLiteral("postgresql:///postgres?host=%1&port=%2").arg(sockets.path()).arg(port);
    QCOMPARE(connectFailure(socket), QStringLiteral("%1: cannot connect: no PostgreSQL server answers at %2/.s.PGSQL.%3; "
                                                    "is it running?").arg(socket, sockets.path()).arg(port));
}

void TstPostgresErrors::unknownHost()
{
    REQUIRE_SERVER();
    // .invalid never resolves (RFC 6761).
    const QString uri = QStringLiteral("postgresql://%1@cpm-no-such-host.invalid/postgres").arg(m_user);
    QCOMPARE(connectFailure(uri), uri + QStringLiteral(": cannot connect: unknown host \"cpm-no-such-host.invalid\": the name "
                                                       "does not resolve; check the host in the URI"));
}

void TstPostgresErrors::readOnlyRoleCreatesTable()
{
    REQUIRE_SERVER();
    QString why;
    const QString admin = PgTestServer::freshDatabase(QStringLiteral("cpm_pg_errors"), &why);
    QVERIFY2(!admin.isEmpty(), qPrintable(why));
    QVERIFY2(PgTestServer::createReadOnlyRole(QStringLiteral("cpm_pg_errors"), QStringLiteral("cpm_reader"),
                                              QStringLiteral("reader-password"), &why), qPrintable(why));
    const QString reader = PgTestServer::uriFor(QStringLiteral("cpm_pg_errors"), QStringLiteral("cpm_reader"));
    WarehouseLocation where;
    Error error;
    QVERIFY(WarehouseLocation::parse(reader, &where, &error));
    QString refusal, code;
    QVERIFY2(PgTestServer::run(reader, &why, [&](QSqlDatabase &db, QString *) {
                 QSqlQuery query(db);
                 const bool created = query.exec(fixtureStatement(QStringLiteral("create_probe_table.sql")));
                 code = query.lastError().nativeErrorCode();
                 refusal = postgresError(where, QStringLiteral("import refused"), query.lastError()).toString();
                 return !created;
             }, QStringLiteral("reader-password")), qPrintable(why));
    QCOMPARE(code, QStringLiteral("42501"));
    QCOMPARE(refusal, reader + QStringLiteral(": import refused: user cpm_reader may only read this warehouse (read-only "
                                              "role); imports need a role with write access; nothing was changed"));
    // A table the admin creates afterwards is readable (default privileges): the role reads.
    QVERIFY2(PgTestServer::run(admin, &why, [](QSqlDatabase &db, QString *reason) {
                 return PgTestServer::exec(db, QStringLiteral("create_probe_table.sql"), {}, {}, reason);
             }), qPrintable(why));
    QVERIFY2(PgTestServer::run(reader, &why, [](QSqlDatabase &db, QString *reason) {
                 const QVariant rows = PgTestServer::scalar(db, QStringLiteral("count_probe.sql"), {}, reason);
                 return rows.isValid() && rows.toInt() == 0;
             }, QStringLiteral("reader-password")), qPrintable(why));
}

void TstPostgresErrors::lockNotAvailable()
{
    REQUIRE_SERVER();
    QString why;
    const QString uri = PgTestServer::freshDatabase(QStringLiteral("cpm_pg_lock"), &why);
    QVERIFY2(!uri.isEmpty(), qPrintable(why));
    WarehouseLocation where;
    Error error;
    QVERIFY(WarehouseLocation::parse(uri, &where, &error));
    QString refusal, code;
    // The first session holds the table's lock in an open transaction while a second asks for it.
    QVERIFY2(PgTestServer::run(uri, &why, [&](QSqlDatabase &db, QString *reason) {
                 if (!PgTestServer::exec(db, QStringLiteral("create_probe_table.sql"), {}, {}, reason) || !db.transaction()
                     || !PgTestServer::exec(db, QStringLiteral("lock_probe_nowait.sql"), {}, {}, reason))
                     return false;
                 const bool second = PgTestServer::run(uri, reason, [&](QSqlDatabase &other, QString *) {
                     QSqlQuery query(other);
                     // LOCK works only inside a transaction, as an import's would.
                     const bool locked = other.transaction() && query.exec(fixtureStatement(QStringLiteral("lock_probe_nowait.sql")));
                     refusal = postgresError(where, QStringLiteral("import"), query.lastError()).toString();
                     code = query.lastError().nativeErrorCode();
                     other.rollback();
                     return !locked;
                 });
                 db.rollback();
                 return second;
             }), qPrintable(why));
    QCOMPARE(code, QStringLiteral("55P03"));
    QCOMPARE(refusal, uri + QStringLiteral(": import: another session holds a lock on this warehouse (an import is running); "
                                           "try again when it has finished; nothing was changed"));
}

void TstPostgresErrors::sessionKilled()
{
    REQUIRE_SERVER();
    WarehouseLocation where;
    Error error;
    QVERIFY(WarehouseLocation::parse(PgTestServer::uri(), &where, &error));
    QString line, why;
    QVERIFY2(PgTestServer::run(PgTestServer::uri(), &why, [&](QSqlDatabase &db, QString *) {
                 QSqlQuery query(db);
                 const bool ran = query.exec(fixtureStatement(QStringLiteral("terminate_self.sql")));
                 line = postgresError(where, QStringLiteral("metrics"), query.lastError()).toString();
                 return !ran;
             }), qPrintable(why));
    QCOMPARE(line, where.display() + QStringLiteral(": metrics: the PostgreSQL server at %1:%2 closed the connection "
                                                    "unexpectedly (stopped or restarted?); try again").arg(m_host).arg(m_port));
}

QTEST_GUILESS_MAIN(TstPostgresErrors)
#include "tst_postgres_errors.moc"
