// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/MetricsJson.h"

#include "csv/TimestampParser.h"

namespace cpm {

namespace {

QJsonValue jsonValue(const QVariant &value, ValueKind kind)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Rank: {
        bool isNumber = false;
        const qint64 number = value.toLongLong(&isNumber);
        return isNumber ? QJsonValue(number) : QJsonValue(value.toString());
    }
    case ValueKind::Amount:
    case ValueKind::Percent:
    case ValueKind::Seconds:
    case ValueKind::Days:
    case ValueKind::Probability:
        return value.toDouble();
    case ValueKind::Flag:
        return value.toBool();
    case ValueKind::Timestamp:
        return TimestampParser::toIso(value.toLongLong());
    case ValueKind::Text:
        break;
    }
    return value.toString();
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}


/** Five-number summary in seconds, like the per-store rows; null without stores with five. */
QJsonValue spreadToJson(const std::optional<Spread> &spread)
{
    if (!spread)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("n"), spread->n},           {QStringLiteral("min"), spread->min},
                       {QStringLiteral("q1"), spread->q1},         {QStringLiteral("median"), spread->median},
                       {QStringLiteral("q3"), spread->q3},         {QStringLiteral("max"), spread->max},
                       {QStringLiteral("unit"), QStringLiteral("seconds")}};
}

/** Per top list cut inside a tie: the tied value, how many were cut and the first of them. */
QJsonObject tiesAtCutToJson(const MetricsSnapshot &snapshot, const QString &metricId)
{
    QJsonObject ties;
    for (const MetricTable *table : {&snapshot.topStores, &snapshot.topProducts}) {
        if (table->tieAtCut.isEmpty() || (!metricId.isEmpty() && table->id != metricId))
            continue;
        ties.insert(table->id, QJsonObject{{QStringLiteral("value"), table->tieAtCut.value.toDouble()},
                                           {QStringLiteral("beyond_cut"), table->tieAtCut.beyondCut},
                                           {QStringLiteral("named"), QJsonArray::fromStringList(table->tieAtCut.named)}});
    }
    return ties;
}

QJsonObject timeToFifthToJson(const MetricsSnapshot &snapshot)
{
    const TimeToFifthSummary &summary = snapshot.timeToFifth;
    QJsonObject object;
    object.insert(QStringLiteral("stores_with_5"), summary.storesWith5);
    object.insert(QStringLiteral("stores_with_any"), summary.storesWithAny);
    object.insert(QStringLiteral("stores_total"), summary.storesTotal);
    object.insert(QStringLiteral("avg_seconds"), optionalNumber(summary.avgSeconds));
    object.insert(QStringLiteral("avg_days"), optionalNumber(summary.avgDays()));
    object.insert(QStringLiteral("avg_seconds_from_store_created"), optionalNumber(summary.avgSecondsFromStoreCreated));
    object.insert(QStringLiteral("avg_days_from_store_created"), optionalNumber(summary.avgDaysFromStoreCreated()));
    object.insert(QStringLiteral("stores_fifth_before_store_created"), summary.fifthBeforeStoreCreated);
    object.insert(QStringLiteral("spread"), spreadToJson(summary.spread));
    object.insert(QStringLiteral("spread_from_store_created"), spreadToJson(summary.spreadFromStoreCreated));
    object.insert(QStringLiteral("per_store"), tableToJson(snapshot.timeToFifthPerStore));
    object.insert(QStringLiteral("per_customer"), tableToJson(snapshot.timeToFifthPerCustomer));
    object.insert(QStringLiteral("below_five"), tableToJson(snapshot.timeToFifthBelowFive));
    return object;
}

QJsonObject coverageToJson(const Coverage &coverage)
{
    QJsonObject object;
    object.insert(QStringLiteral("transactions"), coverage.transactions);
    object.insert(QStringLiteral("total_amount"), coverage.totalAmount);
    object.insert(QStringLiteral("without_device"), coverage.withoutDevice);
    object.insert(QStringLiteral("without_store"), coverage.withoutStore);
    object.insert(QStringLiteral("lossy_sku"), coverage.lossySku);
    object.insert(QStringLiteral("stores_with_transactions"), coverage.storesWithTransactions);
    object.insert(QStringLiteral("stores_total"), coverage.storesTotal);
    return object;
}

} // namespace

QJsonObject filtersToJson(const MetricFilter &filter)
{
    QJsonObject filters;
    filters.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(filter.statuses));
    filters.insert(QStringLiteral("time_column"), timeColumnName(filter.timeColumn));
    filters.insert(QStringLiteral("from"), filter.from.isValid() ? QJsonValue(filter.from.toString(Qt::ISODate)) : QJsonValue());
    filters.insert(QStringLiteral("to"), filter.to.isValid() ? QJsonValue(filter.to.toString(Qt::ISODate)) : QJsonValue());
    filters.insert(QStringLiteral("store_version"), storeVersionName(filter.storeVersion)); // metric 3's reading
    return filters;
}

QJsonArray tableToJson(const MetricTable &table)
{
    QJsonArray rows;
    for (const QVariantList &row : table.rows) {
        QJsonObject object;
        for (int i = 0; i < table.columns.size(); ++i)
            object.insert(table.columns[i].key, jsonValue(row.value(i), table.columns[i].kind));
        rows.append(object);
    }
    return rows;
}

QJsonObject snapshotToJson(const MetricsSnapshot &snapshot, const QString &metricId)
{
    QJsonObject document;
    document.insert(QStringLiteral("filters"), filtersToJson(snapshot.filter));
    for (const MetricTable *table : snapshot.tables()) {
        if (!metricId.isEmpty() && table->id != metricId)
            continue;
        if (table->id == QLatin1String("time_to_5th_transaction"))
            document.insert(table->id, timeToFifthToJson(snapshot));
        else
            document.insert(table->id, tableToJson(*table));
    }
    document.insert(QStringLiteral("ties_at_cut"), tiesAtCutToJson(snapshot, metricId));
    document.insert(QStringLiteral("coverage"), coverageToJson(snapshot.coverage));
    return document;
}

} // namespace cpm
