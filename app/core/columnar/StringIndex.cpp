// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/StringIndex.h"

#include <functional>

namespace cpm::columnar::detail {

qint32 StringIndex::intern(std::string_view key, bool *added)
{
    // At most half full: probe runs stay short.
    if ((m_hashes.size() + 1) * 2 > m_slots.size())
        grow();
    const std::uint64_t hash = std::hash<std::string_view>()(key);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = std::size_t(hash) & mask;; slot = (slot + 1) & mask) {
        const qint32 index = m_slots[slot];
        if (index < 0) {
            m_slots[slot] = qint32(m_hashes.size());
            m_hashes.push_back(hash);
            m_arena.insert(m_arena.end(), key.begin(), key.end());
            m_offsets.push_back(m_arena.size());
            if (added)
                *added = true;
            return m_slots[slot];
        }
        if (m_hashes[std::size_t(index)] == hash && this->key(index) == key) {
            if (added)
                *added = false;
            return index;
        }
    }
}

void StringIndex::grow()
{
    std::vector<qint32> slots(m_slots.empty() ? 1024 : m_slots.size() * 2, -1);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t index = 0; index < m_hashes.size(); ++index) {
        std::size_t slot = std::size_t(m_hashes[index]) & mask;
        while (slots[slot] >= 0)
            slot = (slot + 1) & mask;
        slots[slot] = qint32(index);
    }
    m_slots = std::move(slots);
}

} // namespace cpm::columnar::detail
