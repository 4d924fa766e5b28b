// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "diff/DiffTables.h"
#include "diff/ImportDiff.h"
#include "export/ReportExport.h"
#include "metrics/MetricsEngine.h"
#include "report/Provenance.h"

#include <QFileInfo>
#include <QGuiApplication>

namespace cpm::cli {

namespace {

/** The same report files as File ▸ Export report…, headless, for scheduled runs. */
class ReportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Write the PDF/XLSX report (or a folder with every export)"); }

    void addOptions(QCommandLineParser &parser) const override
    {
        addWarehouseOptions(parser);
        addFilterOptions(parser);
        parser.addOption({QStringLiteral("out"),
                          QStringLiteral("report.pdf, report.xlsx, or a folder (PDF, XLSX and per metric PNG, SVG, CSV)."),
                          QStringLiteral("PATH")});
        parser.addOption({QStringLiteral("compare-from"),
                          QStringLiteral("Also include the comparison of this import batch with --compare-to (default: the newest), "
                                         "as `cpm-cli diff` shows it (the first 50 ids per entity)."),
                          QStringLiteral("BATCH")});
        parser.addOption({QStringLiteral("compare-to"), QStringLiteral("The newer batch of the comparison (default: the newest)."),
                          QStringLiteral("BATCH")});
    }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return fail(err, name(), QStringLiteral("internal: the report needs a GUI application object"));
        const QString target = parser.value(QStringLiteral("out"));
        if (target.isEmpty())
            return fail(err, name(), QStringLiteral("--out PATH is required (report.pdf, report.xlsx or a folder)"), 2);
        MetricFilter filter;
        QString problem = readFilter(parser, &filter);
        DiffRequest comparison;
        if (problem.isEmpty())
            problem = readBatchOption(parser, QStringLiteral("compare-from"), &comparison.fromBatch);
        if (problem.isEmpty())
            problem = readBatchOption(parser, QStringLiteral("compare-to"), &comparison.toBatch);
        if (problem.isEmpty() && parser.isSet(QStringLiteral("compare-to")) && !parser.isSet(QStringLiteral("compare-from")))
            problem = QStringLiteral("--compare-to needs --compare-from");
        if (!problem.isEmpty())
            return fail(err, name(), problem, 2);
        filter.anomalies = true; // the report has the anomalies page too
        OpenedWarehouse opened;
        MetricsSnapshot snapshot;
        if (!computeMetrics(parser, filter, &opened, &snapshot, err, name()))
            return 1;
        Error error;
        ReportInfo info;
        const QString where = opened.warehouse.isPostgres() ? opened.warehouse.path() : QFileInfo(opened.warehouse.path()).fileName();
        info.extraProvenance.append({QStringLiteral("Warehouse"), where});
        if (!loadProvenance(opened.warehouse.database(), opened.project.root(), &info, &error))
            return fail(err, name(), error.toString());
        if (parser.isSet(QStringLiteral("compare-from"))) {
            comparison.filter = filter;
            comparison.filter.anomalies = false;
            comparison.limit = 50;
            ImportDiffResult result;
            if (!ImportDiff(opened.warehouse, opened.project).run(comparison, &result, &error))
                return fail(err, name(), error.toString(), error.code == Error::Code::Usage ? 2 : 1);
            info.comparison = difftables::all(result);
            info.comparisonTitle = difftables::title(result);
        }
        QStringList written;
        if (const Error failed = exportReport(target, snapshot, info, &written))
            return fail(err, name(), failed.toString());
        if (written.isEmpty())
            written << target;
        for (const QString &path : written)
            out << path << '\n';
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

} // namespace cpm::cli
