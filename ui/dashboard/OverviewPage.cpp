// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/OverviewPage.h"

#include "MetricTableModel.h"
#include "charts/ChartFactory.h"
#include "dashboard/EmptyWarehouseNotice.h"
#include "dashboard/MetricPage.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>

namespace cpm {

namespace {

QString cell(const MetricTable &table, int row, const char *key)
{
    const QString name = QString::fromLatin1(key);
    const int c = table.columnIndex(name);
    return c < 0 ? QString() : MetricTableModel::formatValue(table.value(row, name), table.columns[c].kind);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("page_overview"));
    auto *grid = new QGridLayout(this);
    const QStringList ids = metricIds();
    for (int i = 0; i < ids.size(); ++i)
        grid->addWidget(newCard(ids[i]), i / 3, i % 3);
    m_coverage = new QLabel(this);
    m_coverage->setWordWrap(true);
    m_coverage->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_coverage->setFrameShape(QFrame::StyledPanel);
    m_coverage->setMargin(12);
    grid->addWidget(m_coverage, 1, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    m_nextCard = int(m_cards.size());
    m_nextChart = new QTimer(this);
    m_nextChart->setSingleShot(true);
    m_nextChart->setInterval(0);
    connect(m_nextChart, &QTimer::timeout, this, &OverviewPage::rebuildNextChart);
    m_empty = new EmptyWarehouseNotice(this);
    connect(m_empty, &EmptyWarehouseNotice::importRequested, this, &OverviewPage::importRequested);
}

QWidget *OverviewPage::newCard(const QString &id)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *title = new QPushButton(metricTitle(id) + QStringLiteral("  ›"), frame);
    title->setFlat(true);
    title->setStyleSheet(QStringLiteral("text-align: left; font-weight: bold;"));
    title->setToolTip(tr("Open the full chart and table"));
    connect(title, &QPushButton::clicked, this, [this, id] { emit metricActivated(id); });
    layout->addWidget(title);
    Card card;
    card.id = id;
    card.key = new QLabel(frame);
    card.key->setObjectName(QStringLiteral("key_") + id);
    QFont font = card.key->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    card.key->setFont(font);
    layout->addWidget(card.key);
    card.chart = new QChartView(frame);
    card.chart->setRenderHint(QPainter::Antialiasing);
    card.chart->setMinimumSize(280, 200);
    layout->addWidget(card.chart, 1);
    m_cards << card;
    return frame;
}

QString OverviewPage::headline(const QString &id, const MetricsSnapshot &s)
{
    if (id == QLatin1String("top_stores") && !s.topStores.isEmpty())
        return tr("#1 %1: %2").arg(ChartFactory::rowLabel(s.topStores, 0), cell(s.topStores, 0, "total_amount"));
    if (id == QLatin1String("top_products") && !s.topProducts.isEmpty())
        return tr("#1 %1: %2 sold").arg(ChartFactory::rowLabel(s.topProducts, 0), cell(s.topProducts, 0, "transactions"));
    if (id == QLatin1String("avg_amount_by_typology_country") && !s.avgByTypologyCountry.isEmpty()) {
        const MetricTable &t = s.avgByTypologyCountry;
        int best = 0;
        for (int row = 1; row < t.rows.size(); ++row) {
            if (t.value(row, QStringLiteral("avg_amount")).toDouble() > t.value(best, QStringLiteral("avg_amount")).toDouble())
                best = row;
        }
        return tr("Highest: %1 · %2, %3 per transaction")
            .arg(cell(t, best, "typology"), cell(t, best, "country"), cell(t, best, "avg_amount"));
    }
    if (id == QLatin1String("device_type_share") && !s.deviceTypeShare.isEmpty())
        return tr("Type %1: %2 of transactions").arg(cell(s.deviceTypeShare, 0, "device_type"), cell(s.deviceTypeShare, 0, "pct"));
    if (id == QLatin1String("time_to_5th_transaction") && s.timeToFifth.avgDays()) {
        const std::optional<Spread> &spread = s.timeToFifth.spread;
        return tr("%1 days on average, median %2 (%3 stores)")
            .arg(QLocale().toString(*s.timeToFifth.avgDays(), 'f', 1),
                 spread ? QLocale().toString(spread->median / 86400.0, 'f', 1) : QStringLiteral("—"))
            .arg(s.timeToFifth.storesWith5);
    }
    return tr("No matching transactions");
}

void OverviewPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // light ↔ dark: charts follow
        rebuildCharts();
}

void OverviewPage::setSnapshot(const MetricsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_coverage->setText(tr("<b>What is counted</b><br>") + MetricPage::coverageNotes(snapshot).join(QStringLiteral("<br>")));
    if (isVisible()) {
        rebuildCharts(); // each card's number changes together with its chart
        return;
    }
    // Out of sight, the charts catch up when the page is shown (see MetricPage::setSnapshot).
    for (Card &card : m_cards)
        card.key->setText(headline(card.id, snapshot));
    m_chartsStale = true;
}

void OverviewPage::rebuildCharts()
{
    m_chartsStale = false;
    m_nextCard = 0;
    rebuildNextChart();
}

void OverviewPage::rebuildNextChart()
{
    // One chart per pass of the event loop (up to ~35 ms each at 10M transactions), so the
    // window keeps painting and answering while the five fill in.
    if (m_nextCard >= m_cards.size())
        return;
    ChartOptions options;
    options.compact = true;
    options.palette = palette();
    Card &card = m_cards[m_nextCard++];
    card.key->setText(headline(card.id, m_snapshot));
    QChart *old = card.chart->chart();
    card.chart->setChart(ChartFactory::forMetric(card.id, m_snapshot, options).chart);
    delete old;
    if (m_nextCard < m_cards.size())
        m_nextChart->start();
}

bool OverviewPage::chartsPending() const
{
    return m_nextCard < m_cards.size() && !m_chartsStale;
}

void OverviewPage::showEvent(QShowEvent *event)
{
    if (m_chartsStale)
        rebuildCharts();
    QWidget::showEvent(event);
}

QString OverviewPage::keyText(const QString &id) const
{
    for (const Card &card : m_cards) {
        if (card.id == id)
            return card.key->text();
    }
    return QString();
}

void OverviewPage::setNoTransactions(bool none)
{
    m_empty->setVisible(none);
    if (none)
        m_empty->raise();
}

bool OverviewPage::showsNoTransactions() const
{
    return !m_empty->isHidden();
}

} // namespace cpm
