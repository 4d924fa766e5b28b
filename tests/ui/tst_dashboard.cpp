// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard on tests/fixtures/basic: each filter of the FilterBar changes what the table
// models show (numbers hand-computed in tests/core/tst_metrics.cpp), sorting, row ↔ bar
// highlighting, dropping files on the window, and the data-quality panel. The numbers are
// computed on a worker thread: a burst of filter changes ends on the last filter's numbers,
// stale results are dropped, and the GUI thread stays responsive during a (slowed) computation.
#include "../common/MainWindowProbe.h"
#include "../common/TestSupport.h"

#include "DataQualityPanel.h"
#include "DemoData.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "WarehouseSession.h"
#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/BusyOverlay.h"
#include "dashboard/MetricPage.h"
#include "dashboard/OverviewPage.h"
#include "dashboard/PageExport.h"
#include "import/ImportWizard.h"
#include "session/MetricsService.h"
#include "session/MetricsWorker.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 30000;

/** Keeps a picture of @p widget when CPM_SCREENSHOT_DIR is set, for eyeballing states tests reach. */
void keepShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

/** Counts the ticks of a 10 ms timer on the GUI thread: a frozen event loop stops it. */
class TickCounter : public QObject
{
public:
    TickCounter()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { ++m_ticks; });
        m_timer.start(10);
    }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    int m_ticks = 0;
};

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;
    std::unique_ptr<MainWindow> m_window;

    test::MainWindowProbe ui() const { return test::MainWindowProbe(m_window.get()); }
    FilterBar *bar() const { return ui().filterBar(); }
    MetricTableModel *topStores() const { return ui().metricPage(QStringLiteral("top_stores"))->model(); }

    static QVariant cell(const MetricTableModel *model, int row, const char *key, int role = MetricTableModel::SortRole)
    {
        const int column = model->table().columnIndex(QString::fromLatin1(key));
        return model->index(row, column).data(role);
    }

    void setRange(const QDate &from, const QDate &to)
    {
        bar()->fromEdit()->setDate(from);
        bar()->toEdit()->setDate(to);
    }

    /** Waits until the numbers for the filter bar's filter are on show (computed off this thread, charts included). */
    bool shown(MainWindow *window = nullptr)
    {
        return test::MainWindowProbe(window ? window : m_window.get()).waitUntilShown(kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboard"));
        QStandardPaths::setTestModeEnabled(true); // the demo warehouse goes to a test location
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        m_window = std::make_unique<MainWindow>();
        ui().filterBar()->reset();
        QVERIFY(m_window->openWarehouse(m_w.path()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(shown());
    }

    void init()
    {
        bar()->reset();
        QVERIFY(shown());
    }

    void cleanup() { MetricsWorker::holdForTest(MetricsWorker::Stage::None); }

    void defaultFilterShowsAcceptedHappenedAt()
    {
        QCOMPARE(bar()->descriptionLabel()->text(), QStringLiteral("Showing: <b>accepted · happened_at</b>"));
        QCOMPARE(topStores()->rowCount(), 4);
        QCOMPARE(cell(topStores(), 0, "store_id").toInt(), 2);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        QCOMPARE(cell(topStores(), 1, "total_amount").toDouble(), 290.0);
        QCOMPARE(cell(topStores(), 0, "store_name", Qt::DisplayRole).toString(), QStringLiteral("Beta"));
        const MetricTableModel *share = ui().metricPage(QStringLiteral("device_type_share"))->model();
        QCOMPARE(cell(share, 0, "pct", Qt::DisplayRole).toString(), QLocale().toString(60.0, 'f', 1) + QStringLiteral(" %"));
        QVERIFY(ui().overviewPage()->keyText(QStringLiteral("top_stores")).contains(QStringLiteral("Beta")));
        QVERIFY(m_window->isVisible());
    }

    void statusCheckboxes()
    {
        QVERIFY(bar()->statusBox(QStringLiteral("refused")));
        QVERIFY(bar()->statusBox(QStringLiteral("cancelled")));
        bar()->statusBox(QStringLiteral("refused"))->click();
        bar()->statusBox(QStringLiteral("cancelled"))->click();
        QVERIFY(shown());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 525.0);
        QCOMPARE(cell(topStores(), 0, "transactions").toInt(), 2);
        QCOMPARE(cell(topStores(), 1, "total_amount").toDouble(), 310.0);
        QCOMPARE(cell(topStores(), 1, "transactions").toInt(), 7);
        QVERIFY(bar()->descriptionLabel()->text().contains(QStringLiteral("refused")));
        // Refused counts towards the 5th transaction when selected: store 1 in 2 days.
        const MetricTableModel *fifth = ui().metricPage(QStringLiteral("time_to_5th_transaction"))->model();
        QCOMPARE(cell(fifth, 0, "seconds").toLongLong(), 172800);
    }

    void noStatusKeepsLastNumbersAndSaysWhy()
    {
        bar()->statusBox(QStringLiteral("accepted"))->click();
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        QCOMPARE(bar()->messageLabel()->text(), QStringLiteral("no transaction status selected"));
        QVERIFY(!m_window->isUpdating()); // nothing to compute, nothing pending
        bar()->statusBox(QStringLiteral("accepted"))->click();
        QVERIFY(bar()->messageLabel()->text().isEmpty());
        QVERIFY(shown());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
    }

    void dateRange()
    {
        setRange(QDate(2022, 1, 10), QDate(2022, 1, 12));
        QVERIFY(shown());
        QCOMPARE(topStores()->rowCount(), 1);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 190.0);
        QVERIFY(bar()->descriptionLabel()->text().contains(QStringLiteral("2022-01-10 – 2022-01-12")));
    }

    void timeColumn()
    {
        bar()->timeColumnBox()->setCurrentIndex(1);
        QVERIFY(shown());
        QCOMPARE(m_window->snapshot().filter.timeColumn, TimeColumn::CreatedAt);
        setRange(QDate(2022, 2, 1), QDate(2022, 2, 28));
        QVERIFY(shown());
        QCOMPARE(topStores()->rowCount(), 1);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 60.0);
        bar()->timeColumnBox()->setCurrentIndex(0);
        setRange(QDate(2022, 2, 1), QDate(2022, 2, 28));
        QVERIFY(shown());
        QCOMPARE(topStores()->rowCount(), 0);
        QVERIFY(!bar()->timeColumnBox()->itemData(1, Qt::ToolTipRole).toString().isEmpty());
    }

    void resetRestoresDefaults()
    {
        setRange(QDate(2022, 1, 10), QDate(2022, 1, 12));
        bar()->resetButton()->click();
        QVERIFY(shown());
        QCOMPARE(m_window->snapshot().filter, MetricFilter());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
    }

    void sortColumnNumerically()
    {
        MetricPage *page = ui().metricPage(QStringLiteral("top_stores"));
        m_window->showPage(1);
        QTableView *view = page->tableView();
        const int column = topStores()->table().columnIndex(QStringLiteral("total_amount"));
        QHeaderView *header = view->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(column) + 5, header->height() / 2));
        const QAbstractItemModel *proxy = view->model();
        const Qt::SortOrder order = header->sortIndicatorOrder();
        const double first = proxy->index(0, column).data(MetricTableModel::SortRole).toDouble();
        QCOMPARE(first, order == Qt::AscendingOrder ? 50.0 : 500.0);
        view->sortByColumn(column, Qt::AscendingOrder);
        QCOMPARE(proxy->index(0, column).data(MetricTableModel::SortRole).toDouble(), 50.0);
        QCOMPARE(proxy->index(3, column).data(MetricTableModel::SortRole).toDouble(), 500.0);
        view->sortByColumn(-1, Qt::AscendingOrder);
    }

    void selectingARowHighlightsItsBar()
    {
        MetricPage *page = ui().metricPage(QStringLiteral("top_stores"));
        page->tableView()->selectRow(2);
        QCOMPARE(page->highlightedRow(), page->proxy()->mapToSource(page->proxy()->index(2, 0)).row());
        page->selectRow(0);
        QCOMPARE(page->highlightedRow(), 0);
        QCOMPARE(page->tableView()->selectionModel()->currentIndex().row(), page->proxy()->mapFromSource(page->model()->index(0, 0)).row());
    }

    void chartsFollowTheDarkPalette()
    {
        MetricPage *page = ui().metricPage(QStringLiteral("device_type_share"));
        QPalette dark = page->palette();
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::Text, Qt::white);
        page->setPalette(dark);
        QCOMPARE(page->chartView()->chart()->theme(), QChart::ChartThemeDark);
        page->setPalette(QPalette());
        QCOMPARE(page->chartView()->chart()->theme(), QChart::ChartThemeLight);
    }

    void dropOpensTheWizardWithTheFiles()
    {
        const QStringList files{test::fixture(QStringLiteral("basic/stores.csv")),
                                test::fixture(QStringLiteral("basic/transactions.csv"))};
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(files[0]), QUrl::fromLocalFile(files[1])});
        QSignalSpy spy(m_window.get(), &MainWindow::importWizardOpened);
        const QPointF at(m_window->width() / 2.0, m_window->height() / 2.0);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toStringList(), files);
        auto *wizard = m_window->findChild<ImportWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->close();
    }

    void dataQualityPanelListsEachTest()
    {
        auto *button = m_window->findChild<QPushButton *>(QStringLiteral("dataTestsButton"));
        QVERIFY(button);
        // The data tests run on their own thread once the first numbers are on show.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isCheckingData(), kTimeoutMs);
        QVERIFY(!m_window->session()->dataTests().isEmpty());
        QVERIFY(button->text().contains(QStringLiteral("data-test warning")));
        button->click();
        auto *panel = m_window->findChild<DataQualityPanel *>();
        QVERIFY(panel);
        QCOMPARE(panel->tree()->topLevelItemCount(), m_window->session()->dataTests().size());
        panel->close();
    }

    void exportReportWritesAPdf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QSignalSpy exported(m_window.get(), &MainWindow::reportExported);
        m_window->exportReportTo(path); // the numbers on show are the bar's: written on the report thread
        QVERIFY(exported.count() == 1 || exported.wait(kTimeoutMs));
        QCOMPARE(exported.count(), 1);
        QCOMPARE(exported.at(0).at(0).toString(), path);
        QVERIFY2(exported.at(0).at(1).toString().isEmpty(), qPrintable(exported.at(0).at(1).toString()));
        QVERIFY(QFileInfo(path).size() > 1000);
    }

    void reportIsForTheCurrentFilterWhileUpdating()
    {
        MetricsWorker::holdForTest(MetricsWorker::Stage::Compute);
        bar()->statusBox(QStringLiteral("refused"))->click();
        bar()->statusBox(QStringLiteral("cancelled"))->click();
        QVERIFY(m_window->isUpdating());
        QCOMPARE(m_window->snapshot().filter, MetricFilter()); // still showing the previous numbers
        // A folder report: its top_stores.csv says which numbers it holds.
        QTemporaryDir dir;
        QSignalSpy exported(m_window.get(), &MainWindow::reportExported);
        m_window->exportReportTo(dir.path());
        // Not written from the numbers on show, nor computed on the GUI thread: the metrics
        // thread is held, so the report waits (under the busy state) while the window works.
        QCOMPARE(exported.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ui().busyOverlay()->isVisible(), kTimeoutMs);
        m_window->showPage(1);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("top_stores.csv"))));
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(exported.wait(kTimeoutMs));
        QVERIFY2(exported.at(0).at(1).toString().isEmpty(), qPrintable(exported.at(0).at(1).toString()));
        QFile csv(dir.filePath(QStringLiteral("top_stores.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        // Every status: Beta 500 + its cancelled 25 = 525 first (tests/core/tst_metrics.cpp).
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.value(1).trimmed(), QByteArray("1,2,Beta,Grocery,Portugal,525,2"));
        QVERIFY(shown());
    }

    void aPendingReportIsDroppedWhenTheFilterChanges()
    {
        MetricsWorker::holdForTest(MetricsWorker::Stage::Compute);
        bar()->statusBox(QStringLiteral("refused"))->click();
        QTemporaryDir dir;
        QSignalSpy exported(m_window.get(), &MainWindow::reportExported);
        m_window->exportReportTo(dir.filePath(QStringLiteral("report.pdf")));
        QCOMPARE(exported.count(), 0);
        bar()->statusBox(QStringLiteral("cancelled"))->click(); // another filter: not the report's
        QCOMPARE(exported.count(), 1);
        QVERIFY(exported.at(0).at(1).toString().contains(QStringLiteral("filter changed")));
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(shown());
        QCOMPARE(exported.count(), 1);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("report.pdf"))));
    }

    void burstOfFilterChangesShowsTheLastFilter()
    {
        // The worker is held at its first computation, so the whole burst happens while it runs.
        MetricsWorker::holdForTest(MetricsWorker::Stage::Compute);
        QVector<MetricFilter> shownFilters;
        const auto record = connect(m_window.get(), &MainWindow::metricsShown, this,
                                    [&] { shownFilters << m_window->snapshot().filter; });
        const quint64 startedBefore = m_window->session()->metricsService()->computationsStarted();
        bar()->statusBox(QStringLiteral("refused"))->click();
        QCoreApplication::processEvents();
        bar()->statusBox(QStringLiteral("cancelled"))->click();
        bar()->timeColumnBox()->setCurrentIndex(1);
        QCoreApplication::processEvents();
        bar()->timeColumnBox()->setCurrentIndex(0);
        bar()->statusBox(QStringLiteral("refused"))->click();
        bar()->statusBox(QStringLiteral("cancelled"))->click();
        QCoreApplication::processEvents();
        setRange(QDate(2022, 1, 10), QDate(2022, 1, 12)); // two more changes: from, then to
        // The previous numbers stay on show, marked as updating.
        QVERIFY(m_window->isUpdating());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(shown());
        disconnect(record);
        // Only the last filter's numbers were ever shown (the stale first result was dropped):
        // accepted, happened_at, 2022-01-10 – 2022-01-12 → store 1 alone: transactions 1, 2, 3
        // and 5 = 100 + 50 + 30 + 10 = 190 (the refused 4 is out; tests/fixtures/basic).
        MetricFilter last;
        last.from = QDate(2022, 1, 10);
        last.to = QDate(2022, 1, 12);
        QCOMPARE(shownFilters, QVector<MetricFilter>{last});
        QCOMPARE(topStores()->rowCount(), 1);
        QCOMPARE(cell(topStores(), 0, "store_id").toInt(), 1);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 190.0);
        // Eight changes, but the worker computed the one running and then only the latest.
        const quint64 started = m_window->session()->metricsService()->computationsStarted() - startedBefore;
        QCOMPARE(started, quint64(2));
    }

    void guiThreadStaysResponsiveWhileComputing()
    {
        // The worker is held mid-computation for the whole test: if anything below waited for
        // it on the GUI thread, the test would hang instead of passing. (How long the GUI
        // thread stalls is measured by cpm-gui-bench, not asserted here.)
        MetricsWorker::holdForTest(MetricsWorker::Stage::Compute);
        MetricPage *stores = ui().metricPage(QStringLiteral("top_stores"));
        TickCounter probe;
        bar()->statusBox(QStringLiteral("refused"))->click();
        QVERIFY(m_window->isUpdating());
        // After a short grace period the busy state shows: dimmed pages, a busy bar, "Computing…".
        QTRY_VERIFY_WITH_TIMEOUT(ui().busyOverlay()->isVisible(), kTimeoutMs);
        QVERIFY(ui().busyIndicator()->isVisible());
        QCOMPARE(ui().busyLabel()->text(), QStringLiteral("Computing…"));
        QCOMPARE(ui().busyOverlay()->title(), QStringLiteral("Computing…"));
        QVERIFY(ui().busyOverlay()->detail().contains(QStringLiteral("accepted · happened_at")));
        // Pages switch, the numbers on show are still there and can be exported.
        m_window->showPage(1);
        QCOMPARE(qobject_cast<QStackedWidget *>(stores->parentWidget())->currentWidget(), stores);
        QVERIFY(ui().busyOverlay()->isVisible());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        stores->tableView()->clearSelection();
        stores->exporter()->copyTable();
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("\tBeta\tGrocery\tPortugal\t500\t")));
        // Timers on the GUI thread keep firing while the worker is busy.
        QTRY_VERIFY_WITH_TIMEOUT(probe.ticks() >= 5, kTimeoutMs);
        QVERIFY(m_window->isUpdating()); // still computing: everything above happened meanwhile
        keepShot(m_window.get(), QStringLiteral("top-stores-computing"));
        m_window->showPage(0);
        keepShot(m_window.get(), QStringLiteral("dashboard-computing"));
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(shown());
        QVERIFY(!ui().busyOverlay()->isVisible());
        QVERIFY(!ui().busyIndicator()->isVisible());
        // accepted + refused: Beta keeps 500, Alpha gains its refused 20 → 310 (tests/core/tst_metrics.cpp)
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        QCOMPARE(cell(topStores(), 1, "total_amount").toDouble(), 310.0);
        keepShot(m_window.get(), QStringLiteral("dashboard-computed"));
    }

    void anImportInvalidatesPendingWork()
    {
        MetricsWorker::holdForTest(MetricsWorker::Stage::Compute);
        int shownCount = 0;
        const auto count = connect(m_window.get(), &MainWindow::metricsShown, this, [&] { ++shownCount; });
        bar()->statusBox(QStringLiteral("refused"))->click();
        QVERIFY(m_window->isUpdating());
        // As after an import: a new state of the warehouse; the running computation is for the old one.
        m_window->session()->reload();
        QVERIFY(m_window->session()->isLoading());
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(shown());
        disconnect(count);
        QCOMPARE(shownCount, 1); // the old state's result was dropped
        QCOMPARE(cell(topStores(), 1, "total_amount").toDouble(), 310.0);
    }

    void loadingStateBeforeTheFirstNumbers()
    {
        MetricsWorker::holdForTest(MetricsWorker::Stage::Open);
        MainWindow window;
        const test::MainWindowProbe probe(&window);
        window.resize(1200, 800);
        probe.filterBar()->reset();
        QVERIFY(window.openWarehouse(m_w.path()));
        window.show();
        QVERIFY(window.isUpdating());
        QVERIFY(window.session()->isLoading());
        // Not an empty dashboard: it says what is loading, with the count from the checks thread.
        QTRY_VERIFY_WITH_TIMEOUT(probe.busyOverlay()->isVisible(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(probe.busyOverlay()->title(), QStringLiteral("Loading 17 transactions…"), kTimeoutMs);
        QCOMPARE(probe.busyLabel()->text(), QStringLiteral("Loading 17 transactions…"));
        keepShot(&window, QStringLiteral("dashboard-loading"));
        MetricsWorker::holdForTest(MetricsWorker::Stage::None);
        QVERIFY(shown(&window));
        QVERIFY(!probe.busyOverlay()->isVisible());
        QCOMPARE(probe.metricPage(QStringLiteral("top_stores"))->model()->rowCount(), 4);
        keepShot(&window, QStringLiteral("dashboard-loaded"));
    }

    void firstRunOpensTheDemoWarehouse()
    {
        QFile::remove(DemoData::warehousePath());
        MainWindow window;
        const test::MainWindowProbe probe(&window);
        window.openStartup(QString(), true);
        QVERIFY(probe.waitUntilShown(kTimeoutMs));
        QVERIFY(window.isDemo());
        QCOMPARE(window.session()->path(), DemoData::warehousePath());
        QVERIFY(window.session()->hasData());
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("demoBanner"))->isVisibleTo(&window));
        QVERIFY(probe.metricPage(QStringLiteral("top_stores"))->model()->rowCount() > 0);
        QFile::remove(DemoData::warehousePath());
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
