// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "transform/ModelGraph.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QSqlQuery>

namespace cpm::cli {

namespace {

/** Lists the transform models in run order with their last run (from model_runs). */
class ModelsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("models"); }
    QString summary() const override { return QStringLiteral("List transform models in run order with their last run"); }

    void addOptions(QCommandLineParser &parser) const override { addWarehouseOptions(parser); }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        OpenedWarehouse opened;
        if (!openWarehouse(parser, &opened, err, name()))
            return 1;
        ModelGraph graph;
        const QStringList sources = {QStringLiteral("raw_stores"), QStringLiteral("raw_devices"),
                                     QStringLiteral("raw_transactions"), QStringLiteral("raw_store_versions"),
                                     QStringLiteral("import_batches")};
        if (!graph.build(opened.project.models(), sources))
            return fail(err, name(), graph.error().toString());
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(QStringLiteral("#"), 2).arg(QStringLiteral("model"), -28).arg(QStringLiteral("materialized"), -12)
                   .arg(QStringLiteral("rows"), 10).arg(QStringLiteral("ms"), 9).arg(QStringLiteral("last run (UTC)"));
        int position = 0;
        for (const TransformModel &model : graph.ordered())
            out << describe(++position, model, opened.warehouse);
        return 0;
    }

private:
    static QString describe(int position, const TransformModel &model, const Warehouse &warehouse)
    {
        QSqlQuery query(warehouse.database());
        Error error;
        QString rows = QStringLiteral("-"), ms = QStringLiteral("-"), when = QStringLiteral("never run");
        if (SqlFile::exec(query, warehouse.sqlRoot(), QStringLiteral("info/last_model_run.sql"),
                          {{QStringLiteral(":model"), model.name}}, &error)
            && query.next()) {
            rows = query.value(0).isNull() ? QStringLiteral("(view)") : query.value(0).toString();
            ms = QString::number(query.value(1).toDouble(), 'f', 1);
            when = query.value(2).toString();
        }
        const auto materialization = warehouse.isPostgres() && model.postgresMaterialization ? *model.postgresMaterialization
                                                                                             : model.materialization;
        const QString kind = materialization == TransformModel::Materialization::Table ? QStringLiteral("table") : QStringLiteral("view");
        QString line = QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                           .arg(position, 2).arg(model.layer + QLatin1Char('/') + model.name, -28).arg(kind, -12)
                           .arg(rows, 10).arg(ms, 9).arg(when);
        if (!model.refs.isEmpty())
            line += QStringLiteral("    ← %1\n").arg(model.refs.join(QStringLiteral(", ")));
        return line;
    }
};

} // namespace

std::unique_ptr<Command> makeModelsCommand()
{
    return std::make_unique<ModelsCommand>();
}

} // namespace cpm::cli
