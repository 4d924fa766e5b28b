// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/ChartFactory.h"
#include "metrics/MetricsSnapshot.h"

#include <QWidget>

class QAbstractItemModel;
class QChart;
class QButtonGroup;
class QChartView;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLayout;
class QTabWidget;
class QTableView;

namespace cpm {

class EmptyWarehouseNotice;

class MetricSortProxy;
class MetricTableModel;
class PageExport;

/** One metric in full: a large chart, its sortable table, and notes on ties, n and what was left out. */
class MetricPage : public QWidget
{
    Q_OBJECT

public:
    explicit MetricPage(const QString &metricId, QWidget *parent = nullptr);

    void setSnapshot(const MetricsSnapshot &snapshot);
    QString metricId() const { return m_id; }
    /** Shows "No transactions loaded" over the page instead of its empty charts (or hides it). */
    void setNoTransactions(bool none);
    bool showsNoTransactions() const;

    MetricTableModel *model() const { return m_model; }
    MetricSortProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    QChartView *chartView() const { return m_chartView; }
    QLabel *notesLabel() const { return m_notes; }
    /** Metric 3's choice of store version (current / at each transaction); null on other pages. */
    QComboBox *storeVersionBox() const { return m_storeVersion; }
    /** The source row whose bar is highlighted, -1 for none. */
    int highlightedRow() const { return m_highlighted; }
    /** Selects source row @p row in the table (as a click on its bar does). */
    void selectRow(int row);

    /** The Export menu and its actions (also the chart's and the table's context menus). */
    PageExport *exporter() const { return m_export; }
    /** The filters the page's numbers were computed with. */
    const MetricFilter &filter() const { return m_snapshot.filter; }
    /** A new chart as shown (same toggle), in light colours, for export. The caller owns it. */
    QChart *newExportChart() const;
    /** The chart view's size: exports have the size of what is on screen. */
    QSize chartExportSize() const;
    /** The table on show (per store or per customer for the time to 5th) and its view. */
    const MetricTable &currentTable() const;
    QTableView *currentTableView() const;

    /** "n = 15 transactions …" and what the metrics had to leave out, as sentences. */
    static QStringList coverageNotes(const MetricsSnapshot &snapshot);

signals:
    /** The user asked to import extracts (from the empty-warehouse notice). */
    void importRequested();
    /** The user chose how metric 3 groups stores (a filter change: the numbers are recomputed). */
    void storeVersionChanged(cpm::StoreVersion version);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setupWidgets();
    QLayout *setupHeader();
    QWidget *setupToggle();
    void addStoreVersionChoice(QWidget *box, QHBoxLayout *row);
    QTableView *newTable(QAbstractItemModel *model);
    ChartOptions chartOptions() const;
    void rebuildChart();
    void refreshView();
    void updateNotes();
    void highlight(int row);
    const MetricTable &mainTable() const;

    QString m_id;
    MetricsSnapshot m_snapshot;
    MetricChart m_chart;
    MetricTableModel *m_model = nullptr;
    MetricSortProxy *m_proxy = nullptr;
    MetricTableModel *m_customerModel = nullptr;
    MetricTableModel *m_belowFiveModel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_notes = nullptr;
    QChartView *m_chartView = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_customerTable = nullptr;
    QTableView *m_belowFiveTable = nullptr;
    QTabWidget *m_tabs = nullptr;
    PageExport *m_export = nullptr;
    QButtonGroup *m_toggle = nullptr;
    QComboBox *m_storeVersion = nullptr;
    int m_highlighted = -1;
    EmptyWarehouseNotice *m_empty = nullptr;
    bool m_viewStale = false; ///< chart and column widths still show older numbers (page hidden)
};

} // namespace cpm
