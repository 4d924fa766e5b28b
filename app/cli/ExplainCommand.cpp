// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "explain/ExplanationFormat.h"
#include "explain/MetricExplainer.h"

#include <QJsonDocument>

namespace cpm::cli {

namespace {

/** `cpm-cli explain`: the transactions behind one number of a metric, and why they add up to it. */
class ExplainCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("explain"); }
    QString summary() const override { return QStringLiteral("Explain one number of a metric: its rows, SQL and n"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        addFilterOptions(parser);
        parser.addOption({QStringLiteral("metric"), QStringLiteral("The metric: %1.").arg(metricIds().join(QStringLiteral(", "))),
                          QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("key"),
                          QStringLiteral("The row: a store id (top_stores, time_to_5th_transaction), a SKU (top_products), "
                                         "TYPOLOGY/COUNTRY (avg_amount_by_typology_country), a device type or 'unknown' "
                                         "(device_type_share)."),
                          QStringLiteral("KEY")});
        addFormatOption(parser);
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        MetricFilter filter;
        QString problem = readFilter(parser, &filter);
        const QString metric = parser.value(QStringLiteral("metric"));
        const QString key = parser.value(QStringLiteral("key"));
        const QString format = parser.value(QStringLiteral("format"));
        if (problem.isEmpty() && (metric.isEmpty() || !parser.isSet(QStringLiteral("key"))))
            problem = QStringLiteral("--metric NAME and --key KEY are required");
        if (problem.isEmpty())
            problem = checkFormat(parser);
        if (!problem.isEmpty())
            return fail(err, name(), problem, 2);

        OpenedWarehouse opened;
        if (!openWarehouse(parser, &opened, err, name()))
            return parser.value(QStringLiteral("db")).isEmpty() ? 2 : 1;
        MetricExplainer explainer(opened.warehouse.database(), opened.project.root());
        Explanation explanation;
        Error error;
        if (!explainer.explain(metric, key, filter, &explanation, &error))
            return fail(err, name(), error.toString());
        if (format == QLatin1String("json"))
            out << QJsonDocument(explain::toJson(explanation, opened.project.root())).toJson(QJsonDocument::Indented);
        else if (format == QLatin1String("csv"))
            out << explain::toCsv(explanation);
        else
            out << explain::toText(explanation, opened.project.root());
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeExplainCommand()
{
    return std::make_unique<ExplainCommand>();
}

} // namespace cpm::cli
