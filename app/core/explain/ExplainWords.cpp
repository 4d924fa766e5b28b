// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainWords.h"

#include <QStringList>

namespace cpm::explain {

QString definition(const QString &metricId, const QString &keyLabel)
{
    if (metricId == QLatin1String("top_stores"))
        return QStringLiteral("Top 10 stores by transacted amount. For %1: the sum of the amounts (total amount) and "
                              "the number of its transactions that match the filter, a transaction belonging to the "
                              "store of its device. Stores are ranked by total amount, ties by store id.")
            .arg(keyLabel);
    if (metricId == QLatin1String("top_products"))
        return QStringLiteral("Top 10 products sold. For %1: the number of matching transactions with this "
                              "normalised SKU (one transaction = one item sold) and the sum of their amounts; any "
                              "device counts, known or not. Products are ranked by items sold, ties by SKU.")
            .arg(keyLabel);
    if (metricId == QLatin1String("avg_amount_by_typology_country"))
        return QStringLiteral("Average transacted amount per store typology and country. For %1: the sum of the "
                              "amounts of the matching transactions of its stores divided by their number (average "
                              "per transaction), and divided by the number of its stores with at least one of them "
                              "(average store total).")
            .arg(keyLabel);
    if (metricId == QLatin1String("device_type_share"))
        return QStringLiteral("Percentage of transactions per device type. For %1: the matching transactions made "
                              "on devices of this type, as a percentage of all matching transactions.")
            .arg(keyLabel);
    return QStringLiteral("Time for a store to perform its first 5 transactions. For %1: its matching transactions "
                          "ordered by the time column and then by id; the time from the 1st to the 5th (and from the "
                          "store's own created_at to the 5th). Stores with fewer than five are listed, not averaged.")
        .arg(keyLabel);
}

QString timeColumnMeaning(TimeColumn column)
{
    return column == TimeColumn::CreatedAt ? QStringLiteral("when the transaction was recorded")
                                           : QStringLiteral("when the payment happened");
}

QString filterInWords(const MetricFilter &filter)
{
    QStringList statuses = filter.statuses;
    QString statusText = statuses.size() > 1
        ? statuses.mid(0, statuses.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + statuses.last()
        : statuses.value(0);
    QString range = QStringLiteral("at any date");
    if (filter.from.isValid() && filter.to.isValid())
        range = QStringLiteral("from %1 to %2 (inclusive)").arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate));
    else if (filter.from.isValid())
        range = QStringLiteral("from %1 on").arg(filter.from.toString(Qt::ISODate));
    else if (filter.to.isValid())
        range = QStringLiteral("up to %1 (inclusive)").arg(filter.to.toString(Qt::ISODate));
    return QStringLiteral("Transactions with status %1, dated by %2 (%3), %4.")
        .arg(statusText, timeColumnName(filter.timeColumn), timeColumnMeaning(filter.timeColumn), range);
}

QString leftOutReason(const QString &key, const MetricFilter &filter)
{
    if (key == QLatin1String("other_status"))
        return QStringLiteral("another status than %1").arg(filter.statuses.join(QStringLiteral(", ")));
    if (key == QLatin1String("outside_range"))
        return QStringLiteral("a selected status but outside the date range on %1 (or no %1)")
            .arg(timeColumnName(filter.timeColumn));
    if (key == QLatin1String("unknown_device"))
        return QStringLiteral("matching, but their device is not in devices.csv: no store can be given (all stores)");
    if (key == QLatin1String("unknown_store"))
        return QStringLiteral("matching, but their device's store is not in stores.csv (all stores)");
    if (key == QLatin1String("after_fifth"))
        return QStringLiteral("matching, after the store's 5th: they do not change the time to the 5th");
    if (key == QLatin1String("fewer_than_five"))
        return QStringLiteral("matching, but fewer than five: the store is listed under \"Fewer than 5\", not averaged");
    return key;
}

} // namespace cpm::explain
