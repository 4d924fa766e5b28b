// SPDX-License-Identifier: GPL-3.0-or-later
// Metric 5: the SQL gives, per store, its first and fifth matching transactions; the
// summary and the per-customer breakdown are averaged here over stores that reached five.
#include "metrics/MetricsEngine.h"

#include <QMap>

namespace cpm {

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

void describeTables(MetricsSnapshot *snapshot)
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
}

} // namespace

bool MetricsEngine::timeToFifth(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error)
{
    describeTables(snapshot);
    MetricTable all;
    all.columns = snapshot->timeToFifthPerStore.columns;
    all.columns << col("transactions_seen", "", ValueKind::Integer);
    if (!fill(QStringLiteral("metrics/time_to_5th_transaction.sql"), filter.sqlParameters(), &all, error))
        return false;

    TimeToFifthSummary &summary = snapshot->timeToFifth;
    summary.storesWithAny = all.rows.size();
    Average fromFirst;
    Average fromCreated;
    QMap<QString, Average> perCustomer;
    const int columnCount = snapshot->timeToFifthPerStore.columns.size();
    for (int row = 0; row < all.rows.size(); ++row) {
        const QVariant seconds = all.value(row, QStringLiteral("seconds"));
        if (seconds.isNull())
            continue; // fewer than five matching transactions
        ++summary.storesWith5;
        fromFirst.add(seconds.toDouble());
        const QVariant fromStore = all.value(row, QStringLiteral("seconds_from_store_created"));
        if (!fromStore.isNull()) {
            fromCreated.add(fromStore.toDouble());
            if (fromStore.toDouble() < 0)
                ++summary.fifthBeforeStoreCreated;
        }
        perCustomer[all.value(row, QStringLiteral("customer_id")).toString()].add(seconds.toDouble());
        snapshot->timeToFifthPerStore.rows << all.rows[row].mid(0, columnCount);
    }
    summary.avgSeconds = fromFirst.value();
    summary.avgSecondsFromStoreCreated = fromCreated.value();
    for (auto it = perCustomer.cbegin(); it != perCustomer.cend(); ++it) {
        const double avg = *it.value().value();
        snapshot->timeToFifthPerCustomer.rows << QVariantList{it.key(), it.value().count, avg, avg / 86400.0};
    }
    if (summary.fifthBeforeStoreCreated > 0) {
        snapshot->timeToFifthPerStore.notes
            << QStringLiteral("%1 of %2 stores reached their 5th transaction before their own created_at: "
                              "the stores extract's created_at is probably a record date, not an opening date.")
                   .arg(summary.fifthBeforeStoreCreated)
                   .arg(summary.storesWith5);
    }
    return true;
}

} // namespace cpm
