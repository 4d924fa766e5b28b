// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/InsertBatch.h"

struct sqlite3;

namespace cpm {

/**
 * A batch's rows of one statement, read by SQL as the table-valued function load_rows(?1)
 * (columns v1..v16: a row's parameters by index, NULL where it has none). One
 * `insert … select … from load_rows(?1)` per batch replaces thousands of bind/step/reset
 * rounds: SQLite sets up a statement, its savepoint and its cursors once instead of per row,
 * which halves the inserting thread's time (docs/benchmarks.md).
 */
struct BatchRows
{
    static constexpr int kColumns = 16;
    /** The pointer type sqlite3_bind_pointer() and sqlite3_value_pointer() agree on. */
    static constexpr const char *kPointerType = "cpm_batch_rows";

    const InsertBatch *batch = nullptr;
    std::size_t begin = 0, end = 0; ///< row range of batch
    int statement = 0;              ///< only rows of this statement are read

    /** Makes load_rows known to @p db (idempotent: registering again replaces it). */
    static bool registerModule(sqlite3 *db);
};

} // namespace cpm
