// SPDX-License-Identifier: GPL-3.0-or-later
// The metrics and checks services without a GUI (no QApplication): MetricsService on its
// metrics thread (domain, numbers, coalescing of requests made while the worker is held,
// errors), WarehouseChecks' row counts (the importer's remembered counts, or count(*)) and
// data tests, and the demo extracts. Numbers are hand-computed for tests/fixtures/basic
// (its README and tests/core/tst_metrics.cpp): 4 stores, 5 devices, 17 transactions; under
// the default filter store 2 leads with 500, and stores 1 and 4 reach their 5th transaction
// after 3 days and 1 day, 2 days on average.
#include "../common/TestSupport.h"

#include "DemoData.h"
#include "session/MetricsService.h"
#include "session/MetricsWorker.h"
#include "session/WarehouseChecks.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpm;

namespace {
constexpr int kTimeoutMs = 60000;
} // namespace

class TestMetricsService : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;

private slots:
    void initTestCase()
    {
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
    }

    void cleanup() { MetricsWorker::holdForTest(MetricsWorker::Stage::None); }

    void opensAndComputesOnItsThread()
    {
        MetricsService service;
        QSignalSpy loading(&service, &MetricsService::loadingRowsKnown);
        QSignalSpy domain(&service, &MetricsService::domainReady);
        QSignalSpy computed(&service, &MetricsService::computed);
        service.open(m_w.path());
        QVERIFY(service.isLoading());
        QVERIFY(domain.wait(kTimeoutMs));
        QCOMPARE(loading.count(), 1);
        QCOMPARE(loading.at(0).at(0).toLongLong(), 17); // from the imports' bookkeeping
        QVERIFY2(domain.at(0).at(1).toString().isEmpty(), qPrintable(domain.at(0).at(1).toString()));
        const FilterDomain filters = domain.at(0).at(0).value<FilterDomain>();
        // 15 accepted, 1 refused (tx 4), 1 cancelled (tx 9); happened_at from tx 17 to tx 16.
        QCOMPARE(filters.statuses.value(0).name, QStringLiteral("accepted"));
        QCOMPARE(filters.statuses.value(0).transactions, 15);
        QCOMPARE(filters.statuses.size(), 3);
        QCOMPARE(filters.firstDay[int(TimeColumn::HappenedAt)], QDate(2022, 1, 5));
        QCOMPARE(filters.lastDay[int(TimeColumn::HappenedAt)], QDate(2022, 3, 2));
        service.request(MetricFilter());
        QVERIFY(service.isComputing());
        QVERIFY(computed.wait(kTimeoutMs));
        const MetricsSnapshot snapshot = computed.at(0).at(0).value<MetricsSnapshot>();
        QCOMPARE(snapshot.filter, MetricFilter());
        QCOMPARE(snapshot.topStores.value(0, QStringLiteral("store_id")).toInt(), 2);
        QCOMPARE(snapshot.topStores.value(0, QStringLiteral("total_amount")).toDouble(), 500.0);
        QCOMPARE(*snapshot.timeToFifth.avgSeconds, 172800.0);
        QVERIFY(!service.isBusy());
    }

    void requestsMadeWhileTheWorkerIsBusyCoalesce()
    {
        MetricsService service;
        QSignalSpy domain(&service, &MetricsService::domainReady);
        QSignalSpy computed(&service, &MetricsService::computed);
        service.open(m_w.path());
        QVERIFY(domain.wait(kTimeoutMs));
        MetricsWorker::holdForTest(MetricsWorker::Stage::Compute);
        service.request(MetricFilter()); // handed to the worker, which holds before computing
        MetricFilter refused;
        refused.statuses << QStringLiteral("refused");
        MetricFilter all;
        all.statuses = {QStringLiteral("accepted"), QStringLiteral("refused"), QStringLiteral("cancelled")};
        service.request(refused); // waits, then is replaced by the next
        service.request(all);
        service.request(all); // the same again: nothing new
        QVERIFY(service.isBusy());
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(QTest::qWaitFor([&service] { return !service.isBusy(); }, kTimeoutMs));
        // The first result is stale (a newer filter was asked for): only the last one arrives.
        QCOMPARE(computed.count(), 1);
        const MetricsSnapshot snapshot = computed.at(0).at(0).value<MetricsSnapshot>();
        QCOMPARE(snapshot.filter, all);
        // Every status: Beta 500 + its cancelled 25 = 525.
        QCOMPARE(snapshot.topStores.value(0, QStringLiteral("total_amount")).toDouble(), 525.0);
        QCOMPARE(service.computationsStarted(), quint64(2)); // the held one, then only the latest
    }

    void workerErrorsAreReported()
    {
        MetricsService service;
        QSignalSpy domain(&service, &MetricsService::domainReady);
        QSignalSpy failed(&service, &MetricsService::failed);
        QTemporaryDir dir;
        service.open(dir.filePath(QStringLiteral("no/such/folder/w.sqlite")));
        service.request(MetricFilter());
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(domain.count(), 1);
        QVERIFY(!domain.at(0).at(1).toString().isEmpty());
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("No warehouse is open."));
        QVERIFY(!service.isBusy());
    }

    void checksCountRowsAndRunTheDataTests()
    {
        WarehouseChecks checks;
        QSignalSpy counted(&checks, &WarehouseChecks::rowsCounted);
        QSignalSpy tested(&checks, &WarehouseChecks::testsFinished);
        checks.start(m_w.path());
        QVERIFY(counted.wait(kTimeoutMs));
        const RowCounts counts = counted.at(0).at(0).value<RowCounts>();
        QCOMPARE(counts.stores, 4);
        QCOMPARE(counts.devices, 5);
        QCOMPARE(counts.transactions, 17);
        checks.runTests();
        QVERIFY(checks.isTesting());
        QVERIFY(tested.wait(kTimeoutMs));
        const auto results = tested.at(0).at(0).value<QVector<DataTestResult>>();
        const auto unknownDevice = std::find_if(results.begin(), results.end(), [](const DataTestResult &t) {
            return t.name == QLatin1String("assert_transactions_have_known_device");
        });
        QVERIFY(unknownDevice != results.end());
        QCOMPARE(unknownDevice->failingRows, 1); // transaction 17's device 99
    }

    void rowCountsTrustOnlyTheNewestBatchsRememberedCounts()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        // Batch 1 remembered its counts: a value planted there is what the status bar shows,
        // so the tables were not counted.
        QVERIFY(w.warehouse.exec(QStringLiteral("update warehouse_info set value = '1 40' where key = 'row_count.raw_stores'")));
        // One left by an older batch is not trusted: that table is counted.
        QVERIFY(w.warehouse.exec(QStringLiteral("update warehouse_info set value = '0 99' where key = 'row_count.raw_devices'")));
        w.warehouse.close();
        WarehouseChecks checks;
        QSignalSpy counted(&checks, &WarehouseChecks::rowsCounted);
        checks.start(w.path());
        QVERIFY(counted.wait(kTimeoutMs));
        const RowCounts counts = counted.at(0).at(0).value<RowCounts>();
        QCOMPARE(counts.stores, 40);
        QCOMPARE(counts.devices, 5);
        QCOMPARE(counts.transactions, 17);
    }

    void aNewStartDropsWhatTheOlderStateSends()
    {
        test::TempWarehouse storesOnly;
        QVERIFY(storesOnly.open());
        ImportOptions options;
        options.files.push_back({test::fixture(QStringLiteral("basic/stores.csv")), FileRole::Unknown});
        QVERIFY(storesOnly.import(options).succeeded());
        storesOnly.warehouse.close();
        WarehouseChecks checks;
        QSignalSpy counted(&checks, &WarehouseChecks::rowsCounted);
        checks.start(m_w.path());
        checks.start(storesOnly.path()); // before this thread hears anything of the first
        QVERIFY(counted.wait(kTimeoutMs));
        // The first state's counts, if its job got that far, were dropped: only the newest arrive.
        QCOMPARE(counted.count(), 1);
        const RowCounts counts = counted.at(0).at(0).value<RowCounts>();
        QCOMPARE(counts.stores, 4);
        QCOMPARE(counts.devices, 0);
        QCOMPARE(counts.transactions, 0);
    }

    void theDemoExtractsAreBundled()
    {
        QTemporaryDir dir;
        const QStringList files = DemoData::extractTo(dir.path());
        QCOMPARE(files.size(), 3);
        for (const QString &file : files)
            QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
    }
};

QTEST_GUILESS_MAIN(TestMetricsService)
#include "tst_metricsservice.moc"
