// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricsSnapshot.h"

namespace cpm {

std::optional<double> TimeToFifthSummary::avgDays() const
{
    if (!avgSeconds)
        return std::nullopt;
    return *avgSeconds / 86400.0;
}

std::optional<double> TimeToFifthSummary::avgDaysFromStoreCreated() const
{
    if (!avgSecondsFromStoreCreated)
        return std::nullopt;
    return *avgSecondsFromStoreCreated / 86400.0;
}

QVector<const MetricTable *> MetricsSnapshot::tables() const
{
    return {&topStores, &topProducts, &avgByTypologyCountry, &deviceTypeShare, &timeToFifthPerStore};
}

QStringList metricIds()
{
    return {QStringLiteral("top_stores"), QStringLiteral("top_products"),
            QStringLiteral("avg_amount_by_typology_country"), QStringLiteral("device_type_share"),
            QStringLiteral("time_to_5th_transaction")};
}

QString metricTitle(const QString &id)
{
    if (id == QLatin1String("top_stores"))
        return QStringLiteral("Top 10 stores by transacted amount");
    if (id == QLatin1String("top_products"))
        return QStringLiteral("Top 10 products sold");
    if (id == QLatin1String("avg_amount_by_typology_country"))
        return QStringLiteral("Average transacted amount per store typology and country");
    if (id == QLatin1String("device_type_share"))
        return QStringLiteral("Percentage of transactions per device type");
    if (id == QLatin1String("time_to_5th_transaction"))
        return QStringLiteral("Average time for a store to perform its first 5 transactions");
    return id;
}

QString metricShortTitle(const QString &id)
{
    if (id == QLatin1String("top_stores"))
        return QStringLiteral("Top stores");
    if (id == QLatin1String("top_products"))
        return QStringLiteral("Top products");
    if (id == QLatin1String("avg_amount_by_typology_country"))
        return QStringLiteral("Typology × country");
    if (id == QLatin1String("device_type_share"))
        return QStringLiteral("Device types");
    if (id == QLatin1String("time_to_5th_transaction"))
        return QStringLiteral("Time to 5th transaction");
    return id;
}

} // namespace cpm
