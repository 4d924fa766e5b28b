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
    struct Param
    {
        Kind kind;
        int index;
        qint64 integer;
        double real;
        std::size_t offset, size; ///< of a text in bytes
    };
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
