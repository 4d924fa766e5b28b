// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QDate>
#include <QStringList>
#include <QVariantMap>

namespace cpm {

/** Which timestamp of a transaction the filters and orderings use. */
enum class TimeColumn { HappenedAt, CreatedAt };

QString timeColumnName(TimeColumn column);
/** Parses "happened_at" / "created_at"; false for anything else. */
bool parseTimeColumn(const QString &text, TimeColumn *column);

/**
 * Which version of a store metric 3 groups a transaction under (store history, SCD type 2):
 * the store as it is now, or as it was when the transaction happened.
 */
enum class StoreVersion { Current, AtTransaction };

/** "current" / "at-transaction", as the CLI spells them. */
QString storeVersionName(StoreVersion version);
/** Parses "current" / "at-transaction"; false for anything else. */
bool parseStoreVersion(const QString &text, StoreVersion *version);

/** The filters every metric honours: status set, time column, optional inclusive day range. */
struct MetricFilter
{
    QStringList statuses = {QStringLiteral("accepted")};
    TimeColumn timeColumn = TimeColumn::HappenedAt;
    QDate from;  ///< null: open start
    QDate to;    ///< null: open end
    /** Metric 3 only: group by the stores' current typology/country or the one at each transaction. */
    StoreVersion storeVersion = StoreVersion::Current;
    /**
     * Also compute the Anomalies page's report (MetricsSnapshot::anomalies). Off by default:
     * its rates are SQL over the marts (seconds on millions of rows), so only the page when
     * shown, a report and `cpm-cli anomalies` ask for it.
     */
    bool anomalies = false;

    /** Named parameters shared by every metric query (:time_col, :from_day, :to_day). */
    QVariantMap sqlParameters() const;
    /** "accepted · happened_at · 2022-01-01 – 2022-06-30", for titles and report headers. */
    QString describe() const;
    /** Usage error when the range is reversed or no status is selected. */
    Error validate() const;

    bool operator==(const MetricFilter &other) const;
    bool operator!=(const MetricFilter &other) const { return !(*this == other); }
};

/** Whole days since 1970-01-01 of @p date (the "day" column of the marts). */
qint64 epochDay(const QDate &date);

} // namespace cpm
