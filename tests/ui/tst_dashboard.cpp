// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard on tests/fixtures/basic: each filter of the FilterBar changes what the table
// models show (numbers hand-computed in tests/core/tst_metrics.cpp), sorting, row ↔ bar
// highlighting, dropping files on the window, and the data-quality panel.
#include "../common/TestSupport.h"

#include "DataQualityPanel.h"
#include "DemoData.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "ReportExport.h"
#include "WarehouseSession.h"
#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/MetricPage.h"
#include "dashboard/OverviewPage.h"
#include "import/ImportWizard.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>

#include <memory>

using namespace cpm;

class TestDashboard : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;
    std::unique_ptr<MainWindow> m_window;

    FilterBar *bar() const { return m_window->filterBar(); }
    MetricTableModel *topStores() const { return m_window->metricPage(QStringLiteral("top_stores"))->model(); }

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
        m_window->filterBar()->reset();
        QVERIFY(m_window->openWarehouse(m_w.path()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void init() { bar()->reset(); }

    void defaultFilterShowsAcceptedHappenedAt()
    {
        QCOMPARE(bar()->descriptionLabel()->text(), QStringLiteral("Showing: <b>accepted · happened_at</b>"));
        QCOMPARE(topStores()->rowCount(), 4);
        QCOMPARE(cell(topStores(), 0, "store_id").toInt(), 2);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        QCOMPARE(cell(topStores(), 1, "total_amount").toDouble(), 290.0);
        QCOMPARE(cell(topStores(), 0, "store_name", Qt::DisplayRole).toString(), QStringLiteral("Beta"));
        const MetricTableModel *share = m_window->metricPage(QStringLiteral("device_type_share"))->model();
        QCOMPARE(cell(share, 0, "pct", Qt::DisplayRole).toString(), QLocale().toString(60.0, 'f', 1) + QStringLiteral(" %"));
        QVERIFY(m_window->overviewPage()->keyText(QStringLiteral("top_stores")).contains(QStringLiteral("Beta")));
        QVERIFY(m_window->isVisible());
    }

    void statusCheckboxes()
    {
        QVERIFY(bar()->statusBox(QStringLiteral("refused")));
        QVERIFY(bar()->statusBox(QStringLiteral("cancelled")));
        bar()->statusBox(QStringLiteral("refused"))->click();
        bar()->statusBox(QStringLiteral("cancelled"))->click();
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 525.0);
        QCOMPARE(cell(topStores(), 0, "transactions").toInt(), 2);
        QCOMPARE(cell(topStores(), 1, "total_amount").toDouble(), 310.0);
        QCOMPARE(cell(topStores(), 1, "transactions").toInt(), 7);
        QVERIFY(bar()->descriptionLabel()->text().contains(QStringLiteral("refused")));
        // Refused counts towards the 5th transaction when selected: store 1 in 2 days.
        const MetricTableModel *fifth = m_window->metricPage(QStringLiteral("time_to_5th_transaction"))->model();
        QCOMPARE(cell(fifth, 0, "seconds").toLongLong(), 172800);
    }

    void noStatusKeepsLastNumbersAndSaysWhy()
    {
        bar()->statusBox(QStringLiteral("accepted"))->click();
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
        QCOMPARE(bar()->messageLabel()->text(), QStringLiteral("no transaction status selected"));
        bar()->statusBox(QStringLiteral("accepted"))->click();
        QVERIFY(bar()->messageLabel()->text().isEmpty());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
    }

    void dateRange()
    {
        setRange(QDate(2022, 1, 10), QDate(2022, 1, 12));
        QCOMPARE(topStores()->rowCount(), 1);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 190.0);
        QVERIFY(bar()->descriptionLabel()->text().contains(QStringLiteral("2022-01-10 – 2022-01-12")));
    }

    void timeColumn()
    {
        bar()->timeColumnBox()->setCurrentIndex(1);
        QCOMPARE(m_window->snapshot().filter.timeColumn, TimeColumn::CreatedAt);
        setRange(QDate(2022, 2, 1), QDate(2022, 2, 28));
        QCOMPARE(topStores()->rowCount(), 1);
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 60.0);
        bar()->timeColumnBox()->setCurrentIndex(0);
        setRange(QDate(2022, 2, 1), QDate(2022, 2, 28));
        QCOMPARE(topStores()->rowCount(), 0);
        QVERIFY(!bar()->timeColumnBox()->itemData(1, Qt::ToolTipRole).toString().isEmpty());
    }

    void resetRestoresDefaults()
    {
        setRange(QDate(2022, 1, 10), QDate(2022, 1, 12));
        bar()->resetButton()->click();
        QCOMPARE(m_window->snapshot().filter, MetricFilter());
        QCOMPARE(cell(topStores(), 0, "total_amount").toDouble(), 500.0);
    }

    void sortColumnNumerically()
    {
        MetricPage *page = m_window->metricPage(QStringLiteral("top_stores"));
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
        MetricPage *page = m_window->metricPage(QStringLiteral("top_stores"));
        page->tableView()->selectRow(2);
        QCOMPARE(page->highlightedRow(), page->proxy()->mapToSource(page->proxy()->index(2, 0)).row());
        page->selectRow(0);
        QCOMPARE(page->highlightedRow(), 0);
        QCOMPARE(page->tableView()->selectionModel()->currentIndex().row(), page->proxy()->mapFromSource(page->model()->index(0, 0)).row());
    }

    void chartsFollowTheDarkPalette()
    {
        MetricPage *page = m_window->metricPage(QStringLiteral("device_type_share"));
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
        QVERIFY(!m_window->session()->dataTests().isEmpty());
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
        const Error error = exportReport(path, m_window->snapshot(), m_window->session()->reportInfo());
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QVERIFY(QFileInfo(path).size() > 1000);
    }

    void firstRunOpensTheDemoWarehouse()
    {
        QFile::remove(DemoData::warehousePath());
        MainWindow window;
        window.openStartup(QString(), true);
        QVERIFY(window.isDemo());
        QCOMPARE(window.session()->path(), DemoData::warehousePath());
        QVERIFY(window.session()->hasData());
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("demoBanner"))->isVisibleTo(&window));
        QVERIFY(window.metricPage(QStringLiteral("top_stores"))->model()->rowCount() > 0);
        QFile::remove(DemoData::warehousePath());
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
