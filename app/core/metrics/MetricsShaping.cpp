// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricsShaping.h"

#include "metrics/MetricsEngine.h"

#include <QLocale>
#include <QMap>

#include <algorithm>

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
                      col("total_amount", "Total amount", ValueKind::Amount),
                      col("few_transactions", "Fewer than 5", ValueKind::Flag)};
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

namespace {

bool sameValue(const QVariant &a, const QVariant &b)
{
    return qFuzzyCompare(a.toDouble() + 1.0, b.toDouble() + 1.0);
}

/** "3770009015060, 3770009015071 and 27 more" */
QString listNamed(const TieAtCut &tie)
{
    QString text = tie.named.join(QStringLiteral(", "));
    if (tie.beyondCut > tie.named.size())
        text += QStringLiteral(" and %1 more").arg(QLocale().toString(tie.beyondCut - tie.named.size()));
    return text;
}

} // namespace

void cutAtLimit(MetricTable *table, const QString &sortKey, const QString &labelKey, qint64 tiedWithLast)
{
    const int shown = MetricsEngine::topLimit;
    if (table->rows.size() <= shown)
        return;
    const QVariant last = table->value(shown - 1, sortKey);
    TieAtCut &tie = table->tieAtCut;
    qint64 tiedAbove = 0; // the last row shown and those above it sharing its value
    for (int row = 0; row < shown; ++row)
        tiedAbove += sameValue(table->value(row, sortKey), last);
    for (int row = shown; row < table->rows.size() && sameValue(table->value(row, sortKey), last); ++row)
        tie.named << table->value(row, labelKey).toString();
    tie.beyondCut = std::max<qint64>(tie.named.size(), tiedWithLast - tiedAbove);
    table->rows.resize(shown);
    if (tie.isEmpty())
        return;
    tie.value = last;
    const MetricColumn &sort = table->columns[table->columnIndex(sortKey)];
    const MetricColumn &label = table->columns[table->columnIndex(labelKey)];
    table->notes << QStringLiteral("%1 more with the same %2 as rank %3 (%4) are not shown: %5 (ties are broken by %6 "
                                   "ascending, so the cut at %3 is arbitrary among them).")
                        .arg(QLocale().toString(tie.beyondCut), sort.header.toLower())
                        .arg(shown)
                        .arg(displayText(last, sort.kind), listNamed(tie), label.header);
}

void flagFewTransactions(MetricTable *table)
{
    const int flag = table->columnIndex(QStringLiteral("few_transactions"));
    const int count = table->columnIndex(QStringLiteral("transactions"));
    qint64 flagged = 0;
    for (QVariantList &row : table->rows.editable()) {
        const bool few = row[count].toLongLong() < fewTransactions;
        row[flag] = few;
        flagged += few;
    }
    if (flagged > 0)
        table->notes << QStringLiteral("%1 of %2 typology × country cells rest on fewer than %3 transactions (marked ⚠): "
                                       "one transaction more or less moves their average a lot.")
                            .arg(flagged)
                            .arg(table->rows.size())
                            .arg(fewTransactions);
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
    std::vector<double> fromFirstValues, fromCreatedValues;
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
        fromFirstValues.push_back(seconds.toDouble());
        const QVariant &fromStore = row[fromStoreAt];
        if (!fromStore.isNull()) {
            fromCreated.add(fromStore.toDouble());
            fromCreatedValues.push_back(fromStore.toDouble());
            if (fromStore.toDouble() < 0)
                ++summary.fifthBeforeStoreCreated;
        }
        perCustomer[row[customerAt].toString()].add(seconds.toDouble());
        snapshot->timeToFifthPerStore.rows << row.mid(0, columnCount);
    }
    summary.avgSeconds = fromFirst.value();
    summary.avgSecondsFromStoreCreated = fromCreated.value();
    summary.spread = spreadOf(fromFirstValues);
    summary.spreadFromStoreCreated = spreadOf(fromCreatedValues);
    for (auto it = perCustomer.cbegin(); it != perCustomer.cend(); ++it) {
        const double avg = *it.value().value();
        snapshot->timeToFifthPerCustomer.rows << QVariantList{it.key(), it.value().count, avg, avg / 86400.0};
    }
    noteSpread(snapshot);
    noteFifthBeforeStoreCreated(snapshot);
}

void noteSpread(MetricsSnapshot *snapshot)
{
    const TimeToFifthSummary &summary = snapshot->timeToFifth;
    QStringList &notes = snapshot->timeToFifthPerStore.notes;
    if (summary.spread)
        notes << QStringLiteral("Spread of 1st → 5th transaction: %1.").arg(describeSpreadInDays(*summary.spread));
    if (summary.spreadFromStoreCreated)
        notes << QStringLiteral("Spread of store created → 5th transaction: %1.")
                     .arg(describeSpreadInDays(*summary.spreadFromStoreCreated));
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
