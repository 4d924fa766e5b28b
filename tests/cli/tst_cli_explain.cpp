// SPDX-License-Identifier: GPL-3.0-or-later
// `cpm-cli explain` as a user runs it on tests/fixtures/basic: the three formats carry the
// hand-computed rows and numbers; usage errors exit 2, unknown keys or metrics exit 1, each
// with one stderr line.
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

class TestCliExplain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(QStringLiteral("w.sqlite")); }

    Run explain(const QStringList &more)
    {
        return cli(QStringList{QStringLiteral("explain"), QStringLiteral("--db"), db()} + more);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString basic = test::fixture(QStringLiteral("basic"));
        const Run r = cli({"import", "--db", db(), basic + "/transactions.csv", basic + "/stores.csv", basic + "/devices.csv"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void tableFormat()
    {
        // Store 1, all statuses, January: 1, 2, 3, 4 (refused), 5, 6, 7 = 100+50+30+20+10+40+60 = 310.
        const Run r = explain({"--metric", "top_stores", "--key", "1", "--status", "accepted,refused,cancelled",
                               "--from", "2022-01-01", "--to", "2022-01-31"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("store 1 (Alpha)")), r.out.constData());
        QVERIFY(text.contains(QStringLiteral("n = 7 transactions listed")));
        QVERIFY(text.contains(QStringLiteral("Total amount = 310.00")));
        QVERIFY(text.contains(QStringLiteral("from 2022-01-01 to 2022-01-31 (inclusive)")));
        QVERIFY(text.contains(QStringLiteral(".param set :store_id 1")));
        QVERIFY(text.contains(QStringLiteral("from int_transaction_events")));
        QVERIFY(text.contains(QStringLiteral("Apple Juice")));
        QVERIFY(r.err.isEmpty());
    }

    void csvFormat()
    {
        // SKU 444 (Donut): 11 (80) and 12–16 (5 × 10) = 6 items, 130.
        const Run r = explain({"--metric", "top_products", "--key", "444", "--format", "csv"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QStringList sections = QString::fromUtf8(r.out).split(QStringLiteral("\r\n\r\n"));
        QCOMPARE(sections.size(), 2);
        QVERIFY(sections[0].startsWith(QStringLiteral("# explanation\r\nitem,value,detail\r\n")));
        QVERIFY(sections[0].contains(QStringLiteral("\r\ntransactions,6,")));
        QVERIFY(sections[0].contains(QStringLiteral("\r\ntotal_amount,130,")));
        const QStringList lines = sections[1].split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("# transactions"));
        QVERIFY(lines.value(1).startsWith(QStringLiteral("transaction_id,happened_at,created_at,store_id")));
        QCOMPARE(lines.size(), 2 + 6);
        QVERIFY(lines.value(2).startsWith(QStringLiteral("11,2022-01-21T08:00:00,")));
    }

    void jsonFormat()
    {
        // Store 4's first five by happened_at: 12–16, the 5th one day after the 1st.
        const Run r = explain({"--metric", "time_to_5th_transaction", "--key", "4", "--format", "json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["metric"].toString(), QStringLiteral("time_to_5th_transaction"));
        QCOMPARE(doc["n"].toInt(), 5);
        QCOMPARE(doc["filter"].toObject()["statuses"].toArray().first().toString(), QStringLiteral("accepted"));
        QCOMPARE(doc["sql"].toObject()["file"].toString(), QStringLiteral("explain/time_to_5th_transaction.sql"));
        QVERIFY(doc["sql"].toObject()["sqlite_script"].toString().contains(QStringLiteral(".param set :store_id 4")));
        double seconds = -1;
        for (const QJsonValue &f : doc["figures"].toArray()) {
            if (f.toObject()["key"].toString() == QLatin1String("seconds"))
                seconds = f.toObject()["value"].toDouble();
        }
        QCOMPARE(seconds, 86400.0);
        const QJsonArray rows = doc["transactions"].toArray();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.first().toObject()["transaction_id"].toInt(), 12);
        QCOMPARE(rows.first().toObject()["happened_at"].toString(), QStringLiteral("2022-03-01T00:00:00"));
        for (const QJsonValue &l : doc["left_out"].toArray())
            QVERIFY(l.toObject().contains(QStringLiteral("reason")));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QStringList{"--metric", "top_stores", "--key", "42"} << 1
                                     << "cpm-cli explain: unknown store id for top_stores: '42'";
        QTest::newRow("unknown group") << QStringList{"--metric", "avg_amount_by_typology_country", "--key", "Toys/Mars"} << 1
                                       << "no store has this typology and country";
        QTest::newRow("unknown metric") << QStringList{"--metric", "top_shops", "--key", "1"} << 1
                                        << "cpm-cli explain: unknown metric: 'top_shops'";
        QTest::newRow("no key") << QStringList{"--metric", "top_stores"} << 2 << "--metric NAME and --key KEY are required";
        QTest::newRow("bad format") << QStringList{"--metric", "top_stores", "--key", "1", "--format", "xml"} << 2
                                    << "--format 'xml' is not one of table, csv, json";
        QTest::newRow("bad date") << QStringList{"--metric", "top_stores", "--key", "1", "--from", "yesterday"} << 2
                                  << "--from 'yesterday' is not a date";
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = explain(arguments);
        QCOMPARE(r.code, code);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    // A warehouse with nothing imported: the same one line as metrics and check, not the
    // database's "no such table".
    void emptyWarehouse()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty.sqlite"));
        const Run init = cli({"init", "--db", empty});
        QVERIFY2(init.code == 0, init.err.constData());
        const Run r = cli({"explain", "--db", empty, "--metric", "top_stores", "--key", "1"});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, QByteArray("cpm-cli explain: the warehouse holds no data yet: import extracts first\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
