// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/MetricPage.h"

#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/EmptyWarehouseNotice.h"
#include "dashboard/PageExport.h"

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QShowEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cpm {

MetricPage::MetricPage(const QString &metricId, QWidget *parent)
    : QWidget(parent)
    , m_id(metricId)
{
    setObjectName(QStringLiteral("page_") + metricId);
    setupWidgets();
    m_empty = new EmptyWarehouseNotice(this);
    connect(m_empty, &EmptyWarehouseNotice::importRequested, this, &MetricPage::importRequested);
}

QTableView *MetricPage::newTable(QAbstractItemModel *model)
{
    auto *view = new QTableView(this);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several rows for Copy
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->sortByColumn(-1, Qt::AscendingOrder); // the metric's own order until a header is clicked
    // Column widths from the first 200 rows, not 1,000: each row is formatted to be measured.
    view->horizontalHeader()->setResizeContentsPrecision(200);
    return view;
}

void MetricPage::setupWidgets()
{
    m_model = new MetricTableModel(this);
    m_proxy = new MetricSortProxy(this);
    m_proxy->setSourceModel(m_model);
    m_export = new PageExport(this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(setupHeader());
    if (QWidget *toggle = setupToggle())
        layout->addWidget(toggle);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_chartView = new QChartView(splitter);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
    m_chartView->setFrameShape(QFrame::NoFrame); // the exported size is the view's size
    m_export->attachChart(m_chartView);
    m_table = newTable(m_proxy);
    m_export->attachTable(m_table);
    if (m_id == QLatin1String("time_to_5th_transaction")) {
        m_tabs = new QTabWidget(splitter);
        m_customerModel = new MetricTableModel(this);
        auto *customerProxy = new MetricSortProxy(this);
        customerProxy->setSourceModel(m_customerModel);
        m_customerTable = newTable(customerProxy);
        m_export->attachTable(m_customerTable);
        m_belowFiveModel = new MetricTableModel(this);
        auto *belowFiveProxy = new MetricSortProxy(this);
        belowFiveProxy->setSourceModel(m_belowFiveModel);
        m_belowFiveTable = newTable(belowFiveProxy);
        m_belowFiveTable->setObjectName(QStringLiteral("belowFiveTable"));
        m_export->attachTable(m_belowFiveTable);
        m_tabs->addTab(m_table, tr("Per store"));
        m_tabs->addTab(m_customerTable, tr("Per customer"));
        m_tabs->addTab(m_belowFiveTable, tr("Fewer than 5"));
    } else {
        splitter->addWidget(m_table);
    }
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { highlight(current.isValid() ? m_proxy->mapToSource(current).row() : -1); });
}

QLayout *MetricPage::setupHeader()
{
    auto *row = new QHBoxLayout;
    m_title = new QLabel(metricTitle(m_id), this);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);
    row->addWidget(m_title, 1);
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("exportButton"));
    button->setText(tr("Export"));
    button->setToolTip(tr("Export this chart or table with the current filters"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(m_export->menu());
    row->addWidget(button);
    return row;
}

QWidget *MetricPage::setupToggle()
{
    QStringList labels;
    if (m_id == QLatin1String("avg_amount_by_typology_country"))
        labels = {tr("Average per transaction"), tr("Average store total")};
    else if (m_id == QLatin1String("time_to_5th_transaction"))
        labels = {tr("1st transaction → 5th (default)"), tr("Store created → 5th")};
    if (labels.isEmpty())
        return nullptr;
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_toggle = new QButtonGroup(box);
    for (int i = 0; i < labels.size(); ++i) {
        auto *button = new QRadioButton(labels[i], box);
        button->setChecked(i == 0);
        m_toggle->addButton(button, i);
        row->addWidget(button);
    }
    row->addStretch(1);
    if (m_id == QLatin1String("avg_amount_by_typology_country"))
        addStoreVersionChoice(box, row);
    connect(m_toggle, &QButtonGroup::idClicked, this, [this] { rebuildChart(); updateNotes(); });
    return box;
}

// Store history: a store that changed typology or country counts under its current group
// (the default, said in the box) or under the group it had at each transaction.
void MetricPage::addStoreVersionChoice(QWidget *box, QHBoxLayout *row)
{
    m_storeVersion = new QComboBox(box);
    m_storeVersion->setObjectName(QStringLiteral("storeVersion"));
    m_storeVersion->addItem(tr("Stores by their current typology and country (default)"), int(StoreVersion::Current));
    m_storeVersion->addItem(tr("Stores by their typology and country at each transaction"), int(StoreVersion::AtTransaction));
    m_storeVersion->setToolTip(tr("A store whose typology or country changed between imports (store history) counts "
                                  "under its current group, or under the group it had when each transaction happened."));
    row->addWidget(m_storeVersion);
    connect(m_storeVersion, &QComboBox::activated, this,
            [this] { emit storeVersionChanged(StoreVersion(m_storeVersion->currentData().toInt())); });
}

const MetricTable &MetricPage::mainTable() const
{
    if (m_id == QLatin1String("top_stores"))
        return m_snapshot.topStores;
    if (m_id == QLatin1String("top_products"))
        return m_snapshot.topProducts;
    if (m_id == QLatin1String("avg_amount_by_typology_country"))
        return m_snapshot.avgByTypologyCountry;
    if (m_id == QLatin1String("device_type_share"))
        return m_snapshot.deviceTypeShare;
    return m_snapshot.timeToFifthPerStore;
}

void MetricPage::setSnapshot(const MetricsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    if (m_storeVersion) {
        const QSignalBlocker quiet(m_storeVersion);
        m_storeVersion->setCurrentIndex(m_storeVersion->findData(int(snapshot.filter.storeVersion)));
    }
    m_model->setTable(mainTable());
    if (m_customerModel)
        m_customerModel->setTable(snapshot.timeToFifthPerCustomer);
    if (m_belowFiveModel) {
        m_belowFiveModel->setTable(snapshot.timeToFifthBelowFive);
        m_tabs->setTabText(m_tabs->indexOf(m_belowFiveTable),
                           tr("Fewer than 5 (%1)").arg(snapshot.timeToFifthBelowFive.rows.size()));
    }
    updateNotes();
    // The chart and the column widths take tens of ms on large tables: a page out of sight
    // catches up when it is shown, so new numbers never stall the window for every page at once.
    m_viewStale = true;
    if (isVisible())
        refreshView();
}

void MetricPage::refreshView()
{
    m_viewStale = false;
    m_table->resizeColumnsToContents();
    rebuildChart();
}

void MetricPage::showEvent(QShowEvent *event)
{
    if (m_viewStale)
        refreshView();
    QWidget::showEvent(event);
}

ChartOptions MetricPage::chartOptions() const
{
    ChartOptions options;
    options.palette = palette();
    const bool second = m_toggle && m_toggle->checkedId() == 1;
    options.avgStoreTotal = second;
    options.fromStoreCreated = second;
    return options;
}

void MetricPage::rebuildChart()
{
    QChart *old = m_chartView->chart();
    m_chart = ChartFactory::forMetric(m_id, m_snapshot, chartOptions(), [this](int row) { selectRow(row); });
    m_chartView->setChart(m_chart.chart);
    delete old;
    m_highlighted = -1;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        highlight(m_proxy->mapToSource(current).row());
}

QChart *MetricPage::newExportChart() const
{
    ChartOptions options = chartOptions();
    QPalette light; // exports are light whatever the screen shows
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::WindowText, Qt::black);
    options.palette = light;
    return ChartFactory::forMetric(m_id, m_snapshot, options).chart;
}

QSize MetricPage::chartExportSize() const
{
    return m_chartView->size();
}

QTableView *MetricPage::currentTableView() const
{
    if (m_tabs && (m_tabs->currentWidget() == m_customerTable || m_tabs->currentWidget() == m_belowFiveTable))
        return qobject_cast<QTableView *>(m_tabs->currentWidget());
    return m_table;
}

const MetricTable &MetricPage::currentTable() const
{
    if (currentTableView() == m_belowFiveTable)
        return m_snapshot.timeToFifthBelowFive;
    return currentTableView() == m_customerTable ? m_snapshot.timeToFifthPerCustomer : mainTable();
}

void MetricPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // light ↔ dark: charts follow
        rebuildChart();
}

void MetricPage::highlight(int row)
{
    m_highlighted = row;
    if (m_chart.highlight)
        m_chart.highlight(row);
}

void MetricPage::selectRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

QStringList MetricPage::coverageNotes(const MetricsSnapshot &snapshot)
{
    const QLocale locale;
    const Coverage &c = snapshot.coverage;
    QStringList notes;
    notes << tr("n = %1 transactions (amount %2) from %3 of %4 stores.")
                 .arg(locale.toString(c.transactions), locale.toString(c.totalAmount, 'f', 2),
                      locale.toString(c.storesWithTransactions), locale.toString(c.storesTotal));
    if (c.withoutDevice > 0)
        notes << tr("Left out of store metrics: %1 transactions whose device is not in devices.csv.")
                     .arg(locale.toString(c.withoutDevice));
    if (c.withoutStore > 0)
        notes << tr("Left out of store metrics: %1 transactions whose device's store is not in stores.csv.")
                     .arg(locale.toString(c.withoutStore));
    if (c.lossySku > 0)
        notes << tr("%1 transactions have a SKU mangled by a spreadsheet (e.g. 3.77001E+12).")
                     .arg(locale.toString(c.lossySku));
    return notes;
}

void MetricPage::updateNotes()
{
    QStringList notes = mainTable().notes;
    if (m_id == QLatin1String("time_to_5th_transaction")) {
        const TimeToFifthSummary &t = m_snapshot.timeToFifth;
        const bool created = m_toggle && m_toggle->checkedId() == 1;
        const std::optional<double> days = created ? t.avgDaysFromStoreCreated() : t.avgDays();
        const std::optional<Spread> &spread = created ? t.spreadFromStoreCreated : t.spread;
        const QString median = spread ? QLocale().toString(spread->median / 86400.0, 'f', 2) : QStringLiteral("—");
        notes.prepend(tr("Clock: %1. Average %2 days, median %3 days over %4 stores with five or more transactions; "
                         "%5 stores had 1–4 and %6 had none, so they are not averaged.")
                          .arg(created ? tr("store created → 5th transaction") : tr("1st transaction → 5th"),
                               days ? QLocale().toString(*days, 'f', 2) : QStringLiteral("—"), median)
                          .arg(t.storesWith5)
                          .arg(t.storesWithAny - t.storesWith5)
                          .arg(t.storesTotal - t.storesWithAny));
    }
    notes << coverageNotes(m_snapshot);
    m_notes->setText(notes.join(QLatin1Char('\n')));
}

void MetricPage::setNoTransactions(bool none)
{
    m_empty->setVisible(none);
    if (none)
        m_empty->raise();
}

bool MetricPage::showsNoTransactions() const
{
    return !m_empty->isHidden();
}

} // namespace cpm
