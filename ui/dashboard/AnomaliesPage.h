// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "anomalies/AnomalyReport.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTabWidget;
class QTableView;

namespace cpm {

class MetricSortProxy;
class MetricTableModel;
class PageExport;

/**
 * The sixth page: refused and cancelled rates per store, device type, typology × country and
 * day (one sortable table per tab), a bar chart of the current tab's first rows as sorted,
 * and the flagging rule stated above them. Exports like the metric pages (PageExport).
 */
class AnomaliesPage : public QWidget
{
    Q_OBJECT

public:
    enum Tab { Stores, DeviceTypes, TypologyCountry, Days };

    explicit AnomaliesPage(QWidget *parent = nullptr);

    void setReport(const AnomalyReport &report);
    const AnomalyReport &report() const { return m_report; }
    const MetricFilter &filter() const { return m_report.filter; }

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *tableView(Tab tab) const { return m_views.value(tab); }
    MetricTableModel *model(Tab tab) const { return m_models.value(tab); }
    MetricSortProxy *proxy(Tab tab) const { return m_proxies.value(tab); }
    QChartView *chartView() const { return m_chartView; }
    QLabel *ruleLabel() const { return m_rule; }
    QLabel *notesLabel() const { return m_notes; }
    PageExport *exporter() const { return m_export; }

    /** The table of the tab on show, and its view. */
    const MetricTable &currentTable() const;
    QTableView *currentTableView() const;
    /** A new chart of the tab on show, in light colours, for export. The caller owns it. */
    QChart *newExportChart() const;
    QSize chartExportSize() const;

private:
    void setupWidgets();
    QWidget *setupHeader();
    QTableView *newTable(Tab tab);
    QChart *newChart(const QPalette &palette) const;
    void rebuildChart();
    void updateNotes();

    AnomalyReport m_report;
    QTabWidget *m_tabs = nullptr;
    QVector<MetricTableModel *> m_models;
    QVector<MetricSortProxy *> m_proxies;
    QVector<QTableView *> m_views;
    QChartView *m_chartView = nullptr;
    QLabel *m_rule = nullptr;
    QLabel *m_notes = nullptr;
    PageExport *m_export = nullptr;
};

} // namespace cpm
