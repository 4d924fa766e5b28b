// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricFilter.h"
#include "metrics/MetricTable.h"

#include <QVariant>
#include <QVector>

namespace cpm {

/** One number of the explained row, recomputed from the listed transactions. */
struct ExplainFigure
{
    QString key;    ///< the metric table's column key ("total_amount", "pct", "seconds", ...)
    QString label;  ///< "Total amount"
    QVariant value; ///< null when the rows give no such number (e.g. fewer than five)
    ValueKind kind = ValueKind::Text;
    QString how;    ///< "sum(amount) of the 12 rows listed"
};

/** Transactions the number does not count, and why. */
struct ExplainLeftOut
{
    QString key;    ///< "other_status", "outside_range", "unknown_device", "unknown_store", "after_fifth", "fewer_than_five"
    QString reason; ///< a sentence for people
    qint64 transactions = 0;
};

/** A value bound to a named parameter of the explain SQL. */
struct ExplainBinding
{
    QString name;    ///< ":store_id"
    QVariant value;  ///< as bound (null binds SQL NULL)
    QString meaning; ///< "2022-01-01", "open start", ...
};

/**
 * Why one number of a metric is what it is: the definition and filter in words, the SQL
 * with its bound values, n and what was left out, and the transactions that add up to it.
 */
struct Explanation
{
    QString metricId;
    QString key;        ///< as asked: "2", "3770009015048", "Grocery/Portugal", "1", "unknown"
    QString keyLabel;   ///< "store 2 (Beta)"
    QString definition; ///< the metric's definition in words, for this key
    QString filterText; ///< the filter in words
    MetricFilter filter;
    QString sqlFile;    ///< "explain/top_stores.sql"
    QString sql;        ///< that file's text
    QVector<ExplainBinding> bindings;
    bool fromPostgres = false; ///< explained on a team warehouse: its script is for psql
    qint64 n = 0;       ///< transactions listed (for metric 5: up to five)
    qint64 matching = 0; ///< transactions of the key that match the filter
    QVector<ExplainLeftOut> leftOut;
    QVector<ExplainFigure> figures;
    QStringList notes;
    MetricTable transactions;

    /** The figure with column key @p key, or nullptr. */
    const ExplainFigure *figure(const QString &key) const;
    /**
     * The SQL as a script for the sqlite3 shell: .param set lines with the bound values, the
     * status table filled through the project's params/ files, then the explain query.
     */
    QString sqliteScript(const QString &sqlRoot) const;
    /** The same for psql on a team warehouse: \set lines, values quoted for :name interpolation. */
    QString psqlScript(const QString &sqlRoot) const;
    /** The script for the shell of the warehouse it was explained on (sqlite3 or psql). */
    QString shellScript(const QString &sqlRoot) const { return fromPostgres ? psqlScript(sqlRoot) : sqliteScript(sqlRoot); }
    /** "sqlite3" or "psql": the shell shellScript() is for. */
    QString shellName() const { return fromPostgres ? QStringLiteral("psql") : QStringLiteral("sqlite3"); }

private:
    QString script(const QString &sqlRoot, bool psql) const;
};

/** The column layout of an explanation's transaction list (metric 5 adds the rank and ts). */
QVector<MetricColumn> explainTransactionColumns(const QString &metricId);

} // namespace cpm
