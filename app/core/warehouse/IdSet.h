// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <unordered_set>
#include <vector>

namespace cpm {

/**
 * The distinct ids loaded from one file, so the importer can report duplicates and new rows
 * without scanning the raw table afterwards. Extract ids are dense small integers: a bitmap
 * (one bit per id below 2^30) holds them; any other id goes to a hash set.
 */
class IdSet
{
public:
    /** Adds @p id; false when it was already there. */
    bool insert(qint64 id)
    {
        if (id < 0 || id >= kDenseLimit)
            return m_other.insert(id).second ? (++m_size, true) : false;
        const std::size_t word = std::size_t(id) >> 6;
        if (word >= m_bits.size())
            m_bits.resize(std::max(word + 1, m_bits.size() * 2), 0);
        const quint64 bit = quint64(1) << (id & 63);
        if (m_bits[word] & bit)
            return false;
        m_bits[word] |= bit;
        ++m_size;
        return true;
    }
    qint64 size() const { return m_size; }

private:
    static constexpr qint64 kDenseLimit = qint64(1) << 30;
    std::vector<quint64> m_bits;
    std::unordered_set<qint64> m_other;
    qint64 m_size = 0;
};

} // namespace cpm
