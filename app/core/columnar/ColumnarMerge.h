// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the columnar module: combining the rows of a stored snapshot's base with the
// deltas later imports appended (ColumnarSerialize.cpp), as a rebuild would have ordered them.
#pragma once

#include "columnar/ColumnarTable.h"

#include <cstddef>

namespace cpm::columnar::detail {

/** Room for @p rows in every row column of @p t, so merging deltas in does not reallocate. */
void reserveRows(ColumnarTable &t, std::size_t rows);

/**
 * Merges @p later's rows into @p into's, in (happened_at, id rank) order, and widens the
 * bounds. Every row of @p later has both times and an id rank above all of @p into's (it
 * comes from a later import), so a time tie puts @p into's row first, and @p into's rows
 * without a happened_at stay last. Rows move in place, column by column, on both cores.
 */
void mergeLaterRows(ColumnarTable &into, const ColumnarTable &later);

} // namespace cpm::columnar::detail
