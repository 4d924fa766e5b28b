// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON shape of a comparison (`cpm-cli diff --format json`), documented in DiffTables.h.
#include "diff/DiffTables.h"

#include "csv/TimestampParser.h"
#include "report/MetricsJson.h"

#include <QJsonArray>

namespace cpm {

namespace {

QJsonObject batchToJson(const ImportBatch &batch)
{
    return QJsonObject{{QStringLiteral("batch"), batch.id},
                       {QStringLiteral("started_at"), batch.startedAt},
                       {QStringLiteral("finished_at"), batch.finishedAt},
                       {QStringLiteral("source"), batch.source},
                       {QStringLiteral("files"), batch.files},
                       {QStringLiteral("rows_loaded"), batch.rowsLoaded}};
}

QJsonValue fieldValue(const QString &field, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue::Null;
    if (isTimestampColumn(field))
        return TimestampParser::toIso(value.toLongLong());
    return QJsonValue::fromVariant(value);
}

QJsonObject entityToJson(const EntityDiff &diff)
{
    QJsonObject fields;
    for (int c = 0; c < diff.columns.size(); ++c)
        fields.insert(diff.columns.at(c), diff.fieldCounts.value(c));
    QJsonArray rows;
    for (const EntityChange &change : diff.rows) {
        QJsonObject values;
        for (const FieldChange &field : change.fields) {
            values.insert(field.field, QJsonObject{{QStringLiteral("old"), fieldValue(field.field, field.oldValue)},
                                                   {QStringLiteral("new"), fieldValue(field.field, field.newValue)}});
        }
        rows.append(QJsonObject{{QStringLiteral("id"), change.id},
                                {QStringLiteral("change"), changeKindName(change.kind)},
                                {QStringLiteral("fields"), values}});
    }
    return QJsonObject{{QStringLiteral("new"), diff.added},       {QStringLiteral("changed"), diff.changed},
                       {QStringLiteral("removed"), diff.removed}, {QStringLiteral("listed"), qint64(diff.rows.size())},
                       {QStringLiteral("fields"), fields},        {QStringLiteral("rows"), rows}};
}

QJsonObject fifthToJson(const MetricMoves &moves)
{
    QJsonObject object = tableToJson(difftables::fifthMoves(moves)).first().toObject();
    object.insert(QStringLiteral("reached"), tableToJson(difftables::fifthStores(moves.fifth.reached, true)));
    object.insert(QStringLiteral("lost"), tableToJson(difftables::fifthStores(moves.fifth.lost, false)));
    return object;
}

} // namespace

QJsonObject diffToJson(const ImportDiffResult &result)
{
    QJsonObject changes;
    for (const EntityDiff &diff : result.entities)
        changes.insert(diff.entity, entityToJson(diff));
    const QJsonObject metrics{
        {QStringLiteral("top_stores"), tableToJson(difftables::topStoreMoves(result.moves))},
        {QStringLiteral("top_products"), tableToJson(difftables::topProductMoves(result.moves))},
        {QStringLiteral("avg_amount_by_typology_country"), tableToJson(difftables::groupMoves(result.moves))},
        {QStringLiteral("device_type_share"), tableToJson(difftables::shareMoves(result.moves))},
        {QStringLiteral("time_to_5th_transaction"), fifthToJson(result.moves)}};
    return QJsonObject{{QStringLiteral("from"), batchToJson(result.batches.from)},
                       {QStringLiteral("to"), batchToJson(result.batches.to)},
                       {QStringLiteral("filters"), filtersToJson(result.filter)},
                       {QStringLiteral("limit"), result.limit},
                       {QStringLiteral("changes"), changes},
                       {QStringLiteral("metrics"), metrics}};
}

} // namespace cpm
