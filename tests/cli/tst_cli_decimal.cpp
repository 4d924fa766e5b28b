// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-cli import --decimal: the question an ambiguous amount column asks (one line on stderr,
// exit 1, nothing written), its two answers, a bad value (exit 2), and the fixtures written
// by pandas and a European spreadsheet, imported as a user would.
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

namespace {

const QByteArray kAmbiguous = "id;device_id;product_name;product_sku;category_name;amount;status;created_at;happened_at\n"
                              "1;10;Tea;1;D;1,234;accepted;16.10.2022 03:52:35;16.10.2022 03:52:35\n"
                              "2;10;Tea;1;D;5;accepted;16.10.2022 03:52:35;16.10.2022 03:52:35\n";

} // namespace

class TestCliDecimal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    /** The amounts of the warehouse @p db, as metrics' CSV (top products: one SKU "1"). */
    QByteArray total(const QString &db)
    {
        const Run r = cli({"metrics", "--db", db, "--metric", "top_products", "--format", "csv"});
        return r.out.split('\n').value(1).trimmed();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::writeFile(path("t.csv"), kAmbiguous);
    }

    void ambiguousAutoIsOneLineError()
    {
        const Run r = cli({"import", "--db", path("auto.sqlite"), "--transactions", path("t.csv")});
        QCOMPARE(r.code, 1);
        const QByteArray line = r.err.trimmed();
        QVERIFY2(!line.contains('\n'), r.err.constData());
        QVERIFY2(line.contains("t.csv:2:6 (amount)"), r.err.constData());
        QVERIFY2(line.contains("'1,234'"), r.err.constData());
        QVERIFY2(line.contains("--decimal comma") && line.contains("--decimal point"), r.err.constData());
        // Nothing was written: answering the question makes batch 1.
        const Run answered = cli({"import", "--db", path("auto.sqlite"), "--decimal", "comma", "--transactions", path("t.csv")});
        QVERIFY2(answered.code == 0, answered.err.constData());
        QVERIFY2(answered.out.contains("batch 1 committed"), answered.out.constData());
    }

    void decimalCommaAndPoint()
    {
        Run r = cli({"import", "--db", path("comma.sqlite"), "--decimal", "comma", "--transactions", path("t.csv")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("note: amount: read with a decimal comma, as chosen"), r.out.constData());
        // 1,234 as 1.234, plus 5: 6.234 over 2 transactions
        QCOMPARE(total(path("comma.sqlite")), QByteArray("1,1,Tea,2,6.234"));
        r = cli({"import", "--db", path("point.sqlite"), "--decimal", "POINT", "--transactions", path("t.csv")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(total(path("point.sqlite")), QByteArray("1,1,Tea,2,1239"));
    }

    void badDecimalValueIsAUsageError()
    {
        const Run r = cli({"import", "--db", path("bad.sqlite"), "--decimal", "dot", path("t.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--decimal 'dot' is not one of auto, comma, point"), r.err.constData());
    }

    void pandasAndEuropeanFixtures_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QByteArray>("reads");
        QTest::newRow("pandas") << QStringLiteral("basic-pandas") << QByteArray("read 18, loaded 17");
        QTest::newRow("european") << QStringLiteral("basic-european") << QByteArray("read 17, loaded 17");
    }

    void pandasAndEuropeanFixtures()
    {
        QFETCH(QString, fixture);
        QFETCH(QByteArray, reads);
        const QString dir = test::fixture(fixture);
        const QString db = m_dir.filePath(fixture + QStringLiteral(".sqlite"));
        const Run r = cli({"import", "--db", db, dir + "/stores.csv", dir + "/devices.csv", dir + "/transactions.csv"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains(reads), r.out.constData());
        const QByteArray mark = fixture.endsWith(QStringLiteral("european")) ? "amount: decimal comma (e.g. 100,00)"
                                                                              : "amount: decimal point (e.g. 100.0)";
        QVERIFY2(r.out.contains(mark), r.out.constData());
        const Run top = cli({"metrics", "--db", db, "--metric", "top_stores", "--format", "csv"});
        QVERIFY2(top.code == 0, top.err.constData());
        // Store 2 first with 500 in 1 transaction (worked by hand in the fixtures' READMEs).
        QVERIFY2(top.out.split('\n').value(1).startsWith("1,2,Beta,"), top.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliDecimal)
#include "tst_cli_decimal.moc"
