// SPDX-License-Identifier: GPL-3.0-or-later
// The importer talks to the metrics snapshot only through SnapshotSink: what it tells it, in
// which order, which rows it feeds, and that a sink's failure rolls the whole import back.
#include "../common/TestSupport.h"

#include "snapshot/SnapshotSink.h"

#include <QDateTime>

using namespace cpm;

namespace {

/** Records every call; stores nothing (so no columnar snapshot may appear). */
class RecordingSink final : public SnapshotSink
{
public:
    struct Row
    {
        qint64 id, device;
        QByteArray sku, name, status;
        bool lossySku;
        double amount;
        qint64 createdAt, happenedAt;
    };

    QStringList calls;
    QVector<Row> rows;
    bool failStore = false;

    void beginImport(qint64 previousBatch) override { calls << QStringLiteral("beginImport %1").arg(previousBatch); }
    void dimensionsChanged() override { calls << QStringLiteral("dimensionsChanged"); }
    void beginTransactions(qint64 rowsBefore, qint64 lastIdBefore) override
    {
        calls << QStringLiteral("beginTransactions %1 %2").arg(rowsBefore).arg(lastIdBefore);
        rows.clear();
    }
    bool wantsRows() const override { return true; }
    void reserve(std::size_t) override {}
    void add(const SnapshotRow &r) override
    {
        auto bytes = [](std::string_view v) { return QByteArray(v.data(), qsizetype(v.size())); };
        rows.push_back({r.id, r.device, bytes(r.sku), bytes(r.name), bytes(r.status), r.lossySku, r.amount, r.createdAt, r.happenedAt});
    }
    void rowRepeated() override { calls << QStringLiteral("rowRepeated"); }
    void startPreparing() override { calls << QStringLiteral("startPreparing"); }
    bool store(qint64 batchId, Error *error) override
    {
        calls << QStringLiteral("store %1").arg(batchId);
        if (failStore)
            *error = Error::make(Error::Code::Database, QStringLiteral("the snapshot store failed (test)"));
        return !failStore;
    }
    void endImport() override { calls << QStringLiteral("endImport"); }
    bool storedFromRows() const override { return !failStore; }
};

qint64 epoch(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

class TestSnapshotSink : public QObject
{
    Q_OBJECT

    /** Imports the basic fixture through @p sink (kept by the importer); @p sink stays valid. */
    static ImportSummary importThrough(test::TempWarehouse &w, RecordingSink *sink, const ImportOptions &options)
    {
        Importer importer(w.warehouse, w.project);
        importer.setSnapshotSink(std::unique_ptr<SnapshotSink>(sink));
        const ImportSummary summary = importer.run(options);
        // The importer owns the sink: copy what it recorded before it goes.
        s_calls = sink->calls;
        s_rows = sink->rows;
        return summary;
    }

    static inline QStringList s_calls;
    static inline QVector<RecordingSink::Row> s_rows;

private slots:
    void feedsEveryLoadedTransaction()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary s = importThrough(w, new RecordingSink, test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        // Stores and devices first (each changes the dimensions), then the transactions into an
        // empty table; the snapshot is prepared while the models refresh, then stored with batch 1.
        QCOMPARE(s_calls, (QStringList{"beginImport 0", "dimensionsChanged", "dimensionsChanged", "beginTransactions 0 0",
                                       "startPreparing", "store 1", "endImport"}));
        QVERIFY(s.snapshotFromLoadedRows);
        QCOMPARE(w.count(QStringLiteral("columnar_snapshot")), 0); // the importer stores nothing itself

        // Seventeen rows in file order; row 1 by hand from transactions.csv: SKU v111 is
        // normalised to 111 (not lossy), naive times as written.
        QCOMPARE(s_rows.size(), 17);
        for (int i = 0; i < s_rows.size(); ++i)
            QCOMPARE(s_rows[i].id, qint64(i + 1));
        const RecordingSink::Row &first = s_rows.first();
        QCOMPARE(first.device, qint64(10));
        QCOMPARE(first.sku, QByteArray("111"));
        QCOMPARE(first.name, QByteArray("Apple"));
        QCOMPARE(first.status, QByteArray("accepted"));
        QVERIFY(!first.lossySku);
        QCOMPARE(first.amount, 100.0);
        QCOMPARE(first.happenedAt, epoch("2022-01-10T10:00:00Z"));
        QCOMPARE(first.createdAt, epoch("2022-01-10T10:00:05Z"));
        QCOMPARE(s_rows.last().device, qint64(99)); // an unknown device is fed as it is
    }

    void appendTellsWhatIsAlreadyThere()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        test::writeFile(w.dir.filePath(QStringLiteral("more.csv")),
                        "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n"
                        "18,10,Tea,9,Drinks,7,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n"
                        "18,10,Tea,9,Drinks,8,accepted,01/20/2022 1:00:00,01/20/2022 1:00:00\n");
        ImportOptions options;
        options.files.push_back({w.dir.filePath(QStringLiteral("more.csv")), FileRole::Unknown});
        const ImportSummary s = importThrough(w, new RecordingSink, options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        // 17 rows (ids 1..17) were there after batch 1; id 18 comes twice (an upsert).
        QCOMPARE(s_calls, (QStringList{"beginImport 1", "beginTransactions 17 17", "rowRepeated", "startPreparing",
                                       "store 2", "endImport"}));
        QCOMPARE(s_rows.size(), 2);
    }

    void dryRunAndReimportStoreNothing()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        ImportOptions options = test::extractOptions(test::fixture(QStringLiteral("basic")));
        options.dryRun = true;
        QVERIFY(importThrough(w, new RecordingSink, options).succeeded());
        QVERIFY(!s_calls.contains(QStringLiteral("store 1")));
        QCOMPARE(s_calls.last(), QStringLiteral("endImport"));

        options.dryRun = false;
        QVERIFY(w.import(options).succeeded());
        const ImportSummary again = importThrough(w, new RecordingSink, options); // identical bytes
        QVERIFY(again.succeeded());
        QCOMPARE(s_calls, (QStringList{"beginImport 1", "endImport"}));
    }

    void failingStoreRollsTheImportBack()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        auto *sink = new RecordingSink;
        sink->failStore = true;
        const ImportSummary s = importThrough(w, sink, test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY(!s.succeeded());
        QCOMPARE(s.error.message, QStringLiteral("the snapshot store failed (test)"));
        QVERIFY(!s.snapshotFromLoadedRows);
        QCOMPARE(w.warehouse.lastBatchId(), 0);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 0);
        QCOMPARE(w.count(QStringLiteral("raw_stores")), 0);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotSink)
#include "tst_snapshot_sink.moc"
