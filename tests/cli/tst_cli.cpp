// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-cli as a user runs it: real process, real files, exit codes and one-line errors.
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(QStringLiteral("w.sqlite")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString basic = test::fixture(QStringLiteral("basic"));
        const Run r = cli({"import", "--db", db(), basic + "/transactions.csv", basic + "/stores.csv", basic + "/devices.csv"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("read 17, loaded 17"), r.out.constData());
    }

    void metricsJsonHasTheDocumentedShape()
    {
        const Run r = cli({"metrics", "--db", db(), "--format", "json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["filters"].toObject()["time_column"].toString(), QStringLiteral("happened_at"));
        const QJsonObject top = doc["top_stores"].toArray().first().toObject();
        for (const char *key : {"rank", "store_id", "store_name", "typology", "country", "total_amount", "transactions"})
            QVERIFY2(top.contains(key), key);
        QCOMPARE(top["store_id"].toInt(), 2);
        QCOMPARE(top["total_amount"].toDouble(), 500.0);
        const QJsonObject product = doc["top_products"].toArray().first().toObject();
        QCOMPARE(product["product_sku"].toString(), QStringLiteral("444"));
        QCOMPARE(product["transactions"].toInt(), 6);
        const QJsonObject avg = doc["avg_amount_by_typology_country"].toArray().first().toObject();
        for (const char *key : {"typology", "country", "transactions", "avg_amount", "avg_store_total"})
            QVERIFY2(avg.contains(key), key);
        QCOMPARE(doc["device_type_share"].toArray().first().toObject()["pct"].toDouble(), 60.0);
        const QJsonObject ttf = doc["time_to_5th_transaction"].toObject();
        QCOMPARE(ttf["stores_with_5"].toInt(), 2);
        QCOMPARE(ttf["stores_total"].toInt(), 4);
        QCOMPARE(ttf["avg_seconds"].toDouble(), 172800.0);
        QCOMPARE(ttf["avg_days"].toDouble(), 2.0);
        const QJsonObject store = ttf["per_store"].toArray().first().toObject();
        QCOMPARE(store["first_at"].toString(), QStringLiteral("2022-01-10T10:00:00"));
        QCOMPARE(store["fifth_at"].toString(), QStringLiteral("2022-01-13T10:00:00"));
        QCOMPARE(store["seconds"].toDouble(), 259200.0);
        QCOMPARE(ttf["below_five"].toArray().size(), 2); // stores 2 and 3: listed, not averaged
        const QJsonObject customer = ttf["per_customer"].toArray().first().toObject();
        for (const char *key : {"customer_id", "stores", "avg_seconds"})
            QVERIFY2(customer.contains(key), key);
    }

    void metricsFiltersAndCsv()
    {
        const Run r = cli({"metrics", "--db", db(), "--status", "accepted,refused,cancelled", "--time", "created_at",
                           "--from", "2022-01-01", "--to", "2022-01-31", "--metric", "top_stores", "--format", "csv"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QCOMPARE(lines[0].trimmed(), QByteArray("rank,store_id,store_name,typology,country,total_amount,transactions"));
        // created_at in January: store 2 has 500 + 25; store 1 loses tx 7 (created 02-01): 310 - 60 = 250
        QCOMPARE(lines[1].trimmed(), QByteArray("1,2,Beta,Grocery,Portugal,525,2"));
        QCOMPARE(lines[3].trimmed(), QByteArray("3,1,Alpha,Grocery,Portugal,250,6"));
    }

    void badArgumentsFailWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mention");
        QTest::newRow("time") << QStringList{"metrics", "--db", "X", "--time", "updated_at"} << QByteArray("updated_at");
        QTest::newRow("from") << QStringList{"metrics", "--db", "X", "--from", "2022-13-01"} << QByteArray("2022-13-01");
        QTest::newRow("metric") << QStringList{"metrics", "--db", "X", "--metric", "nope"} << QByteArray("nope");
        QTest::newRow("no db") << QStringList{"metrics"} << QByteArray("--db");
        QTest::newRow("verb") << QStringList{"frobnicate"} << QByteArray("frobnicate");
        QTest::newRow("missing file") << QStringList{"import", "--db", "X", "/nonexistent/t.csv"} << QByteArray("/nonexistent/t.csv");
    }

    void badArgumentsFailWithOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mention);
        for (QString &argument : arguments) {
            if (argument == QLatin1String("X"))
                argument = m_dir.filePath(QStringLiteral("other.sqlite"));
        }
        const Run r = cli(arguments);
        QVERIFY(r.code != 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(mention), r.err.constData());
    }

    /** A reading verb given a path with no warehouse fails and leaves no file; init makes one. */
    void readingVerbsNeedAnExistingWarehouse()
    {
        const QString typo = m_dir.filePath(QStringLiteral("typo.sqlite"));
        for (const char *verb : {"metrics", "check", "models", "anomalies", "report"}) {
            QStringList arguments{QString::fromLatin1(verb), QStringLiteral("--db"), typo};
            if (qstrcmp(verb, "report") == 0)
                arguments << QStringLiteral("--out") << m_dir.filePath(QStringLiteral("typo.pdf"));
            const Run r = cli(arguments);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("no warehouse there") && r.err.contains(typo.toUtf8()), r.err.constData());
            QVERIFY2(!QFileInfo::exists(typo), verb);
        }
        const Run init = cli({"init", "--db", typo});
        QVERIFY2(init.code == 0, init.err.constData());
        QVERIFY(QFileInfo::exists(typo));
    }

    void checkAndModels()
    {
        const Run check = cli({"check", "--db", db()});
        QVERIFY2(check.code == 0, check.err.constData());
        // Transaction 17's device 99 is unknown: the relationship test warns with one row.
        QVERIFY2(check.out.contains("WARN assert_transactions_have_known_device: 1 offending rows"), check.out.constData());
        const Run models = cli({"models", "--db", db()});
        QVERIFY2(models.code == 0, models.err.constData());
        QVERIFY(models.out.indexOf("stg_transactions") < models.out.indexOf("fct_transactions"));
        QVERIFY(models.out.indexOf("fct_transactions") < models.out.indexOf("mart_store_daily"));
    }

    void reportWritesEveryFormat()
    {
        const QString out = m_dir.filePath(QStringLiteral("report"));
        const Run r = cli({"report", "--db", db(), "--status", "accepted", "--out", out});
        QVERIFY2(r.code == 0, r.err.constData());
        for (const char *name : {"report.pdf", "report.xlsx", "top_stores.png", "top_stores.svg", "top_stores.csv",
                                 "time_to_5th_transaction.csv"})
            QVERIFY2(QFileInfo(QDir(out).filePath(QString::fromLatin1(name))).size() > 0, name);
        // The report's table is exactly what `metrics --format csv` prints.
        const Run csv = cli({"metrics", "--db", db(), "--metric", "top_stores", "--format", "csv"});
        QFile file(QDir(out).filePath(QStringLiteral("top_stores.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), csv.out);
        const Run missing = cli({"report", "--db", db()});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("--out"));
    }

    void generateThenImportAnything()
    {
        const QString out = m_dir.filePath(QStringLiteral("gen"));
        const Run gen = cli({"generate", "--transactions", "2000", "--out", out});
        QVERIFY2(gen.code == 0, gen.err.constData());
        const QString fresh = m_dir.filePath(QStringLiteral("gen.sqlite"));
        const Run imported = cli({"import", "--db", fresh, out + "/stores.csv", out + "/devices.csv", out + "/transactions.csv"});
        QVERIFY2(imported.code == 0, imported.err.constData());
        const Run metrics = cli({"metrics", "--db", fresh, "--format", "json"});
        QVERIFY2(metrics.code == 0, metrics.err.constData());
        QCOMPARE(QJsonDocument::fromJson(metrics.out).object()["top_stores"].toArray().size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
