// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/Spread.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cpm {

namespace {

/** Value at fraction @p p of sorted @p values, interpolating between the closest ranks. */
double quantile(const std::vector<double> &sorted, double p)
{
    const double position = p * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - double(below);
    return sorted[below] + weight * (sorted[above] - sorted[below]);
}

} // namespace

std::optional<Spread> spreadOf(std::vector<double> &values)
{
    if (values.empty())
        return std::nullopt;
    // A full sort: 100k stores at 10M transactions sort in a few milliseconds, and
    // interpolation needs two neighbouring ranks per quartile anyway.
    std::sort(values.begin(), values.end());
    Spread spread;
    spread.n = qint64(values.size());
    spread.min = values.front();
    spread.q1 = quantile(values, 0.25);
    spread.median = quantile(values, 0.5);
    spread.q3 = quantile(values, 0.75);
    spread.max = values.back();
    return spread;
}

QString describeSpreadInDays(const Spread &spread)
{
    const QLocale locale;
    auto days = [&](double seconds) { return locale.toString(seconds / 86400.0, 'f', 2); };
    return QStringLiteral("median %1 days (quartiles %2–%3, range %4–%5, n = %6)")
        .arg(days(spread.median), days(spread.q1), days(spread.q3), days(spread.min), days(spread.max),
             locale.toString(spread.n));
}

} // namespace cpm
