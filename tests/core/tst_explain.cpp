// SPDX-License-Identifier: GPL-3.0-or-later
// "Explain this number" on tests/fixtures/basic: the transactions, n and left-out counts of
// each metric worked out by hand from the fixture (see its README), every row of every
// metric under several filters adding up to what both engines show, unknown keys, masked
// cards, and the copyable SQL run by the sqlite3 shell.
#include "../common/ExplainChecks.h"
#include "../common/TestSupport.h"

#include "explain/ExplanationFormat.h"
#include "metrics/MetricsEngine.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

Q_DECLARE_METATYPE(cpm::MetricFilter)

using namespace cpm;

namespace {

MetricFilter filter(QStringList statuses, TimeColumn column = TimeColumn::HappenedAt, QDate from = {}, QDate to = {})
{
    MetricFilter f;
    f.statuses = statuses;
    f.timeColumn = column;
    f.from = from;
    f.to = to;
    return f;
}

QList<qint64> ids(const Explanation &e)
{
    QList<qint64> list;
    for (int r = 0; r < e.transactions.rows.size(); ++r)
        list << e.transactions.value(r, QStringLiteral("transaction_id")).toLongLong();
    return list;
}

double figure(const Explanation &e, const char *key)
{
    const ExplainFigure *f = e.figure(QString::fromLatin1(key));
    return f ? f->value.toDouble() : qQNaN();
}

qint64 leftOut(const Explanation &e, const char *key)
{
    for (const ExplainLeftOut &l : e.leftOut) {
        if (l.key == QLatin1String(key))
            return l.transactions;
    }
    return -1; // not reported for this metric
}

} // namespace

class TestExplain : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;

    Explanation explain(const QString &metric, const QString &key, const MetricFilter &f)
    {
        return test::explainOrFail(m_w.warehouse.database(), metric, key, f);
    }

    Error explainError(const QString &metric, const QString &key)
    {
        MetricExplainer explainer(m_w.warehouse.database());
        Explanation e;
        Error error;
        if (explainer.explain(metric, key, filter({"accepted"}), &e, &error))
            error = Error::make(Error::Code::None, QString());
        return error;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
    }

    void topStoreByHand()
    {
        const Explanation e = explain(QStringLiteral("top_stores"), QStringLiteral("1"), filter({"accepted"}));
        // store 1 (devices 10, 11), accepted: 1 (100), 2 (50), 3 (30), 5 (10), 6 (40), 7 (60) = 290;
        // 4 is refused; 17 (device 99) has no store.
        QCOMPARE(ids(e), (QList<qint64>{1, 2, 3, 5, 6, 7}));
        QCOMPARE(e.n, 6);
        QCOMPARE(e.matching, 6);
        QCOMPARE(figure(e, "total_amount"), 290.0);
        QCOMPARE(figure(e, "transactions"), 6.0);
        QCOMPARE(leftOut(e, "other_status"), 1);
        QCOMPARE(leftOut(e, "outside_range"), 0);
        QCOMPARE(leftOut(e, "unknown_device"), 1);
        QCOMPARE(leftOut(e, "unknown_store"), 0);
        QCOMPARE(e.keyLabel, QStringLiteral("store 1 (Alpha)"));
        QVERIFY(e.definition.contains(QStringLiteral("store 1 (Alpha)")));
        QVERIFY(e.filterText.contains(QStringLiteral("status accepted")));
        QVERIFY(e.filterText.contains(QStringLiteral("at any date")));
        QCOMPARE(e.sqlFile, QStringLiteral("explain/top_stores.sql"));
        QVERIFY(e.sql.contains(QStringLiteral("store_id = :store_id")));
        QCOMPARE(e.transactions.value(0, QStringLiteral("store_name")).toString(), QStringLiteral("Alpha"));
        QCOMPARE(e.transactions.value(1, QStringLiteral("product_name")).toString(), QStringLiteral("Apple Juice"));
    }

    void dateRangeAndClock()
    {
        // happened_at 2022-01-11 – 2022-01-31: 3, 5, 6, 7 (30+10+40+60); 1 and 2 fall before.
        Explanation e = explain(QStringLiteral("top_stores"), QStringLiteral("1"),
                                filter({"accepted"}, TimeColumn::HappenedAt, QDate(2022, 1, 11), QDate(2022, 1, 31)));
        QCOMPARE(ids(e), (QList<qint64>{3, 5, 6, 7}));
        QCOMPARE(figure(e, "total_amount"), 140.0);
        QCOMPARE(leftOut(e, "outside_range"), 2);
        QCOMPARE(leftOut(e, "other_status"), 1);
        QVERIFY(e.filterText.contains(QStringLiteral("from 2022-01-11 to 2022-01-31")));
        // created_at up to 2022-01-31: 7 was created on 2022-02-01, so it is left out.
        e = explain(QStringLiteral("top_stores"), QStringLiteral("1"),
                    filter({"accepted"}, TimeColumn::CreatedAt, QDate(), QDate(2022, 1, 31)));
        QCOMPARE(ids(e), (QList<qint64>{1, 2, 3, 5, 6}));
        QCOMPARE(figure(e, "total_amount"), 230.0);
        QCOMPARE(leftOut(e, "outside_range"), 1);
        // All statuses: the refused 4 (20) joins: 310 over 7.
        e = explain(QStringLiteral("top_stores"), QStringLiteral("1"), filter({"accepted", "refused", "cancelled"}));
        QCOMPARE(figure(e, "total_amount"), 310.0);
        QCOMPARE(leftOut(e, "other_status"), 0);
    }

    void productByHand()
    {
        // SKU 111 (v111 normalised): 1 (100), 2 (50), 6 (40), 10 (200) = 390 over 4 items.
        Explanation e = explain(QStringLiteral("top_products"), QStringLiteral("111"), filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{1, 2, 6, 10}));
        QCOMPARE(figure(e, "transactions"), 4.0);
        QCOMPARE(figure(e, "total_amount"), 390.0);
        QCOMPARE(leftOut(e, "unknown_device"), -1); // products count transactions of unknown devices
        // SKU 555 is only transaction 17, whose device is unknown: still one item sold.
        e = explain(QStringLiteral("top_products"), QStringLiteral("555"), filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{17}));
        QVERIFY(e.transactions.value(0, QStringLiteral("store_id")).isNull());
    }

    void typologyCountryByHand()
    {
        // Beauty/France: stores 3 (10, 11) and 4 (12–16): 200+80+5×10 = 330 over 7; 2 stores.
        const Explanation e = explain(QStringLiteral("avg_amount_by_typology_country"), QStringLiteral("Beauty/France"),
                                      filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{10, 11, 12, 13, 14, 15, 16}));
        QVERIFY(qAbs(figure(e, "avg_amount") - 330.0 / 7) < 1e-9);
        QCOMPARE(figure(e, "avg_store_total"), 165.0);
        QCOMPARE(figure(e, "stores"), 2.0);
        QCOMPARE(figure(e, "stores_in_group"), 2.0);
        QCOMPARE(e.keyLabel, QStringLiteral("Beauty · France"));
    }

    void deviceTypeByHand()
    {
        // Type 1 = devices 10 and 40: 1, 3, 6, 7 and 12–16 = 9 of 15 accepted → 60 %.
        Explanation e = explain(QStringLiteral("device_type_share"), QStringLiteral("1"), filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{1, 3, 6, 7, 12, 13, 14, 15, 16}));
        QCOMPARE(figure(e, "pct"), 60.0);
        // The unknown device 99: transaction 17 alone, 1 of 15.
        e = explain(QStringLiteral("device_type_share"), QStringLiteral("(unknown device)"), filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{17}));
        QVERIFY(qAbs(figure(e, "pct") - 100.0 / 15) < 1e-9);
        QCOMPARE(e.keyLabel, QStringLiteral("unknown devices"));
    }

    void timeToFifthByHand()
    {
        // Store 1 by happened_at: 1 (01-10 10:00), 2, 3, 5, 6 (01-13 10:00): exactly 3 days; 7 comes after.
        Explanation e = explain(QStringLiteral("time_to_5th_transaction"), QStringLiteral("1"), filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{1, 2, 3, 5, 6}));
        QCOMPARE(figure(e, "seconds"), 3 * 86400.0);
        QCOMPARE(figure(e, "seconds_from_store_created"), 12 * 86400.0 + 10 * 3600); // created 2022-01-01 00:00
        QCOMPARE(e.matching, 6);
        QCOMPARE(leftOut(e, "after_fifth"), 1);
        QCOMPARE(e.transactions.value(4, QStringLiteral("store_rank")).toInt(), 5);
        // Store 4: 12–16, the 5th exactly one day after the 1st.
        e = explain(QStringLiteral("time_to_5th_transaction"), QStringLiteral("4"), filter({"accepted"}));
        QCOMPARE(figure(e, "seconds"), 86400.0);
        // Store 3 has two: listed, no time, "fewer than five".
        e = explain(QStringLiteral("time_to_5th_transaction"), QStringLiteral("3"), filter({"accepted"}));
        QCOMPARE(ids(e), (QList<qint64>{10, 11}));
        QVERIFY(e.figure(QStringLiteral("seconds"))->value.isNull());
        QCOMPARE(leftOut(e, "fewer_than_five"), 2);
    }

    void everyRowAddsUp_data()
    {
        QTest::addColumn<MetricFilter>("f");
        QTest::addColumn<int>("backend");
        const QVector<QPair<const char *, MetricFilter>> filters{
            {"accepted", filter({"accepted"})},
            {"all statuses", filter({"accepted", "refused", "cancelled"})},
            {"accepted created_at", filter({"accepted"}, TimeColumn::CreatedAt)},
            {"accepted+refused January by created_at",
             filter({"accepted", "refused"}, TimeColumn::CreatedAt, QDate(2022, 1, 1), QDate(2022, 1, 31))},
            {"cancelled", filter({"cancelled"})},
            {"accepted March", filter({"accepted"}, TimeColumn::HappenedAt, QDate(2022, 3, 1), QDate(2022, 3, 31))}};
        for (const auto &[name, f] : filters) {
            QTest::newRow(qPrintable(QStringLiteral("columnar: ") + QLatin1String(name))) << f << 0;
            QTest::newRow(qPrintable(QStringLiteral("sql: ") + QLatin1String(name))) << f << 1;
        }
    }

    void everyRowAddsUp()
    {
        QFETCH(MetricFilter, f);
        QFETCH(int, backend);
        MetricsEngine engine(m_w.warehouse.database(), QStringLiteral(":/sql"),
                             backend ? MetricsEngine::Backend::Sql : MetricsEngine::Backend::Columnar);
        MetricsSnapshot snapshot;
        Error error;
        QVERIFY2(engine.compute(f, &snapshot, &error), qPrintable(error.toString()));
        test::checkEveryRow(m_w.warehouse.database(), snapshot);
    }

    void unknownKeys_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("store id") << "top_stores" << "999" << "unknown store id for top_stores: '999'";
        QTest::newRow("not an id") << "time_to_5th_transaction" << "Alpha" << "not a store id";
        QTest::newRow("sku") << "top_products" << "999999" << "no transaction has this key for top_products: '999999'";
        QTest::newRow("no slash") << "avg_amount_by_typology_country" << "Grocery" << "not a TYPOLOGY/COUNTRY pair";
        QTest::newRow("no such group") << "avg_amount_by_typology_country" << "Beauty/Portugal"
                                       << "no store has this typology and country";
        QTest::newRow("device type") << "device_type_share" << "7" << "no transaction has this key";
        QTest::newRow("not a type") << "device_type_share" << "phone" << "not a device type";
        QTest::newRow("metric") << "top_shops" << "1" << "unknown metric: 'top_shops'";
    }

    void unknownKeys()
    {
        QFETCH(QString, metric);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const Error error = explainError(metric, key);
        QVERIFY(error.isError());
        QVERIFY2(error.toString().contains(message), qPrintable(error.toString()));
        QVERIFY(!error.expected.isEmpty());
        QCOMPARE(error.code, metric == QLatin1String("top_shops") ? Error::Code::Usage : Error::Code::Value);
    }

    void cardsAreMasked()
    {
        // The fixture's transactions with full card numbers and CVVs: explain shows the last four only.
        QFile source(test::fixture(QStringLiteral("basic/transactions.csv")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(source.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines[0] += QStringLiteral(",card_number,cvv");
        for (int i = 1; i < lines.size(); ++i)
            lines[i] += QStringLiteral(",4111 1111 2222 %1,%2").arg(1000 + i).arg(100 + i);
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString dir = w.dir.filePath(QStringLiteral("cards"));
        QVERIFY(QDir().mkpath(dir));
        for (const char *name : {"stores.csv", "devices.csv"}) {
            const QString file = QLatin1String(name);
            QVERIFY(QFile::copy(test::fixture(QStringLiteral("basic/") + file), dir + QLatin1Char('/') + file));
        }
        test::writeFile(dir + QStringLiteral("/transactions.csv"), lines.join(QLatin1Char('\n')).toUtf8());
        QVERIFY(w.import(test::extractOptions(dir)).succeeded());
        const Explanation e = test::explainOrFail(w.warehouse.database(), QStringLiteral("top_stores"), QStringLiteral("1"),
                                                  filter({"accepted"}));
        QCOMPARE(e.transactions.value(0, QStringLiteral("card")).toString(), QStringLiteral("**** 1001")); // transaction 1
        QVERIFY(test::cardsMasked(e.transactions));
        const QString everything = explain::toText(e, QStringLiteral(":/sql")) + explain::toCsv(e)
            + QString::fromUtf8(QJsonDocument(explain::toJson(e, QStringLiteral(":/sql"))).toJson());
        QVERIFY(!everything.contains(QStringLiteral("2222")));
        QVERIFY(!everything.contains(QStringLiteral("4111")));
    }

    void sqliteScriptRuns()
    {
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (shell.isEmpty())
            QSKIP("the sqlite3 shell is not installed: the copyable script is not run");
        const Explanation e = explain(QStringLiteral("avg_amount_by_typology_country"), QStringLiteral("Grocery/Portugal"),
                                      filter({"accepted", "cancelled"}, TimeColumn::HappenedAt, QDate(2022, 1, 1), QDate(2022, 1, 31)));
        QProcess process;
        process.start(shell, {QStringLiteral("-batch"), m_w.path()});
        QVERIFY(process.waitForStarted());
        process.write(e.sqliteScript(QStringLiteral(":/sql")).toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList rows = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // Stores 1 and 2 in January: 1, 2, 3, 5, 6, 7 (accepted), 8 (accepted), 9 (cancelled).
        QCOMPARE(rows.size(), 8);
        QCOMPARE(e.n, 8);
        for (int r = 0; r < rows.size(); ++r)
            QCOMPARE(rows[r].section(QLatin1Char('|'), 0, 0).toLongLong(), ids(e)[r]);
    }
};

QTEST_GUILESS_MAIN(TestExplain)
#include "tst_explain.moc"
