// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplanationFormat.h"

#include "metrics/MetricsSnapshot.h"
#include "report/MetricsJson.h"
#include "report/TableWriters.h"

#include <QJsonArray>

namespace cpm::explain {

namespace {

QJsonValue jsonFigure(const ExplainFigure &figure)
{
    if (figure.value.isNull() || !figure.value.isValid())
        return QJsonValue::Null;
    if (figure.kind == ValueKind::Integer)
        return figure.value.toLongLong();
    if (figure.kind == ValueKind::Timestamp || figure.kind == ValueKind::Text)
        return exportText(figure.value, figure.kind);
    return figure.value.toDouble();
}

QJsonObject filterJson(const Explanation &e)
{
    QJsonObject filter;
    filter.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(e.filter.statuses));
    filter.insert(QStringLiteral("time_column"), timeColumnName(e.filter.timeColumn));
    filter.insert(QStringLiteral("from"), e.filter.from.isValid() ? QJsonValue(e.filter.from.toString(Qt::ISODate)) : QJsonValue());
    filter.insert(QStringLiteral("to"), e.filter.to.isValid() ? QJsonValue(e.filter.to.toString(Qt::ISODate)) : QJsonValue());
    filter.insert(QStringLiteral("text"), e.filterText);
    return filter;
}

QJsonObject sqlJson(const Explanation &e, const QString &sqlRoot)
{
    QJsonArray bindings;
    for (const ExplainBinding &b : e.bindings) {
        bindings.append(QJsonObject{{QStringLiteral("name"), b.name},
                                    {QStringLiteral("value"), QJsonValue::fromVariant(b.value)},
                                    {QStringLiteral("meaning"), b.meaning}});
    }
    return QJsonObject{{QStringLiteral("file"), e.sqlFile},
                       {QStringLiteral("text"), e.sql},
                       {QStringLiteral("bindings"), bindings},
                       {QStringLiteral("param_statuses"), QJsonArray::fromStringList(e.filter.statuses)},
                       {e.fromPostgres ? QStringLiteral("psql_script") : QStringLiteral("sqlite_script"), e.shellScript(sqlRoot)}};
}

MetricColumn column(const char *key, const char *header)
{
    return MetricColumn{QString::fromLatin1(key), QString::fromLatin1(header), ValueKind::Text};
}

} // namespace

MetricTable summaryTable(const Explanation &e)
{
    MetricTable table;
    table.id = QStringLiteral("explanation");
    table.title = QStringLiteral("Explanation");
    table.columns = {column("item", "Item"), column("value", "Value"), column("detail", "Detail")};
    table.rows << QVariantList{QStringLiteral("metric"), e.metricId, metricTitle(e.metricId)}
               << QVariantList{QStringLiteral("key"), e.key, e.keyLabel}
               << QVariantList{QStringLiteral("filter"), e.filter.describe(), e.filterText}
               << QVariantList{QStringLiteral("n"), QString::number(e.n), QStringLiteral("transactions listed")}
               << QVariantList{QStringLiteral("matching"), QString::number(e.matching),
                               QStringLiteral("transactions of the key that match the filter")};
    for (const ExplainFigure &f : e.figures)
        table.rows << QVariantList{f.key, exportText(f.value, f.kind), f.how};
    for (const ExplainLeftOut &l : e.leftOut)
        table.rows << QVariantList{QStringLiteral("left_out:") + l.key, QString::number(l.transactions), l.reason};
    return table;
}

QString toCsv(const Explanation &e)
{
    return QStringLiteral("# explanation\r\n") + cpm::toCsv(summaryTable(e)) + QStringLiteral("\r\n# transactions\r\n")
        + cpm::toCsv(e.transactions);
}

QJsonObject toJson(const Explanation &e, const QString &sqlRoot)
{
    QJsonArray leftOut;
    for (const ExplainLeftOut &l : e.leftOut) {
        leftOut.append(QJsonObject{{QStringLiteral("key"), l.key}, {QStringLiteral("reason"), l.reason},
                                   {QStringLiteral("transactions"), l.transactions}});
    }
    QJsonArray figures;
    for (const ExplainFigure &f : e.figures) {
        figures.append(QJsonObject{{QStringLiteral("key"), f.key}, {QStringLiteral("label"), f.label},
                                   {QStringLiteral("value"), jsonFigure(f)}, {QStringLiteral("how"), f.how}});
    }
    return QJsonObject{{QStringLiteral("metric"), e.metricId},
                       {QStringLiteral("key"), e.key},
                       {QStringLiteral("key_label"), e.keyLabel},
                       {QStringLiteral("definition"), e.definition},
                       {QStringLiteral("filter"), filterJson(e)},
                       {QStringLiteral("sql"), sqlJson(e, sqlRoot)},
                       {QStringLiteral("n"), e.n},
                       {QStringLiteral("matching"), e.matching},
                       {QStringLiteral("left_out"), leftOut},
                       {QStringLiteral("figures"), figures},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(e.notes)},
                       {QStringLiteral("transactions"), tableToJson(e.transactions)}};
}

QString toText(const Explanation &e, const QString &sqlRoot)
{
    QString out;
    out += QStringLiteral("%1 — %2\n\n").arg(metricTitle(e.metricId), e.keyLabel);
    out += QStringLiteral("Definition: %1\nFilter: %2\n\n").arg(e.definition, e.filterText);
    out += QStringLiteral("n = %1 transactions listed (%2 of the key match the filter)\n").arg(e.n).arg(e.matching);
    for (const ExplainFigure &f : e.figures)
        out += QStringLiteral("  %1 = %2   (%3)\n").arg(f.label, displayText(f.value, f.kind), f.how);
    out += QStringLiteral("\nLeft out:\n");
    for (const ExplainLeftOut &l : e.leftOut)
        out += QStringLiteral("  %1  %2\n").arg(l.transactions, 8).arg(l.reason);
    for (const QString &note : e.notes)
        out += QStringLiteral("Note: %1\n").arg(note);
    out += QStringLiteral("\nSQL (%1; paste into %2 on the warehouse):\n%3\n").arg(e.sqlFile, e.shellName(), e.shellScript(sqlRoot));
    out += toTextTable(e.transactions);
    return out;
}

} // namespace cpm::explain
