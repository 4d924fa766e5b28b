// SPDX-License-Identifier: GPL-3.0-or-later
// A warehouse written by cpm with schema version 1 (tests/fixtures/warehouse-v1/basic.sqlite:
// the basic fixture imported before the columnar snapshot table existed) opens in today's
// cpm: upgraded in place, nothing lost, the same answers.
#include "../common/TestSupport.h"

#include "diff/ImportDiff.h"
#include "metrics/MetricsEngine.h"

using namespace cpm;

class TestMigration : public QObject
{
    Q_OBJECT

private slots:
    void versionOneWarehouseIsUpgradedInPlace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(QFile::copy(test::fixture(QStringLiteral("warehouse-v1/basic.sqlite")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

        SqlProject project;
        QVERIFY(project.load());
        Warehouse warehouse;
        QVERIFY2(warehouse.open(path, project), qPrintable(warehouse.error().toString()));
        QCOMPARE(warehouse.scalar(QStringLiteral("select value from warehouse_info where key = 'schema_version'")).toInt(),
                 Warehouse::schemaVersion);
        QVERIFY(Warehouse::schemaVersion >= 2);
        QVERIFY(warehouse.hasRelation(QStringLiteral("columnar_snapshot")));
        // Nothing lost: the rows, the batch and the file hashes of the old import.
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from raw_transactions")).toInt(), 17);
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from raw_stores")).toInt(), 4);
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from import_batches")).toInt(), 1);
        // Store history (schema 3): each store as it stood becomes its first, current version,
        // valid from its created_at (stores 1, 2, 4: 2022-01-01; store 3: 2022-01-02).
        QVERIFY(Warehouse::schemaVersion >= 3);
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from raw_store_versions where valid_to is null")).toInt(), 4);
        QCOMPARE(warehouse.scalar(QStringLiteral("select sum(valid_from - 1640995200) from raw_store_versions")).toLongLong(), 86400);
        QCOMPARE(warehouse.scalar(QStringLiteral("select typology from raw_store_versions where store_id = 2")).toString(),
                 QStringLiteral("Grocery"));

        // Same answers (hand-computed, see tst_metrics): the snapshot is rebuilt since v1 had none.
        MetricsEngine engine(warehouse.database());
        MetricsSnapshot snapshot;
        Error error;
        QVERIFY2(engine.compute(MetricFilter(), &snapshot, &error), qPrintable(error.toString()));
        QCOMPARE(snapshot.topStores.value(0, QStringLiteral("store_id")).toInt(), 2);
        QCOMPARE(snapshot.topStores.value(0, QStringLiteral("total_amount")).toDouble(), 500.0);
        QCOMPARE(snapshot.timeToFifth.storesWith5, 2);

        // The old import's hashes still make a re-import of the same files a no-op.
        Importer importer(warehouse, project);
        const ImportSummary again = importer.run(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(again.succeeded(), qPrintable(again.error.toString()));
        for (const FileImportSummary &file : again.files)
            QVERIFY(file.alreadyImported);

        // The upgraded warehouse keeps history from here on: store 2 changes typology.
        QTemporaryDir extracts;
        const QString stores = extracts.filePath(QStringLiteral("stores.csv"));
        test::writeFile(stores, "id,name,address,city,country,created_at,typology,customer_id\n"
                                "2,Beta,2 High St,Porto,Portugal,01/01/2022 0:00:00,Beauty,100\n");
        ImportOptions change;
        change.files.push_back({stores, FileRole::Unknown});
        change.extractTime = QDateTime(QDate(2022, 2, 5), QTime(0, 0));
        const ImportSummary changed = importer.run(change);
        QVERIFY2(changed.succeeded(), qPrintable(changed.error.toString()));
        QCOMPARE(warehouse.scalar(QStringLiteral("select count(*) from dim_stores_history where store_id = 2")).toInt(), 2);
        QCOMPARE(warehouse.scalar(QStringLiteral("select typology from dim_stores_history where store_id = 2 and is_current = 1"))
                     .toString(),
                 QStringLiteral("Beauty"));

        // Imports as points in time (schema 4): the upgrade made after batch 1 knows states from
        // batch 1 on (nothing it held was overwritten yet), so 1 → 2 compares: store 2's old
        // version was kept when batch 2 replaced it.
        QVERIFY(Warehouse::schemaVersion >= 4);
        QCOMPARE(warehouse.scalar(QStringLiteral("select value from warehouse_info where key = 'states_known_from_batch'")).toInt(), 1);
        QCOMPARE(warehouse.scalar(QStringLiteral("select typology from raw_stores_replaced where id = 2")).toString(),
                 QStringLiteral("Grocery"));
        ImportDiffResult diff;
        QVERIFY2(ImportDiff(warehouse, project).run(DiffRequest(), &diff, &error), qPrintable(error.toString()));
        QCOMPARE(diff.batches.to.id, changed.batchId);
        const EntityDiff *changedStores = diff.entity(QStringLiteral("stores"));
        QCOMPARE(changedStores->changed, 1);
        QCOMPARE(changedStores->rows.first().id, 2);
        QCOMPARE(changedStores->rows.first().fields.first().field, QStringLiteral("typology"));
        QCOMPARE(changedStores->rows.first().fields.first().newValue.toString(), QStringLiteral("Beauty"));
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
