// SPDX-License-Identifier: GPL-3.0-or-later
// Store history (SCD type 2) on tests/fixtures/scd2-week1 and scd2-week2: the versions a
// re-import keeps, the dim_stores_history model and its data tests, metric 3 read by the
// current store and by the store at each transaction (both backends), and a refused import
// that leaves the history as it was. Every expected value was worked out by hand (see the
// fixtures' README and the comments).
#include "../common/CliProcess.h"
#include "../common/StoreHistoryFixture.h"

#include "transform/DataTestRunner.h"

using namespace cpm;
using namespace cpm::test::scd2;

class TestStoreHistory : public QObject
{
    Q_OBJECT

    test::TempWarehouse m_w;

private slots:
    void initTestCase()
    {
        QVERIFY(m_w.open());
        for (const ImportOptions &options : threeBatches()) {
            const ImportSummary summary = m_w.import(options);
            QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        }
    }

    void historyKeepsOldVersions()
    {
        // The working is beside expectedHistory().
        QCOMPARE(historyRows(m_w.warehouse), expectedHistory());
        QCOMPARE(m_w.count(QStringLiteral("batch_extract_times")), 3);
        // dim_stores (the current reading) still has one row per store, as now.
        QCOMPARE(m_w.warehouse.scalar(QStringLiteral("select typology from dim_stores where store_id = 2")).toString(),
                 QStringLiteral("Beauty"));
    }

    void historyDataTestsPass()
    {
        const QVector<DataTestResult> results =
            DataTestRunner(m_w.warehouse.database(), m_w.warehouse.dialect(), m_w.project.root()).run(m_w.project.dataTests());
        int historyTests = 0;
        for (const DataTestResult &result : results) {
            if (!result.name.startsWith(QLatin1String("assert_store_history")))
                continue;
            ++historyTests;
            QVERIFY2(result.error.isEmpty(), qPrintable(result.name + QStringLiteral(": ") + result.error));
            QCOMPARE(result.failingRows, qint64(0));
        }
        QCOMPARE(historyTests, 3);
    }

    void historyDataTestsCatchBrokenHistory()
    {
        // Two current versions of store 4, overlapping its first: all three tests object.
        QVERIFY(m_w.warehouse.exec(QStringLiteral("insert into dim_stores_history (store_id, version_no, store_name, city, "
                                                  "country, typology, valid_from, valid_to, is_current, batch_id) "
                                                  "values (4, 2, 'Delta', 'Paris', 'France', 'Beauty', %1, null, 1, 3)")
                                       .arg(jan1)));
        const QVector<DataTestResult> results =
            DataTestRunner(m_w.warehouse.database(), m_w.warehouse.dialect(), m_w.project.root()).run(m_w.project.dataTests());
        int failing = 0;
        for (const DataTestResult &result : results)
            failing += result.name.startsWith(QLatin1String("assert_store_history")) && result.failingRows > 0;
        QCOMPARE(failing, 3);
        QVERIFY(m_w.warehouse.exec(QStringLiteral("delete from dim_stores_history where store_id = 4 and version_no = 2")));
    }

    void metricThreeBothReadings_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("columnar") << int(MetricsEngine::Backend::Columnar);
        QTest::newRow("sql") << int(MetricsEngine::Backend::Sql);
    }

    void metricThreeBothReadings()
    {
        QFETCH(int, backend);
        const auto engine = MetricsEngine::Backend(backend);
        // The working is beside expectedCurrent() and expectedAtTransaction().
        QCOMPARE(cells(metric3(m_w.warehouse, engine, StoreVersion::Current)), expectedCurrent());
        QCOMPARE(cells(metric3(m_w.warehouse, engine, StoreVersion::AtTransaction)), expectedAtTransaction());
        // Up to 2022-02-01: store 4's March and store 2's February transactions drop out.
        const QDate feb1(2022, 2, 1);
        QCOMPARE(cells(metric3(m_w.warehouse, engine, StoreVersion::Current, feb1)),
                 (QStringList{QStringLiteral("Beauty/France: 2 280 140.0000 1 2"), QStringLiteral("Beauty/Portugal: 1 500 500.0000 1 1"),
                              QStringLiteral("Grocery/Portugal: 6 290 48.3333 1 1")}));
        QCOMPARE(cells(metric3(m_w.warehouse, engine, StoreVersion::AtTransaction, feb1)),
                 (QStringList{QStringLiteral("Beauty/France: 2 280 140.0000 1 2"), QStringLiteral("Grocery/Portugal: 7 790 112.8571 2 2")}));
    }

    void cliImportAndBothReadings()
    {
        // The same three batches through cpm-cli import --extract-time, then metrics both ways.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.sqlite"));
        const QString one = test::fixture(QStringLiteral("scd2-week1")), two = test::fixture(QStringLiteral("scd2-week2"));
        const QList<QStringList> imports{
            {one + QStringLiteral("/stores.csv"), one + QStringLiteral("/devices.csv"), one + QStringLiteral("/transactions.csv"),
             QStringLiteral("--extract-time"), QStringLiteral("2022-02-01T00:00:05")},
            {two + QStringLiteral("/stores.csv"), QStringLiteral("--extract-time"), QStringLiteral("2022-02-05 00:00:00")},
            {two + QStringLiteral("/transactions.csv"), QStringLiteral("--extract-time"), QStringLiteral("2022-03-03T00:00:00")}};
        for (const QStringList &files : imports) {
            const test::Run run = test::cli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + files);
            QVERIFY2(run.code == 0, run.err.constData());
        }
        const QStringList metric{QStringLiteral("metrics"), QStringLiteral("--db"), db, QStringLiteral("--metric"),
                                 QStringLiteral("avg_amount_by_typology_country"), QStringLiteral("--format"), QStringLiteral("csv")};
        const test::Run current = test::cli(metric);
        const test::Run atTransaction = test::cli(metric + QStringList{QStringLiteral("--store-version"), QStringLiteral("at-transaction")});
        QCOMPARE(current.code, 0);
        QCOMPARE(atTransaction.code, 0);
        // CSV lines end in CRLF (RFC 4180).
        const QByteArray now = QByteArray(current.out).replace("\r\n", "\n");
        const QByteArray then = QByteArray(atTransaction.out).replace("\r\n", "\n");
        // Columns: typology, country, transactions, avg_amount, avg_store_total, stores, stores_in_group,
        // total_amount, few_transactions (fewer than 5).
        QVERIFY2(now.contains("\nBeauty,Portugal,3,300,900,1,1,900,true\n"), now.constData());
        QVERIFY2(now.contains("\nGrocery,Portugal,6,"), now.constData());
        QVERIFY2(then.contains("\nBeauty,Portugal,2,200,400,1,1,400,true\n"), then.constData());
        QVERIFY2(then.contains("\nGrocery,Portugal,7,112.857142857143,395,2,2,790,false\n"), then.constData());
        QStringList json = metric;
        json.replace(json.indexOf(QStringLiteral("csv")), QStringLiteral("json"));
        const test::Run described = test::cli(json + QStringList{QStringLiteral("--store-version"), QStringLiteral("at-transaction")});
        QVERIFY2(described.out.contains("\"store_version\": \"at-transaction\""), described.out.constData());
        QVERIFY2(test::cli(json).out.contains("\"store_version\": \"current\""), "the default reading is named too");
        const test::Run bad = test::cli(metric + QStringList{QStringLiteral("--store-version"), QStringLiteral("then")});
        QCOMPARE(bad.code, 2);
        const test::Run badTime = test::cli({QStringLiteral("import"), QStringLiteral("--db"), db, two + QStringLiteral("/stores.csv"),
                                             QStringLiteral("--extract-time"), QStringLiteral("last week")});
        QCOMPARE(badTime.code, 2);
    }

    void refusedImportLeavesHistoryUnchanged()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(weekOne()).succeeded());
        const QStringList before = historyRows(w.warehouse);
        QCOMPARE(before.size(), 4);
        // The changed stores with a transactions file without rows: the import is refused.
        const QString empty = w.dir.filePath(QStringLiteral("empty/transactions.csv"));
        test::writeFile(empty, "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n");
        ImportOptions options = only(QStringLiteral("scd2-week2"), {QStringLiteral("stores.csv")}, QStringLiteral("2022-02-05T00:00:00"));
        options.files.push_back({empty, FileRole::Unknown});
        QVERIFY(!w.import(options).succeeded());
        QCOMPARE(w.count(QStringLiteral("raw_store_versions")), 4);
        QCOMPARE(w.count(QStringLiteral("batch_extract_times")), 1);
        QCOMPARE(historyRows(w.warehouse), before);
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select typology from raw_stores where id = 2")).toString(), QStringLiteral("Grocery"));
    }

    void sameExtractTimeAmendsInPlace()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(weekOne()).succeeded());
        QVERIFY(w.import(only(QStringLiteral("scd2-week2"), {QStringLiteral("stores.csv")}, QStringLiteral("2022-02-05T00:00:00"))).succeeded());
        // A correction with the same extract time: store 2's version from Feb 5 takes the new
        // typology in place (a version valid for no moment would break the history's key).
        const QString fix = w.dir.filePath(QStringLiteral("fix/stores.csv"));
        test::writeFile(fix, "id,name,address,city,country,created_at,typology,customer_id\n"
                             "2,Beta,2 High St,Porto,Portugal,01/01/2022 0:00:00,Pharmacy,100\n");
        ImportOptions options;
        options.files.push_back({fix, FileRole::Unknown});
        options.extractTime = QDateTime::fromString(QStringLiteral("2022-02-05T00:00:00"), Qt::ISODate);
        QVERIFY(w.import(options).succeeded());
        const QStringList rows = historyRows(w.warehouse);
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.at(1), QStringLiteral("2|1|Beta|Grocery|%1|%2|0|1|2").arg(jan1).arg(feb5));
        QCOMPARE(rows.at(2), QStringLiteral("2|2|Beta|Pharmacy|%1|-|1|3|-").arg(feb5));
    }
};

QTEST_GUILESS_MAIN(TestStoreHistory)
#include "tst_store_history.moc"
