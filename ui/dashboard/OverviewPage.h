// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

#include <QWidget>

class QChartView;
class QLabel;
class QTimer;

namespace cpm {

class EmptyWarehouseNotice;

/** All five metrics at a glance: one card per metric with its key number and a small chart. */
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setSnapshot(const MetricsSnapshot &snapshot);
    /** Shows "No transactions loaded" over the page instead of its empty charts (or hides it). */
    void setNoTransactions(bool none);
    bool showsNoTransactions() const;
    /** Charts of the latest snapshot are still being built (one per pass of the event loop). */
    bool chartsPending() const;
    /** The key number shown on metric @p id's card. */
    QString keyText(const QString &id) const;

    /** The headline of metric @p id in @p snapshot ("Beta (#2): 500.00"). */
    static QString headline(const QString &id, const MetricsSnapshot &snapshot);

signals:
    /** The user asked for metric @p id's page. */
    void metricActivated(const QString &id);
    /** The user asked to import extracts (from the empty-warehouse notice). */
    void importRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Card
    {
        QString id;
        QLabel *key = nullptr;
        QChartView *chart = nullptr;
    };

    QWidget *newCard(const QString &id);
    void rebuildCharts();
    void rebuildNextChart();

    QVector<Card> m_cards;
    QLabel *m_coverage = nullptr;
    MetricsSnapshot m_snapshot;
    bool m_chartsStale = false; ///< the charts still show older numbers (page hidden)
    int m_nextCard = 0;         ///< the next card whose chart to rebuild
    QTimer *m_nextChart = nullptr;
    EmptyWarehouseNotice *m_empty = nullptr;
};

} // namespace cpm
