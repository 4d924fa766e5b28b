// SPDX-License-Identifier: GPL-3.0-or-later
// The Anomalies page on tests/fixtures/anomalies (counts and p-values by hand in its README):
// the sixth page exists and states its rule, its tables sort numerically, export CSV, follow
// the filter bar's range, explain a store row with the store's transactions, and go into the
// report; CPM_SCREENSHOT_DIR=DIR saves the page as DIR/anomalies.png.
#include "../common/MainWindowProbe.h"
#include "../common/TestSupport.h"

#include "FilterBar.h"
#include "MainWindow.h"
#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/AnomaliesPage.h"
#include "dashboard/PageExport.h"
#include "explain/ExplainController.h"
#include "explain/ExplainPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

#include <memory>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 30000;

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    text.remove(QChar(0xFEFF));
    return text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

} // namespace

class TestAnomaliesPage : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;
    QTemporaryDir m_out;
    std::unique_ptr<MainWindow> m_window;

    test::MainWindowProbe ui() const { return test::MainWindowProbe(m_window.get()); }
    AnomaliesPage *page() const { return m_window->findChild<AnomaliesPage *>(QStringLiteral("page_anomalies")); }

    /** Store id in view row @p row of the per-store table. */
    qint64 storeAt(int row) const
    {
        const QTableView *view = page()->tableView(AnomaliesPage::Stores);
        const int column = page()->report().byStore.columnIndex(QStringLiteral("store_id"));
        return view->model()->index(row, column).data(MetricTableModel::SortRole).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_anomalies_page"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_out.isValid());
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("anomalies"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        m_window = std::make_unique<MainWindow>();
        ui().filterBar()->reset();
        QVERIFY(m_window->openWarehouse(m_w.path()));
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(ui().waitUntilShown(kTimeoutMs));
        page()->exporter()->setErrorReporter([](const Error &error) { QFAIL(qPrintable(error.toString())); });
    }

    void isTheSixthPage()
    {
        QCOMPARE(m_window->pageCount(), 7);
        QVERIFY(m_window->page(6) == page());
        QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->item(6)->text(), QStringLiteral("Anomalies"));
        const QString rule = page()->ruleLabel()->text();
        QVERIFY2(rule.contains(QStringLiteral("p &lt; 0.001")) && rule.contains(QStringLiteral("n ≥ 20")), qPrintable(rule));
        QVERIFY(rule.contains(QStringLiteral("status filter does not apply")));
        // The rates are computed only once their page is on show (SQL: seconds at scale).
        QVERIFY(!m_window->snapshot().filter.anomalies);
        QCOMPARE(page()->model(AnomaliesPage::Stores)->rowCount(), 0);
        m_window->showPage(6);
        QVERIFY(ui().waitUntilShown(kTimeoutMs));
        QVERIFY(m_window->snapshot().filter.anomalies);
        QCOMPARE(page()->tabs()->count(), 4);
    }

    void plantedOutlierFirstAndFlagged()
    {
        // Default order: smallest refused p-value first: store 3 (2.7e-5), then store 4 (6.5e-5).
        QCOMPARE(page()->model(AnomaliesPage::Stores)->rowCount(), 4);
        QCOMPARE(storeAt(0), 3);
        QCOMPARE(storeAt(1), 4);
        const MetricTable &stores = page()->report().byStore;
        QCOMPARE(stores.value(0, QStringLiteral("flag")).toString(), QStringLiteral("refused"));
        QCOMPARE(stores.value(1, QStringLiteral("flag")).toString(), QString()); // n = 5 < 20
        QVERIFY(page()->notesLabel()->text().contains(QStringLiteral("1 store flagged")));
    }

    void tablesSortNumerically()
    {
        QTableView *view = page()->tableView(AnomaliesPage::Stores);
        const int rate = page()->report().byStore.columnIndex(QStringLiteral("refused_rate"));
        view->sortByColumn(rate, Qt::DescendingOrder); // 100 % (store 4), 40 % (3), 5 %, 5 %
        QCOMPARE(storeAt(0), 4);
        QCOMPARE(storeAt(1), 3);
        view->sortByColumn(rate, Qt::AscendingOrder);
        QVERIFY(storeAt(0) == 1 || storeAt(0) == 2);
        QCOMPARE(storeAt(3), 4);
        // Transactions sort as numbers: 5 < 30 < 40 (as text "30" < "40" < "5").
        view->sortByColumn(page()->report().byStore.columnIndex(QStringLiteral("transactions")), Qt::AscendingOrder);
        QCOMPARE(storeAt(0), 4);
        QCOMPARE(storeAt(1), 3);
        view->sortByColumn(-1, Qt::AscendingOrder);
    }

    void exportsCsv()
    {
        const QString path = m_out.filePath(QStringLiteral("stores.csv"));
        page()->exporter()->setFileChooser([path](const QString &, const QString &) { return path; });
        page()->tabs()->setCurrentIndex(AnomaliesPage::Stores);
        page()->exporter()->action(QStringLiteral("exportCsv"))->trigger();
        QStringList lines = readLines(path);
        QCOMPARE(lines.size(), 1 + 4);
        QVERIFY2(lines[1].startsWith(QStringLiteral("3,Planted Outlier,Beauty,France,refused,30,12,40,")), qPrintable(lines[1]));
        page()->tabs()->setCurrentIndex(AnomaliesPage::Days);
        page()->exporter()->action(QStringLiteral("exportCsv"))->trigger();
        lines = readLines(path);
        QCOMPARE(lines.size(), 1 + 4);
        // 14 March: 29 transactions, 2 refused, 1 cancelled (README).
        QVERIFY2(lines[1].startsWith(QStringLiteral("2022-03-14,29,2,")), qPrintable(lines[1]));
        const QString png = m_out.filePath(QStringLiteral("days.png"));
        page()->exporter()->setFileChooser([png](const QString &, const QString &) { return png; });
        page()->exporter()->action(QStringLiteral("exportPng1x"))->trigger();
        QVERIFY(!QImage(png).isNull());
        page()->tabs()->setCurrentIndex(AnomaliesPage::Stores);
    }

    void explainsAStoreRow()
    {
        auto *controller = m_window->findChild<ExplainController *>();
        QVERIFY(controller);
        QTableView *view = page()->tableView(AnomaliesPage::Stores);
        view->setCurrentIndex(view->model()->index(0, 0)); // store 3
        QAction *explain = view->findChild<QAction *>(QStringLiteral("explainNumber"));
        QVERIFY(explain);
        QSignalSpy shown(controller, &ExplainController::explanationShown);
        explain->trigger();
        QVERIFY(shown.count() == 1 || shown.wait(kTimeoutMs));
        // Every status: all 30 of store 3's transactions, its 12 refusals among them.
        QCOMPARE(controller->panel()->transactionsModel()->rowCount(), 30);
    }

    void followsTheDateRange()
    {
        MetricFilter filter = ui().filterBar()->filter();
        filter.from = QDate(2022, 3, 17);
        filter.to = QDate(2022, 3, 17);
        ui().filterBar()->setFilter(filter);
        QVERIFY(ui().waitUntilShown(kTimeoutMs));
        QCOMPARE(page()->report().storeTransactions, 26);
        QCOMPARE(page()->report().flaggedStores, 0);
        QVERIFY(page()->notesLabel()->text().contains(QStringLiteral("0 stores flagged")));
        ui().filterBar()->reset();
        QVERIFY(ui().waitUntilShown(kTimeoutMs));
        QCOMPARE(page()->report().flaggedStores, 1);
    }

    void reportHoldsTheAnomalies()
    {
        QTemporaryDir dir;
        QSignalSpy exported(m_window.get(), &MainWindow::reportExported);
        m_window->exportReportTo(dir.path());
        QVERIFY(exported.count() == 1 || exported.wait(kTimeoutMs));
        QVERIFY2(exported.at(0).at(1).toString().isEmpty(), qPrintable(exported.at(0).at(1).toString()));
        const QStringList lines = readLines(dir.filePath(QStringLiteral("anomaly_rates_by_store.csv")));
        QVERIFY(lines.size() == 5);
        QVERIFY(lines[1].startsWith(QStringLiteral("3,Planted Outlier,")));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("anomaly_rates_by_store.png"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("anomaly_rates_by_day.csv"))));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("report.xlsx"))).size() > 1000);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("CPM_SCREENSHOT_DIR is not set");
        QDir().mkpath(dir);
        m_window->findChild<ExplainController *>()->dock()->hide(); // the page alone
        m_window->resize(1400, 900);
        m_window->showPage(6);
        page()->tabs()->setCurrentIndex(AnomaliesPage::Stores);
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("anomalies.png"))));
    }
};

QTEST_MAIN(TestAnomaliesPage)
#include "tst_anomalies_page.moc"
