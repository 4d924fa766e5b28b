// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explain/ExplainRunner.h"
#include "metrics/MetricTable.h"

#include <QObject>

#include <functional>

class QAbstractItemView;
class QAction;
class QDockWidget;
class QMainWindow;

namespace cpm {

class AnomaliesPage;
class ExplainPanel;
class MetricPage;

/**
 * "Explain this number…": adds the entry to the context menus of the metric pages' tables
 * and charts, asks the runner for the explanation of the row under the menu, and shows it
 * in a side panel docked on the right of the window.
 */
class ExplainController : public QObject
{
    Q_OBJECT

public:
    /** @p warehousePath gives the open warehouse file (empty: none). */
    ExplainController(QMainWindow *window, std::function<QString()> warehousePath);

    /** Adds "Explain this number…" to the tables and the chart of @p page. */
    void attach(MetricPage *page);
    /**
     * Adds "Explain this number…" to the per-store table of the anomalies page: it lists every
     * transaction of the store under the page's time column and range, of all @p statuses
     * (the warehouse's), so the listed rows add up to the store's n and show its refusals.
     */
    void attachAnomalies(AnomaliesPage *page, std::function<QStringList()> statuses);

    /** Explains row @p row of @p table, emphasising column @p columnKey, under @p filter. False: nothing to explain. */
    bool explainRow(const MetricTable &table, int row, const QString &columnKey, const MetricFilter &filter);

    /**
     * Explains the first row of @p page in @p window's panel (as the context menu would) and
     * saves the window as DIR/explain.png; the path, or empty when it failed.
     */
    static QString saveScreenshot(QMainWindow &window, MetricPage &page, const QString &directory);

    QDockWidget *dock() const { return m_dock; }
    ExplainPanel *panel() const { return m_panel; }
    ExplainRunner *runner() const { return m_runner; }

signals:
    /** The panel shows a new explanation (or its error). */
    void explanationShown();

private:
    QAction *newAction(QWidget *owner);
    void explainTableCell(QAbstractItemView *view, const MetricFilter &filter);
    void explainChartRow(MetricPage *page);

    QMainWindow *m_window;
    std::function<QString()> m_path;
    QDockWidget *m_dock = nullptr;
    ExplainPanel *m_panel = nullptr;
    ExplainRunner *m_runner = nullptr;
    QString m_emphasis;
    QVariantMap m_shown; ///< the row as the dashboard shows it, by column key
};

} // namespace cpm
