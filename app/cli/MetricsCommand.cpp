// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "metrics/MetricsEngine.h"
#include "report/MetricsJson.h"
#include "report/TableWriters.h"

#include <QJsonDocument>

namespace cpm::cli {

namespace {

class MetricsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("metrics"); }
    QString summary() const override { return QStringLiteral("Compute the five metrics under a filter"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        addFilterOptions(parser);
        parser.addOption({QStringLiteral("metric"), QStringLiteral("Only this metric: %1.").arg(metricIds().join(QStringLiteral(", "))),
                          QStringLiteral("NAME")});
        addFormatOption(parser);
        parser.addOption({QStringLiteral("store-version"),
                          QStringLiteral("Metric 3 groups each transaction by its store's typology and country: "
                                         "current (default) or at-transaction (as they were when it happened)."),
                          QStringLiteral("VERSION"), QStringLiteral("current")});
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        MetricFilter filter;
        QString problem = readFilter(parser, &filter);
        const QString metric = parser.value(QStringLiteral("metric"));
        const QString format = parser.value(QStringLiteral("format"));
        if (problem.isEmpty() && !parseStoreVersion(parser.value(QStringLiteral("store-version")), &filter.storeVersion))
            problem = QStringLiteral("--store-version '%1' is not one of current, at-transaction")
                          .arg(parser.value(QStringLiteral("store-version")));
        if (problem.isEmpty() && !metric.isEmpty() && !metricIds().contains(metric))
            problem = QStringLiteral("--metric '%1' is not one of %2").arg(metric, metricIds().join(QStringLiteral(", ")));
        if (problem.isEmpty())
            problem = checkFormat(parser);
        if (!problem.isEmpty())
            return fail(err, name(), problem, 2);

        OpenedWarehouse opened;
        MetricsSnapshot snapshot;
        if (!computeMetrics(parser, filter, &opened, &snapshot, err, name()))
            return 1;
        if (format == QLatin1String("json"))
            out << QJsonDocument(snapshotToJson(snapshot, metric)).toJson(QJsonDocument::Indented);
        else
            printTables(snapshot, metric, format == QLatin1String("csv"), out);
        return 0;
    }

private:
    static void printTables(const MetricsSnapshot &snapshot, const QString &metric, bool csv, QTextStream &out)
    {
        bool first = true;
        for (const MetricTable *table : snapshot.tables()) {
            if (!metric.isEmpty() && table->id != metric)
                continue;
            if (!first)
                out << (csv ? "\r\n" : "\n");
            first = false;
            if (csv) {
                if (metric.isEmpty())
                    out << "# " << table->id << "\r\n";
                out << toCsv(*table);
                continue;
            }
            out << toTextTable(*table);
            if (table->id == QLatin1String("time_to_5th_transaction"))
                printTimeToFifthSummary(snapshot, out);
        }
        if (!csv)
            out << "\nfilter: " << snapshot.filter.describe() << "; " << snapshot.coverage.transactions
                << " matching transactions\n";
    }

    static void printTimeToFifthSummary(const MetricsSnapshot &snapshot, QTextStream &out)
    {
        const TimeToFifthSummary &s = snapshot.timeToFifth;
        out << "stores with 5: " << s.storesWith5 << " of " << s.storesTotal << " (" << s.storesWithAny
            << " with any)\n";
        if (s.avgSeconds)
            out << "average 1st → 5th: " << formatDuration(*s.avgSeconds) << " (" << QString::number(*s.avgDays(), 'f', 2)
                << " days)\n";
        if (s.spread)
            out << "spread 1st → 5th: " << describeSpreadInDays(*s.spread) << '\n';
        if (s.avgSecondsFromStoreCreated)
            out << "average store created → 5th: " << formatDuration(*s.avgSecondsFromStoreCreated) << '\n';
        out << toTextTable(snapshot.timeToFifthPerCustomer);
    }
};

} // namespace

std::unique_ptr<Command> makeMetricsCommand()
{
    return std::make_unique<MetricsCommand>();
}

} // namespace cpm::cli
