// SPDX-License-Identifier: GPL-3.0-or-later
// Store history on a PostgreSQL team warehouse: the versions the import's merge path keeps,
// and metric 3 read both ways by the server (Sql) and by the app's snapshot of the server's
// models (Columnar, routed to the server's SQL for the reading at each transaction), against
// the hand-computed answers of tests/common/StoreHistoryFixture.h. Skips without a server.
#include "../common/PgTestServer.h"
#include "../common/StoreHistoryFixture.h"

using namespace cpm;
using namespace cpm::test;
using namespace cpm::test::scd2;

class TestPgStoreHistory : public QObject
{
    Q_OBJECT

    SqlProject m_project;

    bool openFresh(const QString &name, Warehouse *warehouse)
    {
        QString why;
        const QString uri = PgTestServer::freshDatabase(name, &why);
        if (uri.isEmpty())
            qWarning("%s", qPrintable(why));
        return !uri.isEmpty() && warehouse->open(uri, m_project) && warehouse->isPostgres();
    }

private slots:
    void initTestCase()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QVERIFY(m_project.load());
    }

    void historyAndBothReadings()
    {
        Warehouse warehouse;
        QVERIFY2(openFresh(QStringLiteral("cpm_store_history"), &warehouse), qPrintable(warehouse.error().toString()));
        for (const ImportOptions &options : threeBatches()) {
            const ImportSummary summary = Importer(warehouse, m_project).run(options);
            QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        }
        QCOMPARE(historyRows(warehouse), expectedHistory());
        for (const auto backend : {MetricsEngine::Backend::Sql, MetricsEngine::Backend::Columnar}) {
            QCOMPARE(cells(metric3(warehouse, backend, StoreVersion::Current)), expectedCurrent());
            QCOMPARE(cells(metric3(warehouse, backend, StoreVersion::AtTransaction)), expectedAtTransaction());
        }
    }

    void refusedImportLeavesHistoryUnchanged()
    {
        Warehouse warehouse;
        QVERIFY2(openFresh(QStringLiteral("cpm_store_history_refused"), &warehouse), qPrintable(warehouse.error().toString()));
        QVERIFY(Importer(warehouse, m_project).run(weekOne()).succeeded());
        const QStringList before = historyRows(warehouse);
        QCOMPARE(before.size(), 4);
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("transactions.csv"));
        writeFile(empty, "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n");
        ImportOptions options = only(QStringLiteral("scd2-week2"), {QStringLiteral("stores.csv")}, QStringLiteral("2022-02-05T00:00:00"));
        options.files.push_back({empty, FileRole::Unknown});
        QVERIFY(!Importer(warehouse, m_project).run(options).succeeded());
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from raw_store_versions")).toInt(), 4);
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from batch_extract_times")).toInt(), 1);
        QCOMPARE(historyRows(warehouse), before);
    }
};

QTEST_GUILESS_MAIN(TestPgStoreHistory)
#include "tst_pg_store_history.moc"
