// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/SqlMetrics.h"

#include "metrics/MetricsEngine.h"
#include "metrics/MetricsShaping.h"
#include "warehouse/SqlFile.h"

#include <QMap>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cpm {

namespace {

QVariantMap withLimit(const MetricFilter &filter)
{
    QVariantMap values = filter.sqlParameters();
    // Rows past the cut name the items that tie with the 10th (tied_with_last counts them all).
    values.insert(QStringLiteral(":top"), MetricsEngine::topLimit);
    values.insert(QStringLiteral(":limit"), MetricsEngine::topLimit + MetricsEngine::tieLookahead);
    return values;
}

/** Removes the trailing tied_with_last column the top-list SQL adds; returns its value. */
qint64 takeTiedWithLast(MetricTable *table)
{
    table->columns.removeLast();
    qint64 tied = 0;
    for (QVariantList &row : table->rows.editable())
        tied = row.takeLast().toLongLong();
    return tied;
}

MetricColumn tiedWithLastColumn()
{
    return MetricColumn{QStringLiteral("tied_with_last"), QString(), ValueKind::Integer};
}

QString avgByTypologyCountryFile(const MetricFilter &filter)
{
    return filter.storeVersion == StoreVersion::AtTransaction
        ? QStringLiteral("metrics/avg_amount_by_typology_country_at_transaction.sql")
        : QStringLiteral("metrics/avg_amount_by_typology_country.sql");
}

} // namespace

SqlMetrics::SqlMetrics(QSqlDatabase db, QString sqlRoot) : m_db(std::move(db)), m_root(std::move(sqlRoot)) {}

bool SqlMetrics::fill(const QString &file, const QVariantMap &values, MetricTable *table, Error *error)
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

bool SqlMetrics::bindStatuses(const QStringList &statuses, Error *error)
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

bool SqlMetrics::compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error)
{
    const QVariantMap parameters = filter.sqlParameters();
    shaping::describeDeviceTypeShare(&snapshot->deviceTypeShare);
    const bool ok = bindStatuses(filter.statuses, error) && topStores(filter, &snapshot->topStores, error)
        && topProducts(filter, &snapshot->topProducts, error)
        && avgByTypologyCountry(filter, &snapshot->avgByTypologyCountry, error)
        && fill(QStringLiteral("metrics/device_type_share.sql"), parameters, &snapshot->deviceTypeShare, error)
        && timeToFifth(filter, snapshot, error) && coverage(filter, &snapshot->coverage, error);
    if (ok)
        shaping::nameUnknownDevices(&snapshot->deviceTypeShare);
    return ok;
}

bool SqlMetrics::avgByTypologyCountry(const MetricFilter &filter, MetricTable *table, Error *error)
{
    *table = MetricTable();
    shaping::describeAvgByTypologyCountry(table);
    if (filter.storeVersion == StoreVersion::AtTransaction)
        table->notes << QStringLiteral("Each transaction counts under the typology and country its store had when it "
                                       "happened (store history); a store that changed counts in each of its groups.");
    if (!bindStatuses(filter.statuses, error) || !fill(avgByTypologyCountryFile(filter), filter.sqlParameters(), table, error))
        return false;
    shaping::flagFewTransactions(table);
    return true;
}

bool SqlMetrics::topStores(const MetricFilter &filter, MetricTable *table, Error *error)
{
    shaping::describeTopStores(table);
    table->columns << tiedWithLastColumn();
    if (!fill(QStringLiteral("metrics/top_stores.sql"), withLimit(filter), table, error))
        return false;
    const qint64 tied = takeTiedWithLast(table);
    shaping::cutAtLimit(table, QStringLiteral("total_amount"), QStringLiteral("store_id"), tied);
    return true;
}

bool SqlMetrics::topProducts(const MetricFilter &filter, MetricTable *table, Error *error)
{
    shaping::describeTopProducts(table);
    table->columns << tiedWithLastColumn();
    if (!fill(QStringLiteral("metrics/top_products.sql"), withLimit(filter), table, error))
        return false;
    const qint64 tied = takeTiedWithLast(table);
    shaping::cutAtLimit(table, QStringLiteral("transactions"), QStringLiteral("product_sku"), tied);
    return true;
}

// The SQL gives, per store, its first and fifth matching transactions; the summary and the
// per-customer breakdown are averaged in C++ over stores that reached five.
bool SqlMetrics::timeToFifth(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error)
{
    shaping::describeTimeToFifth(snapshot);
    MetricTable all;
    all.columns = shaping::timeToFifthSourceColumns(*snapshot);
    if (!fill(QStringLiteral("metrics/time_to_5th_transaction.sql"), filter.sqlParameters(), &all, error))
        return false;
    shaping::finishTimeToFifth(all, snapshot);
    return true;
}

bool SqlMetrics::coverage(const MetricFilter &filter, Coverage *result, Error *error)
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

bool SqlMetrics::filterDomain(FilterDomain *domain, Error *error)
{
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
