// SPDX-License-Identifier: GPL-3.0-or-later
// ChartFactory::histogram: stores by days to their 5th transaction, with the average marked
// and a box plot (quartiles, median, range) on the same day scale.
#include "charts/ChartFactory.h"

#include "MetricTableModel.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cpm {

namespace {

/** Day buckets: at most about twenty bars, each a whole number of days wide. */
struct DayBins
{
    qint64 firstDay = 0;
    qint64 width = 1;
    int count = 0;
    QVector<int> rowBin;   ///< bin of each table row (-1: no value)
    QVector<int> stores;   ///< stores per bin

    DayBins(const MetricTable &table, const QString &secondsKey)
    {
        QVector<qint64> days;
        for (int row = 0; row < table.rows.size(); ++row) {
            const QVariant v = table.value(row, secondsKey);
            days << (v.isNull() ? std::numeric_limits<qint64>::min() : qint64(std::floor(v.toDouble() / 86400.0)));
        }
        QVector<qint64> valid;
        std::copy_if(days.begin(), days.end(), std::back_inserter(valid),
                     [](qint64 d) { return d != std::numeric_limits<qint64>::min(); });
        if (valid.isEmpty())
            return;
        firstDay = *std::min_element(valid.begin(), valid.end());
        const qint64 span = *std::max_element(valid.begin(), valid.end()) - firstDay + 1;
        // A width people count in (days, weeks, months), so the bars read "0–29", "30–59", ...
        for (qint64 candidate : {1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365, 730}) {
            width = candidate;
            if (span / candidate < 20)
                break;
        }
        firstDay = firstDay >= 0 ? firstDay - firstDay % width : firstDay - (width + firstDay % width) % width;
        const qint64 lastDay = *std::max_element(valid.begin(), valid.end());
        count = int((lastDay - firstDay) / width + 1);
        stores.fill(0, count);
        for (qint64 d : days) {
            const int bin = d == std::numeric_limits<qint64>::min() ? -1 : int((d - firstDay) / width);
            rowBin << bin;
            if (bin >= 0)
                ++stores[bin];
        }
    }

    QString label(int bin) const
    {
        const qint64 from = firstDay + bin * width;
        return width == 1 ? QString::number(from) : QStringLiteral("%1–%2").arg(from).arg(from + width - 1);
    }
    /** Position of @p days on the category scale (bin i spans i - 0.5 … i + 0.5). */
    double position(double days) const { return (days - double(firstDay)) / double(width) - 0.5; }
};

/** A hidden axis in bin positions (bin i spans i - 0.5 … i + 0.5) for the lines drawn over the bars. */
QValueAxis *addPositionAxis(QChart *chart, const DayBins &bins)
{
    auto *axisX = new QValueAxis;
    axisX->setRange(-0.5, bins.count - 0.5);
    axisX->setVisible(false);
    chart->addAxis(axisX, Qt::AlignTop);
    return axisX;
}

QLineSeries *addLine(QChart *chart, QPointF from, QPointF to, const QPen &pen, QValueAxis *axisX, QValueAxis *axisY)
{
    auto *line = new QLineSeries;
    line->append(from);
    line->append(to);
    line->setPen(pen);
    chart->addSeries(line);
    line->attachAxis(axisX);
    line->attachAxis(axisY);
    return line;
}

void addAverageLine(QChart *chart, const DayBins &bins, double avgDays, QValueAxis *axisX, QValueAxis *axisY, double top)
{
    QPen pen(QColor(220, 50, 47));
    pen.setWidth(2);
    pen.setStyle(Qt::DashLine);
    const double x = bins.position(avgDays);
    QLineSeries *line = addLine(chart, {x, 0}, {x, top}, pen, axisX, axisY);
    line->setName(QStringLiteral("Average: %1 days").arg(QLocale().toString(avgDays, 'f', 1)));
}

/**
 * A horizontal box plot above the bars, on the same day scale: whiskers from the minimum to
 * the maximum, the box from the first to the third quartile, a bar at the median.
 */
void addQuartileBox(QChart *chart, const DayBins &bins, const Spread &spread, QValueAxis *axisX, QValueAxis *axisY,
                    double low, double high)
{
    auto at = [&](double seconds) { return bins.position(seconds / 86400.0); };
    const double middle = (low + high) / 2;
    const QColor ink(38, 139, 210);
    QPen whiskerPen(ink);
    whiskerPen.setWidth(2);
    for (QLineSeries *whisker : {addLine(chart, {at(spread.min), middle}, {at(spread.q1), middle}, whiskerPen, axisX, axisY),
                                 addLine(chart, {at(spread.q3), middle}, {at(spread.max), middle}, whiskerPen, axisX, axisY),
                                 addLine(chart, {at(spread.min), low}, {at(spread.min), high}, whiskerPen, axisX, axisY),
                                 addLine(chart, {at(spread.max), low}, {at(spread.max), high}, whiskerPen, axisX, axisY)})
        chart->legend()->markers(whisker).first()->setVisible(false);
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    *upper << QPointF(at(spread.q1), high) << QPointF(at(spread.q3), high);
    *lower << QPointF(at(spread.q1), low) << QPointF(at(spread.q3), low);
    auto *box = new QAreaSeries(upper, lower);
    upper->setParent(box); // an area series does not own its edges
    lower->setParent(box);
    const QLocale locale;
    auto days = [&](double seconds) { return locale.toString(seconds / 86400.0, 'f', 1); };
    box->setName(QStringLiteral("Quartiles: %1 – %2 days").arg(days(spread.q1), days(spread.q3)));
    QColor fill = ink;
    fill.setAlpha(90);
    box->setBrush(fill);
    box->setPen(whiskerPen);
    chart->addSeries(box);
    box->attachAxis(axisX);
    box->attachAxis(axisY);
    QPen medianPen(QColor(0, 0, 0));
    medianPen.setWidth(3);
    QLineSeries *median = addLine(chart, {at(spread.median), low}, {at(spread.median), high}, medianPen, axisX, axisY);
    median->setName(QStringLiteral("Median: %1 days").arg(days(spread.median)));
}

QBarSet *addBins(QChart *chart, const DayBins &bins, const ChartOptions &options, double top, QValueAxis **axisY)
{
    auto *set = new QBarSet(QStringLiteral("Stores"));
    QStringList categories;
    for (int bin = 0; bin < bins.count; ++bin) {
        *set << bins.stores[bin];
        categories << bins.label(bin);
    }
    set->setSelectedColor(options.palette.color(QPalette::Highlight));
    set->setLabelColor(options.palette.color(QPalette::Text));
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.95);
    series->setLabelsVisible(!options.compact);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setLabelsVisible(!options.compact);
    axisX->setTitleText(options.compact ? QString() : QStringLiteral("Days"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    *axisY = new QValueAxis;
    (*axisY)->setRange(0, top);
    (*axisY)->applyNiceNumbers(); // 0, 2000, 4000 … rather than the headroom's 8337
    (*axisY)->setLabelFormat(QStringLiteral("%.0f"));
    (*axisY)->setTitleText(options.compact ? QString() : QStringLiteral("Stores"));
    chart->addAxis(*axisY, Qt::AlignLeft);
    series->attachAxis(*axisY);
    return set;
}

} // namespace

MetricChart ChartFactory::histogram(const MetricsSnapshot &snapshot, const ChartOptions &options,
                                    const RowCallback &clicked)
{
    const MetricTable &table = snapshot.timeToFifthPerStore;
    const QString secondsKey = options.fromStoreCreated ? QStringLiteral("seconds_from_store_created")
                                                        : QStringLiteral("seconds");
    const std::optional<double> avg = options.fromStoreCreated ? snapshot.timeToFifth.avgDaysFromStoreCreated()
                                                               : snapshot.timeToFifth.avgDays();
    auto *chart = new QChart;
    applyPalette(chart, options.palette);
    chart->setAnimationOptions(QChart::NoAnimation);
    if (!options.compact)
        chart->setTitle(options.fromStoreCreated ? QStringLiteral("Stores by days from store creation to 5th transaction")
                                                 : QStringLiteral("Stores by days from 1st to 5th transaction"));
    chart->legend()->setVisible(!options.compact);
    const DayBins bins(table, secondsKey);
    const int most = bins.stores.isEmpty() ? 1 : *std::max_element(bins.stores.begin(), bins.stores.end());
    const std::optional<Spread> &spread = options.fromStoreCreated ? snapshot.timeToFifth.spreadFromStoreCreated
                                                                   : snapshot.timeToFifth.spread;
    // Headroom above the tallest bar and its label holds the box plot.
    const bool withBox = spread && bins.count > 0;
    const double top = withBox ? most * 1.5 + 1 : most * 1.2 + 0.5;
    QValueAxis *axisY = nullptr;
    QBarSet *set = addBins(chart, bins, options, top, &axisY);
    if (bins.count > 0) {
        QValueAxis *axisX = addPositionAxis(chart, bins);
        if (withBox)
            addQuartileBox(chart, bins, *spread, axisX, axisY, most * 1.25 + 0.5, most * 1.4 + 0.8);
        if (avg)
            addAverageLine(chart, bins, *avg, axisX, axisY, top);
    }
    QObject::connect(set, &QBarSet::hovered, chart, [set, bins](bool status, int index) {
        if (status)
            QToolTip::showText(QCursor::pos(), QStringLiteral("%1 days: %2 stores").arg(bins.label(index)).arg(set->at(index)));
        else
            QToolTip::hideText();
    });
    const QVector<int> rowBin = bins.rowBin;
    if (clicked)
        QObject::connect(set, &QBarSet::pressed, chart, [clicked, rowBin](int index) {
            const int row = int(rowBin.indexOf(index));
            if (row >= 0)
                clicked(row);
        });
    return {chart, [set, rowBin](int row) {
                set->deselectAllBars();
                if (row >= 0 && row < rowBin.size() && rowBin[row] >= 0)
                    set->selectBar(rowBin[row]);
            }};
}

} // namespace cpm
