// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalies/AnomalyQuery.h"

#include "warehouse/SqlFile.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace cpm {

namespace {

QStringList counted(QStringList keys)
{
    return keys << QStringLiteral("transactions") << QStringLiteral("refused") << QStringLiteral("cancelled");
}

} // namespace

AnomalyQuery::AnomalyQuery(QSqlDatabase db, QString sqlRoot) : m_db(std::move(db)), m_root(std::move(sqlRoot)) {}

bool AnomalyQuery::read(const QString &file, const QVariantMap &values, const QStringList &keys,
                        QVector<QVariantList> *rows, Error *error)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, m_root, file, values, error))
        return false;
    QVector<int> sources;
    for (const QString &key : keys)
        sources << query.record().indexOf(key);
    while (query.next()) {
        QVariantList row;
        for (int source : std::as_const(sources))
            row << (source < 0 ? QVariant() : query.value(source));
        rows->append(row);
    }
    return true;
}

bool AnomalyQuery::compute(const MetricFilter &filter, AnomalyReport *report, Error *error)
{
    *report = AnomalyReport();
    report->filter = filter;
    const QVariantMap values = filter.sqlParameters();
    anomalies::CountRows stores, deviceTypes, groups, days;
    const QString s = QStringLiteral("store_id,store_name,typology,country");
    const bool ok =
        read(QStringLiteral("anomalies/rates_by_store.sql"), values, counted(s.split(QLatin1Char(','))), &stores, error)
        && read(QStringLiteral("anomalies/rates_by_device_type.sql"), values, counted({QStringLiteral("device_type")}),
                &deviceTypes, error)
        && read(QStringLiteral("anomalies/rates_by_typology_country.sql"), values,
                counted({QStringLiteral("typology"), QStringLiteral("country"), QStringLiteral("stores")}), &groups, error)
        && read(QStringLiteral("anomalies/rates_by_day.sql"), values, counted({QStringLiteral("day")}), &days, error);
    if (!ok)
        return false;
    anomalies::shapeReport(stores, deviceTypes, groups, days, report);
    return true;
}

} // namespace cpm
