// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/ChartFactory.h"

#include "MetricTableModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QHash>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cpm {

namespace {

QString key(const char *text) { return QString::fromLatin1(text); }

QChart *newChart(const QString &title, const ChartOptions &options)
{
    auto *chart = new QChart;
    ChartFactory::applyPalette(chart, options.palette);
    chart->setAnimationOptions(QChart::NoAnimation);
    if (!options.compact)
        chart->setTitle(title);
    chart->legend()->setVisible(!options.compact);
    chart->setMargins(options.compact ? QMargins(2, 2, 2, 2) : QMargins(8, 8, 8, 8));
    return chart;
}

void showTip(bool status, const QString &text)
{
    if (status)
        QToolTip::showText(QCursor::pos(), text);
    else
        QToolTip::hideText();
}

QString formatted(const MetricTable &table, int row, const QString &column)
{
    const int c = table.columnIndex(column);
    return c < 0 ? QString() : MetricTableModel::formatValue(table.rows.cell(row, c), table.columns[c].kind);
}

QValueAxis *valueAxis(double maximum, const QString &title, const ChartOptions &options)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, maximum > 0 ? maximum * 1.18 : 1.0); // room for the value labels at the bar ends
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%.0f"));
    if (!options.compact)
        axis->setTitleText(title);
    return axis;
}

void selectOnly(QBarSet *set, int index)
{
    set->deselectAllBars();
    if (index >= 0)
        set->selectBar(index);
}

} // namespace

void ChartFactory::applyPalette(QChart *chart, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
}

QString ChartFactory::rowLabel(const MetricTable &table, int row)
{
    if (table.columnIndex(key("store_name")) >= 0) {
        return QStringLiteral("%1 (#%2)").arg(table.value(row, key("store_name")).toString(),
                                              table.value(row, key("store_id")).toString());
    }
    if (table.columnIndex(key("product_sku")) >= 0) {
        return QStringLiteral("%1 (%2)").arg(table.value(row, key("product_name")).toString(),
                                             table.value(row, key("product_sku")).toString());
    }
    return table.rows.value(row).value(0).toString();
}

MetricChart ChartFactory::forMetric(const QString &id, const MetricsSnapshot &snapshot, const ChartOptions &options,
                                    const RowCallback &clicked)
{
    if (id == QLatin1String("top_stores"))
        return topBars(snapshot.topStores, key("total_amount"), options, clicked);
    if (id == QLatin1String("top_products"))
        return topBars(snapshot.topProducts, key("transactions"), options, clicked);
    if (id == QLatin1String("avg_amount_by_typology_country"))
        return groupedBars(snapshot.avgByTypologyCountry, options, clicked);
    if (id == QLatin1String("device_type_share"))
        return donut(snapshot.deviceTypeShare, options, clicked);
    return histogram(snapshot, options, clicked);
}

MetricChart ChartFactory::topBars(const MetricTable &table, const QString &valueKey, const ChartOptions &options,
                                  const RowCallback &clicked)
{
    QChart *chart = newChart(table.title, options);
    const int column = table.columnIndex(valueKey);
    const QString header = column >= 0 ? table.columns[column].header : valueKey;
    auto *set = new QBarSet(header);
    QStringList categories;
    double maximum = 0;
    const int n = int(table.rows.size());
    // Bar 0 is drawn at the bottom, so rank 1 goes last to end up on top.
    for (int row = n - 1; row >= 0; --row) {
        const double value = std::round(table.value(row, valueKey).toDouble() * 100) / 100; // cents on the labels
        *set << value;
        maximum = std::max(maximum, value);
        categories << (options.compact && n > 6 ? QStringLiteral("#%1").arg(row + 1) : rowLabel(table, row));
    }
    set->setSelectedColor(options.palette.color(QPalette::Highlight));
    set->setLabelColor(options.palette.color(QPalette::Text));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(12);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    axisY->setLabelsVisible(!options.compact || n <= 6); // thumbnails: the headline names #1
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QValueAxis *axisX = valueAxis(maximum, header, options);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QObject::connect(set, &QBarSet::hovered, chart, [table, valueKey, n](bool status, int index) {
        const int row = n - 1 - index;
        showTip(status, QStringLiteral("%1\n%2").arg(rowLabel(table, row), formatted(table, row, valueKey)));
    });
    if (clicked) // on press, the right button too: a bar's context menu is then about that bar
        QObject::connect(set, &QBarSet::pressed, chart, [clicked, n](int index) { clicked(n - 1 - index); });
    return {chart, [set, n](int row) { selectOnly(set, row < 0 ? -1 : n - 1 - row); }};
}

namespace {

/** Typologies in table order, and the countries with the most transactions (the rest stay in the table). */
struct Groups
{
    static constexpr int maxCountries = 6;
    QStringList typologies;
    QStringList countries;
    int allCountries = 0;

    explicit Groups(const MetricTable &table)
    {
        QHash<QString, qint64> perCountry;
        for (int row = 0; row < table.rows.size(); ++row) {
            const QString typology = table.value(row, key("typology")).toString();
            if (!typologies.contains(typology))
                typologies << typology;
            perCountry[table.value(row, key("country")).toString()] += table.value(row, key("transactions")).toLongLong();
        }
        countries = perCountry.keys();
        std::sort(countries.begin(), countries.end(), [&perCountry](const QString &a, const QString &b) {
            return perCountry[a] != perCountry[b] ? perCountry[a] > perCountry[b] : a < b;
        });
        allCountries = int(countries.size());
        countries = countries.mid(0, maxCountries);
    }
};

/** The groups ranked by @p valueKey, best first, as a two-column table for horizontal bars. */
MetricTable rankedGroups(const MetricTable &table, const QString &valueKey, int limit)
{
    MetricTable ranked;
    ranked.title = table.title;
    ranked.columns = {{key("group"), QStringLiteral("Group"), ValueKind::Text},
                      table.columns.value(table.columnIndex(valueKey))};
    for (int row = 0; row < table.rows.size(); ++row) {
        ranked.rows << QVariantList{table.value(row, key("typology")).toString() + QStringLiteral(" · ")
                                        + table.value(row, key("country")).toString(),
                                    table.value(row, valueKey)};
    }
    QVector<QVariantList> &rows = ranked.rows.editable();
    std::stable_sort(rows.begin(), rows.end(),
                     [](const QVariantList &a, const QVariantList &b) { return a[1].toDouble() > b[1].toDouble(); });
    ranked.rows = ranked.rows.mid(0, limit);
    return ranked;
}

} // namespace

MetricChart ChartFactory::groupedBars(const MetricTable &table, const ChartOptions &options,
                                      const RowCallback &clicked)
{
    const QString valueKey = options.avgStoreTotal ? key("avg_store_total") : key("avg_amount");
    if (options.compact) // a thumbnail cannot hold typologies × countries: show the best groups
        return topBars(rankedGroups(table, valueKey, 6), valueKey, options, {});
    const Groups groups(table);
    QString title = table.title;
    if (groups.allCountries > groups.countries.size())
        title += QStringLiteral(" (the %1 countries with most transactions; all %2 are in the table)")
                     .arg(groups.countries.size()).arg(groups.allCountries);
    QChart *chart = newChart(title, options);
    auto *series = new QBarSeries;
    QVector<QBarSet *> sets;
    for (const QString &country : groups.countries) {
        auto *set = new QBarSet(country);
        for (int i = 0; i < groups.typologies.size(); ++i)
            *set << 0.0;
        set->setSelectedColor(options.palette.color(QPalette::Highlight));
        set->setLabelColor(options.palette.color(QPalette::Text));
        series->append(set);
        sets << set;
    }
    QVector<QPair<int, int>> rowToBar; // (set, typology index); set -1 when the country is not drawn
    double maximum = 0;
    for (int row = 0; row < table.rows.size(); ++row) {
        const int s = int(groups.countries.indexOf(table.value(row, key("country")).toString()));
        const int t = int(groups.typologies.indexOf(table.value(row, key("typology")).toString()));
        rowToBar << qMakePair(s, t);
        if (s >= 0) {
            sets[s]->replace(t, std::round(table.value(row, valueKey).toDouble() * 100) / 100);
            maximum = std::max(maximum, table.value(row, valueKey).toDouble());
        }
    }
    series->setLabelsVisible(groups.countries.size() * groups.typologies.size() <= 24);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(6);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(groups.typologies);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    const QString axisTitle = options.avgStoreTotal ? QStringLiteral("Average store total")
                                                    : QStringLiteral("Average amount per transaction");
    QValueAxis *axisY = valueAxis(maximum, axisTitle, options);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    connectGroupedBars(sets, rowToBar, table, valueKey, clicked);
    return {chart, [sets, rowToBar](int row) {
                for (QBarSet *set : sets)
                    set->deselectAllBars();
                if (row >= 0 && row < rowToBar.size() && rowToBar[row].first >= 0)
                    sets[rowToBar[row].first]->selectBar(rowToBar[row].second);
            }};
}

void ChartFactory::connectGroupedBars(const QVector<QBarSet *> &sets, const QVector<QPair<int, int>> &rowToBar,
                                      const MetricTable &table, const QString &valueKey, const RowCallback &clicked)
{
    const auto rowOf = [rowToBar](int s, int t) { return int(rowToBar.indexOf(qMakePair(s, t))); };
    for (int s = 0; s < sets.size(); ++s) {
        QObject::connect(sets[s], &QBarSet::hovered, sets[s], [=](bool status, int index) {
            const int row = rowOf(s, index);
            if (row >= 0)
                showTip(status, QStringLiteral("%1 · %2\n%3: %4\nTransactions: %5")
                                    .arg(formatted(table, row, key("typology")), formatted(table, row, key("country")),
                                         table.columns.value(table.columnIndex(valueKey)).header,
                                         formatted(table, row, valueKey), formatted(table, row, key("transactions"))));
        });
        if (clicked)
            QObject::connect(sets[s], &QBarSet::pressed, sets[s], [=](int index) {
                if (rowOf(s, index) >= 0)
                    clicked(rowOf(s, index));
            });
    }
}

MetricChart ChartFactory::donut(const MetricTable &table, const ChartOptions &options, const RowCallback &clicked)
{
    QChart *chart = newChart(table.title, options);
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    series->setPieSize(options.compact ? 0.9 : 0.75);
    for (int row = 0; row < table.rows.size(); ++row) {
        const QVariant type = table.value(row, key("device_type"));
        const QString name = type.isNull() ? QStringLiteral("unknown device") : QStringLiteral("type %1").arg(type.toString());
        const QString pct = formatted(table, row, key("pct"));
        // A thumbnail's legend beside its donut has room for about ten characters: "type 1: 23...."
        // hid the share, so it names the type by its number there (the title says "device type").
        const QString label = options.compact && !type.isNull() ? QStringLiteral("%1: %2").arg(type.toString(), pct)
                                                                 : QStringLiteral("%1: %2").arg(name, pct);
        QPieSlice *slice = series->append(label, table.value(row, key("pct")).toDouble());
        slice->setLabelVisible(!options.compact);
        QObject::connect(slice, &QPieSlice::hovered, chart, [=](bool status) {
            showTip(status, QStringLiteral("%1\n%2 of transactions\n%3 transactions")
                                .arg(name, pct, formatted(table, row, key("transactions"))));
        });
        if (clicked)
            QObject::connect(slice, &QPieSlice::pressed, chart, [clicked, row] { clicked(row); });
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setShowToolTips(true); // a label cut short still shows whole on hover
    chart->legend()->setVisible(true); // the only place a thumbnail names its slices
    return {chart, [series](int row) {
                const QList<QPieSlice *> slices = series->slices();
                for (int i = 0; i < slices.size(); ++i)
                    slices[i]->setExploded(i == row);
            }};
}

} // namespace cpm
