// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "anomalies/AnomalyQuery.h"
#include "metrics/MetricsEngine.h"
#include "report/MetricsJson.h"
#include "report/TableWriters.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>

namespace cpm::cli {

namespace {

class AnomaliesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("anomalies"); }
    QString summary() const override { return QStringLiteral("Refused and cancelled rates, with flagged stores"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        // The filters of `metrics` but --status: a rate counts transactions of every status.
        parser.addOption({QStringLiteral("time"), QStringLiteral("Time column: happened_at (default) or created_at."),
                          QStringLiteral("COLUMN"), QStringLiteral("happened_at")});
        parser.addOption({QStringLiteral("from"), QStringLiteral("First day, inclusive."), QStringLiteral("YYYY-MM-DD")});
        parser.addOption({QStringLiteral("to"), QStringLiteral("Last day, inclusive."), QStringLiteral("YYYY-MM-DD")});
        parser.addOption({QStringLiteral("by"), QStringLiteral("Rates per %1 (default: store).")
                                                     .arg(AnomalyReport::groupings().join(QStringLiteral(", "))),
                          QStringLiteral("GROUPING"), QStringLiteral("store")});
        addFormatOption(parser);
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        MetricFilter filter;
        QString problem = readFilterWithoutStatus(parser, &filter);
        const QString by = parser.value(QStringLiteral("by"));
        const QString format = parser.value(QStringLiteral("format"));
        if (problem.isEmpty() && !AnomalyReport::groupings().contains(by))
            problem = QStringLiteral("--by '%1' is not one of %2").arg(by, AnomalyReport::groupings().join(QStringLiteral(", ")));
        if (problem.isEmpty())
            problem = checkFormat(parser);
        if (!problem.isEmpty())
            return fail(err, name(), problem, 2);

        OpenedWarehouse opened;
        if (!openWarehouse(parser, &opened, err, name()))
            return 1;
        const MetricsEngine engine(opened.warehouse.database(), opened.project.root(), MetricsEngine::Backend::Sql);
        if (!engine.hasData())
            return fail(err, name(), QStringLiteral("the warehouse holds no data yet: import extracts first"));
        AnomalyReport report;
        Error error;
        if (!AnomalyQuery(opened.warehouse.database(), opened.project.root()).compute(filter, &report, &error))
            return fail(err, name(), error.toString());
        print(report, *report.table(by), format, out);
        return 0;
    }

private:
    static QString readFilterWithoutStatus(const QCommandLineParser &parser, MetricFilter *filter)
    {
        if (!parseTimeColumn(parser.value(QStringLiteral("time")), &filter->timeColumn))
            return QStringLiteral("--time '%1' is not happened_at or created_at").arg(parser.value(QStringLiteral("time")));
        for (const char *option : {"from", "to"}) {
            const QString text = parser.value(QLatin1String(option));
            QDate &day = qstrcmp(option, "from") == 0 ? filter->from : filter->to;
            day = text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
            if (!text.isEmpty() && !day.isValid())
                return QStringLiteral("--%1 '%2' is not a date like 2022-01-31").arg(QLatin1String(option), text);
        }
        const Error invalid = filter->validate();
        return invalid ? invalid.toString() : QString();
    }

    static void print(const AnomalyReport &report, const MetricTable &table, const QString &format, QTextStream &out)
    {
        if (format == QLatin1String("json")) {
            QJsonObject root{{QStringLiteral("id"), table.id},
                             {QStringLiteral("time_column"), timeColumnName(report.filter.timeColumn)},
                             {QStringLiteral("from"), report.filter.from.toString(Qt::ISODate)},
                             {QStringLiteral("to"), report.filter.to.toString(Qt::ISODate)},
                             {QStringLiteral("rule"), AnomalyRule::text()},
                             {QStringLiteral("rows"), tableToJson(table)},
                             {QStringLiteral("notes"), QJsonArray::fromStringList(report.byStore.notes)}};
            out << QJsonDocument(root).toJson(QJsonDocument::Indented);
            return;
        }
        if (format == QLatin1String("csv")) {
            out << toCsv(table);
            return;
        }
        out << toTextTable(table) << '\n';
        // The per-store table prints its notes (the network's rates, stores flagged) itself.
        if (&table != &report.byStore) {
            for (const QString &note : report.byStore.notes)
                out << note << '\n';
        }
        out << "rule: " << AnomalyRule::text() << '\n' << AnomalyRule::statusNote() << '\n';
    }
};

} // namespace

std::unique_ptr<Command> makeAnomaliesCommand()
{
    return std::make_unique<AnomaliesCommand>();
}

} // namespace cpm::cli
