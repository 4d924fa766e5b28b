// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "explain/Explanation.h"

#include <QSqlDatabase>

namespace cpm {

namespace explain { struct FigureContext; }

/**
 * Explains one number of a metric: runs sql/explain/<metric>.sql for one key under a filter
 * to list the transactions behind it, counts what the filter and the joins left out, and
 * recomputes the number from the listed rows. Keys: a store id (top_stores,
 * time_to_5th_transaction), a SKU (top_products), "TYPOLOGY/COUNTRY"
 * (avg_amount_by_typology_country), a device type or "unknown" (device_type_share).
 * Uses the connection of the thread that created it.
 */
class MetricExplainer
{
public:
    explicit MetricExplainer(QSqlDatabase db, QString sqlRoot = QStringLiteral(":/sql"));

    /**
     * Fills @p out. False with @p error: Code::Usage for an unknown metric, Code::Value for a
     * key the warehouse does not know (value and expected say which), Code::Sql otherwise.
     */
    bool explain(const QString &metricId, const QString &key, const MetricFilter &filter, Explanation *out,
                 Error *error);

    /** What a key of @p metricId looks like, for messages ("a store id, e.g. 2"). */
    static QString keyDescription(const QString &metricId);

private:
    /** The files and key parameters of one explanation. */
    struct Target
    {
        QString scopeFile;
        QVariantMap keyValues;
        bool storeBased = false;
    };

    bool resolveKey(const QString &key, Target *target, explain::FigureContext *context, Explanation *out, Error *error);
    bool resolveStore(const QString &key, Target *target, explain::FigureContext *context, Explanation *out, Error *error);
    bool resolveGroup(const QString &key, Target *target, explain::FigureContext *context, Explanation *out, Error *error);
    bool resolveDeviceType(const QString &key, Target *target, Explanation *out, Error *error);
    bool bindStatuses(const QStringList &statuses, Error *error);
    bool listTransactions(const QVariantMap &values, Explanation *out, Error *error);
    bool readScope(const Target &target, const QVariantMap &values, Explanation *out, Error *error);
    bool readCoverage(const Target &target, explain::FigureContext *context, Explanation *out, Error *error);
    void addLeftOut(const QString &key, qint64 transactions, Explanation *out) const;
    Error unknownKey(const QString &metricId, const QString &key, const QString &why) const;

    QSqlDatabase m_db;
    QString m_root;
};

} // namespace cpm
