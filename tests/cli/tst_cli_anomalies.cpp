// SPDX-License-Identifier: GPL-3.0-or-later
// `cpm-cli anomalies` on tests/fixtures/anomalies (counts and p-values by hand in its README):
// the planted outlier flagged in the three formats, the other groupings, the date range, and
// usage errors (exit 2, one stderr line).
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

class TestCliAnomalies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(QStringLiteral("w.sqlite")); }

    Run anomalies(const QStringList &more)
    {
        return cli(QStringList{QStringLiteral("anomalies"), QStringLiteral("--db"), db()} + more);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dir = test::fixture(QStringLiteral("anomalies"));
        const Run r = cli({"import", "--db", db(), dir + "/transactions.csv", dir + "/stores.csv", dir + "/devices.csv"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void tableFormat()
    {
        const Run r = anomalies({});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("Planted Outlier")), r.out.constData());
        QVERIFY(text.contains(QStringLiteral("1 store flagged.")));
        QVERIFY(text.contains(QStringLiteral("115 transactions of known stores, 21 refused")));
        QVERIFY(text.contains(QStringLiteral("p < 0.001 and n ≥ 20")));
        QVERIFY(text.contains(QStringLiteral("status filter does not apply")));
        QVERIFY(r.err.isEmpty());
    }

    void csvFormat()
    {
        const Run r = anomalies({"--format", "csv"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QStringList lines = QString::fromUtf8(r.out).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4);
        QVERIFY2(lines[0].startsWith(QStringLiteral("store_id,store_name,typology,country,flag,transactions,refused,refused_rate,")),
                 qPrintable(lines[0]));
        // Most unusual first: store 3 (p = 2.73e-5, flagged), store 4 (6.5e-5, n = 5: not flagged).
        QVERIFY2(lines[1].startsWith(QStringLiteral("3,Planted Outlier,Beauty,France,refused,30,12,40,")), qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("4,Tiny,Beauty,France,,5,5,100,")), qPrintable(lines[2]));
    }

    void jsonFormat()
    {
        const Run r = anomalies({"--format", "json", "--by", "device_type"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root["id"].toString(), QStringLiteral("anomaly_rates_by_device_type"));
        QVERIFY(root["rule"].toString().contains(QStringLiteral("binomial")));
        const QJsonArray rows = root["rows"].toArray();
        QCOMPARE(rows.size(), 4);
        // Type 1 = stores 1 and 3: 70 transactions, 14 refused (20 %).
        const QJsonObject type1 = rows.at(0).toObject();
        QCOMPARE(type1["device_type"].toString(), QStringLiteral("1"));
        QCOMPARE(type1["transactions"].toInt(), 70);
        QCOMPARE(type1["refused"].toInt(), 14);
        QCOMPARE(type1["refused_rate"].toDouble(), 20.0);
    }

    void byTypologyCountryAndDay()
    {
        Run r = anomalies({"--by", "typology_country", "--format", "csv"});
        QVERIFY2(r.code == 0, r.err.constData());
        QStringList lines = QString::fromUtf8(r.out).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].startsWith(QStringLiteral("Beauty,France,2,35,17,")), qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("Grocery,Portugal,2,80,4,5,2,2.5")), qPrintable(lines[2]));
        r = anomalies({"--by", "day", "--format", "csv", "--from", "2022-03-16", "--to", "2022-03-17"});
        QVERIFY2(r.code == 0, r.err.constData());
        lines = QString::fromUtf8(r.out).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].startsWith(QStringLiteral("2022-03-16,33,12,")), qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("2022-03-17,26,1,")), qPrintable(lines[2]));
    }

    void rangeAndTimeColumn()
    {
        // 17 March alone: nobody stands out; created_at gives the same days.
        const Run r = anomalies({"--from", "2022-03-17", "--to", "2022-03-17", "--time", "created_at"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("0 stores flagged.")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("by") << QStringList{"--by", "city"} << QStringLiteral("--by 'city' is not one of store, device_type");
        QTest::newRow("format") << QStringList{"--format", "xml"} << QStringLiteral("--format 'xml' is not one of");
        QTest::newRow("day") << QStringList{"--from", "17/03/2022"} << QStringLiteral("--from '17/03/2022' is not a date");
        QTest::newRow("status") << QStringList{"--status", "refused"} << QStringLiteral("Unknown option 'status'");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = anomalies(arguments);
        QCOMPARE(r.code, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliAnomalies)
#include "tst_cli_anomalies.moc"
