// SPDX-License-Identifier: GPL-3.0-or-later
// What the user sees of rejects and emptiness, offscreen: the wizard's check page refuses a
// file that loads nothing or too little before the import starts (Import disabled, the reason
// on the page and on the button), lists rejects once per reason, saves every rejected row;
// the dashboard says "No transactions loaded" instead of showing empty charts.
#include "../common/MainWindowProbe.h"
#include "../common/TestSupport.h"

#include "ImportRejectsModel.h"
#include "MainWindow.h"
#include "WarehouseSession.h"
#include "dashboard/EmptyWarehouseNotice.h"
#include "dashboard/MetricPage.h"
#include "dashboard/OverviewPage.h"
#include "import/CheckPage.h"
#include "import/ImportWizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 120000;

const QByteArray txHeader = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";

QByteArray txRow(const QByteArray &id, const QByteArray &amount = "5")
{
    return id + ",10,Tea,1,Drinks," + amount + ",accepted,01/10/2022 1:00:00,01/10/2022 1:00:00\n";
}

qint64 transactionsIn(const QString &warehousePath)
{
    SqlProject project;
    Warehouse warehouse;
    if (!project.load() || !warehouse.open(warehousePath, project))
        return -1;
    return warehouse.scalar(QStringLiteral("select count(*) from raw_transactions")).toLongLong();
}

/** Saves @p widget as NAME.png into $CPM_SCREENSHOT_DIR, when set (docs/screenshots is made this way). */
void keepShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

} // namespace

class TestRejectsUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("%1/%2").arg(++m_next).arg(name));
        test::writeFile(path, bytes);
        return path;
    }

    /** A warehouse with the basic fixture's stores, devices and 17 transactions. */
    QString basicWarehouse()
    {
        const QString path = m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_next));
        SqlProject project;
        Warehouse warehouse;
        if (!project.load() || !warehouse.open(path, project))
            return QString();
        Importer importer(warehouse, project);
        return importer.run(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded() ? path : QString();
    }

    /** Opens the wizard on @p files and runs it to the finished dry run of the check page. */
    static CheckPage *checkPageOf(ImportWizard &wizard)
    {
        wizard.show(); // QWizard has no current page until shown
        wizard.next();
        wizard.next();
        auto *check = wizard.findChild<CheckPage *>(QStringLiteral("checkPage"));
        if (!check || (check->isBusy() && !QSignalSpy(check, &CheckPage::checked).wait(kTimeoutMs)))
            return nullptr;
        return check;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_rejects_ui"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void allRejectedDisablesImport()
    {
        const QString warehouse = m_dir.filePath(QStringLiteral("fresh-refused.sqlite"));
        // 1,500 transactions whose ids are text: every one rejected.
        QByteArray bytes = txHeader;
        for (int i = 1; i <= 1500; ++i)
            bytes += txRow("T-" + QByteArray::number(i).rightJustified(4, '0'));
        const QString basic = test::fixture(QStringLiteral("basic"));
        ImportWizard wizard(warehouse, {basic + "/stores.csv", basic + "/devices.csv", write("transactions.csv", bytes)});
        wizard.resize(1000, 720);
        CheckPage *check = checkPageOf(wizard);
        QVERIFY(check);
        QVERIFY(check->isRefused());
        QVERIFY(!check->isComplete());
        QAbstractButton *import = wizard.button(QWizard::CommitButton);
        QVERIFY(import->isVisible());
        QVERIFY(!import->isEnabled());
        const QString reason = QStringLiteral("transactions.csv: 1500 of 1500 data rows rejected (100%, every row): the "
                                              "file is refused, nothing was imported; most common: line 2, column id: "
                                              "not an integer (expected digits like 42) (1500 rows)");
        QCOMPARE(import->toolTip(), QStringLiteral("Disabled: ") + reason);
        const QString status = wizard.findChild<QLabel *>(QStringLiteral("checkStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("Import is disabled")), qPrintable(status));
        QVERIFY2(status.contains(reason.toHtmlEscaped()), qPrintable(status));
        // The dry run read the other files too: they would have loaded.
        QCOMPARE(check->summary().files.size(), 3);
        QCOMPARE(check->summary().files[0].rowsLoaded, 4);
        QCOMPARE(check->summary().files[1].rowsLoaded, 5);

        // One line for the reason, not 1,500.
        QAbstractItemModel *rejects = wizard.findChild<QTableView *>(QStringLiteral("rejectsTable"))->model();
        QAbstractItemModelTester tester(rejects, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(rejects->rowCount(), 1);
        QCOMPARE(rejects->index(0, ImportRejectsModel::FileColumn).data().toString(), QStringLiteral("transactions.csv"));
        QCOMPARE(rejects->index(0, ImportRejectsModel::RowsColumn).data().toLongLong(), 1500);
        QCOMPARE(rejects->index(0, ImportRejectsModel::FieldColumn).data().toString(), QStringLiteral("id"));
        QCOMPARE(rejects->index(0, ImportRejectsModel::ReasonColumn).data().toString(),
                 QStringLiteral("not an integer (expected digits like 42)"));
        QCOMPARE(rejects->index(0, ImportRejectsModel::LinesColumn).data().toString(), QStringLiteral("lines 2, 3, 4, 5, 6, …"));
        QCOMPARE(rejects->index(0, ImportRejectsModel::ValueColumn).data().toString(), QStringLiteral("T-0001"));
        keepShot(&wizard, QStringLiteral("wizard-refused"));

        // "Save" writes every rejected row, not a sample.
        QVERIFY(wizard.findChild<QPushButton *>(QStringLiteral("saveRejectsButton"))->isEnabled());
        const QString saved = m_dir.filePath(QStringLiteral("all-rejects.csv"));
        QVERIFY(check->saveRejects(saved));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QCOMPARE(csv.count("\r\n"), 1 + 1500);
        QVERIFY(csv.contains("\r\ntransactions.csv,1501,1,id,T-1500,not an integer (expected digits like 42),"));
        QCOMPARE(transactionsIn(warehouse), 0); // a dry run, rolled back
    }

    void refusal_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("60% rejected") << txHeader + txRow("101") + txRow("102", "x") + txRow("103", "x") + txRow("104")
                                              + txRow("105", "x")
                                      << "3 of 5 data rows rejected (60%, more than the 50% allowed)";
        QTest::newRow("header only") << txHeader << "no data rows, only a header";
    }

    void refusal()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        const QString warehouse = basicWarehouse();
        ImportWizard wizard(warehouse, {write("transactions.csv", bytes)});
        CheckPage *check = checkPageOf(wizard);
        QVERIFY(check);
        QVERIFY(check->isRefused());
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
        QVERIFY2(wizard.button(QWizard::CommitButton)->toolTip().contains(says),
                 qPrintable(wizard.button(QWizard::CommitButton)->toolTip()));
    }

    void fortyPercentImports()
    {
        const QString warehouse = basicWarehouse();
        // Lines 2..6; lines 3 and 5 have no valid amount: 2 of 5 rejected (40 %).
        const QByteArray bytes = txHeader + txRow("101") + txRow("102", "x") + txRow("103") + txRow("104", "y") + txRow("105");
        ImportWizard wizard(warehouse, {write("transactions.csv", bytes)});
        QSignalSpy finished(&wizard, &ImportWizard::importFinished);
        CheckPage *check = checkPageOf(wizard);
        QVERIFY(check);
        QVERIFY(!check->isRefused());
        QVERIFY(check->isComplete());
        QVERIFY(wizard.button(QWizard::CommitButton)->isEnabled());
        QVERIFY(wizard.button(QWizard::CommitButton)->toolTip().isEmpty());
        QAbstractItemModel *rejects = wizard.findChild<QTableView *>(QStringLiteral("rejectsTable"))->model();
        QCOMPARE(rejects->rowCount(), 1);
        QCOMPARE(rejects->index(0, ImportRejectsModel::RowsColumn).data().toLongLong(), 2);
        QCOMPARE(rejects->index(0, ImportRejectsModel::LinesColumn).data().toString(), QStringLiteral("lines 3, 5"));
        wizard.next();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(transactionsIn(warehouse), 17 + 3);
    }

    void emptyWarehouseSaysSo()
    {
        // Stores and devices, no transactions: every page says so instead of empty charts.
        const QString path = m_dir.filePath(QStringLiteral("no-transactions.sqlite"));
        {
            SqlProject project;
            Warehouse warehouse;
            QVERIFY(project.load() && warehouse.open(path, project));
            ImportOptions options;
            const QString basic = test::fixture(QStringLiteral("basic"));
            options.files = {{basic + "/stores.csv", FileRole::Unknown}, {basic + "/devices.csv", FileRole::Unknown}};
            QVERIFY(Importer(warehouse, project).run(options).succeeded());
        }
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(window.openWarehouse(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(test::MainWindowProbe(&window).overviewPage()->showsNoTransactions(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isUpdating(), kTimeoutMs);
        for (const QString &id : metricIds())
            QVERIFY2(test::MainWindowProbe(&window).metricPage(id)->showsNoTransactions(), qPrintable(id));
        auto *notice = test::MainWindowProbe(&window).overviewPage()->findChild<EmptyWarehouseNotice *>();
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(notice->findChild<QLabel *>(QStringLiteral("emptyWarehouseTitle"))->text(), QStringLiteral("No transactions loaded"));
        QVERIFY(notice->geometry() == test::MainWindowProbe(&window).overviewPage()->rect()); // covers the empty charts
        // The data tests say it too: raw_transactions has no rows.
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isCheckingData(), kTimeoutMs);
        QVERIFY(window.session()->failingDataTests() >= 1);
        keepShot(&window, QStringLiteral("empty-warehouse"));

        // Its button opens the import wizard.
        QSignalSpy opened(&window, &MainWindow::importWizardOpened);
        notice->findChild<QPushButton *>(QStringLiteral("emptyWarehouseImport"))->click();
        QCOMPARE(opened.count(), 1);
        auto *wizard = window.findChild<ImportWizard *>();
        QVERIFY(wizard);
        wizard->reject();

        // With transactions, the notice goes.
        QVERIFY(window.openWarehouse(basicWarehouse()));
        QTRY_VERIFY_WITH_TIMEOUT(!test::MainWindowProbe(&window).overviewPage()->showsNoTransactions(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isUpdating(), kTimeoutMs);
        QVERIFY(!test::MainWindowProbe(&window).metricPage(QStringLiteral("top_stores"))->showsNoTransactions());
    }

    void neverImportedWarehouseSaysSo()
    {
        MainWindow window;
        QVERIFY(window.openWarehouse(m_dir.filePath(QStringLiteral("fresh.sqlite"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(test::MainWindowProbe(&window).overviewPage()->showsNoTransactions(), kTimeoutMs);
        QVERIFY(test::MainWindowProbe(&window).metricPage(QStringLiteral("top_products"))->showsNoTransactions());
    }
};

QTEST_MAIN(TestRejectsUi)
#include "tst_rejects_ui.moc"
