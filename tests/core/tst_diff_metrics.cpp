// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing imports (docs/compare.md) on the hand-made fixtures diff-a then diff-b: the
// entity changes known by construction (tests/fixtures/diff-a/README.md), and the metric
// moves checked against independent metric runs: warehouse W1 holds diff-a alone, W2 diff-a
// then diff-b, each computed by the default (columnar) engine; the comparison on W2 from batch
// 1 to 2 must report exactly metrics(W2) − metrics(W1) and each run's ranks, for several filters.
#include "../common/DiffFixture.h"

#include "diff/DiffTables.h"

#include <QSet>

using namespace cpm;
using namespace cpm::test;
using namespace cpm::test::diff;

namespace {

MetricsSnapshot metricsOf(const Warehouse &warehouse, const MetricFilter &filter)
{
    MetricsEngine engine(warehouse.database());
    MetricsSnapshot snapshot;
    Error error;
    if (!engine.compute(filter, &snapshot, &error))
        qWarning("%s", qPrintable(error.toString()));
    return snapshot;
}

QMap<QString, QVariantList> rowsByKey(const MetricTable &table, const QStringList &keys)
{
    QMap<QString, QVariantList> rows;
    for (int r = 0; r < int(table.rows.size()); ++r) {
        QStringList key;
        for (const QString &k : keys)
            key << table.value(r, k).toString();
        rows.insert(key.join(QLatin1Char('/')), table.rows.row(r));
    }
    return rows;
}

double number(const MetricTable &table, const QMap<QString, QVariantList> &rows, const QString &key, const QString &column)
{
    return rows.contains(key) ? rows.value(key).value(table.columnIndex(column)).toDouble() : 0.0;
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

QSet<qint64> storesWithFive(const MetricsSnapshot &snapshot)
{
    QSet<qint64> ids;
    for (int r = 0; r < int(snapshot.timeToFifthPerStore.rows.size()); ++r)
        ids.insert(snapshot.timeToFifthPerStore.value(r, QStringLiteral("store_id")).toLongLong());
    return ids;
}

} // namespace

class TestDiffMetrics : public QObject
{
    Q_OBJECT

    TempWarehouse m_w1; // diff-a alone
    TempWarehouse m_w2; // diff-a, then diff-b

    void checkRanks(const QVector<RankMove> &moves, const MetricTable &before, const MetricTable &after, const QString &key)
    {
        QMap<QString, int> oldRanks, newRanks;
        for (int r = 0; r < int(before.rows.size()); ++r)
            oldRanks.insert(before.value(r, key).toString(), before.value(r, QStringLiteral("rank")).toInt());
        for (int r = 0; r < int(after.rows.size()); ++r)
            newRanks.insert(after.value(r, key).toString(), after.value(r, QStringLiteral("rank")).toInt());
        QSet<QString> seen;
        for (const RankMove &move : moves) {
            QCOMPARE(move.oldRank, oldRanks.value(move.key, 0));
            QCOMPARE(move.newRank, newRanks.value(move.key, 0));
            seen.insert(move.key);
        }
        QSet<QString> expected;
        for (const QString &k : oldRanks.keys() + newRanks.keys())
            expected.insert(k);
        QCOMPARE(seen, expected);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_w1.open());
        QVERIFY(m_w2.open());
        QVERIFY(m_w1.import(batchA()).succeeded());
        QVERIFY(m_w2.import(batchA()).succeeded());
        const ImportSummary b = m_w2.import(batchB());
        QVERIFY2(b.succeeded(), qPrintable(b.error.toString()));
        QCOMPARE(b.batchId, 2);
    }

    void unchangedRowsKeepTheirBatch()
    {
        // An identical row is left alone (its batch_id names the batch that brought it); a
        // different one moves its old version to raw_*_replaced, card data as raw keeps it.
        const Warehouse &w = m_w2.warehouse;
        QCOMPARE(w.scalar(QStringLiteral("select batch_id from raw_stores where id = 1")).toInt(), 1);
        QCOMPARE(w.scalar(QStringLiteral("select batch_id from raw_stores where id = 2")).toInt(), 2);
        QCOMPARE(w.scalar(QStringLiteral("select batch_id from raw_transactions where id = 16")).toInt(), 1);
        QCOMPARE(m_w2.count(QStringLiteral("raw_stores_replaced")), 2);
        QCOMPARE(m_w2.count(QStringLiteral("raw_devices_replaced")), 0);
        QCOMPARE(m_w2.count(QStringLiteral("raw_transactions_replaced")), 2);
        QCOMPARE(w.scalar(QStringLiteral("select amount || '/' || card_last4 || '/' || replaced_by_batch "
                                         "from raw_transactions_replaced where id = 3")).toString(),
                 QStringLiteral("30.0/1003/2"));
    }

    void entityChangesAreTheHandKnownOnes()
    {
        ImportDiffResult result;
        Error error;
        QVERIFY2(compare(m_w2.warehouse, m_w2.project, MetricFilter(), &result, &error), qPrintable(error.toString()));
        QCOMPARE(result.batches.from.id, 1);
        QCOMPARE(result.batches.to.id, 2);
        QCOMPARE(changeLines(*result.entity(QStringLiteral("stores"))), expectedStores());
        QCOMPARE(changeLines(*result.entity(QStringLiteral("devices"))), expectedDevices());
        QCOMPARE(changeLines(*result.entity(QStringLiteral("transactions"))), expectedTransactions());
        const EntityDiff &stores = *result.entity(QStringLiteral("stores"));
        QCOMPARE(stores.added, 1);
        QCOMPARE(stores.changed, 2);
        QCOMPARE(stores.removed, 0);
        QCOMPARE(fieldMove(stores, 2, QStringLiteral("typology")), QStringLiteral("Grocery → Beauty"));
        QCOMPARE(fieldMove(stores, 3, QStringLiteral("name")), QStringLiteral("Gamma → Gamma Flowers"));
        const EntityDiff &transactions = *result.entity(QStringLiteral("transactions"));
        QCOMPARE(fieldMove(transactions, 3, QStringLiteral("amount")), QStringLiteral("30 → 300"));
        QCOMPARE(fieldMove(transactions, 14, QStringLiteral("status")), QStringLiteral("refused → accepted"));
        QCOMPARE(transactions.fieldCount(QStringLiteral("amount")), 1);
        QCOMPARE(transactions.fieldCount(QStringLiteral("happened_at")), 0);
    }

    void backwardComparisonRemovesWhatCameLater()
    {
        ImportDiffResult result;
        Error error;
        QVERIFY2(compare(m_w2.warehouse, m_w2.project, MetricFilter(), &result, &error, 2, 1), qPrintable(error.toString()));
        QCOMPARE(result.entity(QStringLiteral("stores"))->removed, 1);
        QCOMPARE(result.entity(QStringLiteral("stores"))->added, 0);
        QCOMPARE(result.entity(QStringLiteral("transactions"))->removed, 3);
        QCOMPARE(fieldMove(*result.entity(QStringLiteral("transactions")), 3, QStringLiteral("amount")), QStringLiteral("300 → 30"));
        // Store 2 had its 5th accepted transaction in batch 2 only: going back, it loses it.
        QCOMPARE(result.moves.fifth.lost.size(), 1);
        QCOMPARE(result.moves.fifth.lost.first().storeId, 2);
    }

    void handKnownMoves()
    {
        // Accepted totals (README): batch 1 — 2: 300, 4: 220, 1: 150, 3: 75; batch 2 — 1: 420,
        // 2: 395, 4: 330, 5: 200, 3: 120.
        ImportDiffResult result;
        Error error;
        QVERIFY2(compare(m_w2.warehouse, m_w2.project, MetricFilter(), &result, &error), qPrintable(error.toString()));
        QStringList moves;
        for (const RankMove &move : result.moves.topStores)
            moves << QStringLiteral("%1 %2 %3→%4 %5→%6").arg(move.key, rankMovementName(move.movement)).arg(move.oldRank).arg(move.newRank)
                         .arg(move.oldValue.toDouble()).arg(move.newValue.toDouble());
        QCOMPARE(moves, (QStringList{QStringLiteral("1 up 3→1 150→420"), QStringLiteral("2 down 1→2 300→395"),
                                     QStringLiteral("4 down 2→3 220→330"), QStringLiteral("5 entered 0→4 0→200"),
                                     QStringLiteral("3 down 4→5 75→120")}));
        QCOMPARE(difftables::movementText(result.moves.topStores.first()), QStringLiteral("▲ 2"));
        // Store 2 reaches its 5th accepted transaction with 21: 6 (01-07 09:00:06) … 21 (01-22
        // 09:00:21) = 15 d 15 s; store 1's 1st → 5th stays 4 d 4 s (transactions 1–5).
        QCOMPARE(result.moves.fifth.reached.size(), 1);
        QCOMPARE(result.moves.fifth.reached.first().storeId, 2);
        QCOMPARE(result.moves.fifth.reached.first().seconds.toDouble(), 15 * 86400.0 + 15);
        QCOMPARE(*result.moves.fifth.before.avgSeconds, 4 * 86400.0 + 4);
        QCOMPARE(*result.moves.fifth.after.avgSeconds, (4 * 86400.0 + 4 + 15 * 86400.0 + 15) / 2);
    }

    void deltasAreDifferencesOfMetricRuns_data()
    {
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<int>("timeColumn");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("accepted, happened_at") << QStringList{QStringLiteral("accepted")} << int(TimeColumn::HappenedAt) << QDate() << QDate();
        QTest::newRow("all statuses, created_at")
            << QStringList{QStringLiteral("accepted"), QStringLiteral("refused"), QStringLiteral("cancelled")}
            << int(TimeColumn::CreatedAt) << QDate() << QDate();
        QTest::newRow("accepted, happened_at, Jan 5-23") << QStringList{QStringLiteral("accepted")} << int(TimeColumn::HappenedAt)
                                                         << QDate(2022, 1, 5) << QDate(2022, 1, 23);
        QTest::newRow("refused+cancelled, created_at, January")
            << QStringList{QStringLiteral("refused"), QStringLiteral("cancelled")} << int(TimeColumn::CreatedAt)
            << QDate(2022, 1, 1) << QDate(2022, 1, 31);
    }

    void deltasAreDifferencesOfMetricRuns()
    {
        QFETCH(QStringList, statuses);
        QFETCH(int, timeColumn);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        MetricFilter filter;
        filter.statuses = statuses;
        filter.timeColumn = TimeColumn(timeColumn);
        filter.from = from;
        filter.to = to;
        const MetricsSnapshot one = metricsOf(m_w1.warehouse, filter);
        const MetricsSnapshot two = metricsOf(m_w2.warehouse, filter);
        ImportDiffResult result;
        Error error;
        QVERIFY2(compare(m_w2.warehouse, m_w2.project, filter, &result, &error), qPrintable(error.toString()));

        checkRanks(result.moves.topStores, one.topStores, two.topStores, QStringLiteral("store_id"));
        checkRanks(result.moves.topProducts, one.topProducts, two.topProducts, QStringLiteral("product_sku"));

        const QStringList groupKey{QStringLiteral("typology"), QStringLiteral("country")};
        const auto groups1 = rowsByKey(one.avgByTypologyCountry, groupKey), groups2 = rowsByKey(two.avgByTypologyCountry, groupKey);
        const MetricTable groups = difftables::groupMoves(result.moves);
        QCOMPARE(groups.rows.size(), qsizetype(QSet<QString>(groups1.keyBegin(), groups1.keyEnd()).unite(QSet<QString>(groups2.keyBegin(), groups2.keyEnd())).size()));
        for (int r = 0; r < int(groups.rows.size()); ++r) {
            const QString key = groups.value(r, QStringLiteral("typology")).toString() + QLatin1Char('/') + groups.value(r, QStringLiteral("country")).toString();
            const QVariant delta = groups.value(r, QStringLiteral("delta_avg_amount"));
            QCOMPARE(delta.isValid() && !delta.isNull(), groups1.contains(key) && groups2.contains(key));
            if (delta.isValid() && !delta.isNull())
                QVERIFY2(close(delta.toDouble(), number(two.avgByTypologyCountry, groups2, key, QStringLiteral("avg_amount"))
                                                     - number(one.avgByTypologyCountry, groups1, key, QStringLiteral("avg_amount"))),
                         qPrintable(key));
            QCOMPARE(groups.value(r, QStringLiteral("new_transactions")).toDouble(),
                     number(two.avgByTypologyCountry, groups2, key, QStringLiteral("transactions")));
        }

        const auto shares1 = rowsByKey(one.deviceTypeShare, {QStringLiteral("device_type")});
        const auto shares2 = rowsByKey(two.deviceTypeShare, {QStringLiteral("device_type")});
        const MetricTable shares = difftables::shareMoves(result.moves);
        for (int r = 0; r < int(shares.rows.size()); ++r) {
            const QString key = shares.value(r, QStringLiteral("device_type")).toString();
            QVERIFY2(close(shares.value(r, QStringLiteral("delta_points")).toDouble(),
                           number(two.deviceTypeShare, shares2, key, QStringLiteral("pct")) - number(one.deviceTypeShare, shares1, key, QStringLiteral("pct"))),
                     qPrintable(key));
        }
        QCOMPARE(shares.rows.size(), qsizetype(QSet<QString>(shares1.keyBegin(), shares1.keyEnd()).unite(QSet<QString>(shares2.keyBegin(), shares2.keyEnd())).size()));

        const MetricTable fifth = difftables::fifthMoves(result.moves);
        QCOMPARE(fifth.value(0, QStringLiteral("old_stores_with_5")).toLongLong(), one.timeToFifth.storesWith5);
        QCOMPARE(fifth.value(0, QStringLiteral("new_stores_with_5")).toLongLong(), two.timeToFifth.storesWith5);
        const QVariant deltaSeconds = fifth.value(0, QStringLiteral("delta_avg_seconds"));
        QCOMPARE(deltaSeconds.isValid() && !deltaSeconds.isNull(), one.timeToFifth.avgSeconds.has_value() && two.timeToFifth.avgSeconds.has_value());
        if (deltaSeconds.isValid() && !deltaSeconds.isNull())
            QVERIFY(close(deltaSeconds.toDouble(), *two.timeToFifth.avgSeconds - *one.timeToFifth.avgSeconds));
        QSet<qint64> reached;
        for (const FifthStore &store : result.moves.fifth.reached)
            reached.insert(store.storeId);
        QCOMPARE(reached, storesWithFive(two) - storesWithFive(one));
    }

    void clearErrors()
    {
        ImportDiffResult result;
        Error error;
        // One batch only: nothing to compare with.
        QVERIFY(!compare(m_w1.warehouse, m_w1.project, MetricFilter(), &result, &error));
        QCOMPARE(error.code, Error::Code::Value);
        QVERIFY2(error.message.contains(QLatin1String("one import (batch 1)")), qPrintable(error.message));
        // Unknown batch ids, the same batch twice: usage errors naming the batches there are.
        QVERIFY(!compare(m_w2.warehouse, m_w2.project, MetricFilter(), &result, &error, 1, 7));
        QCOMPARE(error.code, Error::Code::Usage);
        QVERIFY2(error.toString().contains(QLatin1String("no import batch 7")) && error.toString().contains(QLatin1String("1, 2")),
                 qPrintable(error.toString()));
        QVERIFY(!compare(m_w2.warehouse, m_w2.project, MetricFilter(), &result, &error, 2, 2));
        QCOMPARE(error.code, Error::Code::Usage);
    }

    void repeatedIdKeepsOnlyTheStateItReplaced()
    {
        // Transaction 3 twice in one file (amount 31, then 32): the file's last line wins, and
        // only the version batch 1 left (30) is kept — 31 was never a state of the warehouse.
        TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(batchA()).succeeded());
        const QString file = w.dir.filePath(QStringLiteral("again/transactions.csv"));
        writeFile(file, "id,device_id,product_name,product_sku,category_name,amount,status,card_number,cvv,created_at,happened_at\n"
                        "3,1,Apple,3770000000001,Shop,31,accepted,4111 1111 1111 1003,103,01/05/2022 9:00:03,01/04/2022 9:00:03\n"
                        "3,1,Apple,3770000000001,Shop,32,accepted,4111 1111 1111 1003,103,01/05/2022 9:00:03,01/04/2022 9:00:03\n");
        ImportOptions options;
        options.files.push_back({file, FileRole::Unknown});
        QVERIFY(w.import(options).succeeded());
        QCOMPARE(w.count(QStringLiteral("raw_transactions_replaced")), 1);
        ImportDiffResult result;
        Error error;
        QVERIFY2(compare(w.warehouse, w.project, MetricFilter(), &result, &error), qPrintable(error.toString()));
        QCOMPARE(changeLines(*result.entity(QStringLiteral("transactions"))), QStringList{QStringLiteral("3 changed amount")});
        QCOMPARE(fieldMove(*result.entity(QStringLiteral("transactions")), 3, QStringLiteral("amount")), QStringLiteral("30 → 32"));
    }

    void upgradedWarehouseRefusesUnknownStates()
    {
        // A warehouse upgraded to schema 4 after its batch 2 (older versions were overwritten):
        // comparing batch 1 is refused, saying from which batch states are known.
        TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(batchA()).succeeded());
        QVERIFY(w.import(batchB()).succeeded());
        QVERIFY(w.warehouse.exec(QStringLiteral("update warehouse_info set value = '2' where key = 'states_known_from_batch'")));
        ImportDiffResult result;
        Error error;
        QVERIFY(!compare(w.warehouse, w.project, MetricFilter(), &result, &error));
        QCOMPARE(error.code, Error::Code::Value);
        QVERIFY2(error.toString().contains(QLatin1String("batches 2 and later")), qPrintable(error.toString()));
    }
};

QTEST_GUILESS_MAIN(TestDiffMetrics)
#include "tst_diff_metrics.moc"
