// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/AnomalyChart.h"

#include "charts/ChartFactory.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

namespace cpm {

QString AnomalyChart::rowLabel(const MetricTable &table, int row)
{
    if (table.columnIndex(QStringLiteral("store_id")) >= 0) {
        QString label = QStringLiteral("%1 (#%2)").arg(table.value(row, QStringLiteral("store_name")).toString(),
                                                       table.value(row, QStringLiteral("store_id")).toString());
        if (!table.value(row, QStringLiteral("flag")).toString().isEmpty())
            label += QStringLiteral(" ⚑");
        return label;
    }
    if (table.columnIndex(QStringLiteral("typology")) >= 0)
        return table.value(row, QStringLiteral("typology")).toString() + QStringLiteral(" / ")
            + table.value(row, QStringLiteral("country")).toString();
    if (table.columnIndex(QStringLiteral("device_type")) >= 0)
        return QStringLiteral("type %1").arg(table.value(row, QStringLiteral("device_type")).toString());
    return table.value(row, QStringLiteral("day")).toString();
}

QChart *AnomalyChart::create(const MetricTable &table, const QVector<int> &rows, const QPalette &palette)
{
    auto *chart = new QChart;
    chart->setTitle(QStringLiteral("%1 (first %2 rows as sorted)").arg(table.title).arg(qMin<qsizetype>(rows.size(), maxRows)));
    auto *refused = new QBarSet(QStringLiteral("Refused %"));
    auto *cancelled = new QBarSet(QStringLiteral("Cancelled %"));
    QStringList labels;
    double top = 0;
    // A horizontal bar chart draws its first category at the bottom: add in reverse so the
    // first row of the table is the top bar.
    const qsizetype shown = qMin<qsizetype>(rows.size(), maxRows);
    for (qsizetype i = shown - 1; i >= 0; --i) {
        const int row = rows[i];
        const double r = table.value(row, QStringLiteral("refused_rate")).toDouble();
        const double c = table.value(row, QStringLiteral("cancelled_rate")).toDouble();
        *refused << r;
        *cancelled << c;
        top = qMax(top, qMax(r, c));
        labels << rowLabel(table, row);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(cancelled);
    series->append(refused);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setRange(0, top > 0 ? top * 1.05 : 1.0);
    values->applyNiceNumbers(); // ticks at 0, 20, 40 … rather than 0, 28, 55 …
    if (values->max() > 100) { // a rate never passes 100 %
        values->setRange(0, 100);
        values->setTickCount(6);
    }
    values->setLabelFormat(QStringLiteral("%.0f %%"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    ChartFactory::applyPalette(chart, palette);
    refused->setColor(QColor(0xc0, 0x39, 0x2b));
    cancelled->setColor(QColor(0xe6, 0xa1, 0x17));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace cpm
