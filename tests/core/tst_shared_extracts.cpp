// SPDX-License-Identifier: GPL-3.0-or-later
// Both real extract copies in ../shared/data against the answers an independent
// implementation computed (expected/<statuses>__<time column>[__<from>_<to>]/).
// Skips when ../shared/data is absent.
#include "../common/SharedExpected.h"
#include "../common/TestSupport.h"

#include "columnar/ColumnarCache.h"
#include "columnar/ColumnarScan.h"
#include "generate/ExtractGenerator.h"
#include "metrics/MetricsEngine.h"

#include <QDirIterator>

using namespace cpm;

class TestSharedExtracts : public QObject
{
    Q_OBJECT

private slots:
    void extracts_data()
    {
        QTest::addColumn<QString>("extract");
        QTest::addColumn<QString>("combination");
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            return;
        for (const char *extract : {"extract-full", "extract-resaved"}) {
            QDir expected(QDir(shared).filePath(QString::fromLatin1(extract) + QStringLiteral("/expected")));
            for (const QString &combination : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                const QString tag = QString::fromLatin1(extract) + QLatin1Char('/') + combination;
                QTest::newRow(qPrintable(tag)) << QString::fromLatin1(extract) << combination;
            }
        }
    }

    void extracts()
    {
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: the real-extract comparison is skipped");
        QFETCH(QString, extract);
        QFETCH(QString, combination);
        const QString root = QDir(shared).filePath(extract);
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary summary = w.import(test::extractOptions(root));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        test::checkCombination(w.warehouse, QDir(root).filePath(QStringLiteral("expected/") + combination));
    }

    /**
     * A network big enough for the columnar engine's two-thread paths (a scan of over 400k
     * rows, metric 5 over 20k+ stores, the aggregates built in halves): exactly what one
     * thread gives, with and without dates. (The small fixtures compare it with the SQL.)
     */
    void largeNetworkSameOnOneOrTwoThreads()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        GeneratorOptions options;
        options.transactions = 420'000;
        options.stores = 21'000;
        options.devices = 30'000;
        const QString dir = w.dir.filePath(QStringLiteral("large"));
        ExtractGenerator generator;
        QVERIFY2(generator.write(dir, options), qPrintable(generator.error().toString()));
        const ImportSummary summary = w.import(test::extractOptions(dir));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        MetricFilter open;
        open.statuses = QStringList{QStringLiteral("accepted"), QStringLiteral("refused")};
        MetricFilter dated = open;
        dated.timeColumn = TimeColumn::CreatedAt;
        dated.from = QDate(2000, 1, 1); // every row: one slice of 420k rows
        dated.to = QDate(2100, 1, 1);
        for (const MetricFilter &filter : {open, dated}) {
            MetricsSnapshot byThreads[2];
            for (int serial = 0; serial < 2; ++serial) {
                columnar::ColumnarCache::clear(); // the aggregates too are built again, this way
                columnar::setParallel(serial == 0);
                MetricsEngine engine(w.warehouse.database());
                Error error;
                QVERIFY2(engine.compute(filter, &byThreads[serial], &error), qPrintable(error.toString()));
            }
            columnar::setParallel(true);
            QVERIFY(byThreads[0].timeToFifthPerStore.rows.size() > 10'000);
            test::compareSnapshots(byThreads[0], byThreads[1]);
            QCOMPARE(byThreads[0].timeToFifthPerStore.rows, byThreads[1].timeToFifthPerStore.rows);
            QCOMPARE(byThreads[0].timeToFifthBelowFive.rows, byThreads[1].timeToFifthBelowFive.rows);
            QCOMPARE(byThreads[0].timeToFifthPerCustomer.rows, byThreads[1].timeToFifthPerCustomer.rows);
            QCOMPARE(byThreads[0].timeToFifth.avgSeconds, byThreads[1].timeToFifth.avgSeconds);
        }
    }
};

QTEST_GUILESS_MAIN(TestSharedExtracts)
#include "tst_shared_extracts.moc"
