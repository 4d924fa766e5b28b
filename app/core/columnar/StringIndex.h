// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cstdint>
#include <string_view>
#include <vector>

namespace cpm::columnar::detail {

/**
 * Interns strings as dense indices 0, 1, 2, ... in order of first appearance: the product
 * dictionaries of the snapshot. An open-addressing table over one byte arena instead of a
 * std::unordered_map<std::string, int>: with 50,000 distinct products (1M rows of a wide
 * extract) the map's scattered nodes cost a cache miss or two per row, which was the largest
 * single item of a wide import's profile. Here a lookup reads one slot, one hash and, on a
 * hash match, the key's bytes.
 */
class StringIndex
{
public:
    /** The index of @p key, added as the next index when new (then *@p added is true). */
    qint32 intern(std::string_view key, bool *added = nullptr);
    std::size_t size() const { return m_hashes.size(); }
    std::string_view key(qint32 index) const
    {
        const auto i = std::size_t(index);
        return {m_arena.data() + m_offsets[i], std::size_t(m_offsets[i + 1] - m_offsets[i])};
    }

private:
    void grow();

    std::vector<char> m_arena;
    std::vector<std::uint64_t> m_offsets{0};   ///< key i is [offsets[i], offsets[i + 1]) of the arena
    std::vector<std::uint64_t> m_hashes;       ///< per key
    std::vector<qint32> m_slots;               ///< key index, -1 for empty; size a power of two
};

} // namespace cpm::columnar::detail
