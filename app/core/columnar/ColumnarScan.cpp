// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarScan.h"

#include "columnar/ColumnarTable.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <thread>

namespace cpm::columnar {

namespace {

// Below this many rows a second thread costs more to start and merge than it saves.
constexpr std::size_t kParallelRows = 400'000;
// Lowered only by tests (setParallelRowsForTesting), so the two-thread path runs on small data.
std::atomic<std::size_t> parallelRows{kParallelRows};
std::atomic<std::size_t> parallelScans{0};
std::atomic<bool> g_parallel{true}; // setParallel(false): everything on one thread

/** Whether a scan of @p rows gets a second thread; counts those that do. */
bool twoThreads(std::size_t rows)
{
    // A lowered threshold splits even on one core, so tests cover the two threads anywhere.
    const std::size_t threshold = parallelRows.load();
    if (!g_parallel || rows < threshold || (threshold == kParallelRows && std::thread::hardware_concurrency() < 2))
        return false;
    ++parallelScans;
    return true;
}

/** Where each status's matching rows go (null: status not selected). */
using Targets = std::array<Aggregates *, 256>;

void scan(const ColumnarTable &t, TimeColumn column, qint64 lo, qint64 hi, std::size_t begin, std::size_t end,
          const Targets &targets)
{
    const qint64 *times = column == TimeColumn::CreatedAt ? t.createdAt.data() : t.happenedAt.data();
    const quint8 *status = t.status.data();
    const qint32 *store = t.store.data();
    const qint32 *pair = t.pair.data();
    const quint8 *type = t.deviceType.data();
    const double *amount = t.amount.data();
    const qint32 realStores = t.storeCount();
    for (std::size_t r = begin; r < end; ++r) {
        Aggregates *a = targets[status[r]];
        const qint64 ts = times[r];
        if (!a || ts < lo || ts > hi)
            continue;
        const double x = amount[r];
        const qint32 s = store[r];
        ++a->storeCount[std::size_t(s)];
        a->storeAmount[std::size_t(s)] += x;
        ++a->pairCount[std::size_t(pair[r])];
        a->pairAmount[std::size_t(pair[r])] += x;
        ++a->typeCount[type[r]];
        a->typeAmount[type[r]] += x;
        if (s < realStores)
            a->offer(std::size_t(s), ts, t.idRank[r]);
    }
}

struct Slice
{
    std::size_t begin = 0, end = 0;
};

/** The row slices a range on @p query's column can touch (rows are in happened_at order). */
std::vector<Slice> slicesFor(const ColumnarTable &t, const ColumnarQuery &query)
{
    const auto known = t.happenedAt.begin() + std::ptrdiff_t(t.happenedKnown);
    auto index = [&](qint64 ts, bool upper) {
        const auto it = upper ? std::upper_bound(t.happenedAt.begin(), known, ts)
                              : std::lower_bound(t.happenedAt.begin(), known, ts);
        return std::size_t(it - t.happenedAt.begin());
    };
    if (query.column == TimeColumn::HappenedAt)
        return {{index(query.lo, false), index(query.hi, true)}};
    // created = happened + lag with lag in [minLag, maxLag]; rows without happened_at last.
    return {{index(query.lo - t.maxLag, false), index(query.hi - t.minLag, true)}, {t.happenedKnown, t.rowCount()}};
}

} // namespace

bool parallel()
{
    return g_parallel && std::thread::hardware_concurrency() >= 2;
}

void setParallel(bool allowed)
{
    g_parallel = allowed;
}

Aggregates::Aggregates(std::size_t storeSlots, std::size_t stores, std::size_t pairs, std::size_t types)
    : storeCount(storeSlots), storeAmount(storeSlots), pairCount(pairs), pairAmount(pairs), typeCount(types),
      typeAmount(types), firstCount(stores), firstTime(stores * kFirst), firstRank(stores * kFirst)
{
}

void Aggregates::merge(const Aggregates &other)
{
    auto add = [](auto &into, const auto &from) {
        for (std::size_t i = 0; i < into.size(); ++i)
            into[i] += from[i];
    };
    add(storeCount, other.storeCount);
    add(storeAmount, other.storeAmount);
    add(pairCount, other.pairCount);
    add(pairAmount, other.pairAmount);
    add(typeCount, other.typeCount);
    add(typeAmount, other.typeAmount);
    for (std::size_t s = 0; s < other.firstCount.size(); ++s) {
        if (other.firstCount[s] > 0)
            mergeFirst(s, other);
    }
}

// One merge step of two sorted lists (at most five each) instead of five offer() insertions:
// a multi-status filter without dates merges 100k stores per extra status. (time, rank) pairs
// are unique (ranks are), so the result is the same first five as offering them one by one.
void Aggregates::mergeFirst(std::size_t storeIndex, const Aggregates &other)
{
    const std::size_t at = storeIndex * kFirst;
    const int mine = firstCount[storeIndex], theirs = other.firstCount[storeIndex];
    const qint64 *myTime = &firstTime[at], *theirTime = &other.firstTime[at];
    const quint32 *myRank = &firstRank[at], *theirRank = &other.firstRank[at];
    std::array<qint64, kFirst> times{};
    std::array<quint32, kFirst> ranks{};
    const int keep = std::min(kFirst, mine + theirs);
    for (int k = 0, i = 0, j = 0; k < keep; ++k) {
        const bool takeTheirs = i == mine
            || (j < theirs && (theirTime[j] < myTime[i] || (theirTime[j] == myTime[i] && theirRank[j] < myRank[i])));
        times[std::size_t(k)] = takeTheirs ? theirTime[j] : myTime[i];
        ranks[std::size_t(k)] = takeTheirs ? theirRank[j++] : myRank[i++];
    }
    std::copy(times.begin(), times.begin() + keep, firstTime.begin() + std::ptrdiff_t(at));
    std::copy(ranks.begin(), ranks.begin() + keep, firstRank.begin() + std::ptrdiff_t(at));
    firstCount[storeIndex] = quint8(keep);
}

ColumnarQuery ColumnarQuery::from(const ColumnarTable &table, const MetricFilter &filter)
{
    ColumnarQuery query;
    for (const QString &name : filter.statuses) {
        const qsizetype at = table.statuses.indexOf(name.trimmed().toLower());
        if (at >= 0 && std::find(query.statuses.begin(), query.statuses.end(), int(at)) == query.statuses.end())
            query.statuses.push_back(int(at));
    }
    query.column = filter.timeColumn;
    query.hasRange = filter.from.isValid() || filter.to.isValid();
    // Same bounds as the SQL's "day between :from_day and :to_day" on floor(ts / 86400).
    const QVariantMap days = filter.sqlParameters();
    query.lo = days.value(QStringLiteral(":from_day")).toLongLong() * 86400;
    query.hi = days.value(QStringLiteral(":to_day")).toLongLong() * 86400 + 86399;
    return query;
}

Aggregates emptyAggregates(const ColumnarTable &t)
{
    return Aggregates(std::size_t(t.storeCount() + 2), std::size_t(t.storeCount()), t.pairSku.size(),
                      t.deviceTypes.size());
}

void resetAggregates(const ColumnarTable &t, Aggregates *a)
{
    const std::size_t stores = std::size_t(t.storeCount());
    a->storeCount.assign(stores + 2, 0);
    a->storeAmount.assign(stores + 2, 0.0);
    a->pairCount.assign(t.pairSku.size(), 0);
    a->pairAmount.assign(t.pairSku.size(), 0.0);
    a->typeCount.assign(t.deviceTypes.size(), 0);
    a->typeAmount.assign(t.deviceTypes.size(), 0.0);
    a->firstCount.assign(stores, 0);
    a->firstTime.assign(stores * Aggregates::kFirst, 0);
    a->firstRank.assign(stores * Aggregates::kFirst, 0);
}

std::vector<Aggregates> aggregatePerStatus(const ColumnarTable &t, TimeColumn column)
{
    auto part = [&](std::size_t begin, std::size_t end) {
        std::vector<Aggregates> perStatus(std::size_t(t.statuses.size()), emptyAggregates(t));
        Targets targets{};
        for (std::size_t s = 0; s < perStatus.size(); ++s)
            targets[s] = &perStatus[s];
        const MetricFilter open;
        const ColumnarQuery all = ColumnarQuery::from(t, open);
        scan(t, column, all.lo, all.hi, begin, end, targets);
        return perStatus;
    };
    const std::size_t n = t.rowCount();
    if (!twoThreads(n))
        return part(0, n);
    // Halves on two cores; the aggregates are additive, so the halves merge exactly.
    std::vector<Aggregates> second;
    std::thread worker([&] { second = part(n / 2, n); });
    std::vector<Aggregates> first = part(0, n / 2);
    worker.join();
    for (std::size_t s = 0; s < first.size(); ++s)
        first[s].merge(second[s]);
    return first;
}

const std::vector<Aggregates> &ColumnarTable::perStatus(TimeColumn column) const
{
    const std::size_t c = std::size_t(column);
    std::call_once(m_perStatusOnce[c], [&] { m_perStatus[c] = aggregatePerStatus(*this, column); });
    return m_perStatus[c];
}

const Aggregates &evaluate(const ColumnarTable &t, const ColumnarQuery &query, Aggregates *storage)
{
    if (query.statuses.empty()) {
        resetAggregates(t, storage);
        return *storage;
    }
    if (!query.hasRange) {
        const Aggregates &first = t.allRows(query.column, query.statuses.front());
        if (query.statuses.size() == 1)
            return first;
        *storage = first;
        for (std::size_t i = 1; i < query.statuses.size(); ++i)
            storage->merge(t.allRows(query.column, query.statuses[i]));
        return *storage;
    }
    std::vector<Slice> slices = slicesFor(t, query);
    std::size_t rows = 0;
    for (const Slice &slice : slices)
        rows += slice.end > slice.begin ? slice.end - slice.begin : 0;
    resetAggregates(t, storage);
    Aggregates &result = *storage;
    Targets targets{};
    for (int status : query.statuses)
        targets[std::size_t(status)] = &result;
    if (!twoThreads(rows)) {
        for (const Slice &slice : slices)
            scan(t, query.column, query.lo, query.hi, slice.begin, std::max(slice.begin, slice.end), targets);
        return result;
    }
    // Two threads: the first half of the biggest slice goes to a helper with its own aggregates.
    Slice &big = *std::max_element(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
        return a.end - std::min(a.end, a.begin) < b.end - std::min(b.end, b.begin);
    });
    const Slice helperSlice{big.begin, big.begin + (big.end - big.begin) / 2};
    big.begin = helperSlice.end;
    Aggregates helper = emptyAggregates(t);
    Targets helperTargets{};
    for (int status : query.statuses)
        helperTargets[std::size_t(status)] = &helper;
    std::thread worker([&] { scan(t, query.column, query.lo, query.hi, helperSlice.begin, helperSlice.end, helperTargets); });
    for (const Slice &slice : slices)
        scan(t, query.column, query.lo, query.hi, slice.begin, std::max(slice.begin, slice.end), targets);
    worker.join();
    result.merge(helper);
    return result;
}

// Declared only in tests/common/ColumnarTestHooks.h: nothing but the tests may call these.
std::size_t setParallelRowsForTesting(std::size_t rows)
{
    return parallelRows.exchange(rows == 0 ? kParallelRows : rows);
}

std::size_t parallelScanCount()
{
    return parallelScans.load();
}

} // namespace cpm::columnar
