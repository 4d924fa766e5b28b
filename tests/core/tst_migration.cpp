// SPDX-License-Identifier: GPL-3.0-or-later
// A warehouse written by cpm with schema version 1 (tests/fixtures/warehouse-v1/basic.sqlite:
// the basic fixture imported before the columnar snapshot table existed) opens in today's
// cpm: upgraded in place, nothing lost, the same answers.
#include "../common/TestSupport.h"

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
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
