// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/DiffTables.h"

#include "csv/TimestampParser.h"

#include <QLocale>

namespace cpm::difftables {

namespace {

MetricColumn col(const char *key, const char *header, ValueKind kind)
{
    return MetricColumn{QString::fromLatin1(key), QString::fromUtf8(header), kind};
}

MetricTable table(const char *id, const char *title, QVector<MetricColumn> columns)
{
    MetricTable t;
    t.id = QString::fromLatin1(id);
    t.title = QString::fromUtf8(title);
    t.columns = std::move(columns);
    return t;
}

QVariant optional(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant delta(const std::optional<double> &before, const std::optional<double> &after)
{
    return before && after ? QVariant(*after - *before) : QVariant();
}

QVariant rankOrNull(int rank)
{
    return rank > 0 ? QVariant(rank) : QVariant();
}

QVariant valueDelta(const RankMove &move)
{
    if (move.oldValue.isNull() || move.newValue.isNull() || !move.oldValue.isValid() || !move.newValue.isValid())
        return QVariant();
    return move.newValue.toDouble() - move.oldValue.toDouble();
}

QString fieldText(const QString &field, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("%1=(empty)").arg(field);
    if (isTimestampColumn(field))
        return QStringLiteral("%1=%2").arg(field, TimestampParser::toIso(value.toLongLong()));
    return QStringLiteral("%1=%2").arg(field, value.toString());
}

MetricTable rankTable(const char *id, const char *title, const QVector<RankMove> &moves, bool stores)
{
    MetricTable t = table(id, title,
                          {col("move", "Move", ValueKind::Text), col("movement", "Movement", ValueKind::Text),
                           col("rank_change", "Ranks up", ValueKind::Integer),
                           stores ? col("store_id", "Store id", ValueKind::Integer) : col("product_sku", "SKU", ValueKind::Text),
                           stores ? col("store_name", "Store", ValueKind::Text) : col("product_name", "Product", ValueKind::Text),
                           col("old_rank", "Old #", ValueKind::Rank), col("new_rank", "New #", ValueKind::Rank),
                           stores ? col("old_total_amount", "Old total", ValueKind::Amount) : col("old_transactions", "Old items sold", ValueKind::Integer),
                           stores ? col("new_total_amount", "New total", ValueKind::Amount) : col("new_transactions", "New items sold", ValueKind::Integer),
                           stores ? col("delta_total_amount", "Δ total", ValueKind::Amount) : col("delta_transactions", "Δ items sold", ValueKind::Integer)});
    for (const RankMove &move : moves) {
        const QVariant rankChange = move.oldRank > 0 && move.newRank > 0 ? QVariant(move.oldRank - move.newRank) : QVariant();
        QVariant change = valueDelta(move);
        if (!stores && change.isValid())
            change = qint64(change.toDouble());
        t.rows << QVariantList{movementText(move), rankMovementName(move.movement), rankChange,
                               stores ? QVariant(move.key.toLongLong()) : QVariant(move.key), move.label,
                               rankOrNull(move.oldRank), rankOrNull(move.newRank), move.oldValue, move.newValue, change};
    }
    return t;
}

} // namespace

QString movementText(const RankMove &move)
{
    switch (move.movement) {
    case RankMovement::Entered: return QStringLiteral("new");
    case RankMovement::Left: return QStringLiteral("left");
    case RankMovement::Up: return QStringLiteral("▲ %1").arg(move.oldRank - move.newRank);
    case RankMovement::Down: return QStringLiteral("▼ %1").arg(move.newRank - move.oldRank);
    case RankMovement::Same: return QStringLiteral("=");
    }
    return QString();
}

QString batchText(const ImportBatch &batch)
{
    return QStringLiteral("batch %1 (%2, %3 files, %4 rows)")
        .arg(batch.id)
        .arg(batch.finishedAt.isEmpty() ? batch.startedAt : batch.finishedAt)
        .arg(batch.files)
        .arg(QLocale::c().toString(batch.rowsLoaded));
}

QString title(const ImportDiffResult &result)
{
    return QStringLiteral("Comparison of imports %1 → %2").arg(result.batches.from.id).arg(result.batches.to.id);
}

MetricTable summary(const ImportDiffResult &result)
{
    MetricTable t = table("changes_summary", "What changed, per entity",
                          {col("entity", "Entity", ValueKind::Text), col("new", "New", ValueKind::Integer),
                           col("changed", "Changed", ValueKind::Integer), col("removed", "Removed", ValueKind::Integer),
                           col("listed", "Listed", ValueKind::Integer)});
    for (const EntityDiff &diff : result.entities)
        t.rows << QVariantList{diff.entity, diff.added, diff.changed, diff.removed, qint64(diff.rows.size())};
    t.notes << QStringLiteral("From %1 to %2.").arg(batchText(result.batches.from), batchText(result.batches.to));
    return t;
}

MetricTable changedFields(const ImportDiffResult &result)
{
    MetricTable t = table("changed_fields", "Changed ids per field",
                          {col("entity", "Entity", ValueKind::Text), col("field", "Field", ValueKind::Text),
                           col("changed_ids", "Changed ids", ValueKind::Integer)});
    for (const EntityDiff &diff : result.entities) {
        for (int c = 0; c < diff.columns.size(); ++c) {
            if (diff.fieldCounts.value(c) > 0)
                t.rows << QVariantList{diff.entity, diff.columns.at(c), diff.fieldCounts.at(c)};
        }
    }
    return t;
}

MetricTable entityChanges(const EntityDiff &diff)
{
    MetricTable t;
    t.id = QStringLiteral("changes_") + diff.entity;
    t.title = QStringLiteral("Changed %1").arg(diff.entity);
    t.columns = {col("id", "Id", ValueKind::Integer), col("change", "Change", ValueKind::Text),
                 col("fields", "Fields", ValueKind::Text), col("before", "Before", ValueKind::Text),
                 col("after", "After", ValueKind::Text)};
    for (const EntityChange &change : diff.rows) {
        QStringList fields, before, after;
        for (const FieldChange &field : change.fields) {
            fields << field.field;
            if (change.kind != ChangeKind::New)
                before << fieldText(field.field, field.oldValue);
            if (change.kind != ChangeKind::Removed)
                after << fieldText(field.field, field.newValue);
        }
        t.rows << QVariantList{change.id, changeKindName(change.kind), fields.join(QStringLiteral(", ")),
                               before.join(QStringLiteral("; ")), after.join(QStringLiteral("; "))};
    }
    if (diff.truncated())
        t.notes << QStringLiteral("The first %1 of %2 differing %3 (by id).").arg(diff.rows.size()).arg(diff.total()).arg(diff.entity);
    return t;
}

MetricTable topStoreMoves(const MetricMoves &moves)
{
    return rankTable("top_stores_moves", "Top 10 stores: rank moves", moves.topStores, true);
}

MetricTable topProductMoves(const MetricMoves &moves)
{
    return rankTable("top_products_moves", "Top 10 products: rank moves", moves.topProducts, false);
}

MetricTable groupMoves(const MetricMoves &moves)
{
    MetricTable t = table("avg_amount_moves", "Average amount per typology and country: deltas",
                          {col("typology", "Typology", ValueKind::Text), col("country", "Country", ValueKind::Text),
                           col("old_avg_amount", "Old avg", ValueKind::Amount), col("new_avg_amount", "New avg", ValueKind::Amount),
                           col("delta_avg_amount", "Δ avg", ValueKind::Amount),
                           col("old_avg_store_total", "Old avg store total", ValueKind::Amount),
                           col("new_avg_store_total", "New avg store total", ValueKind::Amount),
                           col("delta_avg_store_total", "Δ avg store total", ValueKind::Amount),
                           col("old_transactions", "Old transactions", ValueKind::Integer),
                           col("new_transactions", "New transactions", ValueKind::Integer)});
    for (const GroupMove &g : moves.groups) {
        t.rows << QVariantList{g.typology, g.country, optional(g.oldAvg), optional(g.newAvg), delta(g.oldAvg, g.newAvg),
                               optional(g.oldStoreAvg), optional(g.newStoreAvg), delta(g.oldStoreAvg, g.newStoreAvg),
                               g.oldTransactions, g.newTransactions};
    }
    return t;
}

MetricTable shareMoves(const MetricMoves &moves)
{
    MetricTable t = table("device_type_share_moves", "Share of transactions per device type: deltas",
                          {col("device_type", "Device type", ValueKind::Text), col("old_pct", "Old share", ValueKind::Percent),
                           col("new_pct", "New share", ValueKind::Percent),
                           col("delta_points", "Δ share (points)", ValueKind::Percent),
                           col("old_transactions", "Old transactions", ValueKind::Integer),
                           col("new_transactions", "New transactions", ValueKind::Integer)});
    for (const ShareMove &s : moves.shares)
        t.rows << QVariantList{s.deviceType, s.oldPct, s.newPct, s.deltaPoints(), s.oldTransactions, s.newTransactions};
    return t;
}

MetricTable fifthMoves(const MetricMoves &moves)
{
    const FifthMoves &f = moves.fifth;
    MetricTable t = table("time_to_5th_moves", "Time to 5th transaction: deltas",
                          {col("old_stores_with_5", "Old stores with 5", ValueKind::Integer),
                           col("new_stores_with_5", "New stores with 5", ValueKind::Integer),
                           col("old_avg_seconds", "Old avg 1st → 5th", ValueKind::Seconds),
                           col("new_avg_seconds", "New avg 1st → 5th", ValueKind::Seconds),
                           col("delta_avg_seconds", "Δ avg 1st → 5th", ValueKind::Seconds),
                           col("delta_avg_days", "Δ avg (days)", ValueKind::Days)});
    const QVariant deltaSeconds = delta(f.before.avgSeconds, f.after.avgSeconds);
    t.rows << QVariantList{f.before.storesWith5, f.after.storesWith5, optional(f.before.avgSeconds),
                           optional(f.after.avgSeconds), deltaSeconds,
                           deltaSeconds.isValid() ? QVariant(deltaSeconds.toDouble() / 86400.0) : QVariant()};
    return t;
}

MetricTable fifthStores(const QVector<FifthStore> &stores, bool reached)
{
    MetricTable t = table(reached ? "reached_5th" : "lost_5th",
                          reached ? "Stores that reached their 5th transaction" : "Stores no longer at 5 transactions",
                          {col("store_id", "Store id", ValueKind::Integer), col("store_name", "Store", ValueKind::Text),
                           col("fifth_at", "5th transaction", ValueKind::Timestamp),
                           col("seconds", "1st → 5th", ValueKind::Seconds)});
    for (const FifthStore &s : stores)
        t.rows << QVariantList{s.storeId, s.storeName, s.fifthAt, s.seconds};
    return t;
}

QVector<MetricTable> all(const ImportDiffResult &result)
{
    QVector<MetricTable> tables{summary(result), changedFields(result)};
    for (const EntityDiff &diff : result.entities)
        tables << entityChanges(diff);
    tables << topStoreMoves(result.moves) << topProductMoves(result.moves) << groupMoves(result.moves)
           << shareMoves(result.moves) << fifthMoves(result.moves) << fifthStores(result.moves.fifth.reached, true)
           << fifthStores(result.moves.fifth.lost, false);
    return tables;
}

} // namespace cpm::difftables
