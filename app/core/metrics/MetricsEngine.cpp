// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricsEngine.h"

#include "warehouse/SqlFile.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cpm {

namespace {

MetricColumn col(const char *key, const char *header, ValueKind kind)
{
    return MetricColumn{QString::fromLatin1(key), QString::fromUtf8(header), kind};
}

QVariantMap withLimit(const MetricFilter &filter)
{
    QVariantMap values = filter.sqlParameters();
    // One row more than shown tells whether the cut at 10 splits a tie.
    values.insert(QStringLiteral(":limit"), MetricsEngine::topLimit + 1);
    return values;
}

/** Drops the extra row fetched past the limit; notes when it ties with the last one shown. */
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

} // namespace

MetricsEngine::MetricsEngine(QSqlDatabase db, QString sqlRoot)
    : m_db(std::move(db)), m_root(std::move(sqlRoot))
{
}

bool MetricsEngine::hasData() const
{
    return m_db.tables().contains(QStringLiteral("mart_store_daily"));
}

bool MetricsEngine::fill(const QString &file, const QVariantMap &values, MetricTable *table, Error *error)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, m_root, file, values, error))
        return false;
    QVector<int> sources;
    for (const MetricColumn &column : table->columns)
        sources << query.record().indexOf(column.key);
    while (query.next()) {
        QVariantList row;
        row.reserve(sources.size());
        for (int source : sources)
            row << (source < 0 ? QVariant() : query.value(source));
        table->rows << row;
    }
    return true;
}

bool MetricsEngine::bindStatuses(const QStringList &statuses, Error *error)
{
    QSqlQuery query(m_db);
    if (!SqlFile::exec(query, m_root, QStringLiteral("params/create_param_statuses.sql"), {}, error)
        || !SqlFile::exec(query, m_root, QStringLiteral("params/clear_param_statuses.sql"), {}, error))
        return false;
    for (const QString &status : statuses) {
        const QVariantMap values{{QStringLiteral(":status"), status.trimmed().toLower()}};
        if (!SqlFile::exec(query, m_root, QStringLiteral("params/insert_param_status.sql"), values, error))
            return false;
    }
    return true;
}

bool MetricsEngine::compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error)
{
    QElapsedTimer timer;
    timer.start();
    *snapshot = MetricsSnapshot();
    snapshot->filter = filter;
    if (Error invalid = filter.validate()) {
        *error = invalid;
        return false;
    }
    if (!hasData()) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("the warehouse holds no data yet: import extracts first"));
        return false;
    }
    const bool ok = bindStatuses(filter.statuses, error) && topStores(filter, &snapshot->topStores, error)
        && topProducts(filter, &snapshot->topProducts, error)
        && avgByTypologyCountry(filter, &snapshot->avgByTypologyCountry, error)
        && deviceTypeShare(filter, &snapshot->deviceTypeShare, error) && timeToFifth(filter, snapshot, error)
        && coverage(filter, &snapshot->coverage, error);
    snapshot->timeToFifth.storesTotal = snapshot->coverage.storesTotal;
    snapshot->milliseconds = timer.nsecsElapsed() / 1e6;
    return ok;
}

bool MetricsEngine::topStores(const MetricFilter &filter, MetricTable *table, Error *error)
{
    table->id = QStringLiteral("top_stores");
    table->title = metricTitle(table->id);
    table->columns = {col("rank", "#", ValueKind::Rank), col("store_id", "Store id", ValueKind::Integer),
                      col("store_name", "Store", ValueKind::Text), col("typology", "Typology", ValueKind::Text),
                      col("country", "Country", ValueKind::Text), col("total_amount", "Total amount", ValueKind::Amount),
                      col("transactions", "Transactions", ValueKind::Integer)};
    if (!fill(QStringLiteral("metrics/top_stores.sql"), withLimit(filter), table, error))
        return false;
    cutAtLimit(table, QStringLiteral("total_amount"), QStringLiteral("store_id"), QStringLiteral("Store"));
    return true;
}

bool MetricsEngine::topProducts(const MetricFilter &filter, MetricTable *table, Error *error)
{
    table->id = QStringLiteral("top_products");
    table->title = metricTitle(table->id);
    table->columns = {col("rank", "#", ValueKind::Rank), col("product_sku", "SKU", ValueKind::Text),
                      col("product_name", "Product", ValueKind::Text),
                      col("transactions", "Items sold", ValueKind::Integer),
                      col("total_amount", "Total amount", ValueKind::Amount)};
    if (!fill(QStringLiteral("metrics/top_products.sql"), withLimit(filter), table, error))
        return false;
    cutAtLimit(table, QStringLiteral("transactions"), QStringLiteral("product_sku"), QStringLiteral("SKU"));
    return true;
}

bool MetricsEngine::avgByTypologyCountry(const MetricFilter &filter, MetricTable *table, Error *error)
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
    return fill(QStringLiteral("metrics/avg_amount_by_typology_country.sql"), filter.sqlParameters(), table, error);
}

bool MetricsEngine::deviceTypeShare(const MetricFilter &filter, MetricTable *table, Error *error)
{
    table->id = QStringLiteral("device_type_share");
    table->title = metricTitle(table->id);
    table->columns = {col("device_type", "Device type", ValueKind::Text),
                      col("transactions", "Transactions", ValueKind::Integer),
                      col("pct", "Share", ValueKind::Percent), col("total_amount", "Total amount", ValueKind::Amount)};
    if (!fill(QStringLiteral("metrics/device_type_share.sql"), filter.sqlParameters(), table, error))
        return false;
    const int type = table->columnIndex(QStringLiteral("device_type"));
    for (QVariantList &row : table->rows) {
        if (row[type].isNull()) {
            row[type] = QStringLiteral("(unknown device)");
            table->notes << QStringLiteral("Transactions whose device is missing from devices.csv are shown as "
                                           "\"(unknown device)\".");
        }
    }
    return true;
}

bool MetricsEngine::coverage(const MetricFilter &filter, Coverage *result, Error *error)
{
    QSqlQuery query(m_db);
    if (!SqlFile::exec(query, m_root, QStringLiteral("metrics/coverage.sql"), filter.sqlParameters(), error))
        return false;
    if (!query.next())
        return true;
    const QSqlRecord record = query.record();
    auto integer = [&](const char *name) { return query.value(record.indexOf(QLatin1String(name))).toLongLong(); };
    result->transactions = integer("transactions");
    result->totalAmount = query.value(record.indexOf(QStringLiteral("total_amount"))).toDouble();
    result->withoutDevice = integer("without_device");
    result->withoutStore = integer("without_store");
    result->lossySku = integer("lossy_sku");
    result->storesWithTransactions = integer("stores_with_transactions");
    result->storesTotal = integer("stores_total");
    return true;
}

bool MetricsEngine::filterDomain(FilterDomain *domain, Error *error)
{
    *domain = FilterDomain();
    if (!hasData())
        return true;
    QSqlQuery query(m_db);
    if (!SqlFile::exec(query, m_root, QStringLiteral("metrics/filter_domain.sql"), {}, error))
        return false;
    QMap<QString, qint64> perStatus;
    const QDate epoch(1970, 1, 1);
    while (query.next()) {
        TimeColumn column = TimeColumn::HappenedAt;
        parseTimeColumn(query.value(0).toString(), &column);
        const int side = static_cast<int>(column);
        if (column == TimeColumn::HappenedAt)
            perStatus[query.value(1).toString()] += query.value(2).toLongLong();
        if (query.value(3).isNull())
            continue;
        const QDate first = epoch.addDays(query.value(3).toLongLong());
        const QDate last = epoch.addDays(query.value(4).toLongLong());
        if (!domain->firstDay[side].isValid() || first < domain->firstDay[side])
            domain->firstDay[side] = first;
        if (!domain->lastDay[side].isValid() || last > domain->lastDay[side])
            domain->lastDay[side] = last;
    }
    for (auto it = perStatus.cbegin(); it != perStatus.cend(); ++it)
        domain->statuses.push_back({it.key(), it.value()});
    std::stable_sort(domain->statuses.begin(), domain->statuses.end(),
                     [](const FilterDomain::Status &a, const FilterDomain::Status &b) {
                         return a.transactions > b.transactions;
                     });
    return true;
}

} // namespace cpm
