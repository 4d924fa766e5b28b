// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/MetricMoves.h"

#include "metrics/MetricsEngine.h"

#include <QMap>

#include <algorithm>

namespace cpm {

QString rankMovementName(RankMovement movement)
{
    switch (movement) {
    case RankMovement::Entered: return QStringLiteral("entered");
    case RankMovement::Left: return QStringLiteral("left");
    case RankMovement::Up: return QStringLiteral("up");
    case RankMovement::Down: return QStringLiteral("down");
    case RankMovement::Same: return QStringLiteral("same");
    }
    return QString();
}

namespace {

struct Ranked
{
    int rank = 0;
    QString label;
    QVariant value;
};

// The rows of a top list by key. Only the first topLimit ranks count: the lists fetch one more
// row to notice a tie at the cut, which is not part of the list.
QMap<QString, Ranked> rankedByKey(const MetricTable &table, const QString &keyColumn, const QString &labelColumn,
                                  const QString &valueColumn)
{
    QMap<QString, Ranked> ranked;
    for (qsizetype row = 0; row < table.rows.size(); ++row) {
        const int rank = table.value(int(row), QStringLiteral("rank")).toInt();
        if (rank <= 0 || rank > MetricsEngine::topLimit)
            continue;
        ranked.insert(table.value(int(row), keyColumn).toString(),
                      {rank, table.value(int(row), labelColumn).toString(), table.value(int(row), valueColumn)});
    }
    return ranked;
}

QVector<RankMove> rankMoves(const MetricTable &from, const MetricTable &to, const QString &keyColumn,
                            const QString &labelColumn, const QString &valueColumn)
{
    const QMap<QString, Ranked> before = rankedByKey(from, keyColumn, labelColumn, valueColumn);
    const QMap<QString, Ranked> after = rankedByKey(to, keyColumn, labelColumn, valueColumn);
    QVector<RankMove> moves;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        RankMove move{it.key(), it->label, 0, it->rank, QVariant(), it->value, RankMovement::Entered};
        if (const auto old = before.constFind(it.key()); old != before.cend()) {
            move.oldRank = old->rank;
            move.oldValue = old->value;
            move.movement = old->rank > it->rank ? RankMovement::Up : old->rank < it->rank ? RankMovement::Down : RankMovement::Same;
        }
        moves << move;
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            moves << RankMove{it.key(), it->label, it->rank, 0, it->value, QVariant(), RankMovement::Left};
    }
    std::stable_sort(moves.begin(), moves.end(), [](const RankMove &a, const RankMove &b) {
        const int left = a.newRank == 0, right = b.newRank == 0;
        if (left != right)
            return left < right;
        return left ? a.oldRank < b.oldRank : a.newRank < b.newRank;
    });
    return moves;
}

std::optional<double> optionalNumber(const QVariant &value)
{
    return value.isValid() && !value.isNull() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QVector<GroupMove> groupMoves(const MetricTable &from, const MetricTable &to)
{
    QMap<QPair<QString, QString>, GroupMove> groups;
    const auto take = [&groups](const MetricTable &table, bool after) {
        for (int row = 0; row < int(table.rows.size()); ++row) {
            const QString typology = table.value(row, QStringLiteral("typology")).toString();
            const QString country = table.value(row, QStringLiteral("country")).toString();
            GroupMove &group = groups[{typology, country}];
            group.typology = typology;
            group.country = country;
            (after ? group.newAvg : group.oldAvg) = optionalNumber(table.value(row, QStringLiteral("avg_amount")));
            (after ? group.newStoreAvg : group.oldStoreAvg) = optionalNumber(table.value(row, QStringLiteral("avg_store_total")));
            (after ? group.newTransactions : group.oldTransactions) = table.value(row, QStringLiteral("transactions")).toLongLong();
        }
    };
    take(from, false);
    take(to, true);
    return groups.values().toVector();
}

QVector<ShareMove> shareMoves(const MetricTable &from, const MetricTable &to)
{
    QMap<QString, ShareMove> shares;
    const auto take = [&shares](const MetricTable &table, bool after) {
        for (int row = 0; row < int(table.rows.size()); ++row) {
            const QString type = table.value(row, QStringLiteral("device_type")).toString();
            ShareMove &share = shares[type];
            share.deviceType = type;
            (after ? share.newPct : share.oldPct) = table.value(row, QStringLiteral("pct")).toDouble();
            (after ? share.newTransactions : share.oldTransactions) = table.value(row, QStringLiteral("transactions")).toLongLong();
        }
    };
    take(from, false);
    take(to, true);
    return shares.values().toVector();
}

QMap<qint64, FifthStore> fifthStores(const MetricTable &perStore)
{
    QMap<qint64, FifthStore> stores;
    for (int row = 0; row < int(perStore.rows.size()); ++row) {
        FifthStore store;
        store.storeId = perStore.value(row, QStringLiteral("store_id")).toLongLong();
        store.storeName = perStore.value(row, QStringLiteral("store_name")).toString();
        store.fifthAt = perStore.value(row, QStringLiteral("fifth_at"));
        store.seconds = perStore.value(row, QStringLiteral("seconds"));
        stores.insert(store.storeId, store);
    }
    return stores;
}

FifthMoves fifthMoves(const MetricsSnapshot &from, const MetricsSnapshot &to)
{
    FifthMoves moves;
    moves.before = from.timeToFifth;
    moves.after = to.timeToFifth;
    const QMap<qint64, FifthStore> before = fifthStores(from.timeToFifthPerStore);
    const QMap<qint64, FifthStore> after = fifthStores(to.timeToFifthPerStore);
    for (const FifthStore &store : after) {
        if (!before.contains(store.storeId))
            moves.reached << store;
    }
    for (const FifthStore &store : before) {
        if (!after.contains(store.storeId))
            moves.lost << store;
    }
    return moves;
}

} // namespace

MetricMoves compareMetrics(const MetricsSnapshot &from, const MetricsSnapshot &to)
{
    MetricMoves moves;
    moves.topStores = rankMoves(from.topStores, to.topStores, QStringLiteral("store_id"), QStringLiteral("store_name"),
                                QStringLiteral("total_amount"));
    moves.topProducts = rankMoves(from.topProducts, to.topProducts, QStringLiteral("product_sku"),
                                  QStringLiteral("product_name"), QStringLiteral("transactions"));
    moves.groups = groupMoves(from.avgByTypologyCountry, to.avgByTypologyCountry);
    moves.shares = shareMoves(from.deviceTypeShare, to.deviceTypeShare);
    moves.fifth = fifthMoves(from, to);
    return moves;
}

} // namespace cpm
