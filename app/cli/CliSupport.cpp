// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"

namespace cpm::cli {

void addWarehouseOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"), QStringLiteral("Warehouse file (created when missing)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sql-dir"),
                      QStringLiteral("Use the SQL models in DIR instead of the built-in ones (for model development)."),
                      QStringLiteral("DIR")});
}

int fail(QTextStream &err, const QString &verb, const QString &message, int code)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err << "cpm-cli " << verb << ": " << line << '\n';
    err.flush();
    return code;
}

bool openWarehouse(const QCommandLineParser &parser, OpenedWarehouse *opened, QTextStream &err, const QString &verb)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        fail(err, verb, QStringLiteral("--db FILE is required"), 2);
        return false;
    }
    const QString sqlDir = parser.value(QStringLiteral("sql-dir"));
    if (!opened->project.load(sqlDir.isEmpty() ? SqlProject::embeddedRoot() : sqlDir)) {
        fail(err, verb, opened->project.error().toString());
        return false;
    }
    if (!opened->warehouse.open(path, opened->project)) {
        fail(err, verb, opened->warehouse.error().toString());
        return false;
    }
    return true;
}

} // namespace cpm::cli
