// SPDX-License-Identifier: GPL-3.0-or-later
// "Explain this number…" in the desktop app on tests/fixtures/basic: the real context menu of
// a metric table opens the side panel for the row chosen, with the hand-computed rows and
// numbers (see tests/fixtures/basic/README.md); the transactions sort and export as CSV; a
// chart's entry explains the bar selected; tables without one key say so.
#include "../common/TestSupport.h"

#include "MainWindow.h"
#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/MetricPage.h"
#include "explain/ExplainController.h"
#include "explain/ExplainPanel.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QPieSeries>
#include <QPieSlice>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <memory>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 30000;

/** Keeps a picture of @p widget when CPM_SCREENSHOT_DIR is set, for eyeballing the panel. */
void keepShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

int rowWhere(const MetricTableModel *model, const char *key, const QVariant &value)
{
    const int column = model->table().columnIndex(QLatin1String(key));
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->table().rows.cell(row, column) == value)
            return row;
    }
    return -1;
}

} // namespace

class TestExplainPanel : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;
    std::unique_ptr<MainWindow> m_window;
    ExplainController *m_controller = nullptr;

    MetricPage *page(const char *id) const
    {
        return m_window->findChild<MetricPage *>(QStringLiteral("page_") + QLatin1String(id));
    }

    /** Right-clicks cell (@p row, @p key) of @p view and picks "Explain this number…" in the menu that opens. */
    bool explainThroughMenu(QTableView *view, int sourceRow, const char *key)
    {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(view->model());
        const auto *model = qobject_cast<const MetricTableModel *>(proxy->sourceModel());
        const QModelIndex index = proxy->mapFromSource(model->index(sourceRow, model->table().columnIndex(QLatin1String(key))));
        view->scrollTo(index);
        const QPoint at = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::RightButton, {}, at); // a right press selects the cell
        bool picked = false;
        QTimer::singleShot(0, this, [&picked] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (action->objectName() == QLatin1String("explainNumber")) {
                    picked = true;
                    menu->close();
                    action->trigger();
                }
            }
            if (!picked)
                menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &event);
        return picked;
    }

    bool waitForPanel(QSignalSpy &spy) { return spy.count() > 0 || spy.wait(kTimeoutMs); }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_explain_panel"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // default filters: accepted, happened_at, the data's span
        QVERIFY(m_w.open());
        QVERIFY(m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openWarehouse(m_w.path()));
        m_window->resize(1700, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_controller = m_window->findChild<ExplainController *>();
        QVERIFY(m_controller);
        QVERIFY(!m_controller->dock()->isVisible());
        QVERIFY(QTest::qWaitFor([this] { return page("time_to_5th_transaction")->model()->rowCount() == 2; }, kTimeoutMs));
    }

    void contextMenuOpensPanelForChosenRow()
    {
        MetricPage *stores = page("top_stores");
        QVERIFY(stores);
        m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->setCurrentRow(1); // the Top stores page
        QVERIFY(QTest::qWaitForWindowExposed(stores->tableView()->viewport()) || stores->isVisible());
        const int row = rowWhere(stores->model(), "store_id", 1); // store 1: 290 over 6 (the fixture's README)
        QVERIFY(row >= 0);
        QSignalSpy spy(m_controller, &ExplainController::explanationShown);
        QVERIFY(explainThroughMenu(stores->tableView(), row, "transactions"));
        QVERIFY(waitForPanel(spy));
        QVERIFY(m_controller->dock()->isVisible());
        const Explanation &e = m_controller->panel()->explanation();
        QCOMPARE(e.metricId, QStringLiteral("top_stores"));
        QCOMPARE(e.key, QStringLiteral("1"));
        QCOMPARE(e.n, 6);
        QCOMPARE(e.figure(QStringLiteral("total_amount"))->value.toDouble(), 290.0);
        QCOMPARE(m_controller->panel()->transactionsModel()->rowCount(), 6);
        // The cell clicked was "Transactions": that is the number checked against the dashboard.
        QVERIFY2(m_controller->panel()->checkText().contains(QStringLiteral("✔")), qPrintable(m_controller->panel()->checkText()));
        QVERIFY(m_controller->panel()->findChild<QLabel *>(QStringLiteral("explainNumber"))->text().contains(QStringLiteral("Transactions")));
        QVERIFY(m_controller->panel()->sqlText().contains(QStringLiteral(".param set :store_id 1")));
        keepShot(m_window.get(), QStringLiteral("explain-top-stores"));
        m_controller->panel()->tabs()->setCurrentIndex(1);
        keepShot(m_controller->panel(), QStringLiteral("explain-sql-tab"));
        m_controller->panel()->tabs()->setCurrentIndex(0);
    }

    void transactionsSortAndExport()
    {
        ExplainPanel *panel = m_controller->panel();
        QCOMPARE(panel->explanation().key, QStringLiteral("1"));
        QTableView *view = panel->transactionsView();
        const int amount = panel->transactionsModel()->table().columnIndex(QStringLiteral("amount"));
        view->sortByColumn(amount, Qt::AscendingOrder);
        // Store 1's accepted amounts: 100, 50, 30, 10, 40, 60 → 10 first, 100 last.
        QCOMPARE(view->model()->index(0, amount).data(MetricTableModel::SortRole).toDouble(), 10.0);
        QCOMPARE(view->model()->index(5, amount).data(MetricTableModel::SortRole).toDouble(), 100.0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("explain.csv"));
        panel->setFileChooser([&path](const QString &suggested, const QString &) {
            return suggested.contains(QStringLiteral("explain-top_stores-1")) ? path : QString();
        });
        QVERIFY(panel->exportCsv());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        const int column = int(lines[0].split(QLatin1Char(',')).indexOf(QStringLiteral("amount")));
        double sum = 0;
        for (int i = 1; i < lines.size(); ++i)
            sum += lines[i].split(QLatin1Char(',')).value(column).toDouble();
        QCOMPARE(sum, 290.0);
    }

    void chartEntryExplainsTheSelectedSlice()
    {
        MetricPage *share = page("device_type_share");
        const int row = rowWhere(share->model(), "device_type", 1LL); // type 1: 9 of 15 → 60 %
        QVERIFY(row >= 0);
        m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->setCurrentRow(4);
        QVERIFY(QTest::qWaitFor([share] { return share->chartView()->chart() != nullptr; }, kTimeoutMs));
        const auto *series = qobject_cast<QPieSeries *>(share->chartView()->chart()->series().value(0));
        QVERIFY(series);
        emit series->slices().at(row)->pressed(); // a press on the slice, right button included
        QCOMPARE(share->highlightedRow(), row);
        QAction *action = nullptr;
        for (QAction *a : share->chartView()->actions())
            action = a->objectName() == QLatin1String("explainNumber") ? a : action;
        QVERIFY(action);
        QSignalSpy spy(m_controller, &ExplainController::explanationShown);
        action->trigger();
        QVERIFY(waitForPanel(spy));
        const Explanation &e = m_controller->panel()->explanation();
        QCOMPARE(e.metricId, QStringLiteral("device_type_share"));
        QCOMPARE(e.figure(QStringLiteral("pct"))->value.toDouble(), 60.0);
        QCOMPARE(e.n, 9);
        QVERIFY(m_controller->panel()->checkText().contains(QStringLiteral("✔")));
    }

    void fewerThanFiveTab()
    {
        MetricPage *fifth = page("time_to_5th_transaction");
        auto *below = fifth->findChild<QTableView *>(QStringLiteral("belowFiveTable"));
        QVERIFY(below);
        m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->setCurrentRow(5);
        auto *tabs = fifth->findChild<QTabWidget *>();
        tabs->setCurrentWidget(below);
        const auto *model = qobject_cast<const MetricTableModel *>(qobject_cast<QAbstractProxyModel *>(below->model())->sourceModel());
        const int row = rowWhere(model, "store_id", 3LL); // store 3: two transactions (10, 11)
        QVERIFY(row >= 0);
        QSignalSpy spy(m_controller, &ExplainController::explanationShown);
        QVERIFY(explainThroughMenu(below, row, "transactions"));
        QVERIFY(waitForPanel(spy));
        const Explanation &e = m_controller->panel()->explanation();
        QCOMPARE(e.metricId, QStringLiteral("time_to_5th_transaction"));
        QCOMPARE(e.n, 2);
        QVERIFY(e.figure(QStringLiteral("seconds"))->value.isNull());
        tabs->setCurrentIndex(0);
    }

    void unknownRowSaysWhy()
    {
        // A key the warehouse does not know (a row edited away): the panel says why, in one line.
        MetricTable table = page("top_stores")->model()->table();
        table.rows.editable()[0][table.columnIndex(QStringLiteral("store_id"))] = 999;
        QSignalSpy spy(m_controller, &ExplainController::explanationShown);
        QVERIFY(m_controller->explainRow(table, 0, QString(), MetricFilter()));
        QVERIFY(waitForPanel(spy));
        const QLabel *status = m_controller->panel()->findChild<QLabel *>(QStringLiteral("explainStatus"));
        QVERIFY2(status->isVisible() && status->text().contains(QStringLiteral("unknown store id")), qPrintable(status->text()));
        // The per-customer table has no single key: nothing is asked.
        MetricTable perCustomer;
        perCustomer.id = QStringLiteral("time_to_5th_transaction_per_customer");
        perCustomer.rows << QVariantList{QStringLiteral("100")};
        QVERIFY(!m_controller->explainRow(perCustomer, 0, QString(), MetricFilter()));
    }

    void idsArePlainAmountsGrouped()
    {
        // The fixture's ids are all below 1,000: the explanation shown is store 1's with its
        // first row's ids raised, so a thousands separator would show. Ids name rows: plain.
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ExplainPanel *panel = m_controller->panel();
        Explanation e = panel->explanation();
        MetricTable &rows = e.transactions;
        QVERIFY(rows.rows.size() > 0);
        auto &first = rows.rows.editable()[0];
        first[rows.columnIndex(QStringLiteral("transaction_id"))] = 1066LL;
        first[rows.columnIndex(QStringLiteral("store_id"))] = 1066LL;
        first[rows.columnIndex(QStringLiteral("device_id"))] = 1234567LL;
        first[rows.columnIndex(QStringLiteral("amount"))] = 1234.5;
        panel->showExplanation(e, QString(), QVariantMap());
        const QAbstractItemModel *view = panel->transactionsView()->model();
        const auto shown = [view, &rows](const char *key) {
            return view->index(0, rows.columnIndex(QLatin1String(key))).data().toString();
        };
        QCOMPARE(shown("transaction_id"), QStringLiteral("1066"));
        QCOMPARE(shown("store_id"), QStringLiteral("1066"));
        QCOMPARE(shown("device_id"), QStringLiteral("1234567"));
        QCOMPARE(shown("amount"), QStringLiteral("1,234.50"));
        QLocale::setDefault(saved);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestExplainPanel)
#include "tst_explain_panel.moc"
