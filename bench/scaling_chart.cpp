// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-bench-chart: the scaling charts of docs/benchmarks.md. Reads one or more results.tsv of
// bench/run.sh (size, step, value, peak RSS; several sizes, several repetitions) and draws,
// log–log against the number of transactions, (a) the import time of cpm, sqlite3 `.import`,
// sqlite3 `.import` + transform and DuckDB, (b) the filter-change latency (median; p95 for
// cpm) of cpm, sqlite3 without and with indexes and DuckDB. The charts get the app's look
// (ChartFactory::applyPalette with the light palette the dashboard exports with) and are
// written by ChartExporter::savePng / saveSvg, the functions behind the GUI's "Export chart".
//
//   cpm-bench-chart --out docs/screenshots build-bench/data/results.tsv [more.tsv ...]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "charts/ChartFactory.h"
#include "export/ChartExporter.h"

#include <QApplication>
#include <QChart>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMap>
#include <QPen>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

using namespace cpm;

namespace {

/** Medians per (size, step) of every results file given, and the sizes ordered by row count. */
class Results
{
public:
    bool read(const QString &path, QString *error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        int number = 0;
        while (!file.atEnd()) {
            ++number;
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty())
                continue;
            const QStringList fields = line.split(QLatin1Char('\t'));
            bool ok = false;
            const double value = fields.value(2).toDouble(&ok);
            if (fields.size() < 3 || !ok) {
                *error = QStringLiteral("%1:%2: expected size, step, value, peak RSS").arg(path).arg(number);
                return false;
            }
            m_values[fields[0]][fields[1]].push_back(value);
        }
        return true;
    }

    std::optional<double> median(const QString &size, const QString &step) const
    {
        std::vector<double> values = m_values.value(size).value(step);
        if (values.empty())
            return std::nullopt;
        std::sort(values.begin(), values.end());
        const std::size_t half = values.size() / 2;
        return values.size() % 2 ? values[half] : (values[half - 1] + values[half]) / 2;
    }

    /**
     * (transactions, size label) of every size with a row count, smallest first. Other data
     * shapes ("1M-wide") are left out: a scaling line joins one shape's sizes only.
     */
    QVector<QPair<double, QString>> sizes() const
    {
        QVector<QPair<double, QString>> out;
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
            if (it.key().contains(QLatin1Char('-')))
                continue;
            if (const auto n = median(it.key(), QStringLiteral("transactions")))
                out.append({*n, it.key()});
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    QMap<QString, QMap<QString, std::vector<double>>> m_values;
};

/** One line of a chart: its value at a size (none: no point there). */
struct Line
{
    QString name;
    QColor color;
    Qt::PenStyle style;
    std::function<std::optional<double>(const QString &size)> value;
};

/** "0.92 s", "12 s", "6.3 ms", "115 s" for a legend: two or three significant digits. */
QString readable(double value, const QString &unit)
{
    double shown = value;
    QString shownUnit = unit;
    if (unit == QLatin1String("ms") && value >= 1000) {
        shown = value / 1000;
        shownUnit = QStringLiteral("s");
    }
    const int decimals = shown >= 100 ? 0 : shown >= 10 ? 1 : 2;
    return QStringLiteral("%1 %2").arg(QString::number(shown, 'f', decimals), shownUnit);
}

QString sizeLabel(double n)
{
    if (n >= 1e6 && std::fmod(n, 1e6) == 0)
        return QStringLiteral("%1M").arg(n / 1e6);
    if (n >= 1e3 && std::fmod(n, 1e3) == 0)
        return QStringLiteral("%1k").arg(n / 1e3);
    return QString::number(n);
}

/** The light palette the dashboard's chart export uses (MetricPage::newExportChart). */
QPalette exportPalette()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::WindowText, Qt::black);
    return light;
}

/** The power of ten at or below (@p up false) or above (@p up true) @p value. */
double decade(double value, bool up)
{
    const double exponent = std::log10(value);
    return std::pow(10.0, up ? std::ceil(exponent - 1e-9) : std::floor(exponent + 1e-9));
}

QLogValueAxis *logAxis(const QString &title, const QString &format, double low, double high)
{
    auto *axis = new QLogValueAxis;
    axis->setBase(10);
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    axis->setRange(low, high);
    axis->setMinorTickCount(8); // 2×…9× between the decades: the usual log grid
    axis->setMinorGridLineColor(QColor(0xe6, 0xe6, 0xe6));
    axis->setGridLineColor(QColor(0xb4, 0xb4, 0xb4));
    QFont font = axis->titleFont();
    font.setPointSizeF(10);
    font.setBold(false);
    axis->setTitleFont(font);
    return axis;
}

/**
 * A log–log chart of @p lines against the sizes of @p results, laid out for export at @p size;
 * the legend, one line per series below the plot, gives every line's values, smallest size
 * first. Null when no line has a point.
 */
QChart *scalingChart(const Results &results, const QString &title, const QString &yTitle, const QString &unit,
                     const QVector<Line> &lines, const QSize &size)
{
    const auto sizes = results.sizes();
    auto *chart = new QChart;
    ChartFactory::applyPalette(chart, exportPalette());
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(12.5);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    double low = 0, high = 0;
    QVector<QLineSeries *> series;
    for (const Line &line : lines) {
        auto *s = new QLineSeries;
        QStringList values;
        for (const auto &at : sizes) {
            const std::optional<double> v = line.value(at.second);
            if (!v || *v <= 0)
                continue;
            s->append(at.first, *v);
            values << QStringLiteral("%1 at %2").arg(readable(*v, unit), sizeLabel(at.first));
            low = low > 0 ? std::min(low, *v) : *v;
            high = std::max(high, *v);
        }
        if (s->count() == 0) {
            delete s;
            continue;
        }
        // How the cost grows: the factor per tenfold rows between the smallest and largest size.
        QString growth;
        if (s->count() > 1) {
            const QPointF a = s->at(0), b = s->at(s->count() - 1);
            const double perDecade = std::pow(b.y() / a.y(), 1.0 / std::log10(b.x() / a.x()));
            growth = QStringLiteral("  (×%1 per 10× rows)").arg(QString::number(perDecade, 'f', perDecade < 10 ? 1 : 0));
        }
        s->setName(QStringLiteral("%1: %2%3").arg(line.name, values.join(QStringLiteral(", ")), growth));
        QPen pen(line.color, 2.5, line.style, Qt::RoundCap, Qt::RoundJoin);
        s->setPen(pen);
        s->setPointsVisible(true);
        s->setMarkerSize(7);
        series << s;
    }
    if (series.isEmpty()) {
        delete chart;
        return nullptr;
    }
    for (QLineSeries *s : series)
        chart->addSeries(s);
    // Whole decades around the data on both axes, so the grid reads as orders of magnitude.
    const double first = sizes.constFirst().first, last = sizes.constLast().first;
    QLogValueAxis *x = logAxis(QStringLiteral("transactions in the extract (log scale)"), QStringLiteral("%.0f"),
                               decade(first, false) == first ? first / 2 : decade(first, false),
                               decade(last, true) == last ? last * 2 : decade(last, true));
    // Just below the lowest decade: with the bound exactly on it, its label is not drawn.
    const double bottom = decade(low, false);
    QLogValueAxis *y = logAxis(yTitle, QStringLiteral("%.7g"), bottom * 0.999, std::max(decade(high, true), bottom * 10));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : series) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The legend entries carry the values, too long for one attached row: the legend is
    // detached and stacked (Qt::AlignLeft lays a detached legend out in columns) in the room
    // the bottom margin keeps free under the axis title.
    QLegend *legend = chart->legend();
    QFont legendFont = legend->font();
    legendFont.setPointSizeF(9.5);
    legend->setFont(legendFont);
    legend->setShowToolTips(true);
    legend->setMarkerShape(QLegend::MarkerShapeFromSeries);
    legend->detachFromChart();
    legend->setAlignment(Qt::AlignLeft);
    legend->setBackgroundVisible(false);
    const qreal rowHeight = QFontMetricsF(legendFont).height() * 1.85;
    const qreal legendHeight = rowHeight * qreal(series.size()) + 8;
    chart->setMargins(QMargins(8, 8, 16, int(std::ceil(legendHeight)) + 4));
    legend->setGeometry(QRectF(56, size.height() - legendHeight - 6, size.width() - 72, legendHeight));
    legend->update();
    return chart;
}

bool save(QChart *chart, const QDir &out, const QString &name, const ChartExportOptions &options, QTextStream &err)
{
    for (const QString &extension : {QStringLiteral("png"), QStringLiteral("svg")}) {
        const QString path = out.filePath(name + QLatin1Char('.') + extension);
        const Error error = extension == QLatin1String("png") ? ChartExporter::savePng(chart, path, options)
                                                              : ChartExporter::saveSvg(chart, path, options);
        if (error.isError()) {
            err << "cpm-bench-chart: " << error.toString() << "\n";
            return false;
        }
        QTextStream(stdout) << QDir::toNativeSeparators(path) << "\n";
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draws import time and filter-change latency against extract size from bench/run.sh results,\n"
        "as bench-import-scaling.{png,svg} and bench-filter-scaling.{png,svg} in the output folder."));
    parser.addOptions({{"out", "Output folder (created if missing).", "dir"},
                       {"scale", "PNG pixel density, 1 to 3 (default 2).", "n", "2"},
                       {"width", "Logical width in pixels (default 960).", "px", "960"},
                       {"height", "Logical height in pixels (default 660).", "px", "660"}});
    parser.addPositionalArgument(QStringLiteral("results"), QStringLiteral("results.tsv files of bench/run.sh"),
                                 QStringLiteral("results.tsv..."));
    parser.addHelpOption();
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(QStringLiteral("out")) || parser.positionalArguments().isEmpty()) {
        err << "cpm-bench-chart: --out DIR and at least one results.tsv are required\n";
        return 2;
    }
    Results results;
    QString error;
    for (const QString &path : parser.positionalArguments()) {
        if (!results.read(path, &error)) {
            err << "cpm-bench-chart: " << error << "\n";
            return 1;
        }
    }
    if (results.sizes().isEmpty()) {
        err << "cpm-bench-chart: no size with a 'transactions' row in the results\n";
        return 1;
    }
    const QDir out(parser.value(QStringLiteral("out")));
    if (!out.exists() && !QDir().mkpath(out.path())) {
        err << "cpm-bench-chart: cannot create " << out.path() << "\n";
        return 1;
    }
    ChartExportOptions options;
    options.size = QSize(parser.value(QStringLiteral("width")).toInt(), parser.value(QStringLiteral("height")).toInt());
    options.scale = std::clamp(parser.value(QStringLiteral("scale")).toInt(), 1, 3);

    const auto step = [&results](const char *name) {
        return [&results, name](const QString &size) { return results.median(size, QLatin1String(name)); };
    };
    // cpm's latencies are in ms already; the baseline's and DuckDB's are process seconds.
    const auto seconds = [&results](const char *name) {
        return [&results, name](const QString &size) -> std::optional<double> {
            const auto v = results.median(size, QLatin1String(name));
            return v ? std::optional<double>(*v * 1000) : std::nullopt;
        };
    };
    const QColor cpmBlue(0x1f, 0x5f, 0xbf), cpmLightBlue(0x6f, 0xa8, 0xf0), sqliteOrange(0xe0, 0x6c, 0x00), sqliteRed(0xb0, 0x24, 0x24),
        duckGreen(0x2e, 0x8b, 0x3d);
    const QVector<Line> importLines{
        {QStringLiteral("cpm  (cpm-cli import, ready to answer)"), cpmBlue, Qt::SolidLine, step("cpm_import")},
        {QStringLiteral("sqlite3 .import (untyped)"), sqliteOrange, Qt::DashLine, step("sqlite_import")},
        {QStringLiteral("sqlite3 .import + typed transform"), sqliteRed, Qt::SolidLine,
         [&results](const QString &size) -> std::optional<double> {
             const auto a = results.median(size, QStringLiteral("sqlite_import"));
             const auto b = results.median(size, QStringLiteral("sqlite_transform"));
             return a && b ? std::optional<double>(*a + *b) : std::nullopt;
         }},
        {QStringLiteral("DuckDB  (typed read_csv)"), duckGreen, Qt::SolidLine, step("duckdb_import")}};
    const QVector<Line> filterLines{
        {QStringLiteral("cpm median  (in-process, 56 filters)"), cpmBlue, Qt::SolidLine, step("cpm_median_ms")},
        {QStringLiteral("cpm p95"), cpmLightBlue, Qt::DashLine, step("cpm_p95_ms")},
        {QStringLiteral("sqlite3, no index"), sqliteRed, Qt::SolidLine, seconds("sqlite_refilter")},
        {QStringLiteral("sqlite3, covering indexes"), sqliteOrange, Qt::DashLine, seconds("sqlite_refilter_indexed")},
        {QStringLiteral("DuckDB"), duckGreen, Qt::SolidLine, seconds("duckdb_refilter")}};

    const std::unique_ptr<QChart> imports(scalingChart(
        results, QStringLiteral("Import time against extract size (wall clock, medians)"),
        QStringLiteral("seconds (log scale)"), QStringLiteral("s"), importLines, options.size));
    const std::unique_ptr<QChart> filters(scalingChart(
        results,
        QStringLiteral("Filter change: time to the five metrics (sqlite3 and DuckDB: one process per change)"),
        QStringLiteral("milliseconds (log scale)"), QStringLiteral("ms"), filterLines, options.size));
    if (!imports || !filters) {
        err << "cpm-bench-chart: the results hold no import or filter timings\n";
        return 1;
    }
    return save(imports.get(), out, QStringLiteral("bench-import-scaling"), options, err)
                   && save(filters.get(), out, QStringLiteral("bench-filter-scaling"), options, err)
               ? 0
               : 1;
}
