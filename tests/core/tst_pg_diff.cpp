// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing imports on a PostgreSQL team warehouse: diff-a then diff-b imported through the
// COPY + merge path (whose keep_replaced_raw_* statements keep the overwritten versions), then
// the same comparison as on SQLite: the hand-known entity changes of tests/common/DiffFixture.h,
// and the same changes and rank moves as an SQLite warehouse given the same imports. Skips
// without a server. Also: a degraded copy (the shared re-save) keeps what the server holds.
#include "../common/DiffFixture.h"
#include "../common/PgTestServer.h"

using namespace cpm;
using namespace cpm::test;
using namespace cpm::test::diff;

namespace {

QStringList rankLines(const QVector<RankMove> &moves)
{
    QStringList lines;
    for (const RankMove &move : moves)
        lines << QStringLiteral("%1 %2→%3 %4").arg(move.key).arg(move.oldRank).arg(move.newRank).arg(move.newValue.toDouble());
    return lines;
}

} // namespace

class TestPgDiff : public QObject
{
    Q_OBJECT

    SqlProject m_project;

private slots:
    void initTestCase()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QVERIFY(m_project.load());
    }

    void sameChangesAsSqlite()
    {
        QString why;
        const QString uri = PgTestServer::freshDatabase(QStringLiteral("cpm_diff"), &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        Warehouse pg;
        QVERIFY2(pg.open(uri, m_project) && pg.isPostgres(), qPrintable(pg.error().toString()));
        TempWarehouse lite;
        QVERIFY(lite.open());
        for (const ImportOptions &options : {batchA(), batchB()}) {
            const ImportSummary onServer = Importer(pg, m_project).run(options);
            QVERIFY2(onServer.succeeded(), qPrintable(onServer.error.toString()));
            QVERIFY(lite.import(options).succeeded());
        }
        // The merge left identical rows alone and kept the overwritten versions.
        QCOMPARE(pg.scalar(QStringLiteral("select batch_id from raw_stores where id = 1")).toInt(), 1);
        QCOMPARE(pg.scalar(QStringLiteral("select count(*) from raw_stores_replaced")).toInt(), 2);
        QCOMPARE(pg.scalar(QStringLiteral("select count(*) from raw_transactions_replaced")).toInt(), 2);

        ImportDiffResult onServer, local;
        Error error;
        QVERIFY2(compare(pg, m_project, MetricFilter(), &onServer, &error), qPrintable(error.toString()));
        QVERIFY2(compare(lite.warehouse, lite.project, MetricFilter(), &local, &error), qPrintable(error.toString()));
        QCOMPARE(changeLines(*onServer.entity(QStringLiteral("stores"))), expectedStores());
        QCOMPARE(changeLines(*onServer.entity(QStringLiteral("devices"))), expectedDevices());
        QCOMPARE(changeLines(*onServer.entity(QStringLiteral("transactions"))), expectedTransactions());
        for (const QString &entity : entityNames()) {
            const EntityDiff &a = *onServer.entity(entity);
            const EntityDiff &b = *local.entity(entity);
            QCOMPARE(changeLines(a), changeLines(b));
            for (int row = 0; row < a.rows.size(); ++row) {
                for (int f = 0; f < a.rows[row].fields.size(); ++f) {
                    QCOMPARE(a.rows[row].fields[f].oldValue.toString(), b.rows[row].fields[f].oldValue.toString());
                    QCOMPARE(a.rows[row].fields[f].newValue.toString(), b.rows[row].fields[f].newValue.toString());
                }
            }
        }
        QCOMPARE(rankLines(onServer.moves.topStores), rankLines(local.moves.topStores));
        QCOMPARE(rankLines(onServer.moves.topProducts), rankLines(local.moves.topProducts));
        // The from-state rebuilt from the server's rows gives the same metric run as SQLite's.
        QCOMPARE(*onServer.moves.fifth.before.avgSeconds, *local.moves.fifth.before.avgSeconds);
        QCOMPARE(*onServer.moves.fifth.after.avgSeconds, *local.moves.fifth.after.avgSeconds);
        QCOMPARE(onServer.fromMetrics.coverage.withoutDevice, local.fromMetrics.coverage.withoutDevice);
        QCOMPARE(onServer.moves.fifth.reached.size(), 1);
        QCOMPARE(onServer.moves.fifth.reached.first().storeId, 2);
        // Backwards too: what came with batch 2 is removed.
        QVERIFY2(compare(pg, m_project, MetricFilter(), &onServer, &error, 2, 1), qPrintable(error.toString()));
        QCOMPARE(onServer.entity(QStringLiteral("transactions"))->removed, 3);
    }

    /**
     * The shared re-save (lossy SKUs, no card columns) imported on top of the original through
     * the COPY path keeps the whole SKUs and last four digits, as on SQLite (tst_diff_shared):
     * only the times that lost their seconds change.
     */
    void degradedCopyKeepsWhatTheServerHolds()
    {
        const QString data = sharedData();
        if (data.isEmpty())
            QSKIP("the shared extracts (../shared/data) are absent");
        QString why;
        const QString uri = PgTestServer::freshDatabase(QStringLiteral("cpm_diff_shared"), &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        Warehouse pg;
        QVERIFY2(pg.open(uri, m_project), qPrintable(pg.error().toString()));
        for (const char *folder : {"extract-full", "extract-resaved"}) {
            const ImportSummary summary = Importer(pg, m_project).run(extractOptions(QDir(data).filePath(QString::fromLatin1(folder))));
            QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        }
        QCOMPARE(pg.scalar(QStringLiteral("select product_sku || '/' || sku_kind || '/' || card_last4 from raw_transactions where id = 1"))
                     .toString(),
                 QStringLiteral("3770009015048/0/7273"));
        QCOMPARE(pg.scalar(QStringLiteral("select count(*) from raw_transactions where sku_kind = 2 or card_last4 is null")).toInt(), 0);
        ImportDiffResult result;
        Error error;
        QVERIFY2(compare(pg, m_project, MetricFilter(), &result, &error), qPrintable(error.toString()));
        const EntityDiff &tx = *result.entity(QStringLiteral("transactions"));
        QCOMPARE(tx.changed, 1500);
        QCOMPARE(tx.fieldCount(QStringLiteral("happened_at")), 1478);
        QCOMPARE(tx.fieldCount(QStringLiteral("created_at")), 1476);
        for (const char *kept : {"product_sku", "sku_kind", "card_last4"})
            QCOMPARE(tx.fieldCount(QString::fromLatin1(kept)), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgDiff)
#include "tst_pg_diff.moc"
