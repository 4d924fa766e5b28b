// SPDX-License-Identifier: GPL-3.0-or-later
// A team warehouse on PostgreSQL used by several clients, through cpm-cli as a scheduler and
// the app's readers use it: two readers and an importer at once (no reader ever sees part of
// an import), a second import refused while one runs, a read-only role refused an import but
// able to read, and one clear line for a bad URI, a stopped server and a wrong password.
// Expected numbers come from the same extracts imported into SQLite (the other engine).
// Skips, saying why, without a test server (scripts/with-postgres.sh).
#include "../common/CliProcess.h"
#include "../common/PgTestServer.h"
#include "../common/TestSupport.h"

#include "generate/ExtractGenerator.h"
#include "metrics/MetricsEngine.h"
#include "metrics/MetricsSnapshot.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace cpm;
using namespace cpm::test;

namespace {

using Totals = std::pair<qint64, qint64>; // transactions, total amount in cents

/** What every status over all time adds up to, on @p warehouse. */
Totals totals(Warehouse &warehouse, QString *error)
{
    MetricFilter filter;
    filter.statuses = {QStringLiteral("accepted"), QStringLiteral("refused"), QStringLiteral("cancelled")};
    MetricsSnapshot snapshot;
    Error failure;
    if (!MetricsEngine(warehouse.database()).compute(filter, &snapshot, &failure))
        return *error = failure.toString(), Totals{-1, -1};
    return {snapshot.coverage.transactions, qRound64(snapshot.coverage.totalAmount * 100)};
}

QString generate(const QString &directory, qint64 transactions, qint64 firstId, quint64 seed)
{
    GeneratorOptions options;
    options.transactions = transactions;
    options.firstId = firstId;
    options.seed = seed;
    ExtractGenerator generator;
    return generator.write(directory, options) ? QString() : generator.error().toString();
}

} // namespace

class TestPgTeam : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_uri;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

private slots:
    void initTestCase()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QString why;
        m_uri = PgTestServer::freshDatabase(QStringLiteral("cpm_team"), &why);
        QVERIFY2(!m_uri.isEmpty(), qPrintable(why));
        // Batch 1: 20k transactions; batch 2 (loaded while reading): 300k more, ids after them.
        QCOMPARE(generate(path(QStringLiteral("one")), 20000, 1, 7), QString());
        QCOMPARE(generate(path(QStringLiteral("two")), 300000, 20001, 7), QString());
        const Run init = cli({QStringLiteral("init"), QStringLiteral("--db"), m_uri});
        QVERIFY2(init.code == 0, init.err.constData());
        QVERIFY(init.out.contains("schema version"));
        const Run first = cli({QStringLiteral("import"), QStringLiteral("--db"), m_uri, path(QStringLiteral("one/stores.csv")),
                               path(QStringLiteral("one/devices.csv")), path(QStringLiteral("one/transactions.csv"))});
        QVERIFY2(first.code == 0, first.err.constData());
    }

    // Readers see the state before or after the import, never one in between.
    void readersNeverSeePartialImport()
    {
        TempWarehouse reference;
        QVERIFY(reference.open());
        QVERIFY(reference.import(extractOptions(path(QStringLiteral("one")))).succeeded());
        QString error;
        const Totals before = totals(reference.warehouse, &error);
        ImportOptions second;
        second.files = {{path(QStringLiteral("two/transactions.csv")), FileRole::Unknown}};
        QVERIFY(reference.import(second).succeeded());
        const Totals after = totals(reference.warehouse, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(before != after);

        std::atomic<bool> importing{true};
        std::mutex seenLock;
        std::set<Totals> seen;
        QStringList failures;
        auto reader = [&] {
            SqlProject project;
            Warehouse warehouse;
            if (!project.load() || !warehouse.open(m_uri, project)) {
                std::lock_guard lock(seenLock);
                failures << warehouse.error().toString();
                return;
            }
            bool last = false;
            do {
                last = !importing; // one more read after the import has ended
                QString failure;
                const Totals t = totals(warehouse, &failure);
                std::lock_guard lock(seenLock);
                seen.insert(t);
                if (!failure.isEmpty())
                    failures << failure;
            } while (!last);
        };
        QProcess importer;
        importer.start(qEnvironmentVariable("CPM_CLI"),
                       {QStringLiteral("import"), QStringLiteral("--db"), m_uri, path(QStringLiteral("two/transactions.csv"))});
        std::thread readerOne(reader), readerTwo(reader);
        QVERIFY(importer.waitForFinished(300000));
        importing = false;
        readerOne.join();
        readerTwo.join();
        QVERIFY2(importer.exitCode() == 0, importer.readAllStandardError().constData());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        for (const Totals &t : seen)
            QVERIFY2(t == before || t == after, qPrintable(QStringLiteral("a reader saw %1 transactions, %2 cents").arg(t.first).arg(t.second)));
        QVERIFY(seen.count(after) == 1);
    }

    // While one import holds the lock, another is refused at once and changes nothing.
    void secondImportIsRefused()
    {
        QString why;
        const QString lockHolder = QStringLiteral("cpm-lock-holder");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), lockHolder);
            WarehouseLocation location;
            Error error;
            QVERIFY(WarehouseLocation::parse(m_uri, &location, &error));
            location.applyTo(db);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QCOMPARE(PgTestServer::scalar(db, QStringLiteral("hold_import_lock.sql"), {}, &why).toInt(), 1);
            const Run refused = cli({QStringLiteral("import"), QStringLiteral("--db"), m_uri, path(QStringLiteral("one/stores.csv"))});
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains("another import into this warehouse is running; nothing was changed"), refused.err.constData());
            QCOMPARE(refused.err.count('\n'), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(lockHolder);
    }

    // A read-only role reads the metrics and is refused an import, in one line.
    void readOnlyRole()
    {
        QString why;
        QVERIFY2(PgTestServer::createReadOnlyRole(QStringLiteral("cpm_team"), QStringLiteral("cpm_reader"),
                                                  QStringLiteral("reader-secret"), &why), qPrintable(why));
        const QString readerUri = PgTestServer::uriFor(QStringLiteral("cpm_team"), QStringLiteral("cpm_reader"));
        qputenv("PGPASSWORD_SAVED", qgetenv("PGPASSWORD"));
        qputenv("PGPASSWORD", "reader-secret");
        const Run metrics = cli({QStringLiteral("metrics"), QStringLiteral("--db"), readerUri, QStringLiteral("--format"), QStringLiteral("json")});
        const Run import = cli({QStringLiteral("import"), QStringLiteral("--db"), readerUri, path(QStringLiteral("one/stores.csv"))});
        qputenv("PGPASSWORD", qgetenv("PGPASSWORD_SAVED"));
        QVERIFY2(metrics.code == 0, metrics.err.constData());
        QVERIFY(metrics.out.contains("\"coverage\""));
        QCOMPARE(import.code, 1);
        QVERIFY2(import.err.contains("user cpm_reader may only read this warehouse (read-only role)"), import.err.constData());
        QCOMPARE(import.err.count('\n'), 1);
    }

    void oneLinePerConnectionFailure_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("says");
        QTest::newRow("password in the URI") << QStringLiteral("postgresql://me:secret@localhost/cpm") << QByteArray()
                                             << QStringLiteral("~/.pgpass");
        QTest::newRow("unknown scheme") << QStringLiteral("mysql://localhost/cpm") << QByteArray() << QStringLiteral("mysql");
        QTest::newRow("stopped server") << QStringLiteral("postgresql://postgres@127.0.0.1:1/cpm") << QByteArray()
                                        << QStringLiteral("no PostgreSQL server answers");
        QTest::newRow("wrong password") << PgTestServer::uriFor(QStringLiteral("cpm_team"), QStringLiteral("cpm_reader"))
                                        << QByteArray("not-the-password") << QStringLiteral("wrong or missing password");
    }

    void oneLinePerConnectionFailure()
    {
        QFETCH(QString, uri);
        QFETCH(QByteArray, password);
        QFETCH(QString, says);
        const QByteArray saved = qgetenv("PGPASSWORD");
        if (!password.isEmpty())
            qputenv("PGPASSWORD", password);
        const Run run = cli({QStringLiteral("metrics"), QStringLiteral("--db"), uri});
        qputenv("PGPASSWORD", saved);
        QCOMPARE(run.code, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(!run.err.contains("secret") && !run.err.contains("not-the-password"));
    }
};

QTEST_GUILESS_MAIN(TestPgTeam)
#include "tst_pg_team.moc"
