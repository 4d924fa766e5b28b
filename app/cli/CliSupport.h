// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricFilter.h"
#include "metrics/MetricsSnapshot.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cpm::cli {

/** The --db and --sql-dir options every warehouse verb takes. */
void addWarehouseOptions(QCommandLineParser &parser);

/**
 * The names of the date range's options: --from and --to, except where those name something
 * else (`diff`, whose --from and --to are import batches, takes --from-date and --to-date).
 */
struct DateOptionNames
{
    QString from = QStringLiteral("from");
    QString to = QStringLiteral("to");
};

/** --status, --time and the date range (--from, --to unless @p names says otherwise). */
void addFilterOptions(QCommandLineParser &parser, const DateOptionNames &names = DateOptionNames());
/** Reads the filter options; returns a one-line problem, or an empty string when valid. */
QString readFilter(const QCommandLineParser &parser, MetricFilter *filter, const DateOptionNames &names = DateOptionNames());

/** A warehouse opened from the parsed options, with its SQL project. */
struct OpenedWarehouse
{
    SqlProject project;
    Warehouse warehouse;
};

/** --format table|csv|json (default table), shared by the verbs that print tables. */
void addFormatOption(QCommandLineParser &parser);
/** A one-line problem when --format is not table, csv or json; an empty string otherwise. */
QString checkFormat(const QCommandLineParser &parser);

/** Whether a verb may make a new warehouse file (init), or reads one that must exist. */
enum class WarehouseAccess { Existing, CreateIfMissing };

/**
 * Opens --db; on failure writes one line to @p err and returns false. A reading verb given a
 * file that does not exist fails instead of leaving an empty warehouse behind (a typo in a
 * scheduled job's path would otherwise "succeed" with a new file and no data).
 */
bool openWarehouse(const QCommandLineParser &parser, OpenedWarehouse *opened, QTextStream &err, const QString &verb,
                   WarehouseAccess access = WarehouseAccess::Existing);

/**
 * Opens --db and computes the five metrics for @p filter into @p snapshot; on failure writes
 * one line to @p err and returns false. @p opened stays open for callers that need more.
 */
bool computeMetrics(const QCommandLineParser &parser, const MetricFilter &filter, OpenedWarehouse *opened,
                    MetricsSnapshot *snapshot, QTextStream &err, const QString &verb);

/** Reads an import batch id option (unset: @p batch untouched); a one-line problem, or empty. */
QString readBatchOption(const QCommandLineParser &parser, const QString &option, qint64 *batch);

/** Writes "cpm-cli VERB: message" and returns @p code (2 usage, 1 failure). */
int fail(QTextStream &err, const QString &verb, const QString &message, int code = 1);

} // namespace cpm::cli
