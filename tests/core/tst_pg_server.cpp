// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL test server is there and answers through both ways cpm talks to it: Qt's
// QPSQL driver (queries, models, metrics) and libpq itself (COPY for imports). Without one,
// every test here skips with the reason, and CTest reports the suite as skipped, not passed
// (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt): a run without PostgreSQL says so.
#include "../common/PgTestServer.h"

#include <QtTest>

#include <libpq-fe.h>

#include <memory>

using namespace cpm;
using cpm::test::PgTestServer;

class TstPgServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uriHasNoPassword();
    void qpsqlAnswers();
    void libpqAnswers();
    void freshDatabaseIsEmptyAndReachable();
};

void TstPgServer::initTestCase()
{
    CPM_SKIP_WITHOUT_POSTGRES();
}

void TstPgServer::uriHasNoPassword()
{
    // The password reaches libpq through PGPASSWORD; the URI is safe to print in a log.
    WarehouseLocation location;
    Error error;
    QVERIFY2(WarehouseLocation::parse(PgTestServer::uri(), &location, &error), qPrintable(error.toString()));
    QVERIFY(location.isPostgres());
    QCOMPARE(location.database, QStringLiteral("postgres"));
}

void TstPgServer::qpsqlAnswers()
{
    QString why, driver;
    QVERIFY2(PgTestServer::run(PgTestServer::uri(), &why, [&](QSqlDatabase &db, QString *reason) {
                 driver = db.driverName();
                 return PgTestServer::scalar(db, QStringLiteral("select_one.sql"), {}, reason).toInt() == 1;
             }), qPrintable(why));
    QCOMPARE(driver, QStringLiteral("QPSQL"));
}

void TstPgServer::libpqAnswers()
{
    Error error;
    const QByteArray sql = SqlFile::statementUtf8(PgTestServer::sqlRoot(), QStringLiteral("select_one.sql"), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    const std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(PgTestServer::uri().toUtf8().constData()), &PQfinish);
    QVERIFY2(PQstatus(connection.get()) == CONNECTION_OK, PQerrorMessage(connection.get()));
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.constData()), &PQclear);
    QVERIFY2(PQresultStatus(result.get()) == PGRES_TUPLES_OK, PQerrorMessage(connection.get()));
    QCOMPARE(PQntuples(result.get()), 1);
    QCOMPARE(QByteArray(PQgetvalue(result.get(), 0, 0)), QByteArray("1"));
}

void TstPgServer::freshDatabaseIsEmptyAndReachable()
{
    QString why;
    const QString uri = PgTestServer::freshDatabase(QStringLiteral("cpm_pg_server"), &why);
    QVERIFY2(!uri.isEmpty(), qPrintable(why));
    QVERIFY(uri.endsWith(QLatin1String("/cpm_pg_server")));
    // Twice: dropping the first copy (still there from the call above) works too.
    QCOMPARE(PgTestServer::freshDatabase(QStringLiteral("cpm_pg_server"), &why), uri);
    QVERIFY2(PgTestServer::run(uri, &why, [](QSqlDatabase &db, QString *reason) {
                 return PgTestServer::scalar(db, QStringLiteral("select_one.sql"), {}, reason).toInt() == 1;
             }), qPrintable(why));
}

QTEST_GUILESS_MAIN(TstPgServer)
#include "tst_pg_server.moc"
