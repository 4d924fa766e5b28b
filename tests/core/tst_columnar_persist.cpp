// SPDX-License-Identifier: GPL-3.0-or-later
// The columnar snapshot persisted by each import: stored atomically with its batch, read back
// identical to a rebuild, and never trusted when missing, stale, of another format or damaged.
#include "../common/TestSupport.h"

#include "columnar/ColumnarBuilder.h"
#include "columnar/ColumnarCache.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarTable.h"
#include "metrics/MetricsEngine.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <atomic>
#include <numeric>

using namespace cpm;
using namespace cpm::columnar;

namespace {

const QByteArray kTransactionsHeader =
    "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";

} // namespace

class TestColumnarPersist : public QObject
{
    Q_OBJECT

    test::TempWarehouse m_w;
    ImportSummary m_first;

    sqlite3 *handle() const { return m_w.warehouse.handle(); }

    /** Top store of accepted / happened_at, read through a fresh cache (the open path). */
    QPair<int, double> topStore(persist::Status *status)
    {
        ColumnarCache::clear();
        MetricsEngine engine(m_w.warehouse.database());
        MetricFilter filter;
        filter.statuses = QStringList{QStringLiteral("accepted")};
        filter.timeColumn = TimeColumn::HappenedAt;
        MetricsSnapshot snapshot;
        Error error;
        if (!engine.compute(filter, &snapshot, &error))
            qWarning("%s", qPrintable(error.toString()));
        *status = ColumnarCache::lastPersistStatus();
        const MetricTable &t = snapshot.topStores;
        return {t.value(0, QStringLiteral("store_id")).toInt(), t.value(0, QStringLiteral("total_amount")).toDouble()};
    }

    QByteArray part(int n) const
    {
        QSqlQuery q(m_w.warehouse.database());
        q.prepare(QStringLiteral("select data from columnar_snapshot where part = :p"));
        q.bindValue(QStringLiteral(":p"), n);
        return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
    }

    void setPart(int n, const QByteArray &data)
    {
        QSqlQuery q(m_w.warehouse.database());
        q.prepare(QStringLiteral("update columnar_snapshot set data = :d where part = :p"));
        q.bindValue(QStringLiteral(":d"), data);
        q.bindValue(QStringLiteral(":p"), n);
        QVERIFY(q.exec());
    }

    QByteArray allParts() const
    {
        QByteArray out;
        for (int n = 0; !part(n).isEmpty(); ++n)
            out += part(n);
        return out;
    }

    /**
     * The stored snapshot as it loads (a base and any deltas merged), encoded again: one stored
     * payload loads back to its own bytes, so this is also the base's bytes.
     */
    static QByteArray payload(const test::TempWarehouse &w)
    {
        persist::Status status = persist::Status::Missing;
        const auto table = persist::load(w.warehouse.handle(), w.warehouse.lastBatchId(), &status, false);
        if (!table)
            return QByteArray();
        const std::string bytes = persist::encode(*table);
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    }

    /** What a rebuild from the models of @p w encodes to. */
    static QByteArray rebuiltPayload(const test::TempWarehouse &w)
    {
        Error error;
        const auto table = ColumnarTable::load(w.warehouse.handle(), &error, false);
        if (!table)
            return QByteArray();
        const std::string bytes = persist::encode(*table);
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    }

    /** Imports the basic fixture's stores and devices with @p transactions into a new warehouse. */
    static ImportSummary importWith(test::TempWarehouse &w, const QByteArray &transactions)
    {
        test::writeFile(w.dir.filePath(QStringLiteral("t.csv")), kTransactionsHeader + transactions);
        ImportOptions options = test::extractOptions(test::fixture(QStringLiteral("basic")));
        options.files.last().path = w.dir.filePath(QStringLiteral("t.csv"));
        return w.import(options);
    }

    persist::Status loadStatus()
    {
        persist::Status status = persist::Status::Loaded;
        persist::load(handle(), m_w.warehouse.lastBatchId(), &status);
        return status;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_w.open());
        m_first = m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(m_first.succeeded(), qPrintable(m_first.error.toString()));
    }

    void checksumOfPiecesIsTheChecksumOfTheWhole()
    {
        // A payload stored in pieces (PayloadWriter::finishPieces) must sum as the joined bytes
        // the reader checks: every split of 0..40 bytes, words cut anywhere.
        std::string whole;
        for (int i = 0; i < 41; ++i)
            whole.push_back(char(i * 37 + 11));
        const quint64 expected = codec::checksum(whole.data(), whole.size());
        for (std::size_t a = 0; a <= whole.size(); ++a) {
            for (std::size_t b = a; b <= whole.size(); b += 3) {
                codec::Checksum sum;
                sum.add(whole.data(), a);
                sum.add(whole.data() + a, b - a);
                sum.add(whole.data() + b, whole.size() - b);
                QCOMPARE(sum.value(), expected);
            }
        }
        QVERIFY(codec::checksum(whole.data(), 40) != expected); // and it does see the bytes
    }

    void builtFromTheLoadedRows()
    {
        // A fresh warehouse, ids ascending: no read-back, and exactly the rebuild's bytes.
        QVERIFY(m_first.snapshotFromLoadedRows);
        const QByteArray stored = payload(m_w);
        QVERIFY(stored.size() > 100);
        QCOMPARE(stored, rebuiltPayload(m_w));
    }

    void unorderedOrRepeatedIdsAreRebuiltFromTheModels()
    {
        const QByteArray unordered = "3,10,Tea,9,Drinks,7,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n"
                                     "1,20,Cake,8,Bakery,5,refused,01/21/2022 1:00:00,01/21/2022 1:00:00\n"
                                     "2,10,Tea,9,Drinks,4,accepted,01/19/2022 1:00:00,01/19/2022 1:00:00\n";
        test::TempWarehouse a;
        QVERIFY(a.open());
        const ImportSummary s = importWith(a, unordered);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(!s.snapshotFromLoadedRows);
        QCOMPARE(payload(a), rebuiltPayload(a));

        // Id 1 twice: the second version (amount 9, refused) is the one the warehouse keeps.
        const QByteArray repeated = "1,10,Tea,9,Drinks,7,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n"
                                    "2,10,Tea,9,Drinks,4,accepted,01/19/2022 1:00:00,01/19/2022 1:00:00\n"
                                    "1,10,Tea,9,Drinks,9,refused,01/20/2022 1:00:00,01/20/2022 1:00:00\n";
        test::TempWarehouse b;
        QVERIFY(b.open());
        const ImportSummary r = importWith(b, repeated);
        QVERIFY2(r.succeeded(), qPrintable(r.error.toString()));
        QVERIFY(!r.snapshotFromLoadedRows);
        QCOMPARE(payload(b), rebuiltPayload(b));
        persist::Status status = persist::Status::Missing;
        const auto table = persist::load(b.warehouse.handle(), b.warehouse.lastBatchId(), &status);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), std::size_t(2));
        QCOMPARE(std::accumulate(table->amount.begin(), table->amount.end(), 0.0), 13.0);
    }

    void appendedRowsMergeIntoThePreviousSnapshot()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        // New ids after the old ones: a new status, a SKU that sorts before every other, a
        // time tie with row 1, an unknown device, a row older than all, a row without a name.
        const QByteArray appended = "18,10,Kiwi,0001,Fruit,3,pending,01/10/2022 10:00:05,01/10/2022 10:00:00\n"
                                    "19,777,Apple,111,Fruit,8,accepted,01/12/2022 10:00:05,01/12/2022 10:00:00\n"
                                    "20,11,Apple,111,Fruit,1.25,refused,01/01/2021 0:00:00,01/01/2021 0:00:00\n"
                                    "21,20, ,999,Misc,2,accepted,06/01/2022 0:00:00,05/31/2022 0:00:00\n";
        test::writeFile(w.dir.filePath(QStringLiteral("a.csv")), kTransactionsHeader + appended);
        ImportOptions options;
        options.files.push_back({w.dir.filePath(QStringLiteral("a.csv")), FileRole::Unknown});
        const ImportSummary s = w.import(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(s.snapshotFromLoadedRows);
        QCOMPARE(payload(w), rebuiltPayload(w));

        // An older id again (an upsert): the previous snapshot cannot simply be extended.
        test::writeFile(w.dir.filePath(QStringLiteral("b.csv")),
                        kTransactionsHeader + "3,10,Bread,222,Bakery,31,accepted,01/11/2022 10:00:05,01/11/2022 10:00:00\n");
        options.files.first().path = w.dir.filePath(QStringLiteral("b.csv"));
        const ImportSummary upsert = w.import(options);
        QVERIFY2(upsert.succeeded(), qPrintable(upsert.error.toString()));
        QVERIFY(!upsert.snapshotFromLoadedRows);
        QCOMPARE(payload(w), rebuiltPayload(w));

        // Devices in the same import may move rows to other stores: rebuilt from the models.
        test::writeFile(w.dir.filePath(QStringLiteral("d.csv")), "id,type,store_id\n10,2,2\n");
        test::writeFile(w.dir.filePath(QStringLiteral("c.csv")),
                        kTransactionsHeader + "30,10,Bread,222,Bakery,5,accepted,01/11/2022 10:00:05,01/11/2022 10:00:00\n");
        ImportOptions both;
        both.files.push_back({w.dir.filePath(QStringLiteral("d.csv")), FileRole::Unknown});
        both.files.push_back({w.dir.filePath(QStringLiteral("c.csv")), FileRole::Unknown});
        const ImportSummary moved = w.import(both);
        QVERIFY2(moved.succeeded(), qPrintable(moved.error.toString()));
        QVERIFY(!moved.snapshotFromLoadedRows);
        QCOMPARE(payload(w), rebuiltPayload(w));
    }

    void wideCatalogueAppendReadsOnlyTheDictionaries()
    {
        // 30,000 products with long, barely compressible names: the dictionaries alone pass the
        // first 4 MiB part. An append must still find them (reading the parts that hold them,
        // not the whole segment), without decompressing a cut-off block.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qUncompress")));
        const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        quint32 seed = 12345;
        QByteArray rows;
        for (int id = 1; id <= 30000; ++id) {
            QByteArray name;
            for (int c = 0; c < 240; ++c) {
                seed = seed * 1103515245u + 12345u;
                name += alphabet.at(int((seed >> 16) % quint32(alphabet.size())));
            }
            rows += QByteArray::number(id) + ",10," + name + "," + QByteArray::number(id) +
                    ",Misc,1,accepted,01/10/2022 10:00:05,01/10/2022 10:00:00\n";
        }
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary first = importWith(w, rows);
        QVERIFY2(first.succeeded(), qPrintable(first.error.toString()));
        persist::Status status = persist::Status::Missing;
        persist::Layout layout;
        QVERIFY(persist::loadDimensions(w.warehouse.handle(), w.warehouse.lastBatchId(), &status, &layout));
        QCOMPARE(layout.baseRows, quint64(30000));

        test::writeFile(w.dir.filePath(QStringLiteral("a.csv")),
                        kTransactionsHeader + "30001,10,Tea,9,Drinks,7,refused,01/20/2022 1:00:00,01/20/2022 1:00:00\n");
        ImportOptions options;
        options.files.push_back({w.dir.filePath(QStringLiteral("a.csv")), FileRole::Unknown});
        const ImportSummary appended = w.import(options);
        QVERIFY2(appended.succeeded(), qPrintable(appended.error.toString()));
        QVERIFY(appended.snapshotFromLoadedRows);
        QCOMPARE(payload(w), rebuiltPayload(w));
    }

    void realExtractsBuiltFromTheLoadedRows_data()
    {
        QTest::addColumn<QString>("extract");
        QTest::newRow("full") << QStringLiteral("extract-full");
        QTest::newRow("resaved") << QStringLiteral("extract-resaved");
    }

    void realExtractsBuiltFromTheLoadedRows()
    {
        QFETCH(QString, extract);
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent");
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary s = w.import(test::extractOptions(QDir(shared).filePath(extract)));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        // Whichever way it was built, the stored bytes are the rebuild's.
        QCOMPARE(payload(w), rebuiltPayload(w));
        qInfo("%s: snapshot %s", qPrintable(extract), s.snapshotFromLoadedRows ? "from the loaded rows" : "from the models");
    }

    void importStoresTheBlob()
    {
        QVERIFY(persist::storedBytes(handle()) > 0);
        QVERIFY(!part(0).isEmpty());
        QVERIFY(!part(1).isEmpty());
        QCOMPARE(loadStatus(), persist::Status::Loaded);
    }

    void persistedEqualsRebuilt()
    {
        Error error;
        const auto rebuilt = ColumnarTable::load(handle(), &error);
        persist::Status status = persist::Status::Missing;
        const auto stored = persist::load(handle(), m_w.warehouse.lastBatchId(), &status);
        QVERIFY(rebuilt && stored);
        QCOMPARE(stored->rowCount(), rebuilt->rowCount());
        QVERIFY(stored->status == rebuilt->status && stored->deviceType == rebuilt->deviceType);
        QVERIFY(stored->store == rebuilt->store && stored->pair == rebuilt->pair);
        QVERIFY(stored->amount == rebuilt->amount && stored->idRank == rebuilt->idRank);
        QVERIFY(stored->happenedAt == rebuilt->happenedAt && stored->createdAt == rebuilt->createdAt);
        QVERIFY(stored->skus == rebuilt->skus && stored->productNames == rebuilt->productNames);
        QVERIFY(stored->skuLossy == rebuilt->skuLossy && stored->pairSku == rebuilt->pairSku);
        QCOMPARE(stored->customers, rebuilt->customers);
        QCOMPARE(stored->statuses, rebuilt->statuses);
        QCOMPARE(stored->storeCount(), rebuilt->storeCount());
        QCOMPARE(stored->stores[1].name, rebuilt->stores[1].name);
        QCOMPARE(stored->happenedKnown, rebuilt->happenedKnown);
        QVERIFY(stored->minLag == rebuilt->minLag && stored->maxLag == rebuilt->maxLag);
        QVERIFY(stored->minTime == rebuilt->minTime && stored->maxTime == rebuilt->maxTime);
        for (int c = 0; c < 2; ++c)
            QVERIFY(stored->allRows(TimeColumn(c), 0).storeAmount == rebuilt->allRows(TimeColumn(c), 0).storeAmount);
    }

    void metricsFromThePersistedSnapshot()
    {
        persist::Status status = persist::Status::Missing;
        // tst_metrics: accepted by happened_at, store 2 leads with 500.
        QCOMPARE(topStore(&status), qMakePair(2, 500.0));
        QCOMPARE(status, persist::Status::Loaded);
    }

    void damagedBlobIsRebuilt()
    {
        const QByteArray good = part(1);
        QByteArray bad = good;
        bad[bad.size() / 2] = char(bad[bad.size() / 2] ^ 0x01);
        setPart(1, bad);
        QCOMPARE(loadStatus(), persist::Status::Damaged);
        persist::Status status = persist::Status::Loaded;
        QCOMPARE(topStore(&status), qMakePair(2, 500.0));
        QCOMPARE(status, persist::Status::Damaged);
        setPart(1, good.left(good.size() - 1)); // truncated
        QCOMPARE(loadStatus(), persist::Status::Damaged);
        setPart(1, good);
        QCOMPARE(loadStatus(), persist::Status::Loaded);
    }

    void olderFormatOrBatchIsRebuilt()
    {
        const QByteArray header = part(0);
        QByteArray old = header;
        old[8] = char(1); // the format version follows the 8-byte magic; version 2 is still read
        setPart(0, old);
        QCOMPARE(loadStatus(), persist::Status::OldFormat);
        setPart(0, header);
        persist::Status status = persist::Status::Loaded;
        QVERIFY(!persist::load(handle(), m_w.warehouse.lastBatchId() + 1, &status));
        QCOMPARE(status, persist::Status::Stale);
        QVERIFY(m_w.warehouse.exec(QStringLiteral("delete from columnar_snapshot")));
        QCOMPARE(loadStatus(), persist::Status::Missing);
        QCOMPARE(topStore(&status), qMakePair(2, 500.0));
        QCOMPARE(status, persist::Status::Missing);
    }

    void secondImportReplacesTheBlob()
    {
        // Store 1 (device 10) gains 1000: 290 + 1000 = 1290 takes the lead from store 2.
        const QString dir = m_w.dir.filePath(QStringLiteral("more"));
        test::writeFile(dir + "/t.csv", kTransactionsHeader
                                            + "100,10,Tea,9,Drinks,1000,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n");
        ImportOptions options;
        options.files.push_back({dir + "/t.csv", FileRole::Unknown});
        const ImportSummary s = m_w.import(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(!s.snapshotFromLoadedRows); // the test before deleted the blob: rebuilt from the models
        QCOMPARE(payload(m_w), rebuiltPayload(m_w));
        QCOMPARE(loadStatus(), persist::Status::Loaded);
        persist::Status status = persist::Status::Missing;
        QCOMPARE(topStore(&status), qMakePair(1, 1290.0));
        QCOMPARE(status, persist::Status::Loaded);
    }

    void failedImportKeepsTheOldBlob()
    {
        const QByteArray before = allParts();
        const qint64 batch = m_w.warehouse.lastBatchId();
        const QString dir = m_w.dir.filePath(QStringLiteral("failing"));
        QByteArray rows;
        for (int id = 200; id < 260; ++id)
            rows += QByteArray::number(id) + ",10,Tea,9,Drinks,5000,accepted,01/21/2022 1:00:00,01/21/2022 1:00:00\n";
        test::writeFile(dir + "/t.csv", kTransactionsHeader + rows);
        Importer importer(m_w.warehouse, m_w.project);
        importer.setFailAfterRows(30);
        ImportOptions options;
        options.files.push_back({dir + "/t.csv", FileRole::Unknown});
        QVERIFY(!importer.run(options).succeeded());
        QCOMPARE(m_w.warehouse.lastBatchId(), batch);
        QCOMPARE(allParts(), before);
        persist::Status status = persist::Status::Missing;
        QCOMPARE(topStore(&status), qMakePair(1, 1290.0));
        QCOMPARE(status, persist::Status::Loaded);
    }

    void cancelledRefreshLeavesNoSnapshot()
    {
        // The snapshot's rows are sorted and encoded on another thread while the models
        // refresh: cancelling the refresh midway stops that work too, and nothing is kept.
        test::TempWarehouse w;
        QVERIFY(w.open());
        Importer importer(w.warehouse, w.project);
        importer.setProgress([](const QString &phase, qint64 done, qint64) {
            return !(phase.startsWith(QStringLiteral("Building")) && done >= 2);
        });
        const ImportOptions options = test::extractOptions(test::fixture(QStringLiteral("basic")));
        const ImportSummary cancelled = importer.run(options);
        QCOMPARE(cancelled.error.code, Error::Code::Cancelled);
        QCOMPARE(w.warehouse.lastBatchId(), 0);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 0);
        QCOMPARE(w.count(QStringLiteral("columnar_snapshot")), 0);
        // The same importer then imports in full: the snapshot from the loaded rows, as ever.
        importer.setProgress({});
        const ImportSummary s = importer.run(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(s.snapshotFromLoadedRows);
        QCOMPARE(payload(w), rebuiltPayload(w));
    }

    void abandonedPreparationYieldsNoPayload()
    {
        ColumnarBuilder builder(handle());
        builder.reset();
        BuilderRow row;
        row.id = 1;
        row.device = 10;
        row.sku = "9";
        row.name = "Tea";
        row.status = "accepted";
        row.amount = 5;
        row.createdAt = row.happenedAt = 1642640400;
        builder.add(row);
        QVERIFY(builder.valid());
        const std::atomic<bool> stop{true};
        builder.prepare(&stop);
        std::vector<std::string> bytes;
        Error error;
        QVERIFY(!builder.payload(&bytes, &error));
        QCOMPARE(error.code, Error::Code::Cancelled);
        QVERIFY(bytes.empty());
        QVERIFY(!builder.valid()); // payload() releases the rows either way
    }
};

QTEST_GUILESS_MAIN(TestColumnarPersist)
#include "tst_columnar_persist.moc"
