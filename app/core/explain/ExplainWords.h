// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricFilter.h"

#include <QString>

namespace cpm::explain {

/*
 * The sentences of an explanation: what a metric counts for one key, the filter, and why
 * transactions were left out. Kept apart from the queries so the CLI and the panel read alike.
 */

/** The definition of metric @p metricId for the row called @p keyLabel ("store 2 (Beta)"). */
QString definition(const QString &metricId, const QString &keyLabel);
/** "Transactions with status accepted or refused, dated by happened_at (…), from … to … (inclusive)." */
QString filterInWords(const MetricFilter &filter);
/** What the time column means, for the filter sentence. */
QString timeColumnMeaning(TimeColumn column);
/** The reason shown for left-out key @p key ("other_status", "outside_range", ...). */
QString leftOutReason(const QString &key, const MetricFilter &filter);

} // namespace cpm::explain
