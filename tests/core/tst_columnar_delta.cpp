// SPDX-License-Identifier: GPL-3.0-or-later
// Imports that only append transactions store their rows as a delta after the persisted
// snapshot: the base is left as it was, the loaded table is the one a rebuild from the models
// gives (rows merged in time order, dictionaries extended), and too many or too large deltas,
// a damaged one, or ids out of order make the import write the whole snapshot again.
#include "../common/TestSupport.h"

#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarTable.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace cpm;
using namespace cpm::columnar;

namespace {

const QByteArray kTransactionsHeader =
    "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";

QByteArray stamp(const QDateTime &t) { return t.toString(QStringLiteral("MM/dd/yyyy H:mm:ss")).toLatin1(); }

/** One transaction line: created 5 s after @p happened. */
QByteArray row(qint64 id, int device, const char *product, const char *sku, int amount, const char *status,
               const QDateTime &happened)
{
    return QByteArray::number(id) + ',' + QByteArray::number(device) + ',' + product + ',' + sku + ",Misc,"
        + QByteArray::number(amount) + ',' + status + ',' + stamp(happened.addSecs(5)) + ',' + stamp(happened) + '\n';
}

const QDateTime kStart(QDate(2022, 1, 1), QTime(0, 0), Qt::UTC);

/** Ids 1..@p n on the basic fixture's devices; four rows share each hour (time ties). */
QByteArray baseRows(int n)
{
    static const int devices[] = {10, 11, 20, 30, 40};
    static const char *statuses[] = {"accepted", "refused", "accepted"};
    QByteArray out;
    for (int id = 1; id <= n; ++id)
        out += row(id, devices[id % 5], id % 2 ? "Apple" : "Bread", id % 2 ? "111" : "222", id,
                   statuses[id % 3], kStart.addSecs(3600 * (id / 4)));
    return out;
}

} // namespace

class TestColumnarDelta : public QObject
{
    Q_OBJECT

    /** Imports the basic stores and devices with @p rows into the fresh warehouse @p w. */
    static bool importBase(test::TempWarehouse &w, const QByteArray &rows)
    {
        test::writeFile(w.dir.filePath(QStringLiteral("base.csv")), kTransactionsHeader + rows);
        ImportOptions options = test::extractOptions(test::fixture(QStringLiteral("basic")));
        options.files.last().path = w.dir.filePath(QStringLiteral("base.csv"));
        return w.open() && w.import(options).succeeded();
    }

    /** Imports transactions only (no stores or devices: the snapshot may take a delta). */
    static ImportSummary append(test::TempWarehouse &w, const QByteArray &rows)
    {
        static int file = 0;
        const QString path = w.dir.filePath(QStringLiteral("t%1.csv").arg(++file));
        test::writeFile(path, kTransactionsHeader + rows);
        ImportOptions options;
        options.files.push_back({path, FileRole::Unknown});
        return w.import(options);
    }

    static persist::Layout layout(const test::TempWarehouse &w, persist::Status *status = nullptr)
    {
        persist::Layout l;
        persist::Status s = persist::Status::Missing;
        persist::loadDimensions(w.warehouse.handle(), w.warehouse.lastBatchId(), &s, &l);
        if (status)
            *status = s;
        return l;
    }

    static std::shared_ptr<const ColumnarTable> loaded(const test::TempWarehouse &w, persist::Status *status)
    {
        return persist::load(w.warehouse.handle(), w.warehouse.lastBatchId(), status, false);
    }

    static QByteArray bytes(const ColumnarTable &t)
    {
        const std::string b = persist::encode(t);
        return QByteArray(b.data(), qsizetype(b.size()));
    }

    /** The stored snapshot as loaded, and what a rebuild from the models gives: both encoded. */
    static void compareWithRebuild(const test::TempWarehouse &w)
    {
        persist::Status status = persist::Status::Missing;
        const auto stored = loaded(w, &status);
        QCOMPARE(status, persist::Status::Loaded);
        Error error;
        const auto rebuilt = ColumnarTable::load(w.warehouse.handle(), &error, false);
        QVERIFY(stored && rebuilt);
        QCOMPARE(bytes(*stored), bytes(*rebuilt));
    }

    static QByteArray part(const test::TempWarehouse &w, int n)
    {
        QSqlQuery q(w.warehouse.database());
        q.prepare(QStringLiteral("select data from columnar_snapshot where part = :p"));
        q.bindValue(QStringLiteral(":p"), n);
        return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
    }

    static void setPart(const test::TempWarehouse &w, int n, const QByteArray &data)
    {
        QSqlQuery q(w.warehouse.database());
        q.prepare(QStringLiteral("update columnar_snapshot set data = :d where part = :p"));
        q.bindValue(QStringLiteral(":d"), data);
        q.bindValue(QStringLiteral(":p"), n);
        QVERIFY(q.exec());
    }

private slots:
    void deltaLeavesTheBaseAndMergesInTimeOrder()
    {
        test::TempWarehouse w;
        QVERIFY(importBase(w, baseRows(160)));
        QCOMPARE(layout(w).segments, std::size_t(1));
        const QByteArray basePart = part(w, 1);
        // Ids 1..160 have ranks 0..159. Id 161 ties with ids 4..7 (hour 1), id 162 is older
        // than every row, id 163 is newer; a new status, a SKU sorting first, an unknown
        // device, a product without a name.
        const QByteArray delta = row(161, 20, "Kiwi", "0001", 7, "pending", kStart.addSecs(3600))
            + row(162, 777, "Apple", "111", 9, "accepted", kStart.addDays(-30))
            + row(163, 30, " ", "999", 11, "refused", kStart.addDays(60));
        const ImportSummary s = append(w, delta);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(s.snapshotFromLoadedRows);
        const persist::Layout l = layout(w);
        QCOMPARE(l.segments, std::size_t(2));
        QCOMPARE(l.baseRows, quint64(160));
        QCOMPARE(l.deltaRows, quint64(3));
        QCOMPARE(part(w, 1), basePart);
        compareWithRebuild(w);

        persist::Status status = persist::Status::Missing;
        const auto t = loaded(w, &status);
        QVERIFY(t);
        QCOMPARE(t->rowCount(), std::size_t(163));
        QCOMPARE(t->idRank.front(), quint32(161)); // id 162, the oldest
        QCOMPARE(t->idRank.back(), quint32(162));  // id 163, the newest
        // Hour 0 holds ids 1..3, hour 1 ids 4..7 and then the tie 161 (a later id).
        QCOMPARE(t->idRank[8], quint32(160));
        QCOMPARE(t->idRank[7], quint32(6));
        QCOMPARE(t->statuses.last(), QStringLiteral("pending"));
        QCOMPARE(t->skus.front(), QByteArray("0001"));
    }

    void successiveDeltasThenIdsOutOfOrder()
    {
        test::TempWarehouse w;
        QVERIFY(importBase(w, baseRows(200)));
        const char *statuses[] = {"on hold", "accepted", "voided"};
        for (int k = 0; k < 3; ++k) {
            const qint64 id = 300 + 10 * k;
            const QByteArray delta = row(id, 10, "Fig", "777", 3 + k, statuses[k], kStart.addSecs(3600 * 7 * k))
                + row(id + 1, 40, "Plum", QByteArray::number(800 + k).constData(), 5, "accepted", kStart.addDays(k - 5))
                + row(id + 2, 11, "Apple", "111", 1, "refused", kStart.addSecs(3600 * 7 * k)); // ties the first
            const ImportSummary s = append(w, delta);
            QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
            QCOMPARE(layout(w).segments, std::size_t(2 + k));
            QCOMPARE(layout(w).deltaRows, quint64(3 * (k + 1)));
            compareWithRebuild(w);
        }
        // New ids, but not ascending: the rows cannot extend the snapshot; rebuilt whole.
        const ImportSummary s = append(w, row(401, 10, "Fig", "777", 2, "accepted", kStart)
                                              + row(400, 20, "Fig", "777", 2, "accepted", kStart));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(!s.snapshotFromLoadedRows);
        QCOMPARE(layout(w).segments, std::size_t(1));
        compareWithRebuild(w);
    }

    void largeDeltasAreMergedIntoANewBase()
    {
        test::TempWarehouse w;
        QVERIFY(importBase(w, baseRows(160)));
        const QByteArray basePart = part(w, 1);
        QByteArray first, second;
        for (int i = 0; i < 15; ++i)
            first += row(500 + i, 20, "Pear", "321", i, "accepted", kStart.addSecs(1800 * i));
        for (int i = 0; i < 10; ++i)
            second += row(600 + i, 30, "Pear", "321", i, "refused", kStart.addSecs(2700 * i));
        QVERIFY(append(w, first).succeeded());
        QVERIFY(append(w, second).succeeded());
        persist::Layout l = layout(w);
        QCOMPARE(l.segments, std::size_t(3));
        QVERIFY(l.wantsRewrite()); // 25 rows after a base of 160: more than an eighth
        compareWithRebuild(w);
        const ImportSummary s = append(w, row(700, 10, "Pear", "321", 1, "accepted", kStart.addDays(1)));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(s.snapshotFromLoadedRows);
        l = layout(w);
        QCOMPARE(l.segments, std::size_t(1));
        QCOMPARE(l.baseRows, quint64(186));
        QVERIFY(part(w, 1) != basePart);
        compareWithRebuild(w);
    }

    void damagedDeltaIsNeverExtended()
    {
        test::TempWarehouse w;
        QVERIFY(importBase(w, baseRows(160)));
        QVERIFY(append(w, row(161, 10, "Fig", "777", 3, "accepted", kStart.addDays(2))).succeeded());
        const int deltaPart = 2; // the base fits one part
        QByteArray bad = part(w, deltaPart);
        bad[bad.size() - 3] = char(bad[bad.size() - 3] ^ 0x01);
        setPart(w, deltaPart, bad);
        persist::Status status = persist::Status::Loaded;
        QVERIFY(!loaded(w, &status));
        QCOMPARE(status, persist::Status::Damaged);
        layout(w, &status);
        QCOMPARE(status, persist::Status::Damaged);
        // The next append finds it damaged: the snapshot is rebuilt from the models.
        const ImportSummary s = append(w, row(162, 10, "Fig", "777", 4, "accepted", kStart.addDays(3)));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QVERIFY(!s.snapshotFromLoadedRows);
        QCOMPARE(layout(w).segments, std::size_t(1));
        compareWithRebuild(w);
    }

    void version2BlobIsReadAndExtended()
    {
        test::TempWarehouse w;
        QVERIFY(importBase(w, baseRows(160)));
        // Version 3, one segment: magic, format, batch, count, then batch, rows, size,
        // checksum, parts (8 bytes each). Version 2: magic, format, batch, size, checksum, parts.
        const QByteArray v3 = part(w, 0);
        QCOMPARE(v3.size(), 8 + 3 * 8 + 5 * 8);
        QByteArray two(8, '\0');
        two[0] = 2;
        setPart(w, 0, v3.left(8) + two + v3.mid(16, 8) + v3.mid(32 + 16, 24));
        QCOMPARE(layout(w).segments, std::size_t(1));
        QCOMPARE(layout(w).baseRows, quint64(160)); // read from the payload: version 2 did not record it
        compareWithRebuild(w);
        const ImportSummary s = append(w, row(161, 10, "Fig", "777", 3, "accepted", kStart.addDays(2)));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(part(w, 0).at(8), char(persist::kFormatVersion));
        const persist::Layout l = layout(w);
        QCOMPARE(l.segments, std::size_t(2));
        QCOMPARE(l.baseRows, quint64(160));
        compareWithRebuild(w);
    }

    void failedAppendKeepsTheSnapshot()
    {
        test::TempWarehouse w;
        QVERIFY(importBase(w, baseRows(160)));
        QVERIFY(append(w, row(161, 10, "Fig", "777", 3, "accepted", kStart.addDays(2))).succeeded());
        const QByteArray header = part(w, 0), delta = part(w, 2);
        const qint64 batch = w.warehouse.lastBatchId();
        QByteArray rows;
        for (int id = 200; id < 260; ++id)
            rows += row(id, 10, "Tea", "9", 5, "accepted", kStart.addDays(3));
        test::writeFile(w.dir.filePath(QStringLiteral("failing.csv")), kTransactionsHeader + rows);
        Importer importer(w.warehouse, w.project);
        importer.setFailAfterRows(30);
        ImportOptions options;
        options.files.push_back({w.dir.filePath(QStringLiteral("failing.csv")), FileRole::Unknown});
        QVERIFY(!importer.run(options).succeeded());
        QCOMPARE(w.warehouse.lastBatchId(), batch);
        QCOMPARE(part(w, 0), header);
        QCOMPARE(part(w, 2), delta);
        QVERIFY(part(w, 3).isEmpty());
        compareWithRebuild(w);
    }
};

QTEST_GUILESS_MAIN(TestColumnarDelta)
#include "tst_columnar_delta.moc"
