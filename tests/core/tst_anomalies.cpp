// SPDX-License-Identifier: GPL-3.0-or-later
// The anomalies page on tests/fixtures/anomalies (a planted outlier store; its README works
// out every count, rate and p-value by hand): the exact binomial tail against known values,
// the four tables, the rule flagging the outlier but neither a normal store nor a small one,
// the date range and time column honoured, the status filter ignored, and the engine's copy.
#include "../common/TestSupport.h"

#include "anomalies/AnomalyQuery.h"
#include "anomalies/BinomialTail.h"
#include "metrics/MetricsEngine.h"

#include <cmath>

using namespace cpm;

namespace {

MetricFilter range(QDate from = {}, QDate to = {}, TimeColumn column = TimeColumn::HappenedAt)
{
    MetricFilter f;
    f.timeColumn = column;
    f.from = from;
    f.to = to;
    f.anomalies = true; // the engine computes the rates only when asked
    return f;
}

int rowWhere(const MetricTable &table, const QString &key, const QVariant &value)
{
    for (int r = 0; r < table.rows.size(); ++r) {
        if (table.value(r, key).toString() == value.toString())
            return r;
    }
    return -1;
}

bool near(double actual, double expected, double relative = 1e-9)
{
    return std::fabs(actual - expected) <= relative * std::fabs(expected);
}

} // namespace

class TestAnomalies : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;

    AnomalyReport compute(const MetricFilter &filter)
    {
        AnomalyReport report;
        Error error;
        if (!AnomalyQuery(m_w.warehouse.database()).compute(filter, &report, &error))
            qWarning("%s", qPrintable(error.toString()));
        return report;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("anomalies"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
    }

    void binomialTail_data()
    {
        QTest::addColumn<qint64>("k");
        QTest::addColumn<qint64>("n");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        // (C(10,8) + C(10,9) + C(10,10)) / 2^10 = (45 + 10 + 1) / 1024.
        QTest::newRow("8 of 10, fair") << qint64(8) << qint64(10) << 0.5 << 56.0 / 1024.0;
        // 1 − (q^20 + 20 p q^19 + 190 p² q^18) with p = 0.05, q = 0.95.
        const double q = 0.95;
        QTest::newRow("3 of 20, 5 %") << qint64(3) << qint64(20) << 0.05
                                      << 1 - (std::pow(q, 20) + 20 * 0.05 * std::pow(q, 19) + 190 * 0.0025 * std::pow(q, 18));
        QTest::newRow("all of 5") << qint64(5) << qint64(5) << 8.0 / 55.0 << std::pow(8.0 / 55.0, 5);
        QTest::newRow("none needed") << qint64(0) << qint64(7) << 0.3 << 1.0;
        QTest::newRow("one of 1") << qint64(1) << qint64(1) << 0.25 << 0.25;
        QTest::newRow("more than n") << qint64(8) << qint64(7) << 0.3 << 0.0;
        // Large n (Python: sum of exact Fractions, C(1000, i) 0.1^i 0.9^(1000-i) for i >= 150).
        QTest::newRow("150 of 1000, 10 %") << qint64(150) << qint64(1000) << 0.1 << 4.4894428594500086e-07;
        QTest::newRow("outlier store") << qint64(12) << qint64(30) << 9.0 / 85.0 << 2.7279768068237372e-05;
    }

    void binomialTail()
    {
        QFETCH(qint64, k);
        QFETCH(qint64, n);
        QFETCH(double, p);
        QFETCH(double, expected);
        const double actual = anomalies::binomialUpperTail(k, n, p);
        if (expected == 0.0)
            QCOMPARE(actual, 0.0);
        else
            QVERIFY2(near(actual, expected, 1e-9), qPrintable(QStringLiteral("%1 vs %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }

    void plantedOutlierIsFlagged()
    {
        const AnomalyReport report = compute(range());
        QCOMPARE(report.storeTransactions, 115);
        QCOMPARE(report.storeRefused, 21);
        QCOMPARE(report.storeCancelled, 3);
        QCOMPARE(report.flaggedStores, 1);
        const MetricTable &stores = report.byStore;
        QCOMPARE(stores.rows.size(), 4);
        const int outlier = rowWhere(stores, QStringLiteral("store_id"), 3);
        QVERIFY(outlier >= 0);
        QCOMPARE(stores.value(outlier, QStringLiteral("transactions")).toLongLong(), 30);
        QCOMPARE(stores.value(outlier, QStringLiteral("refused")).toLongLong(), 12);
        QCOMPARE(stores.value(outlier, QStringLiteral("refused_rate")).toDouble(), 40.0);
        QVERIFY(near(stores.value(outlier, QStringLiteral("refused_peer_rate")).toDouble(), 900.0 / 85.0));
        QVERIFY(near(stores.value(outlier, QStringLiteral("refused_p")).toDouble(), 2.7279768068237372e-05, 1e-9));
        QCOMPARE(stores.value(outlier, QStringLiteral("flag")).toString(), QStringLiteral("refused"));
        QVERIFY(near(stores.value(outlier, QStringLiteral("cancelled_p")).toDouble(), 0.5104748604945629, 1e-9));
    }

    void normalStoreIsNotFlagged()
    {
        const MetricTable stores = compute(range()).byStore;
        const int normal = rowWhere(stores, QStringLiteral("store_id"), 1);
        QCOMPARE(stores.value(normal, QStringLiteral("refused_rate")).toDouble(), 5.0);
        QVERIFY(near(stores.value(normal, QStringLiteral("refused_peer_rate")).toDouble(), 1900.0 / 75.0));
        QVERIFY(near(stores.value(normal, QStringLiteral("refused_p")).toDouble(), 0.9998773767912609, 1e-9));
        QCOMPARE(stores.value(normal, QStringLiteral("flag")).toString(), QString());
    }

    void smallStoreIsNotFlagged()
    {
        const MetricTable stores = compute(range()).byStore;
        const int tiny = rowWhere(stores, QStringLiteral("store_id"), 4);
        QCOMPARE(stores.value(tiny, QStringLiteral("refused_rate")).toDouble(), 100.0);
        // p = (8/55)^5 = 6.5e-5 is below the threshold: only n = 5 < 20 keeps the store out.
        const double p = stores.value(tiny, QStringLiteral("refused_p")).toDouble();
        QVERIFY(near(p, std::pow(8.0 / 55.0, 5), 1e-9));
        QVERIFY(p < AnomalyRule::maxPValue);
        QCOMPARE(stores.value(tiny, QStringLiteral("flag")).toString(), QString());
    }

    void otherGroupings()
    {
        const AnomalyReport report = compute(range());
        const MetricTable &devices = report.byDeviceType;
        // type 1 = stores 1 and 3 (40 + 30, refused 2 + 12, cancelled 1 + 1); device 99: unknown.
        const int type1 = rowWhere(devices, QStringLiteral("device_type"), QStringLiteral("1"));
        QCOMPARE(devices.value(type1, QStringLiteral("transactions")).toLongLong(), 70);
        QCOMPARE(devices.value(type1, QStringLiteral("refused")).toLongLong(), 14);
        QCOMPARE(devices.value(type1, QStringLiteral("refused_rate")).toDouble(), 20.0);
        QCOMPARE(devices.value(type1, QStringLiteral("cancelled")).toLongLong(), 2);
        const int unknown = rowWhere(devices, QStringLiteral("device_type"), QStringLiteral("unknown"));
        QCOMPARE(devices.value(unknown, QStringLiteral("transactions")).toLongLong(), 1);
        QCOMPARE(devices.rows.size(), 4);
        const MetricTable &groups = report.byTypologyCountry;
        QCOMPARE(groups.rows.size(), 2);
        const int beauty = rowWhere(groups, QStringLiteral("typology"), QStringLiteral("Beauty"));
        QCOMPARE(groups.value(beauty, QStringLiteral("country")).toString(), QStringLiteral("France"));
        QCOMPARE(groups.value(beauty, QStringLiteral("stores")).toLongLong(), 2);
        QCOMPARE(groups.value(beauty, QStringLiteral("transactions")).toLongLong(), 35);
        QCOMPARE(groups.value(beauty, QStringLiteral("refused")).toLongLong(), 17);
        const MetricTable &days = report.byDay;
        QCOMPARE(days.rows.size(), 4);
        // 14 March: stores 1, 2 (10 each), 3 (8) and device 99 = 29; refused: store 1 and device 99.
        const int first = rowWhere(days, QStringLiteral("day"), QStringLiteral("2022-03-14"));
        QCOMPARE(days.value(first, QStringLiteral("transactions")).toLongLong(), 29);
        QCOMPARE(days.value(first, QStringLiteral("refused")).toLongLong(), 2);
        QCOMPARE(days.value(first, QStringLiteral("cancelled")).toLongLong(), 1);
        // 16 March: 10 + 10 + 8 + 5 = 33; refused 1 + 6 + 5 = 12.
        const int third = rowWhere(days, QStringLiteral("day"), QStringLiteral("2022-03-16"));
        QCOMPARE(days.value(third, QStringLiteral("transactions")).toLongLong(), 33);
        QCOMPARE(days.value(third, QStringLiteral("refused")).toLongLong(), 12);
        QVERIFY(report.byStore.notes.join(QLatin1Char(' ')).contains(QStringLiteral("1 transaction whose device or store is unknown is")));
    }

    void dateRangeIsHonoured()
    {
        // 17 March only: store 3 has 6 accepted transactions, nobody stands out.
        AnomalyReport report = compute(range(QDate(2022, 3, 17), QDate(2022, 3, 17)));
        QCOMPARE(report.storeTransactions, 26);
        QCOMPARE(report.flaggedStores, 0);
        QCOMPARE(report.byDay.rows.size(), 1);
        // 15–16 March: store 3 has 12 refused of 16 (others 7 of 45, p tiny) but n = 16 < 20.
        report = compute(range(QDate(2022, 3, 15), QDate(2022, 3, 16)));
        const int outlier = rowWhere(report.byStore, QStringLiteral("store_id"), 3);
        QCOMPARE(report.byStore.value(outlier, QStringLiteral("transactions")).toLongLong(), 16);
        QVERIFY(report.byStore.value(outlier, QStringLiteral("refused_p")).toDouble() < AnomalyRule::maxPValue);
        QCOMPARE(report.flaggedStores, 0);
    }

    void timeColumnAndStatuses()
    {
        // created_at is 5 s after happened_at, on the same days: the same answer.
        AnomalyReport report = compute(range({}, {}, TimeColumn::CreatedAt));
        QCOMPARE(report.flaggedStores, 1);
        QCOMPARE(report.storeTransactions, 115);
        // The statuses of the filter play no part in a rate.
        MetricFilter refusedOnly = range();
        refusedOnly.statuses = {QStringLiteral("refused")};
        report = compute(refusedOnly);
        QCOMPARE(report.storeTransactions, 115);
        QCOMPARE(report.flaggedStores, 1);
    }

    // The shared real extract: its independent data-quality answers (expected/anomalies.json)
    // count 1,500 transactions, 487 refused and 525 cancelled, none without a device or store.
    void sharedExtractTotals()
    {
        const QString root = test::sharedData();
        if (root.isEmpty())
            QSKIP("../shared/data is absent");
        test::TempWarehouse shared;
        QVERIFY(shared.open());
        QVERIFY(shared.import(test::extractOptions(QDir(root).filePath(QStringLiteral("extract-full")))).succeeded());
        AnomalyReport report;
        Error error;
        QVERIFY2(AnomalyQuery(shared.warehouse.database()).compute(range(), &report, &error), qPrintable(error.toString()));
        QCOMPARE(report.storeTransactions, 1500);
        QCOMPARE(report.storeRefused, 487);
        QCOMPARE(report.storeCancelled, 525);
        qint64 byDevice = 0, byDay = 0, refusedByDay = 0;
        for (int r = 0; r < report.byDeviceType.rows.size(); ++r)
            byDevice += report.byDeviceType.value(r, QStringLiteral("transactions")).toLongLong();
        for (int r = 0; r < report.byDay.rows.size(); ++r) {
            byDay += report.byDay.value(r, QStringLiteral("transactions")).toLongLong();
            refusedByDay += report.byDay.value(r, QStringLiteral("refused")).toLongLong();
        }
        QCOMPARE(byDevice, 1500);
        QCOMPARE(byDay, 1500);
        QCOMPARE(refusedByDay, 487);
        QCOMPARE(report.byStore.rows.size(), 100 - 13); // expected: 13 stores without transactions
    }

    void engineCarriesTheReport()
    {
        for (const auto backend : {MetricsEngine::Backend::Columnar, MetricsEngine::Backend::Sql}) {
            MetricsEngine engine(m_w.warehouse.database(), QStringLiteral(":/sql"), backend);
            MetricsSnapshot snapshot;
            Error error;
            QVERIFY2(engine.compute(range(), &snapshot, &error), qPrintable(error.toString()));
            QCOMPARE(snapshot.anomalies.flaggedStores, 1);
            // A status change reuses the rates; a range change recomputes them.
            MetricFilter other = range();
            other.statuses = {QStringLiteral("accepted"), QStringLiteral("refused")};
            QVERIFY(engine.compute(other, &snapshot, &error));
            QCOMPARE(snapshot.anomalies.filter, other);
            QCOMPARE(snapshot.anomalies.storeTransactions, 115);
            other.from = QDate(2022, 3, 17);
            QVERIFY(engine.compute(other, &snapshot, &error));
            QCOMPARE(snapshot.anomalies.storeTransactions, 26);
        }
    }
};

QTEST_GUILESS_MAIN(TestAnomalies)
#include "tst_anomalies.moc"
