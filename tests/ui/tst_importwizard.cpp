// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the import wizard offscreen: files → preview → dry-run check → import, a file with a
// missing column, swapping slots, a drop, saving rejects, cancelling mid-way, screenshots.
#include "../common/TestSupport.h"

#include "import/CheckPage.h"
#include "import/FilesPage.h"
#include "import/ImportProgressTracker.h"
#include "import/ImportSelection.h"
#include "import/ImportWizard.h"
#include "import/RunPage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 120000;

QStringList basicFiles()
{
    return {test::fixture(QStringLiteral("basic/stores.csv")), test::fixture(QStringLiteral("basic/devices.csv")),
            test::fixture(QStringLiteral("basic/transactions.csv"))};
}

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

struct Counts
{
    qint64 stores = -1, devices = -1, transactions = -1;
    bool operator==(const Counts &o) const
    {
        return stores == o.stores && devices == o.devices && transactions == o.transactions;
    }
};

Counts countRows(const QString &warehousePath)
{
    SqlProject project;
    Warehouse warehouse;
    Counts counts;
    if (!project.load() || !warehouse.open(warehousePath, project))
        return counts;
    counts.stores = warehouse.scalar(QStringLiteral("select count(*) from raw_stores")).toLongLong();
    counts.devices = warehouse.scalar(QStringLiteral("select count(*) from raw_devices")).toLongLong();
    counts.transactions = warehouse.scalar(QStringLiteral("select count(*) from raw_transactions")).toLongLong();
    return counts;
}

QByteArray bigTransactions(int rows)
{
    QByteArray bytes = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";
    bytes.reserve(rows * 90);
    for (int i = 0; i < rows; ++i) {
        const int day = 1 + i % 28;
        bytes += QByteArray::number(100000 + i) + ",10,Apple,111,Fruit," + QByteArray::number(1 + i % 500)
            + ".25,accepted,01/" + QByteArray::number(day) + "/2022 10:00:05,01/" + QByteArray::number(day)
            + "/2022 10:00:00\n";
    }
    return bytes;
}

/** Keeps a picture of @p widget when CPM_SCREENSHOT_DIR is set, for eyeballing states tests reach. */
void keepShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importsFromFilesThroughCheck();
    void missingColumnIsNamed();
    void slotsCanBeSwapped();
    void droppedFilesAreAssigned();
    void dateOrderOverrideFeedsOptions();
    void rejectsAreListedAndSaved();
    void rejectLimitIsTheUsers();
    void cancelLeavesWarehouseUnchanged();
    void screenshotsDoNotTouchWarehouse();
    void progressIsEstimatedInRows();

private:
    QTemporaryDir m_dir;
};

void TestImportWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(basicFiles().first()), "CPM_FIXTURES must point at tests/fixtures");
}

void TestImportWizard::importsFromFilesThroughCheck()
{
    const QString path = m_dir.filePath(QStringLiteral("full.sqlite"));
    ImportWizard wizard(path, basicFiles());
    wizard.show(); // QWizard has no current page until shown
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    QVERIFY(child<QLabel>(&wizard, "slotLabel_transactions")->text().contains("transactions.csv"));
    QVERIFY(child<QLabel>(&wizard, "slotLabel_transactions")->text().contains("17 rows"));
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();

    auto *tabs = child<QTabWidget>(&wizard, "previewTabs");
    QCOMPARE(tabs->count(), 3);
    auto *table = child<QTableView>(tabs->widget(2), "previewTable");
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->model()->rowCount(), 17);
    QVERIFY(table->model()->headerData(5, Qt::Horizontal).toString().contains("decimal")
            || table->model()->headerData(5, Qt::Horizontal).toString().contains("integer"));
    QVERIFY(table->model()->headerData(7, Qt::Horizontal).toString().contains("timestamp"));
    QVERIFY(child<QLabel>(tabs->widget(2), "example_created_at")->text().contains("2022-01-10 10:00:05"));
    wizard.next();

    auto *check = child<CheckPage>(&wizard, "checkPage");
    QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), kTimeoutMs);
    QCOMPARE(check->summary().files.size(), 3);
    QCOMPARE(check->summary().files[2].rowsRead, 17);
    QCOMPARE(countRows(path), Counts({0, 0, 0})); // the dry run rolled back
    // The check also runs the data tests on the would-be state: transaction 17's device 99 is unknown.
    QVERIFY2(child<QLabel>(&wizard, "checkNotes")->text().contains("device_id is not in the devices extract"),
             qPrintable(child<QLabel>(&wizard, "checkNotes")->text()));
    wizard.next();

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QVERIFY(wizard.currentPage()->isComplete());
    QCOMPARE(countRows(path), Counts({4, 5, 17}));
}

void TestImportWizard::missingColumnIsNamed()
{
    const QString file = m_dir.filePath(QStringLiteral("no-amount/tx.csv"));
    test::writeFile(file, "id,device_id,product_name,product_sku,category_name,status,created_at,happened_at\n"
                          "1,10,Tea,1,Drinks,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n");
    ImportWizard wizard(m_dir.filePath(QStringLiteral("unused.sqlite")), {file});
    wizard.show(); // QWizard has no current page until shown
    const QString text = child<QLabel>(&wizard, "misfitsLabel")->text();
    QVERIFY2(text.contains("tx.csv") && text.contains("as transactions it lacks amount"), qPrintable(text));
    keepShot(&wizard, QStringLiteral("state-missing-column"));
    QVERIFY(!wizard.currentPage()->isComplete());
}

void TestImportWizard::slotsCanBeSwapped()
{
    ImportWizard wizard(m_dir.filePath(QStringLiteral("unused.sqlite")), basicFiles().mid(0, 2));
    wizard.show(); // QWizard has no current page until shown
    auto *page = child<FilesPage>(&wizard, "filesPage");
    QVERIFY(page->isComplete());
    child<QAction>(&wizard, "swap_stores_devices")->trigger();
    const QString storesText = child<QLabel>(&wizard, "slotLabel_stores")->text();
    QVERIFY2(storesText.contains("devices.csv") && storesText.contains("lacks"), qPrintable(storesText));
    QVERIFY(child<QLabel>(&wizard, "slotLabel_devices")->text().contains("stores.csv"));
    QVERIFY(!page->isComplete());
    keepShot(&wizard, QStringLiteral("state-swapped"));
    child<QAction>(&wizard, "swap_devices_stores")->trigger();
    QVERIFY(page->isComplete());
    // Moving into an empty slot: the file must then fit that kind, which devices.csv does not.
    child<QAction>(&wizard, "swap_devices_transactions")->trigger();
    QVERIFY(child<QLabel>(&wizard, "slotLabel_devices")->text().contains("no file"));
    QVERIFY(child<QLabel>(&wizard, "slotLabel_transactions")->text().contains("lacks"));
    child<QAbstractButton>(&wizard, "removeButton_transactions")->click();
    QVERIFY(page->isComplete()); // stores alone is a valid partial set
}

void TestImportWizard::droppedFilesAreAssigned()
{
    ImportWizard wizard(m_dir.filePath(QStringLiteral("unused.sqlite")), {});
    wizard.show(); // QWizard has no current page until shown
    auto *page = child<FilesPage>(&wizard, "filesPage");
    QVERIFY(!page->isComplete());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(basicFiles().at(1))});
    // Straight to the page's event(): QApplication routes drops only inside a real drag.
    QObject *target = page;
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    target->event(&enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    target->event(&drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(child<QLabel>(&wizard, "slotLabel_devices")->text().contains("devices.csv"));
    QVERIFY(page->isComplete());

    // A second devices extract in one drop is refused with a reason, the first one stays.
    const QString copy = m_dir.filePath(QStringLiteral("copy/devices-2.csv"));
    QFile::remove(copy);
    QDir().mkpath(QFileInfo(copy).absolutePath());
    QVERIFY(QFile::copy(basicFiles().at(1), copy));
    mime.setUrls({QUrl::fromLocalFile(basicFiles().at(1)), QUrl::fromLocalFile(copy)});
    QDropEvent second(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    target->event(&second);
    QVERIFY(child<QLabel>(&wizard, "slotLabel_devices")->text().startsWith("devices.csv<br>"));
    QVERIFY(child<QLabel>(&wizard, "misfitsLabel")->text().contains("also a devices extract"));
}

void TestImportWizard::dateOrderOverrideFeedsOptions()
{
    ImportSelection selection;
    QCOMPARE(selection.addFiles({basicFiles().at(0)}), 1);
    ImportWizard wizard(m_dir.filePath(QStringLiteral("unused.sqlite")), {basicFiles().at(0)});
    wizard.show(); // QWizard has no current page until shown
    wizard.next();
    // Store dates are 01/01/2022 and 01/02/2022: no part above 12, so the order is asked.
    auto *combo = child<QComboBox>(&wizard, "dateOrder_created_at");
    QVERIFY(combo);
    auto *example = child<QLabel>(&wizard, "example_created_at");
    QVERIFY(example->text().contains("2022-01-01"));
    combo->setCurrentIndex(combo->findData(int(DateOrder::DayFirst)));
    emit combo->activated(combo->currentIndex());
    QVERIFY(example->text().contains("2022-01-01")); // 01/01 reads the same both ways
    auto *selectionOfWizard = wizard.findChild<ImportSelection *>();
    QCOMPARE(selectionOfWizard->options(true).columnDateOrders.value("stores.created_at"), DateOrder::DayFirst);
}

void TestImportWizard::rejectsAreListedAndSaved()
{
    const QString file = m_dir.filePath(QStringLiteral("bad/transactions.csv"));
    test::writeFile(file, "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n"
                          "1,10,Tea,1,Drinks,5,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n"
                          "2,10,Tea,1,Drinks,lots,accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n");
    const QString path = m_dir.filePath(QStringLiteral("rejects.sqlite"));
    ImportWizard wizard(path, {file});
    wizard.show(); // QWizard has no current page until shown
    wizard.next();
    wizard.next();
    auto *check = child<CheckPage>(&wizard, "checkPage");
    QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), kTimeoutMs);
    QCOMPARE(check->summary().files[0].rowsRejected, 1);
    auto *rejects = child<QTableView>(&wizard, "rejectsTable")->model();
    QAbstractItemModelTester tester(rejects, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(rejects->rowCount(), 1);
    QCOMPARE(rejects->index(0, 1).data().toLongLong(), 1); // one row for this reason
    QCOMPARE(rejects->index(0, 2).data().toString(), QStringLiteral("amount"));
    QCOMPARE(rejects->index(0, 4).data().toString(), QStringLiteral("line 3")); // header is line 1
    QVERIFY(child<QPushButton>(&wizard, "saveRejectsButton")->isEnabled());
    const QString out = m_dir.filePath(QStringLiteral("rejected.csv"));
    QVERIFY(check->saveRejects(out));
    QFile saved(out);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray csv = saved.readAll();
    QVERIFY(csv.startsWith("file,line,column,column_name,value,reason,raw_text\r\n"));
    QVERIFY2(csv.contains("transactions.csv,3,6,amount,lots,"), csv.constData());
}

void TestImportWizard::rejectLimitIsTheUsers()
{
    // 3 of 5 rows have a non-numeric amount: 60 % rejected, over the default 50 % limit.
    const QString file = m_dir.filePath(QStringLiteral("sixty/transactions.csv"));
    QByteArray csv = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";
    for (int id = 1; id <= 5; ++id)
        csv += QByteArray::number(id) + ",10,Tea,1,Drinks," + (id <= 2 ? "5" : "lots")
            + ",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n";
    test::writeFile(file, csv);
    const QString path = m_dir.filePath(QStringLiteral("sixty.sqlite"));
    ImportWizard wizard(path, {file});
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    wizard.show(); // QWizard has no current page until shown
    wizard.next();
    wizard.next();
    auto *check = child<CheckPage>(&wizard, "checkPage");
    QCOMPARE(check->rejectLimit()->value(), 50);
    QTRY_VERIFY_WITH_TIMEOUT(check->isRefused(), kTimeoutMs);
    QVERIFY(!check->isComplete());
    QVERIFY2(child<QLabel>(&wizard, "checkStatus")->text().contains("more than the 50% allowed"),
             qPrintable(child<QLabel>(&wizard, "checkStatus")->text()));
    keepShot(&wizard, QStringLiteral("state-refused"));

    check->rejectLimit()->setValue(59); // still below 60 %: checked again, still refused
    QTRY_VERIFY_WITH_TIMEOUT(check->isRefused() && child<QLabel>(&wizard, "checkStatus")->text().contains("59%"), kTimeoutMs);
    check->rejectLimit()->setValue(60); // exactly the share: allowed, as --max-reject-share 0.6
    QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), kTimeoutMs);
    QCOMPARE(check->summary().files[0].rowsRejected, 3);
    QCOMPARE(countRows(path), Counts({0, 0, 0})); // the checks rolled back
    keepShot(&wizard, QStringLiteral("state-reject-limit"));
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(countRows(path), Counts({0, 0, 2}));
}

void TestImportWizard::cancelLeavesWarehouseUnchanged()
{
    const QString path = m_dir.filePath(QStringLiteral("cancel.sqlite"));
    {
        ImportWizard first(path, basicFiles());
        first.show(); // QWizard has no current page until shown
        QSignalSpy finished(&first, &ImportWizard::importFinished);
        first.next();
        first.next();
        QTRY_VERIFY_WITH_TIMEOUT(first.currentPage()->isComplete(), kTimeoutMs);
        first.next();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    }
    const Counts before = countRows(path);
    QCOMPARE(before, Counts({4, 5, 17}));

    const QString big = m_dir.filePath(QStringLiteral("big/transactions.csv"));
    test::writeFile(big, bigTransactions(200000));
    ImportWizard wizard(path, {big});
    wizard.show(); // QWizard has no current page until shown
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    wizard.next();
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), kTimeoutMs);

    auto *run = child<RunPage>(&wizard, "runPage");
    auto *phase = child<QLabel>(&wizard, "runPhase");
    auto *cancel = child<QPushButton>(&wizard, "cancelImportButton");
    // Cancel from the first loading report, as a user watching the bar would.
    bool clicked = false;
    connect(child<QProgressBar>(&wizard, "importProgress"), &QProgressBar::valueChanged, this, [&](int value) {
        if (!clicked && value > 0 && phase->text().startsWith("Loading")) {
            clicked = true;
            keepShot(&wizard, QStringLiteral("state-importing"));
            cancel->click();
        }
    });
    QSignalSpy stopped(run, &RunPage::stopped);
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, kTimeoutMs);
    QVERIFY(clicked);
    QCOMPARE(run->summary().error.code, Error::Code::Cancelled);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!run->isComplete());
    QVERIFY(child<QLabel>(&wizard, "runResult")->text().contains("unchanged"));
    QCOMPARE(countRows(path), before);
    keepShot(&wizard, QStringLiteral("state-cancelled"));
}

void TestImportWizard::screenshotsDoNotTouchWarehouse()
{
    const QString path = m_dir.filePath(QStringLiteral("full.sqlite")); // filled by the first test
    const Counts before = countRows(path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    const QString keep = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    const QString dir = keep.isEmpty() ? m_dir.filePath(QStringLiteral("shots")) : keep;
    const QStringList written = ImportWizard::saveScreenshots(dir, basicFiles(), path);
    QCOMPARE(written.size(), 4);
    QVERIFY(written.at(2).endsWith("wizard-3-check.png"));
    for (const QString &shot : written)
        QVERIFY2(QImage(shot).width() > 400, qPrintable(shot));
    // Bytes first: opening a warehouse (as countRows does) may touch its header.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QCOMPARE(countRows(path), before);

    // A warehouse that does not exist yet is not created either.
    const QString fresh = m_dir.filePath(QStringLiteral("never-created.sqlite"));
    const QString freshDir = QDir(dir).filePath(QStringLiteral("fresh"));
    QCOMPARE(ImportWizard::saveScreenshots(freshDir, basicFiles(), fresh).size(), 4);
    QVERIFY(!QFileInfo::exists(fresh));
}

void TestImportWizard::progressIsEstimatedInRows()
{
    FileInspection stores;
    stores.path = QStringLiteral("/in/stores.csv");
    stores.fileSize = 100;
    stores.estimatedRows = 10;
    FileInspection transactions;
    transactions.path = QStringLiteral("/in/transactions.csv");
    transactions.fileSize = 1000;
    transactions.estimatedRows = 200;
    ImportProgressTracker tracker;
    tracker.start({stores, transactions});
    tracker.update(QStringLiteral("Checking stores.csv"), 50, 100);
    QCOMPARE(tracker.rowsDone(), 0);
    QVERIFY(tracker.rateText().isEmpty()); // nothing loaded yet
    tracker.update(QStringLiteral("Loading stores.csv"), 100, 100);
    tracker.update(QStringLiteral("Loading transactions.csv"), 250, 1000);
    QCOMPARE(tracker.rowsDone(), 10 + 50);
    QCOMPARE(tracker.stepFraction(), 0.25);
    QVERIFY2(tracker.rateText().contains("60 rows loaded"), qPrintable(tracker.rateText()));
    tracker.update(QStringLiteral("Building fct_transactions"), 1, 4);
    QCOMPARE(tracker.rowsDone(), 210);
    QCOMPARE(ImportProgressTracker::formatDuration(3725), QStringLiteral("1 h 2 min"));
    QCOMPARE(ImportProgressTracker::formatDuration(65), QStringLiteral("1 min 5 s"));
    QCOMPARE(ImportProgressTracker::formatDuration(7), QStringLiteral("7 s"));
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
