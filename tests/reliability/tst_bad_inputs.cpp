// SPDX-License-Identifier: GPL-3.0-or-later
// A catalogue of bad inputs, one _data row each, with the exact outcome an import must have:
// either a precise error (code, file, line, column, value, what was expected) and the
// warehouse exactly as before, or a load with counted rejects, notes and checked values.
// Every row starts from a warehouse already holding the basic fixture.
#include "../common/TestSupport.h"
#include "BadInputCases.h"
#include "Snapshot.h"

#include "transform/DataTestRunner.h"

using namespace cpm;
using namespace cpm::test;

namespace {

const Error::Code Header = Error::Code::Header;
const Error::Code Csv = Error::Code::Csv;
const Error::Code Rejected = Error::Code::Rejected;

QByteArray fixtureBytes(const QString &name)
{
    QFile in(fixture(QStringLiteral("basic/") + name));
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

/** A transactions file whose single data row carries a field of @p size bytes. */
QByteArray hugeField(qsizetype size)
{
    QByteArray bytes = txHeader + "101,10,";
    bytes += QByteArray(size, 'x');
    bytes += ",1,Drinks,5,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n";
    return bytes;
}

/** Header and one row of @p columns fields: the transactions columns, then extras. */
QByteArray wideFile(int columns)
{
    QByteArray header = txHeader.chopped(1);
    QByteArray row = txRow(101).chopped(1);
    for (int i = 9; i < columns; ++i) {
        header += ",extra_" + QByteArray::number(i);
        row += ",x";
    }
    return header + '\n' + row + '\n';
}

/** 70 KB of valid rows, then one name that is not UTF-8: past the sniffer's 64 KiB window. */
QByteArray lateBadUtf8()
{
    QByteArray bytes = storesHeader;
    int id = 1000;
    while (bytes.size() < 70 * 1024)
        bytes += storeRow(id++, "Plain");
    return bytes + storeRow(id, "Caf\xE9");
}

} // namespace

class TestBadInputs : public QObject
{
    Q_OBJECT

private slots:
    void catalogue_data();
    void catalogue();

private:
    static ImportOptions writeInputs(const QString &dir, const Inputs &inputs);
    static void verifyFailure(const ImportSummary &s, const Expected &expected, const QString &path);
    static void verifySuccess(TempWarehouse &w, const ImportSummary &s, const Expected &expected);
    static QString checkValue(TempWarehouse &w, const QString &sql);
};

// Structure: the import stops with a precise error and changes nothing.
static void structureRows()
{
    const Inputs none;
    QTest::newRow("empty file") << none << Inputs{file("t.csv", "")}
        << fails(Header, {"%F: the file is empty (expected a header line and data rows)"});
    QTest::newRow("unknown header") << none << Inputs{file("t.csv", "foo,bar,baz\n1,2,3\n")}
        << fails(Header, {"%F:1: header matches none of stores, devices or transactions: 'foo,bar,baz'",
                          "(expected a header with the columns of one extract, e.g. id,device_id,"});
    QTest::newRow("devices forced into the transactions slot")
        << none << Inputs{file("d.csv", devicesHeader + "50,1,1\n", FileRole::Transactions)}
        << fails(Header, {"%F:1: transactions file lacks required column(s) device_id, product_sku, amount, status, "
                          "created_at, happened_at: 'id,type,store_id'"});
    QTest::newRow("transactions forced into the stores slot")
        << none << Inputs{file("t.csv", txHeader + txRow(101), FileRole::Stores)}
        << fails(Header, {"%F:1: stores file lacks required column(s) name, country, typology"});
    QTest::newRow("missing required column")
        << none << Inputs{file("s.csv", "id,name,address,city,country,created_at,customer_id\n7,A,x,y,z,01/15/2023 10:00,1\n")}
        << fails(Header, {"%F:1: stores file lacks required column(s) typology",
                          "(expected columns id,name,country,created_at,typology)"});
    QTest::newRow("unterminated quote")
        << none << Inputs{file("t.csv", txHeader + txRow(101) + "102,10,\"Tea, green,1,Drinks,5,accepted\n" + txRow(103))}
        << fails(Csv, {"%F:3:3: quoted field is never closed: 'Tea, green,1,Drinks,5,accepted'",
                       "(expected a closing quote (\") before the end of the file)"});
    QTest::newRow("NUL byte") << none << Inputs{file("t.csv", txHeader + txRow(101) + QByteArray("102,10,Te\0a,1", 13) + "\n")}
        << fails(Csv, {"%F:3:3: NUL byte in the data (expected text in UTF-8 or Windows-1252"});
    QTest::newRow("50 MB single field") << none << Inputs{lazyFile("t.csv", [] { return hugeField(50 << 20); })}
        << fails(Csv, {"%F:2:3: record is longer than 16 MiB (expected a line end within 16 MiB)"});
}

// Values: the rows that cannot be read are rejected with a reason; the rest load.
static void valueRows()
{
    const Inputs none;
    // A file that loads nothing refuses the import (RejectPolicy): loudly, changing nothing.
    QTest::newRow("header only") << none << Inputs{file("t.csv", txHeader)}
        << fails(Rejected, {"%F: no data rows, only a header: the file is refused, nothing was imported "
                            "(expected at least one row under the header)"});
    QTest::newRow("duplicate ids with conflicting values")
        << none << Inputs{file("s.csv", storesHeader + storeRow(7, "First") + storeRow(7, "Second"))}
        << loads(2, 0).withNote("duplicate_id").withCheck("select name from raw_stores where id = 7", "Second");
    QTest::newRow("ragged rows")
        << none << Inputs{file("t.csv", txHeader + txRow(101) + "102,10,Tea\n" + txRow(103).chopped(1) + ",extra\n"
                                       + txRow(104) + txRow(105))} // 2 of 5 rejected: under the 50 % that refuses
        << loads(3, 2).withReasons({"row has 3 fields (expected 9, like the header)",
                                    "row has 10 fields (expected 9, like the header)"});
    QTest::newRow("invalid UTF-8") << none << Inputs{file("s.csv", storesHeader + storeRow(7, "Caf\xC3\x28"))}
        << loads(1, 0).withNote("encoding").withCheck("select name from raw_stores where id = 7", QString::fromUtf8("Caf\u00C3("));
    QTest::newRow("invalid UTF-8 after 64 KiB") << none << Inputs{lazyFile("s.csv", lateBadUtf8)}
        << loads(-1, 0).withNote("encoding").withCheck("select name from raw_stores where id = (select max(id) from raw_stores)",
                                                        QString::fromUtf8("Caf\u00E9"));
    QTest::newRow("10,000 columns") << none << Inputs{lazyFile("t.csv", [] { return wideFile(10000); })}
        << loads(1, 0).withNote("ignored_columns");
    QTest::newRow("impossible date 02/30/2023")
        << none << Inputs{file("s.csv", storesHeader + storeRow(7, "A") + storeRow(8, "B", "02/30/2023 10:00"))}
        << loads(1, 1).withReasons({"impossible date (expected a date like MM/DD/YYYY H:MM[:SS])"});
    QTest::newRow("dates out of range")
        << none << Inputs{file("s.csv", storesHeader + storeRow(7, "A") + storeRow(8, "B", "01/15/0000 10:00")
                                       + storeRow(9, "C", "01/15/2023 25:00") + storeRow(10, "D", "01/15/10000 10:00")
                                       + storeRow(11, "E") + storeRow(12, "F"))} // 3 of 6: not more than half
        << loads(3, 3).withReasons({"impossible date", "impossible time of day", "not a timestamp"});
    QTest::newRow("negative amount") << none << Inputs{file("t.csv", txHeader + txRow(101, "-12.50"))}
        << loads(1, 0).withNote("negative_amount").withCheck("select amount from raw_transactions where id = 101", "-12.5");
    QTest::newRow("non-numeric amounts")
        << none << Inputs{file("t.csv", txHeader + txRow(101, "abc") + txRow(102, "1e") + txRow(103, "inf") + txRow(104, "\"1,2,3\"")
                                       + txRow(105, "1" + QByteArray(400, '0')))}
        << fails(Rejected, {"%F: 5 of 5 data rows rejected (100%, every row): the file is refused, nothing was imported; "
                            "most common: line 2, column amount: not an amount (expected a number like 749 or 12.50) (5 rows)"});
    QTest::newRow("id beyond 64 bits") << none << Inputs{file("d.csv", devicesHeader + "99999999999999999999,1,1\n")}
        << fails(Rejected, {"%F: 1 of 1 data rows rejected (100%, every row)",
                            "most common: line 2, column id: not an integer (expected digits like 42) (1 row)"});
    QTest::newRow("unknown status") << none << Inputs{file("t.csv", txHeader + txRow(101, "5", " Chargeback "))}
        << loads(1, 0).withNote("unknown_status").withCheck("select status from raw_transactions where id = 101", "chargeback");
    QTest::newRow("missing status") << none << Inputs{file("t.csv", txHeader + txRow(101, "5", ""))}
        << fails(Rejected, {"%F: 1 of 1 data rows rejected (100%, every row)",
                            "line 2, column status: missing status (expected accepted, refused or cancelled) (1 row)"});
}

// Relationships are not rejects: rows load and the data tests report them. Repeats:
// identical bytes change nothing; a later import of other bytes wins per id. Hostile text is
// data: bound, never spliced into SQL, and read back byte for byte.
static void relationAndRepeatRows()
{
    const Inputs none;
    QTest::newRow("transactions for unknown devices")
        << none << Inputs{file("t.csv", txHeader + "101,999,Tea,1,Drinks,5,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n")}
        << loads(1, 0).withCheck("datatest:assert_transactions_have_known_device", "2");
    QTest::newRow("devices for unknown stores") << none << Inputs{file("d.csv", devicesHeader + "50,1,999\n")}
        << loads(1, 0).withCheck("datatest:assert_devices_have_known_store", "1");

    QTest::newRow("the same extract imported twice")
        << none << Inputs{lazyFile("stores.csv", [] { return fixtureBytes("stores.csv"); }),
                          lazyFile("devices.csv", [] { return fixtureBytes("devices.csv"); }),
                          lazyFile("transactions.csv", [] { return fixtureBytes("transactions.csv"); })}
        << changesNothing();
    QTest::newRow("older extract after a newer one")
        << Inputs{file("s.csv", storesHeader + storeRow(7, "Renamed in March", "03/01/2023 10:00"))}
        << Inputs{file("s.csv", storesHeader + storeRow(7, "Name in January", "01/15/2023 10:00"))}
        << loads(1, 0).withCheck("select name from raw_stores where id = 7", "Name in January")
                      .withCheck("select count(*) from raw_stores", "5");

    QTest::newRow("names with quotes, semicolons and SQL")
        << none << Inputs{file("s.csv", storesHeader + "9,\"Robert'); DROP TABLE raw_stores;--\",\"1; DELETE FROM import_batches; --\","
                                        "\"x\"\" OR \"\"1\"\"=\"\"1\",Portugal,01/15/2023 10:00,SELECT,' OR 1=1 --\n")}
        << loads(1, 0).withCheck("select name from raw_stores where id = 9", "Robert'); DROP TABLE raw_stores;--")
                      .withCheck("select address from raw_stores where id = 9", "1; DELETE FROM import_batches; --")
                      .withCheck("select city from raw_stores where id = 9", "x\" OR \"1\"=\"1")
                      .withCheck("select customer_id from raw_stores where id = 9", "' OR 1=1 --")
                      .withCheck("select count(*) from raw_stores", "5")
                      .withCheck("select count(*) from import_batches", "2");
}

void TestBadInputs::catalogue_data()
{
    QTest::addColumn<Inputs>("prior");
    QTest::addColumn<Inputs>("inputs");
    QTest::addColumn<Expected>("expected");
    structureRows();
    valueRows();
    relationAndRepeatRows();
}

void TestBadInputs::catalogue()
{
    QFETCH(Inputs, prior);
    QFETCH(Inputs, inputs);
    QFETCH(Expected, expected);
    TempWarehouse w;
    QVERIFY(w.open());
    const ImportSummary base = w.import(extractOptions(fixture(QStringLiteral("basic"))));
    QVERIFY2(base.succeeded(), qPrintable(base.error.toString()));
    if (!prior.isEmpty()) {
        const ImportSummary first = w.import(writeInputs(w.dir.filePath(QStringLiteral("prior")), prior));
        QVERIFY2(first.succeeded(), qPrintable(first.error.toString()));
    }
    const ImportOptions options = writeInputs(w.dir.filePath(QStringLiteral("in")), inputs);
    QString dbError;
    const Snapshot before = snapshot(w.warehouse.database(), &dbError);
    const ImportSummary s = w.import(options);
    const Snapshot after = snapshot(w.warehouse.database(), &dbError);
    QVERIFY2(dbError.isEmpty(), qPrintable(dbError));
    if (expected.code != Error::Code::None) {
        verifyFailure(s, expected, options.files.constFirst().path);
        QVERIFY2(after == before, qPrintable(QStringLiteral("changed: ") + snapshotDiff(before, after)));
        return;
    }
    QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
    if (expected.alreadyImported) {
        for (const FileImportSummary &f : s.files)
            QVERIFY2(f.alreadyImported, qPrintable(f.path));
        QVERIFY2(after == before, qPrintable(QStringLiteral("changed: ") + snapshotDiff(before, after)));
        return;
    }
    verifySuccess(w, s, expected);
}

ImportOptions TestBadInputs::writeInputs(const QString &dir, const Inputs &inputs)
{
    ImportOptions options;
    for (const InputFile &input : inputs) {
        const QString path = QDir(dir).filePath(input.name);
        writeFile(path, input.bytes());
        options.files.push_back({path, input.forced});
    }
    return options;
}

void TestBadInputs::verifyFailure(const ImportSummary &s, const Expected &expected, const QString &path)
{
    QVERIFY2(!s.succeeded(), "the import must fail");
    const QString text = s.error.toString();
    QVERIFY2(s.error.code == expected.code, qPrintable(QStringLiteral("code %1: %2").arg(int(s.error.code)).arg(text)));
    for (QString fragment : expected.says) {
        fragment.replace(QStringLiteral("%F"), path);
        QVERIFY2(text.contains(fragment), qPrintable(QStringLiteral("\n  got: %1\n want: %2").arg(text, fragment)));
    }
}

void TestBadInputs::verifySuccess(TempWarehouse &w, const ImportSummary &s, const Expected &expected)
{
    QVERIFY(!s.files.isEmpty());
    const FileImportSummary &f = s.files.constLast();
    if (expected.loaded >= 0)
        QCOMPARE(f.rowsLoaded, expected.loaded);
    QCOMPARE(f.rowsRejected, expected.rejected);
    QSqlQuery q(w.warehouse.database());
    QVERIFY(q.exec(QStringLiteral("select reason from rejects where batch_id = %1 order by line").arg(s.batchId)));
    for (const QString &reason : expected.reasons) {
        QVERIFY2(q.next(), qPrintable(QStringLiteral("missing reject: ") + reason));
        QVERIFY2(q.value(0).toString().contains(reason), qPrintable(q.value(0).toString()));
    }
    if (!expected.note.isEmpty()) {
        bool found = false;
        for (const ImportNote &note : f.notes)
            found = found || note.kind == expected.note;
        QVERIFY2(found, qPrintable(QStringLiteral("no '%1' note").arg(expected.note)));
    }
    for (const auto &check : expected.checks)
        QCOMPARE(checkValue(w, check.first), check.second);
}

QString TestBadInputs::checkValue(TempWarehouse &w, const QString &sql)
{
    if (!sql.startsWith(QLatin1String("datatest:")))
        return w.warehouse.scalar(sql).toString();
    const QString name = sql.mid(9);
    for (const DataTestResult &result : DataTestRunner(w.warehouse.database()).run(w.project.dataTests())) {
        if (result.name == name)
            return result.error.isEmpty() ? QString::number(result.failingRows) : result.error;
    }
    return QStringLiteral("no data test ") + name;
}

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_bad_inputs.moc"
