// SPDX-License-Identifier: GPL-3.0-or-later
// The five metrics on tests/fixtures/basic, whose answers were computed by hand (see the
// fixture's README and the working in the comments).
#include "../common/ColumnarTestHooks.h"
#include "../common/TestSupport.h"

#include "columnar/ColumnarScan.h"
#include "metrics/MetricsEngine.h"

using namespace cpm;

class TestMetrics : public QObject
{
    Q_OBJECT

public:
    /** @p parallelRows > 0: columnar scans split over two threads from that many rows. */
    explicit TestMetrics(MetricsEngine::Backend backend, std::size_t parallelRows = 0)
        : m_backend(backend), m_parallelRows(parallelRows)
    {
    }

private:
    MetricsEngine::Backend m_backend;
    std::size_t m_parallelRows;
    std::size_t m_scansBefore = 0;
    test::TempWarehouse m_w;

    MetricsEngine engine() { return MetricsEngine(m_w.warehouse.database(), QStringLiteral(":/sql"), m_backend); }

    MetricsSnapshot compute(const MetricFilter &filter)
    {
        MetricsEngine engine = this->engine();
        MetricsSnapshot snapshot;
        Error error;
        if (!engine.compute(filter, &snapshot, &error))
            qWarning("%s", qPrintable(error.toString()));
        return snapshot;
    }

    static MetricFilter filter(QStringList statuses, TimeColumn column, QDate from = {}, QDate to = {})
    {
        MetricFilter f;
        f.statuses = statuses;
        f.timeColumn = column;
        f.from = from;
        f.to = to;
        return f;
    }

    static QVariant at(const MetricTable &table, int row, const char *key)
    {
        return table.value(row, QString::fromLatin1(key));
    }

private slots:
    void initTestCase()
    {
        if (m_parallelRows) {
            columnar::setParallelRowsForTesting(m_parallelRows);
            m_scansBefore = columnar::parallelScanCount();
        }
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
    }

    void topStoresAcceptedHappened()
    {
        const MetricTable t = compute(filter({"accepted"}, TimeColumn::HappenedAt)).topStores;
        // store 2: 500 (1 tx); store 1: 100+50+30+10+40+60 = 290 (6); store 3: 200+80 = 280 (2); store 4: 5×10
        QCOMPARE(t.rows.size(), 4);
        const QList<int> ids{2, 1, 3, 4};
        const QList<double> totals{500, 290, 280, 50};
        const QList<int> counts{1, 6, 2, 5};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(at(t, i, "rank").toInt(), i + 1);
            QCOMPARE(at(t, i, "store_id").toInt(), ids[i]);
            QCOMPARE(at(t, i, "total_amount").toDouble(), totals[i]);
            QCOMPARE(at(t, i, "transactions").toInt(), counts[i]);
        }
        QCOMPARE(at(t, 0, "store_name").toString(), QStringLiteral("Beta"));
        QCOMPARE(at(t, 0, "typology").toString(), QStringLiteral("Grocery"));
    }

    void topStoresAllStatuses()
    {
        const MetricTable t = compute(filter({"accepted", "refused", "cancelled"}, TimeColumn::HappenedAt)).topStores;
        // store 2 gains the cancelled 25 → 525 (2); store 1 gains the refused 20 → 310 (7)
        QCOMPARE(at(t, 0, "total_amount").toDouble(), 525.0);
        QCOMPARE(at(t, 0, "transactions").toInt(), 2);
        QCOMPARE(at(t, 1, "total_amount").toDouble(), 310.0);
        QCOMPARE(at(t, 1, "transactions").toInt(), 7);
    }

    void topProducts()
    {
        const MetricTable t = compute(filter({"accepted"}, TimeColumn::HappenedAt)).topProducts;
        // 444: tx 11 + 12..16 = 6 (80+50); 111 (v111 counts): 1,2,6,10 = 4 (390);
        // 222: 3,7 = 2 (90); 333: 5,8 = 2 (510); 555: 17 = 1 (1000). Ties by SKU.
        const QStringList skus{"444", "111", "222", "333", "555"};
        const QList<int> counts{6, 4, 2, 2, 1};
        const QList<double> totals{130, 390, 90, 510, 1000};
        QCOMPARE(t.rows.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(at(t, i, "product_sku").toString(), skus[i]);
            QCOMPARE(at(t, i, "transactions").toInt(), counts[i]);
            QCOMPARE(at(t, i, "total_amount").toDouble(), totals[i]);
        }
        QCOMPARE(at(t, 1, "product_name").toString(), QStringLiteral("Apple")); // 3 × Apple, 1 × Apple Juice
    }

    void averagePerTypologyCountry()
    {
        const MetricTable t = compute(filter({"accepted"}, TimeColumn::HappenedAt)).avgByTypologyCountry;
        // Beauty/France: stores 3, 4: 7 tx, 330 → 47.142857 per tx, 165 per store.
        // Grocery/Portugal: stores 1, 2: 7 tx, 790 → 112.857143 per tx, 395 per store.
        // Transaction 17 (unknown device) belongs to no store and is left out.
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(at(t, 0, "typology").toString(), QStringLiteral("Beauty"));
        QCOMPARE(at(t, 0, "country").toString(), QStringLiteral("France"));
        QCOMPARE(at(t, 0, "transactions").toInt(), 7);
        QVERIFY(qAbs(at(t, 0, "avg_amount").toDouble() - 330.0 / 7) < 1e-9);
        QCOMPARE(at(t, 0, "avg_store_total").toDouble(), 165.0);
        QCOMPARE(at(t, 1, "typology").toString(), QStringLiteral("Grocery"));
        QVERIFY(qAbs(at(t, 1, "avg_amount").toDouble() - 790.0 / 7) < 1e-9);
        QCOMPARE(at(t, 1, "avg_store_total").toDouble(), 395.0);
    }

    void deviceTypeShare()
    {
        const MetricTable t = compute(filter({"accepted"}, TimeColumn::HappenedAt)).deviceTypeShare;
        // 15 accepted: type 1 (devices 10, 40) 4+5 = 9 → 60 %; type 2 (11, 20) 3 → 20 %;
        // type 3 (30) 2 → 13.33 %; unknown device (99) 1 → 6.67 %.
        QCOMPARE(t.rows.size(), 4);
        QCOMPARE(at(t, 0, "device_type").toString(), QStringLiteral("1"));
        QCOMPARE(at(t, 0, "transactions").toInt(), 9);
        QVERIFY(qAbs(at(t, 0, "pct").toDouble() - 60.0) < 1e-9);
        QCOMPARE(at(t, 1, "device_type").toString(), QStringLiteral("2"));
        QVERIFY(qAbs(at(t, 1, "pct").toDouble() - 20.0) < 1e-9);
        QCOMPARE(at(t, 2, "device_type").toString(), QStringLiteral("3"));
        QVERIFY(qAbs(at(t, 2, "pct").toDouble() - 200.0 / 15) < 1e-9);
        QCOMPARE(at(t, 3, "transactions").toInt(), 1);
        QVERIFY(qAbs(at(t, 3, "pct").toDouble() - 100.0 / 15) < 1e-9);
    }

    void timeToFifthAccepted()
    {
        const MetricsSnapshot s = compute(filter({"accepted"}, TimeColumn::HappenedAt));
        // store 1: 01-10 10:00 → 5th (tx 6) 01-13 10:00 = 259200 s; store 4: 03-01 → 03-02 = 86400 s.
        QCOMPARE(s.timeToFifth.storesWith5, 2);
        QCOMPARE(s.timeToFifth.storesWithAny, 4);
        QCOMPARE(s.timeToFifth.storesTotal, 4);
        QCOMPARE(*s.timeToFifth.avgSeconds, 172800.0);
        QCOMPARE(*s.timeToFifth.avgDays(), 2.0);
        // created 2022-01-01: store 1 → 01-13 10:00 = 1072800 s; store 4 → 03-02 = 60 days = 5184000 s
        QCOMPARE(*s.timeToFifth.avgSecondsFromStoreCreated, (1072800.0 + 5184000.0) / 2);
        const MetricTable &perStore = s.timeToFifthPerStore;
        QCOMPARE(perStore.rows.size(), 2);
        QCOMPARE(at(perStore, 0, "store_id").toInt(), 1);
        QCOMPARE(at(perStore, 0, "seconds").toLongLong(), 259200);
        QCOMPARE(at(perStore, 1, "seconds").toLongLong(), 86400);
        // Every cell of store 1's row: Alpha of customer 100, created 2022-01-01 00:00;
        // date -u -d '2022-01-10 10:00' +%s = 1641808800, '2022-01-13 10:00' = 1642068000.
        QCOMPARE(at(perStore, 0, "store_name").toString(), QStringLiteral("Alpha"));
        QCOMPARE(at(perStore, 0, "customer_id").toString(), QStringLiteral("100"));
        QCOMPARE(at(perStore, 0, "first_at").toLongLong(), 1641808800LL);
        QCOMPARE(at(perStore, 0, "fifth_at").toLongLong(), 1642068000LL);
        QCOMPARE(at(perStore, 0, "seconds_from_store_created").toLongLong(), 1072800LL);
        QCOMPARE(at(perStore, 1, "store_name").toString(), QStringLiteral("Delta"));
        QCOMPARE(at(perStore, 1, "seconds_from_store_created").toLongLong(), 5184000LL);
        QCOMPARE(perStore.rows[1].size(), perStore.columns.size());
        const MetricTable &perCustomer = s.timeToFifthPerCustomer;
        QCOMPARE(perCustomer.rows.size(), 2); // customer 100 (store 1; store 2 has one), customer 300
        QCOMPARE(at(perCustomer, 0, "customer_id").toString(), QStringLiteral("100"));
        QCOMPARE(at(perCustomer, 0, "avg_seconds").toDouble(), 259200.0);
        QCOMPARE(at(perCustomer, 1, "customer_id").toString(), QStringLiteral("300"));
        // Listed, not averaged: store 2 (tx 8 only) and store 3 (tx 10 on 01-20 08:00, tx 11).
        const MetricTable &below = s.timeToFifthBelowFive;
        QCOMPARE(below.rows.size(), 2);
        QCOMPARE(at(below, 0, "store_id").toInt(), 2);
        QCOMPARE(at(below, 0, "transactions").toInt(), 1);
        QCOMPARE(at(below, 0, "store_name").toString(), QStringLiteral("Beta"));
        QCOMPARE(at(below, 0, "customer_id").toString(), QStringLiteral("100"));
        QCOMPARE(at(below, 1, "store_id").toInt(), 3);
        QCOMPARE(at(below, 1, "transactions").toInt(), 2);
        QCOMPARE(at(below, 1, "first_at").toLongLong(), 1642665600LL); // date -u -d '2022-01-20 08:00' +%s
    }

    void timeToFifthCountsRefusedWhenSelected()
    {
        const MetricsSnapshot s = compute(filter({"accepted", "refused"}, TimeColumn::HappenedAt));
        // store 1 now: 1, 2, 3, 4 (refused, 01-11 12:00), 5 (01-12 10:00) → 2 days
        QCOMPARE(at(s.timeToFifthPerStore, 0, "seconds").toLongLong(), 172800);
    }

    void dateRangeIsInclusive()
    {
        const MetricsSnapshot s = compute(filter({"accepted"}, TimeColumn::HappenedAt, QDate(2022, 1, 10), QDate(2022, 1, 12)));
        // tx 1, 2, 3, 5 of store 1: 100+50+30+10 = 190; nobody reaches five
        QCOMPARE(s.topStores.rows.size(), 1);
        QCOMPARE(at(s.topStores, 0, "total_amount").toDouble(), 190.0);
        QCOMPARE(s.timeToFifth.storesWith5, 0);
        QVERIFY(!s.timeToFifth.avgSeconds.has_value());
        QCOMPARE(s.deviceTypeShare.rows.size(), 2);
        QVERIFY(qAbs(at(s.deviceTypeShare, 0, "pct").toDouble() - 50.0) < 1e-9);
    }

    void timeColumnChoosesTheDay()
    {
        const QDate feb1(2022, 2, 1), feb28(2022, 2, 28);
        // tx 7 happened 01-31 23:59:58 and was created 02-01 00:00:03
        const MetricsSnapshot created = compute(filter({"accepted"}, TimeColumn::CreatedAt, feb1, feb28));
        QCOMPARE(created.topStores.rows.size(), 1);
        QCOMPARE(at(created.topStores, 0, "total_amount").toDouble(), 60.0);
        const MetricsSnapshot happened = compute(filter({"accepted"}, TimeColumn::HappenedAt, feb1, feb28));
        QVERIFY(happened.topStores.isEmpty());
        QCOMPARE(happened.coverage.transactions, 0);
    }

    void coverageCountsWhatIsLeftOut()
    {
        const Coverage c = compute(filter({"accepted"}, TimeColumn::HappenedAt)).coverage;
        QCOMPARE(c.transactions, 15);
        QCOMPARE(c.withoutDevice, 1);
        QCOMPARE(c.withoutStore, 0);
        QCOMPARE(c.storesTotal, 4);
    }

    void wideRangeMatchesNoRange()
    {
        // Without a range the columnar engine sums per-status aggregates of all rows; with one it
        // scans the range's rows. The parallel pass splits both over two threads, differently:
        // they must still give the same answers.
        for (const TimeColumn column : {TimeColumn::HappenedAt, TimeColumn::CreatedAt}) {
            const MetricsSnapshot all = compute(filter({"accepted", "refused"}, column));
            const std::size_t scans = columnar::parallelScanCount();
            const MetricsSnapshot wide = compute(filter({"accepted", "refused"}, column, QDate(2000, 1, 1), QDate(2099, 12, 31)));
            if (m_parallelRows && m_backend == MetricsEngine::Backend::Columnar)
                QVERIFY2(columnar::parallelScanCount() > scans, "the ranged scan did not split");
            QCOMPARE(wide.coverage.transactions, 16);
            QCOMPARE(wide.coverage.totalAmount, all.coverage.totalAmount);
            QCOMPARE(wide.timeToFifth.storesWith5, 2);
            QCOMPARE(wide.timeToFifth.avgSeconds, all.timeToFifth.avgSeconds);
            QCOMPARE(wide.timeToFifth.avgSecondsFromStoreCreated, all.timeToFifth.avgSecondsFromStoreCreated);
            const QVector<const MetricTable *> a = all.tables(), w = wide.tables();
            for (int i = 0; i < a.size(); ++i) {
                QCOMPARE(w[i]->rows, a[i]->rows);
                QCOMPARE(w[i]->notes, a[i]->notes);
            }
            QCOMPARE(wide.timeToFifthPerCustomer.rows, all.timeToFifthPerCustomer.rows);
            QCOMPARE(wide.timeToFifthBelowFive.rows, all.timeToFifthBelowFive.rows);
        }
    }

    void reversedRangeIsAUsageError()
    {
        MetricsEngine engine = this->engine();
        MetricsSnapshot snapshot;
        Error error;
        QVERIFY(!engine.compute(filter({"accepted"}, TimeColumn::HappenedAt, QDate(2022, 2, 1), QDate(2022, 1, 1)),
                                &snapshot, &error));
        QCOMPARE(error.code, Error::Code::Usage);
    }

    void filterDomainListsStatusesAndDays()
    {
        MetricsEngine engine = this->engine();
        FilterDomain domain;
        Error error;
        QVERIFY(engine.filterDomain(&domain, &error));
        QCOMPARE(domain.statuses.size(), 3);
        QCOMPARE(domain.statuses[0].name, QStringLiteral("accepted"));
        QCOMPARE(domain.statuses[0].transactions, 15);
        QCOMPARE(domain.firstDay[int(TimeColumn::HappenedAt)], QDate(2022, 1, 5));
        QCOMPARE(domain.lastDay[int(TimeColumn::HappenedAt)], QDate(2022, 3, 2));
    }

    void cleanupTestCase()
    {
        if (!m_parallelRows)
            return;
        columnar::setParallelRowsForTesting(0);
        QVERIFY2(columnar::parallelScanCount() > m_scansBefore, "no scan took the two-thread path");
    }
};

// Both metric engines must give the hand-computed answers: the suite runs once per backend,
// then once more on the columnar engine with its scans split over two threads (the
// 400,000-row threshold lowered to 2), which is what the TSan run relies on.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (const auto backend : {MetricsEngine::Backend::Columnar, MetricsEngine::Backend::Sql}) {
        TestMetrics test(backend);
        failures += QTest::qExec(&test, argc, argv);
    }
    TestMetrics parallel(MetricsEngine::Backend::Columnar, 2);
    failures += QTest::qExec(&parallel, argc, argv);
    return failures;
}
#include "tst_metrics.moc"
