// SPDX-License-Identifier: GPL-3.0-or-later
// Import end to end: input quirks, rejects with precise reasons, atomic rollback, idempotent
// re-import, and the privacy guarantee (no CVV, no full card number anywhere on disk).
#include "../common/TestSupport.h"

#include <QDirIterator>
#include <QSqlQuery>

using namespace cpm;

namespace {

const QByteArray storesCsv = "id,name,address,city,country,created_at,typology,customer_id\n"
                             "1,Alpha,\"1 Main St, Suite 2\",Lisbon,Portugal,01/01/2022 0:00:00,Grocery,100\n";
const QByteArray devicesCsv = "id,type,store_id\n10,1,1\n";

QByteArray transactionsCsv(const QByteArray &rows)
{
    return "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n" + rows;
}

ImportOptions optionsFor(const QString &dir, const QStringList &names)
{
    ImportOptions options;
    for (const QString &name : names)
        options.files.push_back({QDir(dir).filePath(name), FileRole::Unknown});
    return options;
}

QString text(const Warehouse &w, const QString &sql)
{
    return w.scalar(sql).toString();
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheBasicFixture()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary s = w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files.size(), 3);
        QCOMPARE(w.count(QStringLiteral("raw_stores")), 4);
        QCOMPARE(w.count(QStringLiteral("raw_devices")), 5);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 17);
        // Quoted comma and doubled quotes survive.
        QCOMPARE(text(w.warehouse, "select address from raw_stores where id = 1"), QStringLiteral("1 Main St, Suite 2"));
        QCOMPARE(text(w.warehouse, "select address from raw_stores where id = 3"), QStringLiteral("3 Rue \"Bleue\""));
        // 01/31/2022 23:59:58 as naive epoch seconds (date -u -d '2022-01-31 23:59:58' +%s).
        QCOMPARE(w.warehouse.scalar("select happened_at from raw_transactions where id = 7").toLongLong(), 1643673598LL);
        // 'v111' is SKU 111.
        QCOMPARE(text(w.warehouse, "select product_sku from raw_transactions where id = 1"), QStringLiteral("111"));
    }

    void quirkyFileLoads()
    {
        // Semicolons, BOM, CRLF, reordered columns, the category named product_name a second
        // time, ISO timestamps with T/fractions/Z, a quoted newline, an unknown status, no final newline.
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("in"));
        test::writeFile(dir + "/s.csv", storesCsv);
        test::writeFile(dir + "/d.csv", devicesCsv);
        test::writeFile(dir + "/t.csv",
                        "\xEF\xBB\xBFstatus;id;amount;device_id;product_name;product_sku;product_name;happened_at;created_at\r\n"
                        "ACCEPTED ;1;12.50;10;\"Tea;\r\nGreen\";V0042;Drinks;2022-03-04T05:06:07.250Z;2022-03-04 05:06:09\r\n"
                        "chargeback;2;3;10;Tea;0042;Drinks;2022-03-05 00:00:00;2022-03-05 00:00:01");
        const ImportSummary s = w.import(optionsFor(dir, {"s.csv", "d.csv", "t.csv"}));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 2);
        QCOMPARE(text(w.warehouse, "select product_name from raw_transactions where id = 1"), QStringLiteral("Tea;\r\nGreen"));
        QCOMPARE(text(w.warehouse, "select category_name from raw_transactions where id = 1"), QStringLiteral("Drinks"));
        QCOMPARE(text(w.warehouse, "select status from raw_transactions where id = 1"), QStringLiteral("accepted"));
        QCOMPARE(text(w.warehouse, "select product_sku from raw_transactions where id = 1"), QStringLiteral("0042"));
        QCOMPARE(w.warehouse.scalar("select amount from raw_transactions where id = 1").toDouble(), 12.5);
        // 2022-03-04 05:06:07 → 1646370367 (date -u -d '2022-03-04 05:06:07' +%s)
        QCOMPARE(w.warehouse.scalar("select happened_at from raw_transactions where id = 1").toLongLong(), 1646370367LL);
        QCOMPARE(text(w.warehouse, "select status from raw_transactions where id = 2"), QStringLiteral("chargeback"));
        bool reported = false;
        for (const ImportNote &note : s.files[2].notes)
            reported |= note.kind == QLatin1String("unknown_status") && note.rows == 1;
        QVERIFY2(reported, "the unknown status 'chargeback' must be reported");
        QCOMPARE(s.files[2].dialect.delimiter, ';');
    }

    void windows1252FallsBack()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("in"));
        test::writeFile(dir + "/s.csv", "id,name,address,city,country,created_at,typology,customer_id\n"
                                        "1,Caf\xE9 S\xE3o Jo\xE3o,x,Porto,Portugal,01/01/2022 0:00:00,Food,1\n");
        const ImportSummary s = w.import(optionsFor(dir, {"s.csv"}));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(text(w.warehouse, "select name from raw_stores where id = 1"), QString::fromUtf8("Café São João"));
    }

    void dayFirstIsDetected()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("in"));
        test::writeFile(dir + "/s.csv", "id,name,address,city,country,created_at,typology,customer_id\n"
                                        "1,A,x,Porto,Portugal,25.12.2021 8:00,Food,1\n"
                                        "2,B,x,Porto,Portugal,03.01.2022 8:00,Food,1\n");
        QVERIFY(w.import(optionsFor(dir, {"s.csv"})).succeeded());
        // 3 January 2022 08:00 (date -u -d '2022-01-03 08:00' +%s)
        QCOMPARE(w.warehouse.scalar("select created_at from raw_stores where id = 2").toLongLong(), 1641196800LL);
    }

    void badValuesAreRejectedWithReasons()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("in"));
        test::writeFile(dir + "/s.csv", storesCsv);
        test::writeFile(dir + "/d.csv", devicesCsv);
        test::writeFile(dir + "/t.csv", transactionsCsv("1,10,Tea,1,Drinks,1\xC2\xA0""000,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n"
                                                        "2,10,Tea,1,Drinks,5,accepted,13/45/2022 1:00:00,01/10/2022 1:00:00\n"
                                                        "3,10,Tea,1,Drinks,5,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n"));
        ImportOptions options = optionsFor(dir, {"s.csv", "d.csv", "t.csv"});
        options.maxRejectShare = 1.0; // 2 of 3 rejected on purpose: stored, not refused
        const ImportSummary s = w.import(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[2].rowsRead, 3);
        QCOMPARE(s.files[2].rowsLoaded, 1);
        QCOMPARE(s.files[2].rowsRejected, 2);
        QCOMPARE(w.count(QStringLiteral("rejects")), 2);
        QSqlQuery q(w.warehouse.database());
        QVERIFY(q.exec("select line, column_no, column_name, reason from rejects order by line"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QCOMPARE(q.value(1).toInt(), 6);
        QCOMPARE(q.value(2).toString(), QStringLiteral("amount"));
        QVERIFY2(q.value(3).toString().contains("expected"), qPrintable(q.value(3).toString()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QCOMPARE(q.value(2).toString(), QStringLiteral("created_at"));
    }

    void missingColumnIsASpecificError()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("in"));
        test::writeFile(dir + "/d.csv", "id,store_id\n10,1\n");
        const ImportSummary s = w.import(optionsFor(dir, {"d.csv"}));
        QVERIFY(!s.succeeded());
        QCOMPARE(s.error.code, Error::Code::Header);
        QVERIFY2(s.error.toString().contains("d.csv"), qPrintable(s.error.toString()));
        QVERIFY2(s.error.toString().contains("type"), qPrintable(s.error.toString()));
    }

    void failureMidImportLeavesTheWarehouseUnchanged()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        const qint64 batches = w.count(QStringLiteral("import_batches"));
        const double total = w.warehouse.scalar("select sum(total_amount) from mart_store_daily").toDouble();

        const QString dir = w.dir.filePath(QStringLiteral("more"));
        QByteArray rows;
        for (int id = 100; id < 400; ++id)
            rows += QByteArray::number(id) + ",10,Tea,9,Drinks,7,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n";
        test::writeFile(dir + "/t.csv", transactionsCsv(rows));
        Importer importer(w.warehouse, w.project);
        importer.setFailAfterRows(150);
        const ImportSummary s = importer.run(optionsFor(dir, {"t.csv"}));
        QVERIFY(!s.succeeded());
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 17);
        QCOMPARE(w.count(QStringLiteral("import_batches")), batches);
        QCOMPARE(w.warehouse.scalar("select sum(total_amount) from mart_store_daily").toDouble(), total);
        QCOMPARE(w.count(QStringLiteral("rejects")), 0);

        // The same file imports cleanly afterwards: nothing half-done blocks it.
        const ImportSummary retry = w.import(optionsFor(dir, {"t.csv"}));
        QVERIFY2(retry.succeeded(), qPrintable(retry.error.toString()));
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 17 + 300);
    }

    void reimportIsIdempotent()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportOptions options = test::extractOptions(test::fixture(QStringLiteral("basic")));
        QVERIFY(w.import(options).succeeded());
        const double total = w.warehouse.scalar("select sum(total_amount) from mart_store_daily").toDouble();
        const ImportSummary again = w.import(options);
        QVERIFY2(again.succeeded(), qPrintable(again.error.toString()));
        for (const FileImportSummary &file : again.files)
            QVERIFY(file.alreadyImported);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 17);
        QCOMPARE(w.warehouse.scalar("select sum(total_amount) from mart_store_daily").toDouble(), total);

        // A re-saved copy with the same rows (different bytes) updates in place: no double counting.
        const QString copy = w.dir.filePath(QStringLiteral("copy/transactions.csv"));
        QFile original(test::fixture(QStringLiteral("basic/transactions.csv")));
        QVERIFY(original.open(QIODevice::ReadOnly));
        test::writeFile(copy, original.readAll().replace('\n', "\r\n"));
        QVERIFY(w.import(optionsFor(QFileInfo(copy).absolutePath(), {"transactions.csv"})).succeeded());
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 17);
        QCOMPARE(w.warehouse.scalar("select sum(total_amount) from mart_store_daily").toDouble(), total);
    }

    void rowCountsAreRememberedForTheNextImport()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        auto remembered = [&](const char *role) {
            return w.warehouse.scalar(QStringLiteral("select value from warehouse_info where key = 'row_count.raw_%1'")
                                          .arg(QLatin1String(role))).toString();
        };
        // Batch 1 left 4 stores, 5 devices and 17 transactions (tests/fixtures/basic).
        QCOMPARE(remembered("stores"), QStringLiteral("1 4"));
        QCOMPARE(remembered("devices"), QStringLiteral("1 5"));
        QCOMPARE(remembered("transactions"), QStringLiteral("1 17"));
        const QByteArray header = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";
        test::writeFile(w.dir.filePath(QStringLiteral("a/transactions.csv")),
                        header + "2,11,Apple Juice,111,Drinks,55,accepted,01/10/2022 11:00:05,01/10/2022 11:00:00\n"
                                 "18,10,Tea,9,Drinks,5,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n");
        const ImportSummary a = w.import(optionsFor(w.dir.filePath(QStringLiteral("a")), {"transactions.csv"}));
        QVERIFY2(a.succeeded(), qPrintable(a.error.toString()));
        QCOMPARE(a.files.first().rowsInserted, 1);
        QCOMPARE(remembered("transactions"), QStringLiteral("2 18"));
        QCOMPARE(remembered("stores"), QStringLiteral("1 4")); // not written by batch 2
        // A count left by an older batch than the newest is not trusted: the table is counted.
        QVERIFY(w.warehouse.exec(QStringLiteral("update warehouse_info set value = '1 500' where key = 'row_count.raw_transactions'")));
        test::writeFile(w.dir.filePath(QStringLiteral("b/transactions.csv")),
                        header + "19,10,Tea,9,Drinks,6,accepted,01/21/2022 1:00:00,01/21/2022 1:00:00\n");
        const ImportSummary b = w.import(optionsFor(w.dir.filePath(QStringLiteral("b")), {"transactions.csv"}));
        QVERIFY2(b.succeeded(), qPrintable(b.error.toString()));
        QCOMPARE(b.files.first().rowsInserted, 1);
        QCOMPARE(remembered("transactions"), QStringLiteral("3 19"));
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 19);
    }

    void newRowsAreCountedAndUnchangedDimensionsKept()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        auto runs = [&](const char *model) {
            return w.warehouse.scalar(QStringLiteral("select count(*) from model_runs where model = '%1'").arg(QLatin1String(model))).toInt();
        };
        QCOMPARE(runs("dim_stores"), 1);
        const QByteArray header = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";
        // Ids after the last (18, 19) and one before it (2, an update): 2 new rows, 1 updated.
        test::writeFile(w.dir.filePath(QStringLiteral("more/transactions.csv")),
                        header + "18,10,Tea,9,Drinks,5,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n"
                                 "19,10,Tea,9,Drinks,6,accepted,01/21/2022 1:00:00,01/21/2022 1:00:00\n");
        const ImportSummary appended = w.import(optionsFor(w.dir.filePath(QStringLiteral("more")), {"transactions.csv"}));
        QVERIFY2(appended.succeeded(), qPrintable(appended.error.toString()));
        QCOMPARE(appended.files.first().rowsInserted, 2);
        // Only transactions changed: the store and device dimensions were kept, not rebuilt.
        QCOMPARE(runs("dim_stores"), 1);
        QCOMPARE(runs("dim_devices"), 1);
        QVERIFY(runs("stg_transactions") >= 2);
        test::writeFile(w.dir.filePath(QStringLiteral("update/transactions.csv")),
                        header + "2,11,Apple Juice,111,Drinks,55,accepted,01/10/2022 11:00:05,01/10/2022 11:00:00\n"
                                 "20,10,Tea,9,Drinks,6,accepted,01/21/2022 1:00:00,01/21/2022 1:00:00\n");
        const ImportSummary updated = w.import(optionsFor(w.dir.filePath(QStringLiteral("update")), {"transactions.csv"}));
        QVERIFY2(updated.succeeded(), qPrintable(updated.error.toString()));
        QCOMPARE(updated.files.first().rowsInserted, 1);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 20);
        // A model file that changed since the table was built (here: its recorded hash) rebuilds it.
        QVERIFY(w.warehouse.exec(QStringLiteral("update warehouse_info set value = 'old' where key = 'model_definition:dim_stores'")));
        test::writeFile(w.dir.filePath(QStringLiteral("last/transactions.csv")),
                        header + "21,10,Tea,9,Drinks,6,accepted,01/21/2022 1:00:00,01/21/2022 1:00:00\n");
        QVERIFY(w.import(optionsFor(w.dir.filePath(QStringLiteral("last")), {"transactions.csv"})).succeeded());
        QCOMPARE(runs("dim_stores"), 2);
        QCOMPARE(runs("dim_devices"), 1);
        // Stores imported again: their dimension is rebuilt.
        const QString stores = w.dir.filePath(QStringLiteral("stores/stores.csv"));
        QFile original(test::fixture(QStringLiteral("basic/stores.csv")));
        QVERIFY(original.open(QIODevice::ReadOnly));
        test::writeFile(stores, original.readAll().replace('\n', "\r\n"));
        QVERIFY(w.import(optionsFor(QFileInfo(stores).absolutePath(), {"stores.csv"})).succeeded());
        QCOMPARE(runs("dim_stores"), 3);
        QCOMPARE(runs("dim_devices"), 2); // it reads the stores too (store_known)
    }

    void dryRunWritesNothing()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        ImportOptions options = test::extractOptions(test::fixture(QStringLiteral("basic")));
        options.dryRun = true;
        const ImportSummary s = w.import(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[2].rowsLoaded, 17);
        QVERIFY(s.dataTests.isEmpty()); // not asked for
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 0);

        // With checkData the data tests run on the would-be state, then everything rolls back.
        options.checkData = true;
        const ImportSummary checked = w.import(options);
        QVERIFY2(checked.succeeded(), qPrintable(checked.error.toString()));
        bool orphanFound = false;
        for (const DataTestResult &test : checked.dataTests) {
            if (test.name == QLatin1String("assert_transactions_have_known_device"))
                orphanFound = test.failingRows == 1; // transaction 17's device 99
        }
        QVERIFY(orphanFound);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 0);
        QCOMPARE(w.count(QStringLiteral("import_batches")), 0);
    }

    void cardDataNeverReachesTheDisk()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("in"));
        test::writeFile(dir + "/s.csv", storesCsv);
        test::writeFile(dir + "/d.csv", devicesCsv);
        const QByteArray header = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at,card_number,cvv\n";
        test::writeFile(dir + "/t.csv", header
                        + "1,10,Tea,1,Drinks,5,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00,4929 5612 3456 7812,8642\n"
                          "2,10,Tea,1,Drinks,oops,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00,5185123412349876,9731\n"
                          "3,10,Tea,1,Drinks,5,accepted,01/10/2022 1:00:00,4716-9999-8888-7777,6204\n");
        ImportOptions options = optionsFor(dir, {"s.csv", "d.csv", "t.csv"});
        options.maxRejectShare = 1.0; // 2 of 3 rejected on purpose: their masked text is stored
        const ImportSummary s = w.import(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[2].rowsRejected, 2); // a bad amount and a ragged row: both rejects keep masked text
        QCOMPARE(text(w.warehouse, "select card_last4 from raw_transactions where id = 1"), QStringLiteral("7812"));
        w.warehouse.close();

        const QList<QByteArray> secrets = {"4929561234567812", "4929 5612 3456 7812", "5185123412349876",
                                           "4716-9999-8888-7777", "4716999988887777", "8642", "9731", "6204"};
        QDirIterator it(w.dir.path(), {"w.sqlite*"}, QDir::Files);
        int scanned = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++scanned;
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName() + " holds " + secret));
        }
        QVERIFY(scanned >= 1);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
