// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarMerge.h"

#include "columnar/HugePages.h"

#include <algorithm>
#include <future>
#include <vector>

namespace cpm::columnar::detail {

namespace {

/**
 * Inserts later[j] at final position pos[j] (ascending), moving @p into's rows up from the
 * back: each row moves once, in runs between two insertions (memmove speed), and the rows
 * before the first insertion not at all.
 */
template<typename T>
void insertAt(std::vector<T> &into, const std::vector<T> &later, const std::vector<std::size_t> &pos)
{
    std::size_t end = into.size(); // into's rows [0, end) are not yet at their final place
    into.resize(into.size() + later.size());
    for (std::size_t j = later.size(); j-- > 0;) {
        const std::size_t before = pos[j] - j; // rows of into before later[j]
        std::move_backward(into.begin() + std::ptrdiff_t(before), into.begin() + std::ptrdiff_t(end),
                           into.begin() + std::ptrdiff_t(end + j + 1));
        into[pos[j]] = later[j];
        end = before;
    }
}

/** Whether some row of @p t has both times (the rows its lag bounds were computed over). */
bool anyLag(const ColumnarTable &t)
{
    const auto known = t.createdAt.begin() + std::ptrdiff_t(t.happenedKnown);
    return std::any_of(t.createdAt.begin(), known, [](qint64 c) { return c != kNoTime; });
}

void widenBounds(ColumnarTable &into, const ColumnarTable &later)
{
    // later's rows all have both times, so its lag bounds are real ones.
    if (!anyLag(into)) {
        into.minLag = later.minLag;
        into.maxLag = later.maxLag;
    } else {
        into.minLag = std::min(into.minLag, later.minLag);
        into.maxLag = std::max(into.maxLag, later.maxLag);
    }
    for (std::size_t c = 0; c < 2; ++c) {
        into.minTime[c] = std::min(into.minTime[c], later.minTime[c]); // kNoTime: none, and above all
        const qint64 a = into.maxTime[c], b = later.maxTime[c];
        into.maxTime[c] = a == kNoTime ? b : b == kNoTime ? a : std::max(a, b);
    }
}

} // namespace

void reserveRows(ColumnarTable &t, std::size_t rows)
{
    reserveHugePages(t.status, rows);
    reserveHugePages(t.deviceType, rows);
    reserveHugePages(t.store, rows);
    reserveHugePages(t.pair, rows);
    reserveHugePages(t.amount, rows);
    reserveHugePages(t.happenedAt, rows);
    reserveHugePages(t.createdAt, rows);
    reserveHugePages(t.idRank, rows);
}

void mergeLaterRows(ColumnarTable &into, const ColumnarTable &later)
{
    if (later.rowCount() == 0)
        return;
    // Final position of each later row: the rows of into with a time up to its own (ties go to
    // into, whose ids are older) come before it, plus the later rows before it.
    std::vector<std::size_t> pos(later.rowCount());
    const auto known = into.happenedAt.begin() + std::ptrdiff_t(into.happenedKnown);
    auto from = into.happenedAt.begin();
    for (std::size_t j = 0; j < pos.size(); ++j) {
        from = std::upper_bound(from, known, later.happenedAt[j]);
        pos[j] = std::size_t(from - into.happenedAt.begin()) + j;
    }
    widenBounds(into, later);
    // Two halves of about the same bytes per row (18 and 20), one on each core.
    auto half = std::async(std::launch::async, [&] {
        insertAt(into.happenedAt, later.happenedAt, pos);
        insertAt(into.createdAt, later.createdAt, pos);
        insertAt(into.status, later.status, pos);
        insertAt(into.deviceType, later.deviceType, pos);
    });
    insertAt(into.amount, later.amount, pos);
    insertAt(into.store, later.store, pos);
    insertAt(into.pair, later.pair, pos);
    insertAt(into.idRank, later.idRank, pos);
    half.get();
    into.happenedKnown += later.rowCount();
}

} // namespace cpm::columnar::detail
