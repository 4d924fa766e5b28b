// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainKeys.h"

#include "metrics/MetricsSnapshot.h"

namespace cpm::explain {

QString metricForTable(const QString &tableId)
{
    if (tableId == QLatin1String("time_to_5th_transaction_below_five"))
        return QStringLiteral("time_to_5th_transaction");
    return metricIds().contains(tableId) ? tableId : QString(); // per customer: no single key
}

QString keyForRow(const MetricTable &table, int row)
{
    const QString metric = metricForTable(table.id);
    if (metric == QLatin1String("top_products"))
        return table.value(row, QStringLiteral("product_sku")).toString();
    if (metric == QLatin1String("avg_amount_by_typology_country"))
        return table.value(row, QStringLiteral("typology")).toString() + QLatin1Char('/')
            + table.value(row, QStringLiteral("country")).toString();
    if (metric == QLatin1String("device_type_share"))
        return table.value(row, QStringLiteral("device_type")).toString();
    return table.value(row, QStringLiteral("store_id")).toString();
}

QString headlineFigure(const QString &metricId)
{
    if (metricId == QLatin1String("top_stores"))
        return QStringLiteral("total_amount");
    if (metricId == QLatin1String("top_products"))
        return QStringLiteral("transactions");
    if (metricId == QLatin1String("avg_amount_by_typology_country"))
        return QStringLiteral("avg_amount");
    if (metricId == QLatin1String("device_type_share"))
        return QStringLiteral("pct");
    return QStringLiteral("seconds");
}

} // namespace cpm::explain
