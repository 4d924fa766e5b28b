// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalies/BinomialTail.h"

#include <cmath>
#include <limits>

namespace cpm::anomalies {

namespace {

// Modified Lentz evaluation of the continued fraction of I_x(a, b) (Numerical Recipes
// §6.4 "betacf"); it converges fast for x < (a + 1) / (a + b + 2), which the caller ensures.
double betaContinuedFraction(double a, double b, double x)
{
    constexpr int maxIterations = 10000;
    constexpr double epsilon = 1e-15;
    constexpr double tiny = std::numeric_limits<double>::min() / epsilon;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= maxIterations; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < tiny ? tiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < tiny ? tiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < tiny ? tiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < tiny ? tiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < epsilon)
            break;
    }
    return h;
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    // log of x^a (1−x)^b / B(a, b), through lgamma so large n does not overflow.
    const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    // The symmetry I_x(a, b) = 1 − I_{1−x}(b, a) keeps the fraction in its fast region.
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double binomialUpperTail(qint64 k, qint64 n, double p)
{
    if (k <= 0)
        return 1.0;
    if (k > n)
        return 0.0;
    if (p <= 0.0)
        return 0.0;
    if (p >= 1.0)
        return 1.0;
    return regularizedIncompleteBeta(double(k), double(n - k + 1), p);
}

} // namespace cpm::anomalies
