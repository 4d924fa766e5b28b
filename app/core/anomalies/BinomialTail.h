// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace cpm::anomalies {

/**
 * P(X ≥ @p k) for X ~ Binomial(@p n, @p p): the one-sided p-value of seeing k or more
 * successes in n trials. Exact, through the regularized incomplete beta function,
 * P(X ≥ k) = I_p(k, n − k + 1), evaluated by its continued fraction (no normal
 * approximation, so small n and small p are as right as large ones).
 */
double binomialUpperTail(qint64 k, qint64 n, double p);

/** The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
double regularizedIncompleteBeta(double a, double b, double x);

} // namespace cpm::anomalies
