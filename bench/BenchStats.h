// SPDX-License-Identifier: GPL-3.0-or-later
// What the benchmark harnesses share.
#pragma once

#include <algorithm>
#include <vector>

namespace cpm::bench {

/** The @p p quantile (0..1) of @p values, nearest rank; 0 for none. */
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t at = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

} // namespace cpm::bench
