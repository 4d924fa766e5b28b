// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

#include <QVariant>

#include <optional>

namespace cpm {

/** How an entry of a top-10 list moved between two states. */
enum class RankMovement { Entered, Left, Up, Down, Same };

/** "entered", "left", "up", "down", "same". */
QString rankMovementName(RankMovement movement);

/** One store or product of either state's top list. */
struct RankMove
{
    QString key;         ///< store id or SKU
    QString label;       ///< store or product name (the newer state's when in both)
    int oldRank = 0;     ///< 0: not in the from-state's list
    int newRank = 0;     ///< 0: not in the to-state's list
    QVariant oldValue;   ///< the ranked number: total amount (stores), items sold (products); null when absent
    QVariant newValue;
    RankMovement movement = RankMovement::Same;
};

/** Metric 3, one typology × country group in either state (nullopt: the group is absent there). */
struct GroupMove
{
    QString typology;
    QString country;
    std::optional<double> oldAvg, newAvg;           ///< average amount per transaction
    std::optional<double> oldStoreAvg, newStoreAvg; ///< average store total
    qint64 oldTransactions = 0, newTransactions = 0;
};

/** Metric 4, one device type in either state; shares in percent, their delta in points. */
struct ShareMove
{
    QString deviceType;
    double oldPct = 0, newPct = 0;
    qint64 oldTransactions = 0, newTransactions = 0;
    double deltaPoints() const { return newPct - oldPct; }
};

/** A store that reached (or no longer has) five matching transactions between the states. */
struct FifthStore
{
    qint64 storeId = 0;
    QString storeName;
    QVariant fifthAt;    ///< naive epoch seconds of its 5th (in the state that has it)
    QVariant seconds;    ///< 1st → 5th
};

/** Metric 5 in both states, and the stores that crossed five either way. */
struct FifthMoves
{
    TimeToFifthSummary before, after;
    QVector<FifthStore> reached; ///< five or more in the to-state, fewer in the from-state
    QVector<FifthStore> lost;    ///< the other way (a backward diff, or statuses that changed)
};

/** How every metric moved from one state to another under one filter. */
struct MetricMoves
{
    QVector<RankMove> topStores;    ///< by new rank, then the ones that left by old rank
    QVector<RankMove> topProducts;
    QVector<GroupMove> groups;      ///< by typology, country
    QVector<ShareMove> shares;      ///< by device type
    FifthMoves fifth;
};

/**
 * The moves between two metric runs under the same filter: only differences of their
 * numbers, so every delta is by construction what the two runs say.
 */
MetricMoves compareMetrics(const MetricsSnapshot &from, const MetricsSnapshot &to);

} // namespace cpm
