// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainController.h"

#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/AnomaliesPage.h"
#include "dashboard/MetricPage.h"
#include "explain/ExplainKeys.h"
#include "explain/ExplainPanel.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QTimer>
#include <QMainWindow>
#include <QStatusBar>
#include <QTableView>

namespace cpm {

namespace {

const MetricTableModel *tableModel(const QAbstractItemView *view, const QAbstractProxyModel **proxy)
{
    *proxy = qobject_cast<const QAbstractProxyModel *>(view->model());
    return qobject_cast<const MetricTableModel *>(*proxy ? (*proxy)->sourceModel() : view->model());
}

} // namespace

ExplainController::ExplainController(QMainWindow *window, std::function<QString()> warehousePath)
    : QObject(window)
    , m_window(window)
    , m_path(std::move(warehousePath))
    , m_runner(new ExplainRunner(this))
{
    m_dock = new QDockWidget(tr("Explain this number"), window);
    m_dock->setObjectName(QStringLiteral("explainDock"));
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_panel = new ExplainPanel(m_dock);
    m_panel->setMinimumWidth(620);
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_panel, &ExplainPanel::message, this, [window](const QString &text) { window->statusBar()->showMessage(text, 5000); });
    connect(m_runner, &ExplainRunner::finished, this, [this](const Explanation &explanation) {
        m_panel->showExplanation(explanation, m_emphasis, m_shown);
        emit explanationShown();
    });
    connect(m_runner, &ExplainRunner::failed, this, [this](const QString &error) {
        m_panel->showError(error);
        emit explanationShown();
    });
}

QAction *ExplainController::newAction(QWidget *owner)
{
    auto *action = new QAction(tr("Explain this number…"), owner);
    action->setObjectName(QStringLiteral("explainNumber"));
    action->setToolTip(tr("Show the transactions behind this number, the SQL and what was left out"));
    auto *separator = new QAction(owner);
    separator->setSeparator(true);
    owner->addAction(separator);
    owner->addAction(action);
    return action;
}

void ExplainController::attach(MetricPage *page)
{
    const QList<QTableView *> views = page->findChildren<QTableView *>();
    for (QTableView *view : views) {
        QAction *action = newAction(view);
        connect(action, &QAction::triggered, this, [this, view, page] { explainTableCell(view, page->filter()); });
    }
    QAction *chartAction = newAction(page->chartView());
    connect(chartAction, &QAction::triggered, this, [this, page] { explainChartRow(page); });
}

void ExplainController::attachAnomalies(AnomaliesPage *page, std::function<QStringList()> statuses)
{
    QTableView *view = page->tableView(AnomaliesPage::Stores);
    QAction *action = newAction(view);
    connect(action, &QAction::triggered, this, [this, view, page, statuses] {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(view->model());
        const QModelIndex index = view->currentIndex();
        if (!proxy || !index.isValid())
            return;
        // A store's rates are explained by metric 1's listing of the store (the same
        // predicates) with every status selected: its rows are the n of the rates.
        MetricTable table = page->report().byStore;
        table.id = QStringLiteral("top_stores");
        MetricFilter filter = page->filter();
        filter.statuses = statuses();
        if (filter.statuses.isEmpty())
            filter.statuses = {QStringLiteral("accepted"), QStringLiteral("refused"), QStringLiteral("cancelled")};
        explainRow(table, proxy->mapToSource(index).row(), QStringLiteral("transactions"), filter);
    });
}

void ExplainController::explainTableCell(QAbstractItemView *view, const MetricFilter &filter)
{
    const QAbstractProxyModel *proxy = nullptr;
    const MetricTableModel *model = tableModel(view, &proxy);
    const QModelIndex index = view->currentIndex();
    if (!model || !index.isValid())
        return;
    const QModelIndex source = proxy ? proxy->mapToSource(index) : index;
    const MetricTable &table = model->table();
    explainRow(table, source.row(), table.columns.value(source.column()).key, filter);
}

void ExplainController::explainChartRow(MetricPage *page)
{
    // A press on a bar or slice selects its row (right-press included), so the menu is about it.
    const int row = page->highlightedRow();
    if (row >= 0)
        explainRow(page->model()->table(), row, QString(), page->filter());
    else
        m_window->statusBar()->showMessage(tr("Right-click a bar or a slice to explain its number."), 5000);
}

bool ExplainController::explainRow(const MetricTable &table, int row, const QString &columnKey, const MetricFilter &filter)
{
    const QString metric = explain::metricForTable(table.id);
    if (metric.isEmpty() || row < 0 || row >= table.rows.size()) {
        m_window->statusBar()->showMessage(tr("This table's numbers are averages over stores: explain a store's row "
                                              "on the \"Per store\" tab."), 5000);
        return false;
    }
    ExplainRequest request{metric, explain::keyForRow(table, row), filter};
    const QString figure = columnKey.isEmpty() ? explain::headlineFigure(metric) : columnKey;
    m_emphasis = figure;
    m_shown.clear();
    for (const MetricColumn &column : table.columns)
        m_shown.insert(column.key, table.value(row, column.key));
    m_panel->showLoading(request.key);
    m_dock->show();
    m_dock->raise();
    m_runner->start(m_path(), request);
    return true;
}

QString ExplainController::saveScreenshot(QMainWindow &window, MetricPage &page, const QString &directory)
{
    auto *controller = window.findChild<ExplainController *>();
    if (!controller || page.model()->rowCount() == 0)
        return QString();
    window.resize(1920, 1080); // room for the page and the panel side by side
    page.selectRow(0);
    QEventLoop loop;
    connect(controller, &ExplainController::explanationShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    if (!controller->explainRow(page.model()->table(), 0, QString(), page.filter()))
        return QString();
    loop.exec();
    QApplication::sendPostedEvents();
    const QString path = QDir(directory).filePath(QStringLiteral("explain.png"));
    return window.grab().save(path) ? path : QString();
}

} // namespace cpm
