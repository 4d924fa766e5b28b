// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/AnomaliesPage.h"

#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "charts/AnomalyChart.h"
#include "dashboard/PageExport.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cpm {

AnomaliesPage::AnomaliesPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page_anomalies"));
    PageExport::Source source{[] { return QStringLiteral("anomalies"); }, [this] { return filter(); },
                              [this] { return newExportChart(); }, [this] { return chartExportSize(); },
                              [this] { return currentTable(); }, [this] { return currentTableView(); }};
    m_export = new PageExport(this, std::move(source));
    setupWidgets();
    setReport(AnomalyReport());
}

QTableView *AnomaliesPage::newTable(Tab tab)
{
    auto *model = new MetricTableModel(this);
    auto *proxy = new MetricSortProxy(this);
    proxy->setSourceModel(model);
    auto *view = new QTableView(this);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->horizontalHeader()->setResizeContentsPrecision(200);
    view->setObjectName(QStringList{QStringLiteral("storesTable"), QStringLiteral("deviceTypesTable"),
                                    QStringLiteral("typologyCountryTable"), QStringLiteral("daysTable")}
                            .at(tab));
    m_export->attachTable(view);
    m_models << model;
    m_proxies << proxy;
    m_views << view;
    // The chart shows the first rows as sorted: redraw when the order changes.
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &AnomaliesPage::rebuildChart);
    return view;
}

QWidget *AnomaliesPage::setupHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *title = new QLabel(tr("Anomalies: refused and cancelled rates"), header);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    row->addWidget(title, 1);
    auto *button = new QToolButton(header);
    button->setObjectName(QStringLiteral("exportButton"));
    button->setText(tr("Export"));
    button->setToolTip(tr("Export this chart or table with the current filters"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(m_export->menu());
    row->addWidget(button);
    layout->addLayout(row);
    m_rule = new QLabel(QStringLiteral("<b>%1</b> %2<br><i>%3</i>")
                            .arg(tr("Rule:"), AnomalyRule::text().toHtmlEscaped(), AnomalyRule::statusNote().toHtmlEscaped()),
                        header);
    m_rule->setObjectName(QStringLiteral("rule"));
    m_rule->setWordWrap(true);
    m_rule->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_rule);
    return header;
}

void AnomaliesPage::setupWidgets()
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(setupHeader());
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_chartView = new QChartView(splitter);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(240);
    m_chartView->setFrameShape(QFrame::NoFrame);
    m_export->attachChart(m_chartView);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("anomalyTabs"));
    m_tabs->addTab(newTable(Stores), tr("Per store"));
    m_tabs->addTab(newTable(DeviceTypes), tr("Per device type"));
    m_tabs->addTab(newTable(TypologyCountry), tr("Per typology × country"));
    m_tabs->addTab(newTable(Days), tr("Per day"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &AnomaliesPage::rebuildChart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
}

void AnomaliesPage::setReport(const AnomalyReport &report)
{
    m_report = report;
    const QVector<const MetricTable *> tables = m_report.tables();
    for (int tab = 0; tab < m_models.size(); ++tab) {
        m_models[tab]->setTable(*tables[tab]);
        m_views[tab]->resizeColumnsToContents();
    }
    rebuildChart();
    updateNotes();
}

void AnomaliesPage::updateNotes()
{
    QStringList lines = m_report.byStore.notes;
    if (!m_report.filter.from.isNull() || !m_report.filter.to.isNull() || !m_report.byStore.isEmpty())
        lines.prepend(tr("Time column %1, %2.")
                          .arg(timeColumnName(m_report.filter.timeColumn),
                               m_report.filter.from.isNull() && m_report.filter.to.isNull()
                                   ? tr("all days")
                                   : tr("%1 to %2").arg(m_report.filter.from.toString(Qt::ISODate),
                                                        m_report.filter.to.toString(Qt::ISODate))));
    m_notes->setText(lines.join(QLatin1Char(' ')));
}

const MetricTable &AnomaliesPage::currentTable() const
{
    return *m_report.tables().at(qMax(0, m_tabs->currentIndex()));
}

QTableView *AnomaliesPage::currentTableView() const
{
    return m_views.value(qMax(0, m_tabs->currentIndex()));
}

QChart *AnomaliesPage::newChart(const QPalette &palette) const
{
    const QTableView *view = currentTableView();
    const auto *proxy = static_cast<const MetricSortProxy *>(view->model());
    QVector<int> rows;
    for (int row = 0; row < proxy->rowCount() && rows.size() < AnomalyChart::maxRows; ++row)
        rows << proxy->mapToSource(proxy->index(row, 0)).row();
    return AnomalyChart::create(currentTable(), rows, palette);
}

void AnomaliesPage::rebuildChart()
{
    if (!m_chartView || m_views.size() <= Days)
        return;
    QChart *old = m_chartView->chart();
    m_chartView->setChart(newChart(palette()));
    delete old;
}

QChart *AnomaliesPage::newExportChart() const
{
    QPalette light; // exports are light whatever the screen shows
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::WindowText, Qt::black);
    return newChart(light);
}

QSize AnomaliesPage::chartExportSize() const
{
    return m_chartView->size();
}

} // namespace cpm
