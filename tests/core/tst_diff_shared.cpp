// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing the two shared extracts (../shared/data): extract-full (v2) imported, then its
// spreadsheet re-save extract-resaved (v3) on top. Skips when the shared data is absent.
//
// The expected changes were worked out from the CSVs alone (a throwaway Python script reading
// both transactions.csv files with the importer's documented rules: SKU trimmed, a v before
// digits dropped, scientific notation kept as written (sku_kind 2); card number → its last 4
// digits; M/D/YYYY H:MM[:SS] month-first), not from this code:
// - stores.csv and devices.csv are byte-identical in both folders (same SHA-256), so the
//   importer skips them as already imported: no store or device changes at all. (The README's
//   "customer ids differ between copies" does not hold for these two folders.)
// - transactions: the same 1,500 ids on both sides (0 new, 0 removed), and every one differs
//   in a time: happened_at 1,478 and created_at 1,476 (v3 lost the seconds; the others had :00
//   seconds already; 1,500 ids with at least one). What v3 lost for good does not count as a
//   change because the warehouse keeps what it had (load/upsert_raw_transactions.sql): its
//   1,433 SKUs in scientific notation (3.77001E+12, sku_kind 2) keep the stored whole SKUs, and
//   its missing card columns keep the stored last four digits. Device, names, amount and status
//   never change.
// - transaction 1: happened_at 2022-05-15T08:10:46 → 08:10:00, created_at 2022-10-16T03:52:35
//   → 03:52:00, SKU 3770009015048 and card 7273 kept; transaction 26 (SKU v3770009015028 on
//   both sides) changes in both times; transaction 28 keeps its happened_at
//   (2022-04-08T05:41:00 on both sides) and changes in created_at only.
#include "../common/DiffFixture.h"

#include <QTimeZone>

using namespace cpm;
using namespace cpm::test;
using namespace cpm::test::diff;

class TestDiffShared : public QObject
{
    Q_OBJECT

    TempWarehouse m_w;
    ImportDiffResult m_result;

    QStringList fieldsOf(qint64 id) const
    {
        for (const EntityChange &change : m_result.entity(QStringLiteral("transactions"))->rows) {
            if (change.id != id)
                continue;
            QStringList fields;
            for (const FieldChange &field : change.fields)
                fields << field.field;
            return fields;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        const QString data = sharedData();
        if (data.isEmpty())
            QSKIP("the shared extracts (../shared/data) are absent");
        QVERIFY(m_w.open());
        const ImportSummary v2 = m_w.import(extractOptions(QDir(data).filePath(QStringLiteral("extract-full"))));
        QVERIFY2(v2.succeeded(), qPrintable(v2.error.toString()));
        const ImportSummary v3 = m_w.import(extractOptions(QDir(data).filePath(QStringLiteral("extract-resaved"))));
        QVERIFY2(v3.succeeded(), qPrintable(v3.error.toString()));
        QCOMPARE(v3.batchId, 2);
        DiffRequest request;
        request.limit = -1; // every row, to look ids up
        Error error;
        QVERIFY2(ImportDiff(m_w.warehouse, m_w.project).run(request, &m_result, &error), qPrintable(error.toString()));
    }

    void storesAndDevicesAreUnchanged()
    {
        for (const QString &entity : {QStringLiteral("stores"), QStringLiteral("devices")})
            QCOMPARE(m_result.entity(entity)->total(), 0);
    }

    void transactionCountsPerField()
    {
        const EntityDiff &tx = *m_result.entity(QStringLiteral("transactions"));
        QCOMPARE(tx.added, 0);
        QCOMPARE(tx.removed, 0);
        QCOMPARE(tx.changed, 1500);
        QCOMPARE(tx.fieldCount(QStringLiteral("happened_at")), 1478);
        QCOMPARE(tx.fieldCount(QStringLiteral("created_at")), 1476);
        for (const char *same : {"device_id", "product_name", "category_name", "amount", "status", "card_last4",
                                 "product_sku", "sku_kind"})
            QCOMPARE(tx.fieldCount(QString::fromLatin1(same)), 0);
    }

    void namedTransactions()
    {
        const EntityDiff &tx = *m_result.entity(QStringLiteral("transactions"));
        const qint64 happened = QDateTime(QDate(2022, 5, 15), QTime(8, 10, 46), QTimeZone::utc()).toSecsSinceEpoch();
        QCOMPARE(fieldMove(tx, 1, QStringLiteral("happened_at")),
                 QStringLiteral("%1 → %2").arg(happened).arg(happened - 46));
        QCOMPARE(fieldsOf(1), (QStringList{QStringLiteral("created_at"), QStringLiteral("happened_at")}));
        QCOMPARE(fieldsOf(26), (QStringList{QStringLiteral("created_at"), QStringLiteral("happened_at")}));
        QCOMPARE(fieldsOf(28), (QStringList{QStringLiteral("created_at")}));
    }

    /** The stored whole SKU and card digits survive the re-save (what the metrics then read). */
    void whatTheCopyLostIsKept()
    {
        QCOMPARE(m_w.warehouse.scalar(QStringLiteral("select product_sku || '/' || sku_kind || '/' || card_last4 "
                                                     "from raw_transactions where id = 1")).toString(),
                 QStringLiteral("3770009015048/0/7273"));
        QCOMPARE(m_w.warehouse.scalar(QStringLiteral("select count(*) from raw_transactions where sku_kind = 2")).toLongLong(), 0);
        QCOMPARE(m_w.warehouse.scalar(QStringLiteral("select count(*) from raw_transactions where card_last4 is null")).toLongLong(), 0);
    }

    void topProductsDoNotMove()
    {
        // The SKUs are kept whole, so the products' counts are v2's: no rank moves. (Before the
        // upsert kept them, 1,433 SKUs became one value, "3.77001E+12", which topped the list.)
        for (const RankMove &move : m_result.moves.topProducts)
            QVERIFY2(move.movement == RankMovement::Same, qPrintable(move.key));
    }
};

QTEST_GUILESS_MAIN(TestDiffShared)
#include "tst_diff_shared.moc"
