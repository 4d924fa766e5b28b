// SPDX-License-Identifier: GPL-3.0-or-later
// `cpm-cli diff` as a user runs it on tests/fixtures/diff-a then diff-b: the JSON keys and the
// hand-known changes (tests/fixtures/diff-a/README.md), the table and CSV forms, the exit codes
// (2: usage, an unknown batch; 1: a warehouse with one import), one stderr line each.
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

class TestCliDiff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(QStringLiteral("w.sqlite")); }

    Run diff(const QStringList &more)
    {
        return cli(QStringList{QStringLiteral("diff"), QStringLiteral("--db"), db()} + more);
    }

    static Run import(const QString &db, const QString &fixture)
    {
        const QString dir = test::fixture(fixture);
        return cli({"import", "--db", db, dir + "/stores.csv", dir + "/devices.csv", dir + "/transactions.csv"});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *fixture : {"diff-a", "diff-b"}) {
            const Run r = import(db(), QString::fromLatin1(fixture));
            QVERIFY2(r.code == 0, r.err.constData());
        }
    }

    void jsonKeysAndChanges()
    {
        const Run r = diff({"--format", "json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc.keys(), (QStringList{"changes", "filters", "from", "limit", "metrics", "to"}));
        QCOMPARE(doc.value("from").toObject().value("batch").toInt(), 1);
        QCOMPARE(doc.value("to").toObject().value("batch").toInt(), 2);
        const QJsonObject stores = doc.value("changes").toObject().value("stores").toObject();
        QCOMPARE(stores.keys(), (QStringList{"changed", "fields", "listed", "new", "removed", "rows"}));
        QCOMPARE(stores.value("new").toInt(), 1);
        QCOMPARE(stores.value("changed").toInt(), 2);
        QCOMPARE(stores.value("fields").toObject().value("typology").toInt(), 1);
        const QJsonObject store2 = stores.value("rows").toArray().at(0).toObject();
        QCOMPARE(store2.value("id").toInt(), 2);
        QCOMPARE(store2.value("change").toString(), QStringLiteral("changed"));
        QCOMPARE(store2.value("fields").toObject().value("typology").toObject(),
                 (QJsonObject{{"old", "Grocery"}, {"new", "Beauty"}}));
        const QJsonObject tx = doc.value("changes").toObject().value("transactions").toObject();
        QCOMPARE(tx.value("new").toInt(), 3);
        QCOMPARE(tx.value("changed").toInt(), 2);
        const QJsonObject metrics = doc.value("metrics").toObject();
        QCOMPARE(metrics.keys(), (QStringList{"avg_amount_by_typology_country", "device_type_share", "time_to_5th_transaction",
                                              "top_products", "top_stores"}));
        // Store 1 moves up 3 → 1 (150 → 420, README).
        const QJsonObject first = metrics.value("top_stores").toArray().at(0).toObject();
        QCOMPARE(first.value("store_id").toInt(), 1);
        QCOMPARE(first.value("movement").toString(), QStringLiteral("up"));
        QCOMPARE(first.value("old_rank").toInt(), 3);
        QCOMPARE(first.value("new_rank").toInt(), 1);
        QCOMPARE(first.value("delta_total_amount").toDouble(), 270.0);
        const QJsonObject fifth = metrics.value("time_to_5th_transaction").toObject();
        QCOMPARE(fifth.value("reached").toArray().size(), 1);
        QCOMPARE(fifth.value("reached").toArray().at(0).toObject().value("store_id").toInt(), 2);
    }

    void limitCapsTheListNotTheCounts()
    {
        const Run r = diff({"--format", "json", "--limit", "1"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject tx = QJsonDocument::fromJson(r.out).object().value("changes").toObject().value("transactions").toObject();
        QCOMPARE(tx.value("listed").toInt(), 1);
        QCOMPARE(tx.value("rows").toArray().size(), 1);
        QCOMPARE(tx.value("new").toInt() + tx.value("changed").toInt(), 5);
    }

    void tableAndCsv()
    {
        const Run table = diff({"--status", "accepted,refused", "--time", "created_at", "--from-date", "2022-01-01"});
        QVERIFY2(table.code == 0, table.err.constData());
        const QString text = QString::fromUtf8(table.out);
        QVERIFY2(text.contains(QStringLiteral("typology=Grocery")) && text.contains(QStringLiteral("typology=Beauty")), table.out.constData());
        const QString filterLine = text.section(QLatin1Char('\n'), 2, 2);
        QVERIFY2(filterLine.startsWith(QStringLiteral("metrics filter: ")) && filterLine.contains(QStringLiteral("created_at"))
                     && filterLine.contains(QStringLiteral("2022-01-01")),
                 qPrintable(filterLine));
        const Run csv = diff({"--format", "csv"});
        QVERIFY2(csv.code == 0, csv.err.constData());
        QVERIFY(csv.out.startsWith("# changes_summary\r\n"));
        QVERIFY(csv.out.contains("\r\n# top_stores_moves\r\n"));
        QVERIFY(csv.out.contains("stores,1,2,0,3\r\n"));
    }

    void errors()
    {
        Run r = diff({"--from", "1", "--to", "9"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith("cpm-cli diff: ") && r.err.contains("no import batch 9") && r.err.count('\n') == 1, r.err.constData());
        r = diff({"--from", "x"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--from 'x' is not an import batch id"));
        r = diff({"--format", "xml"});
        QCOMPARE(r.code, 2);
        r = cli({"diff"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--db"));
        const QString single = m_dir.filePath(QStringLiteral("one.sqlite"));
        QCOMPARE(import(single, QStringLiteral("diff-a")).code, 0);
        r = cli({"diff", "--db", single});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("one import (batch 1)") && r.err.count('\n') == 1, r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
