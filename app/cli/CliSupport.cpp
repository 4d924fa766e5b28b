// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"

#include "metrics/MetricsEngine.h"
#include "warehouse/WarehouseLocation.h"

#include <QFileInfo>

namespace cpm::cli {

void addWarehouseOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Warehouse: an SQLite file (created when missing) or a team warehouse "
                                     "postgresql://user@host:port/dbname (password from ~/.pgpass or PGPASSWORD)."),
                      QStringLiteral("FILE|URI")});
    parser.addOption({QStringLiteral("sql-dir"),
                      QStringLiteral("Use the SQL models in DIR instead of the built-in ones (for model development)."),
                      QStringLiteral("DIR")});
}

void addFilterOptions(QCommandLineParser &parser, const DateOptionNames &names)
{
    parser.addOption({QStringLiteral("status"), QStringLiteral("Comma-separated statuses (default: accepted)."),
                      QStringLiteral("LIST"), QStringLiteral("accepted")});
    parser.addOption({QStringLiteral("time"), QStringLiteral("Time column: happened_at (default) or created_at."),
                      QStringLiteral("COLUMN"), QStringLiteral("happened_at")});
    parser.addOption({names.from, QStringLiteral("First day, inclusive."), QStringLiteral("YYYY-MM-DD")});
    parser.addOption({names.to, QStringLiteral("Last day, inclusive."), QStringLiteral("YYYY-MM-DD")});
}

static bool parseDay(const QString &text, QDate *date)
{
    if (text.isEmpty())
        return true;
    *date = QDate::fromString(text, Qt::ISODate);
    return date->isValid();
}

QString readFilter(const QCommandLineParser &parser, MetricFilter *filter, const DateOptionNames &names)
{
    filter->statuses.clear();
    for (const QString &status : parser.value(QStringLiteral("status")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        filter->statuses << status.trimmed().toLower();
    if (filter->statuses.isEmpty())
        return QStringLiteral("--status needs at least one status");
    if (!parseTimeColumn(parser.value(QStringLiteral("time")), &filter->timeColumn))
        return QStringLiteral("--time '%1' is not happened_at or created_at").arg(parser.value(QStringLiteral("time")));
    if (!parseDay(parser.value(names.from), &filter->from))
        return QStringLiteral("--%1 '%2' is not a date like 2022-01-31").arg(names.from, parser.value(names.from));
    if (!parseDay(parser.value(names.to), &filter->to))
        return QStringLiteral("--%1 '%2' is not a date like 2022-01-31").arg(names.to, parser.value(names.to));
    const Error invalid = filter->validate();
    return invalid ? invalid.toString() : QString();
}

QString readBatchOption(const QCommandLineParser &parser, const QString &option, qint64 *batch)
{
    if (!parser.isSet(option))
        return QString();
    bool number = false;
    *batch = parser.value(option).toLongLong(&number);
    return number && *batch > 0 ? QString()
                                : QStringLiteral("--%1 '%2' is not an import batch id like 3").arg(option, parser.value(option));
}

int fail(QTextStream &err, const QString &verb, const QString &message, int code)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err << "cpm-cli " << verb << ": " << line << '\n';
    err.flush();
    return code;
}

void addFormatOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"), QStringLiteral("table (default), csv or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("table")});
}

QString checkFormat(const QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (QStringList{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")}.contains(format))
        return QString();
    return QStringLiteral("--format '%1' is not one of table, csv, json").arg(format);
}

bool openWarehouse(const QCommandLineParser &parser, OpenedWarehouse *opened, QTextStream &err, const QString &verb,
                   WarehouseAccess access)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        fail(err, verb, QStringLiteral("--db FILE|URI is required"), 2);
        return false;
    }
    WarehouseLocation location;
    Error ignored; // a malformed URI is reported by open() below
    if (access == WarehouseAccess::Existing && WarehouseLocation::parse(path, &location, &ignored) && !location.isPostgres()
        && !QFileInfo::exists(path)) {
        fail(err, verb, QStringLiteral("%1: no warehouse there (make one with: cpm-cli import --db %1 FILE...)").arg(path));
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

namespace cpm::cli {

bool computeMetrics(const QCommandLineParser &parser, const MetricFilter &filter, OpenedWarehouse *opened,
                    MetricsSnapshot *snapshot, QTextStream &err, const QString &verb)
{
    if (!openWarehouse(parser, opened, err, verb))
        return false;
    // A one-off process on a team warehouse lets the server compute (no snapshot to read in).
    MetricsEngine engine(opened->warehouse.database(), opened->project.root(),
                         opened->warehouse.isPostgres() ? MetricsEngine::Backend::Sql : MetricsEngine::Backend::Columnar);
    Error error;
    if (!engine.compute(filter, snapshot, &error)) {
        fail(err, verb, error.toString());
        return false;
    }
    return true;
}

} // namespace cpm::cli
