// SPDX-License-Identifier: GPL-3.0-or-later
// The import job without a GUI (no QApplication): ImportWorker run synchronously, as
// `cpm-cli import` and the demo data run it, and through ImportTask on its import thread, as
// the wizard runs it; the options both start from; the wizard's file selection. Counts are
// those of tests/fixtures/basic (its README): 4 stores, 5 devices, 17 transactions.
#include "../common/TestSupport.h"

#include "import/ImportSelection.h"
#include "import/ImportTask.h"
#include "import/ImportWorker.h"

#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 60000;

QString basic(const char *name)
{
    return test::fixture(QStringLiteral("basic/") + QLatin1String(name));
}

ImportOptions basicOptions(bool dryRun, const QString &source)
{
    ImportOptions options = ImportWorker::options(dryRun, source);
    options.files = test::extractOptions(test::fixture(QStringLiteral("basic"))).files;
    return options;
}

/** Rows of @p table in the warehouse at @p path, opened on this thread for the question only. */
qint64 rows(const QString &path, const QString &table)
{
    SqlProject project;
    Warehouse warehouse;
    if (!project.load() || !warehouse.open(path, project))
        return -1;
    return warehouse.scalar(QStringLiteral("select count(*) from ") + table).toLongLong();
}

} // namespace

class TestImportJob : public QObject
{
    Q_OBJECT

private slots:
    void optionsAreTheSameForEveryCaller()
    {
        const ImportOptions check = ImportWorker::options(true, QStringLiteral("wizard"));
        QVERIFY(check.dryRun);
        QVERIFY(check.checkData); // a check also shows the data tests as they would stand
        QVERIFY(!check.refreshModels);
        QCOMPARE(check.source, QStringLiteral("wizard"));
        const ImportOptions run = ImportWorker::options(false, QStringLiteral("cli"));
        QVERIFY(!run.dryRun);
        QVERIFY(!run.checkData);
        QVERIFY(run.refreshModels);
        QCOMPARE(run.source, QStringLiteral("cli"));
    }

    void validationNamesTheProblemBeforeOpeningAnything()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        ImportOptions none = ImportWorker::options(false, QStringLiteral("cli"));
        QCOMPARE(ImportWorker::validate(none).code, Error::Code::Usage);
        QCOMPARE(ImportWorker::validate(none).message, QStringLiteral("no file given (expected 1 to 3 CSV extracts)"));
        const ImportSummary summary = ImportWorker(path, none).run();
        QCOMPARE(summary.error.code, Error::Code::Usage);
        QVERIFY(!QFileInfo::exists(path)); // nothing was opened, so nothing was created
        ImportOptions four = basicOptions(false, QStringLiteral("cli"));
        four.files << four.files.first();
        QCOMPARE(ImportWorker::validate(four).message, QStringLiteral("4 files given (expected 1 to 3 CSV extracts)"));
        QVERIFY(!ImportWorker::validate(basicOptions(false, QStringLiteral("cli"))).isError());
    }

    void runsSynchronouslyOnTheCallingThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const std::thread::id caller = std::this_thread::get_id();
        bool progressOnCaller = true;
        int reports = 0;
        const ImportSummary summary = ImportWorker(path, basicOptions(false, QStringLiteral("cli")))
                                          .run([&](const QString &, qint64, qint64) {
                                              ++reports;
                                              progressOnCaller = progressOnCaller && std::this_thread::get_id() == caller;
                                          });
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        QVERIFY(reports > 0);
        QVERIFY(progressOnCaller);
        QCOMPARE(summary.files.size(), 3);
        QCOMPARE(summary.files[0].rowsLoaded, 4);  // stores first, whatever the order given
        QCOMPARE(summary.files[1].rowsLoaded, 5);
        QCOMPARE(summary.files[2].rowsLoaded, 17);
        QCOMPARE(rows(path, QStringLiteral("raw_transactions")), 17);
        QCOMPARE(rows(path, QStringLiteral("fct_transactions")), 17); // the models were refreshed
    }

    void aDryRunChecksAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const ImportSummary summary = ImportWorker(path, basicOptions(true, QStringLiteral("wizard"))).run();
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        QVERIFY(summary.dryRun);
        QCOMPARE(summary.files[2].rowsRead, 17);
        // Transaction 17's device 99 is unknown: the relationship test fails on one row.
        const auto unknownDevice = std::find_if(summary.dataTests.begin(), summary.dataTests.end(), [](const DataTestResult &t) {
            return t.name == QLatin1String("assert_transactions_have_known_device");
        });
        QVERIFY(unknownDevice != summary.dataTests.end());
        QCOMPARE(unknownDevice->failingRows, 1);
        QCOMPARE(rows(path, QStringLiteral("raw_transactions")), 0);
    }

    void aCancelRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        auto cancel = std::make_shared<std::atomic_bool>(false);
        // Asked for from inside the import once it loads the transactions (stores and devices
        // are in by then), so the cancel lands mid-import however fast the machine is.
        const ImportSummary summary = ImportWorker(path, basicOptions(false, QStringLiteral("wizard")), cancel)
                                          .run([&cancel](const QString &phase, qint64, qint64) {
                                              if (phase.startsWith(QLatin1String("Loading transactions")))
                                                  cancel->store(true);
                                          });
        QCOMPARE(summary.error.code, Error::Code::Cancelled);
        QCOMPARE(rows(path, QStringLiteral("raw_stores")), 0); // loaded before the cancel, rolled back
        QCOMPARE(rows(path, QStringLiteral("import_batches")), 0);
    }

    void aTaskRunsTheJobOnItsThreadAndReportsHere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        ImportTask task;
        QSignalSpy progress(&task, &ImportTask::progressChanged);
        QSignalSpy finished(&task, &ImportTask::finished);
        task.start(path, basicOptions(false, QStringLiteral("wizard")));
        QVERIFY(task.isRunning());
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(!task.isRunning());
        QVERIFY(progress.count() > 0);
        const ImportSummary summary = finished.at(0).at(0).value<ImportSummary>();
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        QCOMPARE(task.summary().files.value(2).rowsLoaded, 17);
        QCOMPARE(rows(path, QStringLiteral("raw_devices")), 5);
    }

    void aStoppedTaskSendsNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        ImportTask task;
        QSignalSpy finished(&task, &ImportTask::finished);
        task.start(path, basicOptions(false, QStringLiteral("wizard")));
        task.stop(); // returns once the import thread is idle: cancelled, or done before it saw the cancel
        QVERIFY(!task.isRunning());
        bool drained = false;
        QMetaObject::invokeMethod(this, [&drained] { drained = true; }, Qt::QueuedConnection);
        QVERIFY(QTest::qWaitFor([&drained] { return drained; }, kTimeoutMs));
        QCOMPARE(finished.count(), 0);
        // Atomic either way: all 17 transactions or none.
        const qint64 transactions = rows(path, QStringLiteral("raw_transactions"));
        QVERIFY2(transactions == 0 || transactions == 17, qPrintable(QString::number(transactions)));
    }

    void theSelectionSortsFilesByHeaderAndBuildsTheOptions()
    {
        ImportSelection selection;
        QSignalSpy changed(&selection, &ImportSelection::changed);
        QCOMPARE(selection.addFiles({basic("transactions.csv"), basic("stores.csv")}), 2);
        QCOMPARE(changed.count(), 1);
        QVERIFY(selection.fits(FileRole::Stores));
        QVERIFY(!selection.isAssigned(FileRole::Devices));
        QVERIFY(selection.fits(FileRole::Transactions));
        QVERIFY(selection.isReady());
        selection.setDateOrder(FileRole::Transactions, QStringLiteral("created_at"), DateOrder::DayFirst);
        const ImportOptions options = selection.options(true);
        QCOMPARE(options.files.size(), 2);
        QCOMPARE(options.files[0].forcedRole, FileRole::Stores); // import order: stores first
        QCOMPARE(options.files[1].forcedRole, FileRole::Transactions);
        QCOMPARE(options.columnDateOrders.value(QStringLiteral("transactions.created_at")), DateOrder::DayFirst);
        const ImportOptions expected = ImportWorker::options(true, QStringLiteral("wizard"));
        QCOMPARE(options.checkData, expected.checkData);
        QCOMPARE(options.refreshModels, expected.refreshModels);
        QCOMPARE(options.source, expected.source);
    }

    void aFileThatFitsNoSlotSaysWhatItLacks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.csv"));
        test::writeFile(path, "id,name,colour\n1,a,red\n");
        ImportSelection selection;
        QCOMPARE(selection.addFiles({path}), 0);
        QCOMPARE(selection.misfits().size(), 1);
        const QString reason = selection.misfits().first().reason;
        QVERIFY2(reason.startsWith(QStringLiteral("fits no slot: ")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("as transactions it lacks device_id")), qPrintable(reason));
        QVERIFY(!selection.isReady());
    }
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
