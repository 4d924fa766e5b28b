// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace cpm {

/**
 * Five-number summary of a distribution. Quartiles interpolate linearly between the two
 * closest ranks (position p·(n−1), "type 7": numpy's default, Excel's QUARTILE.INC), so a
 * reader can check them with a spreadsheet.
 */
struct Spread
{
    qint64 n = 0;
    double min = 0;
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    double max = 0;

    double interquartileRange() const { return q3 - q1; }
};

/** The spread of @p values (reordered in place); nullopt when empty. */
std::optional<Spread> spreadOf(std::vector<double> &values);

/** "median 12.30 days (quartiles 5.10–20.40, range 0.20–80.00, n = 42)" for seconds. */
QString describeSpreadInDays(const Spread &spread);

} // namespace cpm
