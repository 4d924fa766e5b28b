// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explain/Explanation.h"

namespace cpm::explain {

/** What the figures need besides the listed rows. */
struct FigureContext
{
    qint64 allMatching = 0;    ///< every transaction matching the filter (the share's denominator)
    qint64 storesInGroup = 0;  ///< stores of the typology × country group
    QVariant storeCreatedAt;   ///< the store's created_at (metric 5)
};

/**
 * Recomputes the explained row's numbers from @p explanation's listed transactions only
 * (sums, counts, averages, the share, the 1st → 5th time), so a reader can check them.
 */
void computeFigures(const FigureContext &context, Explanation *explanation);

} // namespace cpm::explain
