// SPDX-License-Identifier: GPL-3.0-or-later
// Test-only hooks of the columnar engine: defined in ColumnarScan.cpp, declared only here so
// that no production code can reach them.
#pragma once

#include <cstddef>

namespace cpm::columnar {

/**
 * Scans of at least @p rows (ranged evaluate() and aggregatePerStatus()) use two threads,
 * whatever the core count (0 restores the default of 400,000). Returns the previous threshold.
 */
std::size_t setParallelRowsForTesting(std::size_t rows);
/** How many scans have used two threads in this process. */
std::size_t parallelScanCount();

} // namespace cpm::columnar
