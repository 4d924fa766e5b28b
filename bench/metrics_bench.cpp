// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-bench: opens a warehouse and times MetricsEngine::compute in-process over many filter
// combinations (status sets × time column × date ranges). Prints key=value lines that
// bench/run.sh turns into the table: snapshot load time, median and p95 per filter class.
#include "BenchStats.h"
#include "columnar/ColumnarCache.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarTable.h"
#include "metrics/MetricsEngine.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace cpm;

namespace {

using bench::percentile;

/** Peak and current resident memory of this process in MB (from /proc/self/status). */
QString memory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QString();
    QString out;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:"))
            out += QStringLiteral(" %1_mb=%2").arg(QString::fromLatin1(line.left(5)).toLower())
                       .arg(line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024);
    }
    return out;
}

/** Every combination the benchmark times: statuses × time column × ranges inside the data. */
QVector<MetricFilter> filters(const FilterDomain &domain)
{
    const QList<QStringList> statusSets{{"accepted"}, {"accepted", "refused"}, {"refused"},
                                        {"accepted", "refused", "cancelled"}};
    QVector<MetricFilter> out;
    for (int column = 0; column < 2; ++column) {
        const QDate first = domain.firstDay[column], last = domain.lastDay[column];
        const qint64 span = first.daysTo(last);
        // No range, then a week, a month, a quarter, half the data, 90 % of it and an open end.
        const QVector<QPair<QDate, QDate>> ranges{{QDate(), QDate()},
                                                  {first.addDays(span / 2), first.addDays(span / 2 + 6)},
                                                  {first.addDays(span / 3), first.addDays(span / 3 + 30)},
                                                  {first.addDays(span / 4), first.addDays(span / 4 + 91)},
                                                  {first.addDays(span / 4), first.addDays(3 * span / 4)},
                                                  {first.addDays(span / 20), last.addDays(-span / 20)},
                                                  {first.addDays(span / 3), QDate()}};
        for (const QStringList &statuses : statusSets) {
            for (const auto &range : ranges) {
                MetricFilter f;
                f.statuses = statuses;
                f.timeColumn = TimeColumn(column);
                f.from = range.first;
                f.to = range.second;
                out << f;
            }
        }
    }
    return out;
}

/** The path taken when no valid persisted snapshot exists: a full read of the models. */
int timeRebuild(const Warehouse &warehouse, QTextStream &out)
{
    QElapsedTimer timer;
    timer.start();
    Error error;
    if (!columnar::ColumnarTable::load(warehouse.handle(), &error)) {
        QTextStream(stderr) << "cpm-bench: " << error.toString() << "\n";
        return 1;
    }
    out << "rebuild_ms=" << double(timer.nsecsElapsed()) / 1e6 << memory() << "\n";
    return 0;
}

/** Whether the persisted snapshot (built at import) encodes to the same bytes as a rebuild. */
int verifyPersisted(const Warehouse &warehouse, QTextStream &out)
{
    Error error;
    columnar::persist::Status status = columnar::persist::Status::Missing;
    const auto stored = columnar::persist::load(warehouse.handle(), warehouse.lastBatchId(), &status);
    const auto rebuilt = columnar::ColumnarTable::load(warehouse.handle(), &error, false);
    if (!stored || !rebuilt) {
        QTextStream(stderr) << "cpm-bench: persisted snapshot " << columnar::persist::describe(status) << " "
                            << error.toString() << "\n";
        return 1;
    }
    const bool same = columnar::persist::encode(*stored) == columnar::persist::encode(*rebuilt);
    out << "persisted_matches_rebuild=" << (same ? 1 : 0) << " rows=" << rebuilt->rowCount() << "\n";
    return same ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"db", "Warehouse file or postgresql:// URI.", "path"}, {"repeat", "Runs per filter (default 5).", "n", "5"},
                       {"backend", "columnar (default) or sql.", "name", "columnar"},
                       {"rebuild", "Only time a rebuild of the columnar snapshot from the models, then exit."},
                       {"verify", "Only check the persisted snapshot against a rebuild (same bytes), then exit."}});
    parser.addHelpOption();
    parser.process(app);
    QTextStream out(stdout);
    SqlProject project;
    Warehouse warehouse;
    if (!project.load() || !warehouse.open(parser.value("db"), project)) {
        QTextStream(stderr) << "cpm-bench: cannot open " << parser.value("db") << ": " << warehouse.error().toString() << "\n";
        return 1;
    }
    if (parser.isSet("rebuild"))
        return timeRebuild(warehouse, out);
    if (parser.isSet("verify"))
        return verifyPersisted(warehouse, out);
    const auto backend = parser.value("backend") == "sql" ? MetricsEngine::Backend::Sql : MetricsEngine::Backend::Columnar;
    MetricsEngine engine(warehouse.database(), project.root(), backend);
    QElapsedTimer timer;
    timer.start();
    FilterDomain domain;
    Error error;
    if (!engine.filterDomain(&domain, &error)) {
        QTextStream(stderr) << "cpm-bench: " << error.toString() << "\n";
        return 1;
    }
    // The first request after open: the persisted snapshot when the last import stored one.
    out << "load_ms=" << double(timer.nsecsElapsed()) / 1e6 << " persisted="
        << columnar::persist::describe(columnar::ColumnarCache::lastPersistStatus()).replace(QLatin1Char(' '), QLatin1Char('_'))
        << " snapshot_bytes=" << (warehouse.isPostgres() ? 0 : columnar::persist::storedBytes(warehouse.handle())) << memory() << "\n";
    std::vector<double> all, open, ranged;
    const int repeat = parser.value("repeat").toInt();
    for (const MetricFilter &filter : filters(domain)) {
        for (int r = 0; r < repeat; ++r) {
            MetricsSnapshot snapshot;
            timer.restart();
            if (!engine.compute(filter, &snapshot, &error)) {
                QTextStream(stderr) << "cpm-bench: " << error.toString() << "\n";
                return 1;
            }
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            all.push_back(ms);
            (filter.from.isValid() || filter.to.isValid() ? ranged : open).push_back(ms);
        }
    }
    out << "queries=" << all.size() << " median_ms=" << percentile(all, 0.5) << " p95_ms=" << percentile(all, 0.95)
        << " open_median_ms=" << percentile(open, 0.5) << " open_p95_ms=" << percentile(open, 0.95)
        << " range_median_ms=" << percentile(ranged, 0.5) << " range_p95_ms=" << percentile(ranged, 0.95)
        << " max_ms=" << percentile(all, 1.0) << memory() << "\n";
    return 0;
}
