// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/ChartFactory.h"
#include "metrics/MetricsSnapshot.h"

#include <QWidget>

class QAbstractItemModel;
class QButtonGroup;
class QChartView;
class QLabel;
class QTabWidget;
class QTableView;

namespace cpm {

class MetricSortProxy;
class MetricTableModel;

/** One metric in full: a large chart, its sortable table, and notes on ties, n and what was left out. */
class MetricPage : public QWidget
{
    Q_OBJECT

public:
    explicit MetricPage(const QString &metricId, QWidget *parent = nullptr);

    void setSnapshot(const MetricsSnapshot &snapshot);
    QString metricId() const { return m_id; }

    MetricTableModel *model() const { return m_model; }
    MetricSortProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    QChartView *chartView() const { return m_chartView; }
    QLabel *notesLabel() const { return m_notes; }
    /** The source row whose bar is highlighted, -1 for none. */
    int highlightedRow() const { return m_highlighted; }
    /** Selects source row @p row in the table (as a click on its bar does). */
    void selectRow(int row);

    /** "n = 15 transactions …" and what the metrics had to leave out, as sentences. */
    static QStringList coverageNotes(const MetricsSnapshot &snapshot);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupWidgets();
    QWidget *setupToggle();
    QTableView *newTable(QAbstractItemModel *model);
    void rebuildChart();
    void updateNotes();
    void highlight(int row);
    const MetricTable &mainTable() const;

    QString m_id;
    MetricsSnapshot m_snapshot;
    MetricChart m_chart;
    MetricTableModel *m_model = nullptr;
    MetricSortProxy *m_proxy = nullptr;
    MetricTableModel *m_customerModel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_notes = nullptr;
    QChartView *m_chartView = nullptr;
    QTableView *m_table = nullptr;
    QButtonGroup *m_toggle = nullptr;
    int m_highlighted = -1;
};

} // namespace cpm
