// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"
#include "Commands.h"

#include "warehouse/Warehouse.h"

namespace cpm::cli {

namespace {

/**
 * Creates (or upgrades) a warehouse's schema and says which version it holds: the way a team
 * warehouse on PostgreSQL is set up once by a role that may create tables, before readers
 * (who may be read-only) open it. On an SQLite file it does what any open does.
 */
class InitCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override { return QStringLiteral("Create or upgrade a warehouse's schema (a file or a postgresql:// URI)"); }

    void addOptions(QCommandLineParser &parser) const override { addWarehouseOptions(parser); }

    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override
    {
        OpenedWarehouse opened;
        if (!openWarehouse(parser, &opened, err, name(), WarehouseAccess::CreateIfMissing))
            return 1;
        const qint64 batch = opened.warehouse.lastBatchId();
        out << "warehouse " << opened.warehouse.path() << " is at schema version " << Warehouse::schemaVersion
            << (opened.warehouse.isPostgres() ? " (PostgreSQL)" : " (SQLite)") << "; "
            << (batch > 0 ? QStringLiteral("newest import batch %1").arg(batch) : QStringLiteral("nothing imported yet")) << '\n';
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeInitCommand()
{
    return std::make_unique<InitCommand>();
}

} // namespace cpm::cli
