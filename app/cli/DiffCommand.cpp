// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "diff/DiffTables.h"
#include "diff/ImportDiff.h"
#include "report/TableWriters.h"

#include <QJsonDocument>

namespace cpm::cli {

namespace {

/** `cpm-cli diff`: what an import changed, and how the metrics moved, between two batches. */
class DiffCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("diff"); }
    QString summary() const override { return QStringLiteral("Compare two imports: changed ids and metric moves"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        parser.addOption({QStringLiteral("from"), QStringLiteral("The older state: an import batch id (default: the batch before --to)."),
                          QStringLiteral("BATCH")});
        parser.addOption({QStringLiteral("to"), QStringLiteral("The newer state: an import batch id (default: the newest)."),
                          QStringLiteral("BATCH")});
        addFilterOptions(parser, dateOptions());
        addFormatOption(parser);
        parser.addOption({QStringLiteral("limit"), QStringLiteral("Ids listed per entity (all are counted; default 100)."),
                          QStringLiteral("N"), QStringLiteral("100")});
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        DiffRequest request;
        const QString format = parser.value(QStringLiteral("format"));
        QString problem = readFilter(parser, &request.filter, dateOptions());
        if (problem.isEmpty())
            problem = readBatchOption(parser, QStringLiteral("from"), &request.fromBatch);
        if (problem.isEmpty())
            problem = readBatchOption(parser, QStringLiteral("to"), &request.toBatch);
        bool number = false;
        request.limit = parser.value(QStringLiteral("limit")).toInt(&number);
        if (problem.isEmpty() && (!number || request.limit < 0))
            problem = QStringLiteral("--limit '%1' is not a count like 100").arg(parser.value(QStringLiteral("limit")));
        if (problem.isEmpty())
            problem = checkFormat(parser);
        if (!problem.isEmpty())
            return fail(err, name(), problem, 2);

        OpenedWarehouse opened;
        if (!openWarehouse(parser, &opened, err, name()))
            return parser.value(QStringLiteral("db")).isEmpty() ? 2 : 1;
        ImportDiff diff(opened.warehouse, opened.project);
        ImportDiffResult result;
        Error error;
        if (!diff.run(request, &result, &error))
            return fail(err, name(), error.toString(), error.code == Error::Code::Usage ? 2 : 1);
        if (format == QLatin1String("json"))
            out << QJsonDocument(diffToJson(result)).toJson(QJsonDocument::Indented);
        else
            print(result, format == QLatin1String("csv"), out);
        return 0;
    }

private:
    static DateOptionNames dateOptions() { return {QStringLiteral("from-date"), QStringLiteral("to-date")}; }

    static void print(const ImportDiffResult &result, bool csv, QTextStream &out)
    {
        if (!csv) {
            out << "from " << difftables::batchText(result.batches.from) << "\nto   " << difftables::batchText(result.batches.to)
                << "\nmetrics filter: " << result.filter.describe() << "\n";
        }
        bool first = true;
        for (const MetricTable &table : difftables::all(result)) {
            if (csv) {
                out << (first ? "" : "\r\n") << "# " << table.id << "\r\n" << toCsv(table);
            } else if (table.isEmpty()) {
                out << "\n" << table.title << "\n(none)\n";
            } else {
                out << "\n" << toTextTable(table); // titled, notes included
            }
            first = false;
        }
    }
};

} // namespace

std::unique_ptr<Command> makeDiffCommand()
{
    return std::make_unique<DiffCommand>();
}

} // namespace cpm::cli
