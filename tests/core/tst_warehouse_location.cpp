// SPDX-License-Identifier: GPL-3.0-or-later
// WarehouseLocation::parse over file paths and libpq URIs. Every expected part and error line
// was written by hand from libpq's URI rules (RFC 3986 percent-decoding, ?host= for a socket
// directory), not taken from the code's output.
#include "warehouse/WarehouseLocation.h"

#include <QSqlDatabase>
#include <QtTest>

using namespace cpm;
using Kind = WarehouseLocation::Kind;

Q_DECLARE_METATYPE(cpm::WarehouseLocation::Kind)

class TstWarehouseLocation : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void passwordNeverShown();
    void displayRoundTrips_data();
    void displayRoundTrips();
    void server();
    void appliesToQpsql();
};

void TstWarehouseLocation::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("options");

    const QStringList none;
    QTest::newRow("relative file") << "w.sqlite" << Kind::SqliteFile << "w.sqlite" << "" << -1 << "" << "" << none;
    QTest::newRow("absolute file") << "/data/team/w.sqlite" << Kind::SqliteFile << "/data/team/w.sqlite" << "" << -1 << ""
                                   << "" << none;
    QTest::newRow("colon in a file name") << "C:/cpm/w.sqlite" << Kind::SqliteFile << "C:/cpm/w.sqlite" << "" << -1 << ""
                                          << "" << none;
    QTest::newRow("full") << "postgresql://alice@db.example.com:5433/cpm" << Kind::Postgres << "" << "db.example.com" << 5433
                          << "cpm" << "alice" << none;
    QTest::newRow("short scheme, defaults") << "postgres://db.example.com/cpm" << Kind::Postgres << "" << "db.example.com"
                                            << -1 << "cpm" << "" << none;
    QTest::newRow("scheme in capitals") << "POSTGRESQL://h/db" << Kind::Postgres << "" << "h" << -1 << "db" << "" << none;
    QTest::newRow("no database") << "postgresql://h:6000" << Kind::Postgres << "" << "h" << 6000 << "" << "" << none;
    QTest::newRow("percent-decoding") << "postgresql://al%40ice@h/my%20db" << Kind::Postgres << "" << "h" << -1 << "my db"
                                      << "al@ice" << none;
    QTest::newRow("socket directory parameter") << "postgresql:///cpm?host=/var/run/postgresql" << Kind::Postgres << ""
                                                << "/var/run/postgresql" << -1 << "cpm" << "" << none;
    QTest::newRow("socket directory encoded") << "postgresql://%2Fvar%2Frun%2Fpostgresql/cpm" << Kind::Postgres << ""
                                              << "/var/run/postgresql" << -1 << "cpm" << "" << none;
    QTest::newRow("IPv6") << "postgresql://[::1]:5432/cpm" << Kind::Postgres << "" << "::1" << 5432 << "cpm" << "" << none;
    QTest::newRow("port parameter") << "postgresql://h/db?port=6000" << Kind::Postgres << "" << "h" << 6000 << "db" << ""
                                    << none;
    QTest::newRow("options") << "postgresql://h/cpm?sslmode=require&connect_timeout=10&application_name=cpm%20nightly"
                             << Kind::Postgres << "" << "h" << -1 << "cpm" << ""
                             << QStringList{"sslmode=require", "connect_timeout=10", "application_name=cpm nightly"};
}

void TstWarehouseLocation::parses()
{
    QFETCH(QString, text);
    WarehouseLocation location;
    Error error;
    QVERIFY2(WarehouseLocation::parse(text, &location, &error), qPrintable(error.toString()));
    QFETCH(Kind, kind);
    QCOMPARE(location.kind, kind);
    QCOMPARE(location.isPostgres(), kind == Kind::Postgres);
    QFETCH(QString, path);
    QCOMPARE(location.path, path);
    QFETCH(QString, host);
    QCOMPARE(location.host, host);
    QFETCH(int, port);
    QCOMPARE(location.port, port);
    QFETCH(QString, database);
    QCOMPARE(location.database, database);
    QFETCH(QString, user);
    QCOMPARE(location.user, user);
    QFETCH(QStringList, options);
    QCOMPARE(location.options, options);
}

void TstWarehouseLocation::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("line");

    const QString pgpass = "put it in ~/.pgpass or PGPASSWORD; cpm never takes a password on the command line or stores one";
    QTest::newRow("password in user info") << "postgresql://alice:secret@h/db"
                                           << "postgresql://alice:***@h/db: a password in the warehouse URI is refused (expected "
                                                  + pgpass + ")";
    QTest::newRow("password parameter") << "postgresql://h/db?password=secret"
                                        << "postgresql://h/db?password=***: a password in the warehouse URI is refused (expected "
                                               + pgpass + ")";
    QTest::newRow("port not a number") << "postgresql://h:54x2/db"
                                       << "postgresql://h:54x2/db: bad PostgreSQL port: '54x2' (expected a number from 1 to 65535)";
    QTest::newRow("port too large") << "postgresql://h:70000/db"
                                    << "postgresql://h:70000/db: bad PostgreSQL port: '70000' (expected a number from 1 to 65535)";
    QTest::newRow("empty port") << "postgresql://h:/db"
                                << "postgresql://h:/db: bad PostgreSQL port: '' (expected a number from 1 to 65535)";
    QTest::newRow("no host") << "postgresql:///db"
                             << "postgresql:///db: no PostgreSQL host in the warehouse URI (expected "
                                "postgresql://[USER@]HOST[:PORT]/DATABASE or ?host=/unix/socket/dir)";
    QTest::newRow("other scheme") << "mysql://h/db"
                                  << "mysql://h/db: unknown warehouse URI scheme: 'mysql' (expected a SQLite file path or "
                                     "postgresql://[USER@]HOST[:PORT]/DATABASE)";
    QTest::newRow("unknown parameter") << "postgresql://h/db?sslmod=require"
                                       << "postgresql://h/db?sslmod=require: unknown parameter in the warehouse URI: 'sslmod' "
                                          "(expected host, port, sslmode, connect_timeout, application_name)";
    QTest::newRow("unknown sslmode") << "postgresql://h/db?sslmode=sometimes"
                                     << "postgresql://h/db?sslmode=sometimes: unknown sslmode: 'sometimes' (expected disable, "
                                        "allow, prefer, require, verify-ca, verify-full)";
    QTest::newRow("bad timeout") << "postgresql://h/db?connect_timeout=soon"
                                 << "postgresql://h/db?connect_timeout=soon: bad connect_timeout: 'soon' (expected whole seconds)";
    QTest::newRow("several hosts") << "postgresql://h1,h2/db"
                                   << "postgresql://h1,h2/db: several hosts in one warehouse URI are not supported: 'h1,h2' "
                                      "(expected one HOST[:PORT])";
    QTest::newRow("bad escape") << "postgresql://h/db%zz"
                                << "postgresql://h/db%zz: bad percent-encoding in the database name: 'db%zz' (expected %XX with "
                                   "two hex digits)";
    QTest::newRow("parameter without value") << "postgresql://h/db?sslmode"
                                             << "postgresql://h/db?sslmode: warehouse URI parameter without a value: 'sslmode' "
                                                "(expected KEY=VALUE)";
    QTest::newRow("nothing") << "" << "no warehouse given (expected a SQLite file path or postgresql://[USER@]HOST[:PORT]/DATABASE)";
}

void TstWarehouseLocation::refuses()
{
    QFETCH(QString, text);
    WarehouseLocation location;
    Error error;
    QVERIFY(!WarehouseLocation::parse(text, &location, &error));
    QCOMPARE(error.code, Error::Code::Usage);
    QFETCH(QString, line);
    QCOMPARE(error.toString(), line);
}

void TstWarehouseLocation::passwordNeverShown()
{
    for (const QString &text : {QStringLiteral("postgresql://alice:s3cr%40t@h/db"), QStringLiteral("postgres://h/db?sslmode=require&password=s3cr%40t")}) {
        WarehouseLocation location;
        Error error;
        QVERIFY(!WarehouseLocation::parse(text, &location, &error));
        QVERIFY2(!error.toString().contains(QLatin1String("s3cr")), qPrintable(error.toString()));
    }
}

void TstWarehouseLocation::displayRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("display");
    QTest::newRow("file") << "/data/w.sqlite" << "/data/w.sqlite";
    QTest::newRow("full") << "postgresql://alice@db.example.com:5433/cpm" << "postgresql://alice@db.example.com:5433/cpm";
    QTest::newRow("short scheme") << "postgres://h/cpm" << "postgresql://h/cpm";
    QTest::newRow("encoded parts") << "postgresql://al%40ice@h/my%20db" << "postgresql://al%40ice@h/my%20db";
    QTest::newRow("socket") << "postgresql://%2Fvar%2Frun%2Fpostgresql:6000/cpm" << "postgresql:///cpm?host=/var/run/postgresql&port=6000";
    QTest::newRow("IPv6") << "postgresql://[::1]:5432/cpm" << "postgresql://[::1]:5432/cpm";
    QTest::newRow("options") << "postgresql://h/cpm?application_name=cpm%20nightly&sslmode=require"
                             << "postgresql://h/cpm?application_name=cpm%20nightly&sslmode=require";
}

void TstWarehouseLocation::displayRoundTrips()
{
    QFETCH(QString, text);
    WarehouseLocation location, again;
    Error error;
    QVERIFY(WarehouseLocation::parse(text, &location, &error));
    QFETCH(QString, display);
    QCOMPARE(location.display(), display);
    QVERIFY(WarehouseLocation::parse(location.display(), &again, &error));
    QCOMPARE(again.display(), display);
    QCOMPARE(again.host, location.host);
    QCOMPARE(again.user, location.user);
    QCOMPARE(again.database, location.database);
}

void TstWarehouseLocation::server()
{
    WarehouseLocation location;
    Error error;
    QVERIFY(WarehouseLocation::parse(QStringLiteral("postgresql://alice@db.example.com:5433/cpm"), &location, &error));
    QCOMPARE(location.server(), QStringLiteral("db.example.com:5433"));
    QCOMPARE(location.effectiveUser(), QStringLiteral("alice"));
    QVERIFY(WarehouseLocation::parse(QStringLiteral("postgresql:///cpm?host=/run/pg&port=6000"), &location, &error));
    QCOMPARE(location.server(), QStringLiteral("/run/pg/.s.PGSQL.6000"));
}

void TstWarehouseLocation::appliesToQpsql()
{
    WarehouseLocation location;
    Error error;
    QVERIFY(WarehouseLocation::parse(QStringLiteral("postgresql://alice@db.example.com:5433/cpm?application_name=it%27s"),
                                     &location, &error));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("apply"));
        location.applyTo(db);
        QCOMPARE(db.hostName(), QStringLiteral("db.example.com"));
        QCOMPARE(db.port(), 5433);
        QCOMPARE(db.databaseName(), QStringLiteral("cpm"));
        QCOMPARE(db.userName(), QStringLiteral("alice"));
        QVERIFY(db.password().isEmpty());
        // libpq conninfo quoting ('...' with \' inside); QPSQL turns ';' into spaces.
        QCOMPARE(db.connectOptions(), QStringLiteral("application_name='it\\'s';connect_timeout=5"));
        QVERIFY(WarehouseLocation::parse(QStringLiteral("postgresql://h/cpm?connect_timeout=30"), &location, &error));
        location.applyTo(db);
        QCOMPARE(db.connectOptions(), QStringLiteral("connect_timeout='30'"));
        QCOMPARE(db.port(), -1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("apply"));
}

QTEST_GUILESS_MAIN(TstWarehouseLocation)
#include "tst_warehouse_location.moc"
