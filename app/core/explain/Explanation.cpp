// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/Explanation.h"

#include "base/Error.h"
#include "warehouse/SqlFile.h"

namespace cpm {

namespace {

MetricColumn column(const char *key, const char *header, ValueKind kind)
{
    return MetricColumn{QString::fromLatin1(key), QString::fromUtf8(header), kind};
}

/** A bound value as SQL: numbers bare, NULL, or text as a quoted literal ('' for a quote). */
QString sqlValue(const QVariant &value, bool *isText)
{
    *isText = false;
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
    const int type = value.typeId();
    if (type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double)
        return value.toString();
    *isText = true;
    QString literal = value.toString();
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + literal + QLatin1Char('\'');
}

/**
 * The value as a shell stores it for the query: the sqlite3 shell's ".param set" reads a
 * double-quoted argument with C escapes; psql's "\set" a single-quoted one, where '' is one
 * quote and a backslash is doubled (then ":name" interpolates the SQL literal as it is).
 */
QString shellValue(const QVariant &value, bool psql)
{
    bool isText = false;
    QString literal = sqlValue(value, &isText);
    if (!isText)
        return literal;
    literal.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    if (psql)
        return QLatin1Char('\'') + literal.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
    return QLatin1Char('"') + literal.replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"');
}

QString paramLine(const QString &name, const QVariant &value, const QString &meaning, bool psql = false)
{
    QString line = psql ? QStringLiteral("\\set %1 %2").arg(name.mid(1), shellValue(value, true))
                        : QStringLiteral(".param set %1 %2").arg(name, shellValue(value, false));
    return meaning.isEmpty() ? line : line + QStringLiteral("\n-- ") + name + QStringLiteral(": ") + meaning;
}

} // namespace

const ExplainFigure *Explanation::figure(const QString &figureKey) const
{
    for (const ExplainFigure &f : figures) {
        if (f.key == figureKey)
            return &f;
    }
    return nullptr;
}

QString Explanation::sqliteScript(const QString &sqlRoot) const
{
    return script(sqlRoot, false);
}

QString Explanation::psqlScript(const QString &sqlRoot) const
{
    return script(sqlRoot, true);
}

QString Explanation::script(const QString &sqlRoot, bool psql) const
{
    Error ignored; // the files were read when the explanation was made
    QStringList lines;
    lines << QStringLiteral("-- cpm explain %1 %2 (%3)").arg(metricId, key, filter.describe());
    if (psql)
        lines << QStringLiteral("-- Run with psql on the team warehouse: psql postgresql://USER@HOST/DB -f this.sql");
    else
        lines << QStringLiteral("-- Run in the sqlite3 shell on the warehouse file: sqlite3 W.sqlite < this.sql")
              << QStringLiteral(".param init");
    lines << SqlFile::text(sqlRoot, QStringLiteral("params/create_param_statuses.sql"), &ignored) + QLatin1Char(';')
          << SqlFile::text(sqlRoot, QStringLiteral("params/clear_param_statuses.sql"), &ignored) + QLatin1Char(';');
    const QString insert = SqlFile::text(sqlRoot, QStringLiteral("params/insert_param_status.sql"), &ignored);
    for (const QString &status : filter.statuses)
        lines << paramLine(QStringLiteral(":status"), status, QString(), psql) << insert + QLatin1Char(';');
    for (const ExplainBinding &binding : bindings)
        lines << paramLine(binding.name, binding.value, binding.meaning, psql);
    lines << QStringLiteral("-- %1").arg(sqlFile) << sql + QLatin1Char(';');
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QVector<MetricColumn> explainTransactionColumns(const QString &metricId)
{
    QVector<MetricColumn> columns;
    if (metricId == QLatin1String("time_to_5th_transaction"))
        columns << column("store_rank", "#", ValueKind::Rank);
    columns << column("transaction_id", "Transaction id", ValueKind::Integer)
            << column("happened_at", "Happened at", ValueKind::Timestamp)
            << column("created_at", "Created at", ValueKind::Timestamp)
            << column("store_id", "Store id", ValueKind::Integer) << column("store_name", "Store", ValueKind::Text)
            << column("device_id", "Device id", ValueKind::Integer)
            << column("device_type", "Device type", ValueKind::Integer)
            << column("product_sku", "SKU", ValueKind::Text) << column("product_name", "Product", ValueKind::Text)
            << column("amount", "Amount", ValueKind::Amount) << column("status", "Status", ValueKind::Text)
            << column("card", "Card (as stored)", ValueKind::Text);
    return columns;
}

} // namespace cpm
