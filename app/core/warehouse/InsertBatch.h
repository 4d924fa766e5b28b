// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <string>
#include <vector>

namespace cpm {

/**
 * Rows of bound values as the import's parser hands them to the inserting thread: per row its
 * statement (0: the raw table, 1: rejects) and source line, then its parameters by 1-based
 * index; texts are copied into one byte buffer.
 */
struct InsertBatch
{
    enum class Kind : quint8 { Null, Int, Double, Text };
    /**
     * One bound value in 16 bytes: a batch is written by one thread and read by another, so
     * its size is memory traffic on every row (48-byte parameters cost the parser a tenth of
     * its time in cache misses at 1M rows).
     */
    struct Param
    {
        Kind kind;
        qint16 index;
        quint32 size; ///< of a text in bytes
        union {
            qint64 integer;
            double real;
            quint64 offset; ///< of a text in bytes
        };

        /** Fills this parameter in place (a whole Param built elsewhere and copied in was
         *  stored piecewise and reloaded whole: a store-forwarding stall on every value). */
        void set(Kind k, int i, quint32 bytes, qint64 bits)
        {
            kind = k;
            index = qint16(i);
            size = bytes;
            integer = bits;
        }
    };
    static_assert(sizeof(Param) == 16);
    struct Row
    {
        int statement;
        qint64 line;
        std::size_t firstParam;
    };

    std::vector<Row> rows;
    std::vector<Param> params;
    std::string bytes;

    void clear() { rows.clear(); params.clear(); bytes.clear(); }
    /** One past the last parameter of row @p r. */
    std::size_t paramsEnd(std::size_t r) const { return r + 1 < rows.size() ? rows[r + 1].firstParam : params.size(); }
};

} // namespace cpm
