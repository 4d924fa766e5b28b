// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/MetricExplainer.h"

#include "explain/ExplainFigures.h"
#include "explain/ExplainWords.h"
#include "metrics/MetricsSnapshot.h"
#include "warehouse/ReadTransaction.h"
#include "warehouse/SqlFile.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cpm {

namespace {

const QString fifthId = QStringLiteral("time_to_5th_transaction");

QString dayMeaning(const QDate &day, const char *open)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString::fromLatin1(open);
}

/** Runs @p file and reads its single row; false with @p error when it fails. */
bool singleRow(QSqlQuery &query, const QString &root, const QString &file, const QVariantMap &values, Error *error)
{
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, root, file, values, error))
        return false;
    query.next(); // an empty result leaves the query invalid: callers check isValid()
    return true;
}

qint64 integer(const QSqlQuery &query, const char *column)
{
    return query.isValid() ? query.value(query.record().indexOf(QLatin1String(column))).toLongLong() : 0;
}

} // namespace

MetricExplainer::MetricExplainer(QSqlDatabase db, QString sqlRoot) : m_db(std::move(db)), m_root(std::move(sqlRoot)) {}

QString MetricExplainer::keyDescription(const QString &metricId)
{
    if (metricId == QLatin1String("top_products"))
        return QStringLiteral("a SKU of the transactions extract (normalised, e.g. 3770009015048)");
    if (metricId == QLatin1String("avg_amount_by_typology_country"))
        return QStringLiteral("TYPOLOGY/COUNTRY of a store in stores.csv (e.g. Grocery/Portugal)");
    if (metricId == QLatin1String("device_type_share"))
        return QStringLiteral("a device type of devices.csv (e.g. 1) or 'unknown'");
    return QStringLiteral("the id of a store in stores.csv");
}

Error MetricExplainer::unknownKey(const QString &metricId, const QString &key, const QString &why) const
{
    Error error = Error::make(Error::Code::Value, QStringLiteral("%1 for %2").arg(why, metricId));
    error.value = key;
    error.expected = keyDescription(metricId);
    return error;
}

bool MetricExplainer::explain(const QString &metricId, const QString &key, const MetricFilter &filter,
                              Explanation *out, Error *error)
{
    if (!metricIds().contains(metricId)) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("unknown metric"));
        error->value = metricId;
        error->expected = metricIds().join(QStringLiteral(", "));
        return false;
    }
    if ((*error = filter.validate()))
        return false;
    // The explain queries group stores as they are now: under the other reading their rows
    // would not add up to the number shown, so say so rather than list the wrong ones.
    if (filter.storeVersion == StoreVersion::AtTransaction && metricId == QLatin1String("avg_amount_by_typology_country")) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("explain lists metric 3 by each store's current typology and country only"));
        error->expected = QStringLiteral("the current store version (the default)");
        return false;
    }
    // All the explanation's queries see one import, even while another client imports.
    const ReadTransaction consistent(m_db, m_root);
    if (!SqlFile::scalar(m_db, m_root, QStringLiteral("info/has_relation.sql"), {{QStringLiteral(":name"), QStringLiteral("dim_stores")}})
             .isValid()) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("the warehouse holds no data yet: import extracts first"));
        return false;
    }
    *out = Explanation();
    out->metricId = metricId;
    out->key = key.trimmed();
    out->filter = filter;
    out->filterText = explain::filterInWords(filter);
    out->fromPostgres = m_db.driver() && m_db.driver()->dbmsType() == QSqlDriver::PostgreSQL;
    out->sqlFile = QStringLiteral("explain/%1.sql").arg(metricId);
    out->sql = SqlFile::text(m_root, out->sqlFile, error);
    if (out->sql.isEmpty() || !bindStatuses(filter.statuses, error))
        return false;
    Target target;
    explain::FigureContext context;
    if (!resolveKey(out->key, &target, &context, out, error))
        return false;
    QVariantMap values = filter.sqlParameters();
    out->bindings.prepend({QStringLiteral(":to_day"), values.value(QStringLiteral(":to_day")), dayMeaning(filter.to, "open end")});
    out->bindings.prepend({QStringLiteral(":from_day"), values.value(QStringLiteral(":from_day")), dayMeaning(filter.from, "open start")});
    out->bindings.prepend({QStringLiteral(":time_col"), values.value(QStringLiteral(":time_col")), explain::timeColumnMeaning(filter.timeColumn)});
    values.insert(target.keyValues);
    if (!listTransactions(values, out, error) || !readScope(target, values, out, error)
        || !readCoverage(target, &context, out, error))
        return false;
    out->definition = explain::definition(metricId, out->keyLabel);
    explain::computeFigures(context, out);
    return true;
}

bool MetricExplainer::bindStatuses(const QStringList &statuses, Error *error)
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

bool MetricExplainer::resolveKey(const QString &key, Target *target, explain::FigureContext *context,
                                 Explanation *out, Error *error)
{
    const QString &id = out->metricId;
    if (id == QLatin1String("top_stores") || id == fifthId)
        return resolveStore(key, target, context, out, error);
    if (id == QLatin1String("avg_amount_by_typology_country"))
        return resolveGroup(key, target, context, out, error);
    if (id == QLatin1String("device_type_share"))
        return resolveDeviceType(key, target, out, error);
    if (key.isEmpty()) {
        *error = unknownKey(id, key, QStringLiteral("empty SKU"));
        return false;
    }
    target->scopeFile = QStringLiteral("explain/sku_scope.sql");
    target->keyValues.insert(QStringLiteral(":product_sku"), key);
    out->bindings << ExplainBinding{QStringLiteral(":product_sku"), key, QStringLiteral("the SKU explained")};
    out->keyLabel = QStringLiteral("SKU %1").arg(key);
    return true;
}

bool MetricExplainer::resolveStore(const QString &key, Target *target, explain::FigureContext *context,
                                   Explanation *out, Error *error)
{
    bool number = false;
    const qint64 storeId = key.toLongLong(&number);
    if (!number) {
        *error = unknownKey(out->metricId, key, QStringLiteral("not a store id"));
        return false;
    }
    QSqlQuery query(m_db);
    if (!singleRow(query, m_root, QStringLiteral("explain/store.sql"), {{QStringLiteral(":store_id"), storeId}}, error))
        return false;
    if (!query.isValid()) {
        *error = unknownKey(out->metricId, key, QStringLiteral("unknown store id"));
        return false;
    }
    const QSqlRecord record = query.record();
    context->storeCreatedAt = query.value(record.indexOf(QStringLiteral("store_created_at")));
    out->keyLabel = QStringLiteral("store %1 (%2)").arg(storeId).arg(query.value(record.indexOf(QStringLiteral("store_name"))).toString());
    target->scopeFile = QStringLiteral("explain/store_scope.sql");
    target->keyValues.insert(QStringLiteral(":store_id"), storeId);
    target->storeBased = true;
    out->bindings << ExplainBinding{QStringLiteral(":store_id"), storeId, QStringLiteral("the store explained")};
    return true;
}

bool MetricExplainer::resolveGroup(const QString &key, Target *target, explain::FigureContext *context,
                                   Explanation *out, Error *error)
{
    const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == key.size() - 1) {
        *error = unknownKey(out->metricId, key, QStringLiteral("not a TYPOLOGY/COUNTRY pair"));
        return false;
    }
    const QString typology = key.left(slash).trimmed();
    const QString country = key.mid(slash + 1).trimmed();
    target->keyValues = {{QStringLiteral(":typology"), typology}, {QStringLiteral(":country"), country}};
    QSqlQuery query(m_db);
    if (!singleRow(query, m_root, QStringLiteral("explain/typology_country_stores.sql"), target->keyValues, error))
        return false;
    context->storesInGroup = integer(query, "stores_in_group");
    if (context->storesInGroup == 0) {
        *error = unknownKey(out->metricId, key, QStringLiteral("no store has this typology and country"));
        return false;
    }
    out->keyLabel = QStringLiteral("%1 · %2").arg(typology, country);
    target->scopeFile = QStringLiteral("explain/typology_country_scope.sql");
    target->storeBased = true;
    out->bindings << ExplainBinding{QStringLiteral(":typology"), typology, QStringLiteral("store typology")}
                  << ExplainBinding{QStringLiteral(":country"), country, QStringLiteral("store country")};
    return true;
}

bool MetricExplainer::resolveDeviceType(const QString &key, Target *target, Explanation *out, Error *error)
{
    QVariant type; // null: devices missing from devices.csv
    const QString lower = key.toLower();
    if (lower != QLatin1String("unknown") && lower != QLatin1String("(unknown device)") && lower != QLatin1String("null")) {
        bool number = false;
        type = key.toLongLong(&number);
        if (!number) {
            *error = unknownKey(out->metricId, key, QStringLiteral("not a device type"));
            return false;
        }
    }
    target->scopeFile = QStringLiteral("explain/device_type_scope.sql");
    target->keyValues.insert(QStringLiteral(":device_type"), type);
    out->keyLabel = type.isNull() ? QStringLiteral("unknown devices") : QStringLiteral("device type %1").arg(type.toLongLong());
    out->bindings << ExplainBinding{QStringLiteral(":device_type"), type,
                                    type.isNull() ? QStringLiteral("NULL: devices missing from devices.csv")
                                                  : QStringLiteral("the device type explained")};
    return true;
}

bool MetricExplainer::listTransactions(const QVariantMap &values, Explanation *out, Error *error)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, m_root, out->sqlFile, values, error))
        return false;
    MetricTable &table = out->transactions;
    table.id = QStringLiteral("explain_%1").arg(out->metricId);
    table.title = QStringLiteral("Transactions behind %1 — %2").arg(out->keyLabel, metricTitle(out->metricId));
    table.columns = explainTransactionColumns(out->metricId);
    QVector<int> sources;
    for (const MetricColumn &column : std::as_const(table.columns))
        sources << query.record().indexOf(column.key);
    while (query.next()) {
        QVariantList row;
        row.reserve(sources.size());
        for (int source : std::as_const(sources))
            row << (source < 0 ? QVariant() : query.value(source));
        table.rows << row;
    }
    out->n = table.rows.size();
    return true;
}

void MetricExplainer::addLeftOut(const QString &key, qint64 transactions, Explanation *out) const
{
    out->leftOut << ExplainLeftOut{key, explain::leftOutReason(key, out->filter), transactions};
}

bool MetricExplainer::readScope(const Target &target, const QVariantMap &values, Explanation *out, Error *error)
{
    QSqlQuery query(m_db);
    if (!singleRow(query, m_root, target.scopeFile, values, error))
        return false;
    if (!target.storeBased && integer(query, "transactions") == 0) {
        *error = unknownKey(out->metricId, out->key, QStringLiteral("no transaction has this key"));
        return false;
    }
    out->matching = integer(query, "matching");
    addLeftOut(QStringLiteral("other_status"), integer(query, "other_status"), out);
    addLeftOut(QStringLiteral("outside_range"), integer(query, "outside_range"), out);
    if (out->metricId == fifthId) {
        if (out->matching < 5)
            addLeftOut(QStringLiteral("fewer_than_five"), out->matching, out);
        else
            addLeftOut(QStringLiteral("after_fifth"), out->matching - out->n, out);
    }
    return true;
}

bool MetricExplainer::readCoverage(const Target &target, explain::FigureContext *context, Explanation *out, Error *error)
{
    QSqlQuery query(m_db);
    if (!singleRow(query, m_root, QStringLiteral("explain/matching_totals.sql"), out->filter.sqlParameters(), error))
        return false;
    context->allMatching = integer(query, "transactions");
    if (target.storeBased) {
        addLeftOut(QStringLiteral("unknown_device"), integer(query, "without_device"), out);
        addLeftOut(QStringLiteral("unknown_store"), integer(query, "without_store"), out);
    }
    return true;
}

} // namespace cpm
