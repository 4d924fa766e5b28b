// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricsShaping.h"

#include "metrics/MetricsEngine.h"

#include <QMap>

namespace cpm::shaping {

namespace {

MetricColumn col(const char *key, const char *header, ValueKind kind)
{
    return MetricColumn{QString::fromLatin1(key), QString::fromUtf8(header), kind};
}

struct Average
{
    double sum = 0;
    qint64 count = 0;
    void add(double value) { sum += value; ++count; }
    std::optional<double> value() const { return count ? std::optional<double>(sum / count) : std::nullopt; }
};

} // namespace

void describeTopStores(MetricTable *table)
{
    table->id = QStringLiteral("top_stores");
    table->title = metricTitle(table->id);
    table->columns = {col("rank", "#", ValueKind::Rank), col("store_id", "Store id", ValueKind::Integer),
                      col("store_name", "Store", ValueKind::Text), col("typology", "Typology", ValueKind::Text),
                      col("country", "Country", ValueKind::Text), col("total_amount", "Total amount", ValueKind::Amount),
                      col("transactions", "Transactions", ValueKind::Integer)};
}

void describeTopProducts(MetricTable *table)
{
    table->id = QStringLiteral("top_products");
    table->title = metricTitle(table->id);
    table->columns = {col("rank", "#", ValueKind::Rank), col("product_sku", "SKU", ValueKind::Text),
                      col("product_name", "Product", ValueKind::Text),
                      col("transactions", "Items sold", ValueKind::Integer),
                      col("total_amount", "Total amount", ValueKind::Amount)};
}

void describeAvgByTypologyCountry(MetricTable *table)
{
    table->id = QStringLiteral("avg_amount_by_typology_country");
    table->title = metricTitle(table->id);
    table->columns = {col("typology", "Typology", ValueKind::Text), col("country", "Country", ValueKind::Text),
                      col("transactions", "Transactions", ValueKind::Integer),
                      col("avg_amount", "Avg amount / transaction", ValueKind::Amount),
                      col("avg_store_total", "Avg store total", ValueKind::Amount),
                      col("stores", "Stores with transactions", ValueKind::Integer),
                      col("stores_in_group", "Stores in group", ValueKind::Integer),
                      col("total_amount", "Total amount", ValueKind::Amount)};
}

void describeDeviceTypeShare(MetricTable *table)
{
    table->id = QStringLiteral("device_type_share");
    table->title = metricTitle(table->id);
    table->columns = {col("device_type", "Device type", ValueKind::Text),
                      col("transactions", "Transactions", ValueKind::Integer),
                      col("pct", "Share", ValueKind::Percent), col("total_amount", "Total amount", ValueKind::Amount)};
}

void describeTimeToFifth(MetricsSnapshot *snapshot)
{
    MetricTable &perStore = snapshot->timeToFifthPerStore;
    perStore.id = QStringLiteral("time_to_5th_transaction");
    perStore.title = metricTitle(perStore.id);
    perStore.columns = {col("store_id", "Store id", ValueKind::Integer), col("store_name", "Store", ValueKind::Text),
                        col("customer_id", "Customer", ValueKind::Text),
                        col("first_at", "1st transaction", ValueKind::Timestamp),
                        col("fifth_at", "5th transaction", ValueKind::Timestamp),
                        col("seconds", "1st → 5th", ValueKind::Seconds),
                        col("seconds_from_store_created", "Store created → 5th", ValueKind::Seconds)};
    MetricTable &perCustomer = snapshot->timeToFifthPerCustomer;
    perCustomer.id = QStringLiteral("time_to_5th_transaction_per_customer");
    perCustomer.title = QStringLiteral("Average time to the 5th transaction per customer");
    perCustomer.columns = {col("customer_id", "Customer", ValueKind::Text), col("stores", "Stores with 5", ValueKind::Integer),
                           col("avg_seconds", "Avg 1st → 5th", ValueKind::Seconds),
                           col("avg_days", "Avg days", ValueKind::Days)};
    MetricTable &belowFive = snapshot->timeToFifthBelowFive;
    belowFive.id = QStringLiteral("time_to_5th_transaction_below_five");
    belowFive.title = QStringLiteral("Stores with fewer than 5 matching transactions");
    belowFive.columns = {col("store_id", "Store id", ValueKind::Integer), col("store_name", "Store", ValueKind::Text),
                         col("customer_id", "Customer", ValueKind::Text),
                         col("transactions", "Transactions", ValueKind::Integer),
                         col("first_at", "1st transaction", ValueKind::Timestamp)};
}

QVector<MetricColumn> timeToFifthSourceColumns(const MetricsSnapshot &snapshot)
{
    QVector<MetricColumn> columns = snapshot.timeToFifthPerStore.columns;
    columns << col("transactions_seen", "", ValueKind::Integer);
    return columns;
}

void cutAtLimit(MetricTable *table, const QString &sortKey, const QString &labelKey, const QString &what)
{
    if (table->rows.size() <= MetricsEngine::topLimit)
        return;
    const QVariant last = table->value(MetricsEngine::topLimit - 1, sortKey);
    const QVariant next = table->value(MetricsEngine::topLimit, sortKey);
    if (qFuzzyCompare(last.toDouble() + 1.0, next.toDouble() + 1.0)) {
        table->notes << QStringLiteral("%1 %2 ties with rank %3 on %4; ties are broken by %5.")
                            .arg(what, table->value(MetricsEngine::topLimit, labelKey).toString())
                            .arg(MetricsEngine::topLimit)
                            .arg(sortKey, labelKey);
    }
    table->rows.resize(MetricsEngine::topLimit);
}

void nameUnknownDevices(MetricTable *table)
{
    const int type = table->columnIndex(QStringLiteral("device_type"));
    for (QVariantList &row : table->rows.editable()) {
        if (row[type].isNull()) {
            row[type] = QStringLiteral("(unknown device)");
            table->notes << QStringLiteral("Transactions whose device is missing from devices.csv are shown as "
                                           "\"(unknown device)\".");
        }
    }
}

void finishTimeToFifth(const MetricTable &all, MetricsSnapshot *snapshot)
{
    TimeToFifthSummary &summary = snapshot->timeToFifth;
    summary.storesWithAny = all.rows.size();
    Average fromFirst;
    Average fromCreated;
    QMap<QString, Average> perCustomer;
    const int columnCount = snapshot->timeToFifthPerStore.columns.size();
    const int secondsAt = all.columnIndex(QStringLiteral("seconds"));
    const int fromStoreAt = all.columnIndex(QStringLiteral("seconds_from_store_created"));
    const int customerAt = all.columnIndex(QStringLiteral("customer_id"));
    const int seenAt = all.columnIndex(QStringLiteral("transactions_seen"));
    const int firstAt = all.columnIndex(QStringLiteral("first_at"));
    for (const QVariantList &row : all.rows) {
        const QVariant &seconds = row[secondsAt];
        if (seconds.isNull()) { // fewer than five matching transactions: listed, not averaged
            snapshot->timeToFifthBelowFive.rows
                << QVariantList{row[0], row[1], row[customerAt], row[seenAt], row[firstAt]};
            continue;
        }
        ++summary.storesWith5;
        fromFirst.add(seconds.toDouble());
        const QVariant &fromStore = row[fromStoreAt];
        if (!fromStore.isNull()) {
            fromCreated.add(fromStore.toDouble());
            if (fromStore.toDouble() < 0)
                ++summary.fifthBeforeStoreCreated;
        }
        perCustomer[row[customerAt].toString()].add(seconds.toDouble());
        snapshot->timeToFifthPerStore.rows << row.mid(0, columnCount);
    }
    summary.avgSeconds = fromFirst.value();
    summary.avgSecondsFromStoreCreated = fromCreated.value();
    for (auto it = perCustomer.cbegin(); it != perCustomer.cend(); ++it) {
        const double avg = *it.value().value();
        snapshot->timeToFifthPerCustomer.rows << QVariantList{it.key(), it.value().count, avg, avg / 86400.0};
    }
    noteFifthBeforeStoreCreated(snapshot);
}

void noteFifthBeforeStoreCreated(MetricsSnapshot *snapshot)
{
    const TimeToFifthSummary &summary = snapshot->timeToFifth;
    if (summary.fifthBeforeStoreCreated > 0) {
        snapshot->timeToFifthPerStore.notes
            << QStringLiteral("%1 of %2 stores reached their 5th transaction before their own created_at: "
                              "the stores extract's created_at is probably a record date, not an opening date.")
                   .arg(summary.fifthBeforeStoreCreated)
                   .arg(summary.storesWith5);
    }
}

} // namespace cpm::shaping
