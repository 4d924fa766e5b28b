// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace cpm::columnar {

/**
 * Everything the five metrics need from the matching rows: per store slot, per (SKU, name)
 * pair and per device type a count and an amount, and per store its first five matching
 * transactions by (time, id). Additive: partial results of disjoint row sets merge exactly.
 */
struct Aggregates
{
    static constexpr int kFirst = 5;

    Aggregates() = default;
    Aggregates(std::size_t storeSlots, std::size_t stores, std::size_t pairs, std::size_t types);

    void merge(const Aggregates &other);
    /** Keeps the first five of @p storeIndex's and @p other's (both sorted) first five. */
    void mergeFirst(std::size_t storeIndex, const Aggregates &other);

    /** Keeps (@p ts, @p rank) if it is among the first five of @p storeIndex so far. */
    void offer(std::size_t storeIndex, qint64 ts, quint32 rank)
    {
        quint8 &n = firstCount[storeIndex];
        qint64 *times = &firstTime[storeIndex * kFirst];
        quint32 *ranks = &firstRank[storeIndex * kFirst];
        int at = n;
        if (n == kFirst) {
            if (ts > times[kFirst - 1] || (ts == times[kFirst - 1] && rank > ranks[kFirst - 1]))
                return; // the common case once a store has five
            at = kFirst - 1;
        } else {
            ++n;
        }
        // Insertion into at most five sorted entries.
        while (at > 0 && (ts < times[at - 1] || (ts == times[at - 1] && rank < ranks[at - 1]))) {
            times[at] = times[at - 1];
            ranks[at] = ranks[at - 1];
            --at;
        }
        times[at] = ts;
        ranks[at] = rank;
    }

    std::vector<qint64> storeCount;
    std::vector<double> storeAmount;
    std::vector<qint64> pairCount;
    std::vector<double> pairAmount;
    std::vector<qint64> typeCount;
    std::vector<double> typeAmount;
    std::vector<quint8> firstCount;  ///< per real store, 0..5
    std::vector<qint64> firstTime;   ///< per real store × 5, ascending
    std::vector<quint32> firstRank;
};

} // namespace cpm::columnar
