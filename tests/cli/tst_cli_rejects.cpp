// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-cli and rejected rows: a file that loads nothing or too little is refused whole (exit 1,
// one stderr line, the warehouse as it was), rejects are summarised once per reason, and
// --rejects writes every one of them as CSV with card data masked. Expectations by hand.
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"
#include "../reliability/Snapshot.h"

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

namespace {

const QByteArray txHeader =
    "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at,card_number,cvv\n";

/** A transaction on device 10 of the basic fixture, paid with @p card (CVV 737). */
QByteArray txRow(const QByteArray &id, const QByteArray &amount = "5", const QByteArray &card = "4111111111111111")
{
    return id + ",10,Tea,1,Drinks," + amount + ",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00," + card + ",737\n";
}

/** Five rows, lines 2–6: the rows at lines 3, 4 and 6 have no valid amount (60 % rejected). */
QByteArray sixtyPercent()
{
    return txHeader + txRow("101") + txRow("102", "lots") + txRow("103", "n/a") + txRow("104") + txRow("105", "?");
}

/** One error line, with its newline. */
bool oneLine(const QByteArray &err)
{
    return err.count('\n') == 1 && err.endsWith('\n');
}

} // namespace

class TestCliRejects : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    /** A fresh warehouse holding the basic fixture (4 stores, 5 devices, 17 transactions). */
    QString basicWarehouse()
    {
        const QString db = m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_next));
        const QString basic = test::fixture(QStringLiteral("basic"));
        const Run r = cli({"import", "--db", db, basic + "/stores.csv", basic + "/devices.csv", basic + "/transactions.csv"});
        if (r.code != 0)
            qWarning("basic import failed: %s", r.err.constData());
        return db;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("%1/%2").arg(++m_next).arg(name));
        test::writeFile(path, bytes);
        return path;
    }

    static test::Snapshot state(const QString &db)
    {
        SqlProject project;
        Warehouse warehouse;
        QString error;
        if (!project.load() || !warehouse.open(db, project))
            return {};
        const test::Snapshot snapshot = test::snapshot(warehouse.database(), &error);
        return error.isEmpty() ? snapshot : test::Snapshot();
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void allRejectedIsRefusedAndChangesNothing()
    {
        const QString db = basicWarehouse();
        // Text in every id: invalid whatever the number parsing learns.
        const QString file = write("transactions.csv", txHeader + txRow("one") + txRow("two") + txRow("three") + txRow("four"));
        const test::Snapshot before = state(db);
        QVERIFY(!before.isEmpty());
        const Run r = cli({"import", "--db", db, file});
        QCOMPARE(r.code, 1);
        QVERIFY2(oneLine(r.err), r.err.constData());
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("cpm-cli import: %1: 4 of 4 data rows rejected (100%, every row): the file is refused, "
                                "nothing was imported; most common: line 2, column id: not an integer (expected digits "
                                "like 42) (4 rows)\n").arg(file));
        QVERIFY2(r.out.contains("  rejected 4 rows: column id: not an integer (expected digits like 42) (lines 2, 3, 4, 5)\n"),
                 r.out.constData());
        QVERIFY(!r.out.contains("committed"));
        const test::Snapshot after = state(db);
        QVERIFY2(after == before, qPrintable(test::snapshotDiff(before, after)));
        QCOMPARE(after.value("raw_transactions").rows, 17);
    }

    void sixtyPercentIsRefused()
    {
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", sixtyPercent());
        const test::Snapshot before = state(db);
        const Run r = cli({"import", "--db", db, file});
        QCOMPARE(r.code, 1);
        QVERIFY2(oneLine(r.err), r.err.constData());
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("cpm-cli import: %1: 3 of 5 data rows rejected (60%, more than the 50% allowed): the file "
                                "is refused, nothing was imported; most common: line 3, column amount: not an amount "
                                "(expected a number like 749 or 12.50) (3 rows)\n").arg(file));
        const test::Snapshot after = state(db);
        QVERIFY2(after == before, qPrintable(test::snapshotDiff(before, after)));
    }

    void fortyPercentImportsWithOneLinePerReason()
    {
        const QString db = basicWarehouse();
        // 5,000 rows at lines 2..5001; of every five the 2nd and 4th lack an amount: 2,000
        // rejected (40 %), first at lines 3, 5, 8, 10, 13.
        QByteArray bytes = txHeader;
        for (int i = 0; i < 5000; ++i)
            bytes += txRow(QByteArray::number(1000 + i), i % 5 == 1 || i % 5 == 3 ? "lots" : "5");
        const QString file = write("transactions.csv", bytes);
        const Run r = cli({"import", "--db", db, file});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY2(r.out.contains("read 5000, loaded 3000 (3000 new), rejected 2000"), r.out.constData());
        QVERIFY2(r.out.contains("  rejected 2000 rows: column amount: not an amount (expected a number like 749 or 12.50) "
                                "(lines 3, 5, 8, 10, 13, …)\n"),
                 r.out.constData());
        QCOMPARE(r.out.count("  rejected "), 1); // one line for the reason, not 2,000
        QCOMPARE(state(db).value("raw_transactions").rows, 17 + 3000);
    }

    void headerOnlyIsRefused()
    {
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", txHeader);
        const test::Snapshot before = state(db);
        const Run r = cli({"import", "--db", db, file});
        QCOMPARE(r.code, 1);
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("cpm-cli import: %1: no data rows, only a header: the file is refused, nothing was "
                                "imported (expected at least one row under the header)\n").arg(file));
        QVERIFY(state(db) == before);
    }

    void maxRejectShare_data()
    {
        QTest::addColumn<QString>("share");
        QTest::addColumn<bool>("allRejected");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        // The 60 % file: refused only when the limit is below 60 %.
        QTest::newRow("0.6: exactly the share, allowed") << "0.6" << false << 0 << "";
        QTest::newRow("60%: the same as a percentage") << "60%" << false << 0 << "";
        QTest::newRow("0.59: refused") << "0.59" << false << 1 << "(60%, more than the 59% allowed)";
        QTest::newRow("59.5%: refused") << "59.5%" << false << 1 << "(60%, more than the 59.5% allowed)";
        QTest::newRow("0: any reject refuses") << "0" << false << 1 << "(60%, more than the 0% allowed)";
        QTest::newRow("1: never by share") << "1" << false << 0 << "";
        QTest::newRow("100% with spaces") << " 100% " << false << 0 << "";
        // A file that loads nothing is refused whatever the limit.
        QTest::newRow("1 and every row rejected") << "1" << true << 1 << "3 of 3 data rows rejected (100%, every row)";
        QTest::newRow("50 without a percent sign") << "50" << false << 2
            << "cpm-cli import: --max-reject-share '50' is not a share from 0 to 1 (write 0.5, or 50% for a percentage)\n";
        QTest::newRow("negative") << "-0.1" << false << 2 << "'-0.1' is not a share from 0 to 1";
        QTest::newRow("above 100%") << "101%" << false << 2 << "'101%' is not a percentage from 0% to 100%\n";
        QTest::newRow("text") << "half" << false << 2 << "'half' is not a share";
        QTest::newRow("nan") << "nan" << false << 2 << "'nan' is not a share";
    }

    void maxRejectShare()
    {
        QFETCH(QString, share);
        QFETCH(bool, allRejected);
        QFETCH(int, code);
        QFETCH(QString, says);
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", allRejected ? txHeader + txRow("a") + txRow("b") + txRow("c") : sixtyPercent());
        const Run r = cli({"import", "--db", db, "--max-reject-share", share, file});
        QVERIFY2(r.code == code, r.err.constData());
        if (code == 0) {
            QVERIFY2(r.out.contains("read 5, loaded 2 (2 new), rejected 3"), r.out.constData());
            QCOMPARE(state(db).value("raw_transactions").rows, 19);
            return;
        }
        QVERIFY2(oneLine(r.err), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        QCOMPARE(state(db).value("raw_transactions").rows, 17);
    }

    void rejectsCsvHasEveryRowMasked()
    {
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", txHeader + txRow("101") + txRow("102", "lots") + txRow("103")
                                                           + txRow("x104", "5", "5500 0000 0000 0004") + txRow("105"));
        const QString out = m_dir.filePath(QStringLiteral("rejects/out.csv"));
        QDir().mkpath(QFileInfo(out).absolutePath());
        const Run r = cli({"import", "--db", db, "--rejects", out, file});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("rejected rows written to " + out.toUtf8()), r.out.constData());
        const QByteArray csv = readAll(out);
        QCOMPARE(csv,
                 QByteArray("file,line,column,column_name,value,reason,raw_text\r\n"
                            "transactions.csv,3,6,amount,lots,not an amount (expected a number like 749 or 12.50),"
                            "\"102,10,Tea,1,Drinks,lots,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00,****1111,\"\r\n"
                            "transactions.csv,5,1,id,x104,not an integer (expected digits like 42),"
                            "\"x104,10,Tea,1,Drinks,5,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00,****0004,\"\r\n"));
        QVERIFY(!csv.contains("4111111111111111"));
        QVERIFY(!csv.contains("737"));
    }

    void rejectsCsvIsWrittenForARefusedImport()
    {
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", sixtyPercent());
        const QString out = m_dir.filePath(QStringLiteral("refused-rejects.csv"));
        const Run r = cli({"import", "--db", db, "--rejects", out, file});
        QCOMPARE(r.code, 1);
        QVERIFY(oneLine(r.err));
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines.size(), 5); // header, three rows, and the empty rest after the last CRLF
        QVERIFY(lines[1].startsWith("transactions.csv,3,6,amount,lots,"));
        QVERIFY(lines[2].startsWith("transactions.csv,4,6,amount,n/a,"));
        QVERIFY(lines[3].startsWith("transactions.csv,6,6,amount,?,"));
    }

    void rejectsCsvIsNotWrittenAfterAnotherFailure()
    {
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", txHeader + txRow("101", "lots") + "102,10,\"Tea,1\n");
        const QString out = m_dir.filePath(QStringLiteral("broken-rejects.csv"));
        const Run r = cli({"import", "--db", db, "--rejects", out, file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("quoted field is never closed"), r.err.constData());
        QVERIFY(!QFile::exists(out)); // a partial list would mislead
    }

    void rejectsCsvInAMissingFolderFailsFirst()
    {
        const QString db = basicWarehouse();
        const QString file = write("transactions.csv", txHeader + txRow("101"));
        const test::Snapshot before = state(db);
        const QString out = m_dir.filePath(QStringLiteral("no/such/folder/rejects.csv"));
        const Run r = cli({"import", "--db", db, "--rejects", out, file});
        QCOMPARE(r.code, 1);
        QVERIFY(oneLine(r.err));
        QVERIFY2(r.err.startsWith("cpm-cli import: " + out.toUtf8() + ": cannot write the rejected rows: "), r.err.constData());
        QVERIFY(state(db) == before);
    }

    void rejectsCsvHasEachRowOnceWhenTheDateOrderFlips()
    {
        // 6,000 stores with dates that read either way, then 25/03: beyond the 5,000 rows the
        // inspector samples, so the import starts month-first, meets day 25 and reloads the
        // file day-first. The reject on line 2 must be written once, not once per attempt.
        QByteArray bytes = "id,name,address,city,country,created_at,typology,customer_id\n";
        bytes += "s1,Bad,1 Main St,Lisbon,Portugal,01/02/2023 10:00,Grocery,100\n";
        for (int i = 0; i < 6000; ++i)
            bytes += QByteArray::number(100 + i) + ",S,1 Main St,Lisbon,Portugal,01/02/2023 10:00,Grocery,100\n";
        bytes += "9000,Late,1 Main St,Lisbon,Portugal,25/03/2023 10:00,Grocery,100\n";
        const QString db = m_dir.filePath(QStringLiteral("flip.sqlite"));
        const QString out = m_dir.filePath(QStringLiteral("flip-rejects.csv"));
        const Run r = cli({"import", "--db", db, "--rejects", out, write("stores.csv", bytes)});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("read 6002, loaded 6001"), r.out.constData());
        const QByteArray csv = readAll(out);
        QCOMPARE(csv.count("\r\n"), 2); // the header and line 2
        QVERIFY(csv.contains("stores.csv,2,1,id,s1,not an integer"));
    }

    void dryRunRefusesToo()
    {
        const QString db = basicWarehouse();
        const Run r = cli({"import", "--db", db, "--dry-run", write("transactions.csv", sixtyPercent())});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("3 of 5 data rows rejected (60%"), r.err.constData());
    }

    void checkStrictFailsOnAnEmptyTransactionsTable()
    {
        // Stores and devices only: raw_transactions has no rows.
        const QString db = m_dir.filePath(QStringLiteral("no-transactions.sqlite"));
        const QString basic = test::fixture(QStringLiteral("basic"));
        QCOMPARE(cli({"import", "--db", db, basic + "/stores.csv", basic + "/devices.csv"}).code, 0);
        const Run lenient = cli({"check", "--db", db});
        QVERIFY2(lenient.code == 0, lenient.err.constData());
        QVERIFY2(lenient.out.contains("WARN assert_raw_tables_not_empty: 1 offending rows"), lenient.out.constData());
        QVERIFY2(lenient.out.contains("raw_table=raw_transactions"), lenient.out.constData());
        const Run strict = cli({"check", "--db", db, "--strict"});
        QCOMPARE(strict.code, 1);
        QVERIFY2(oneLine(strict.err), strict.err.constData());
        QVERIFY2(strict.err.startsWith("cpm-cli check: --strict: "), strict.err.constData());
        QVERIFY2(strict.err.contains("assert_raw_tables_not_empty"), strict.err.constData());

        // With the transactions too, the same test passes and --strict does not fail on it.
        QCOMPARE(cli({"import", "--db", db, basic + "/transactions.csv"}).code, 0);
        const Run full = cli({"check", "--db", db, "--strict"});
        QVERIFY2(full.out.contains("PASS assert_raw_tables_not_empty"), full.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliRejects)
#include "tst_cli_rejects.moc"
