// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/Provenance.h"

#include "metrics/MetricsSnapshot.h"
#include "warehouse/SqlFile.h"

#include <QSqlQuery>

namespace cpm {

QString metricDefinition(const QString &id)
{
    if (id == QLatin1String("top_stores"))
        return QStringLiteral("Per store: sum(amount) and count of matching transactions (a transaction belongs to "
                              "the store of its device); the 10 largest sums, ties by store id. A tie at the cut-off "
                              "is flagged.");
    if (id == QLatin1String("top_products"))
        return QStringLiteral("Per normalised SKU (v111 = 111): count of matching transactions (one transaction = one "
                              "item sold) and their amount; the 10 largest counts, ties by SKU; labelled with the "
                              "SKU's most frequent product name.");
    if (id == QLatin1String("avg_amount_by_typology_country"))
        return QStringLiteral("Per store typology and country: transactions, average amount per transaction, and "
                              "average store total over the group's stores with at least one matching transaction.");
    if (id == QLatin1String("device_type_share"))
        return QStringLiteral("Per device type: matching transactions and their percentage of all matching "
                              "transactions; transactions of unknown devices are their own row.");
    if (id == QLatin1String("time_to_5th_transaction"))
        return QStringLiteral("Per store with at least 5 matching transactions (ordered by the time column, ties by "
                              "id): seconds from its 1st to its 5th; averaged over those stores. Also the average from "
                              "the store's created_at to its 5th, and per customer.");
    return QString();
}

bool loadProvenance(const QSqlDatabase &db, const QString &sqlRoot, ReportInfo *info, Error *error)
{
    for (const QString &id : metricIds())
        info->definitions.append({metricTitle(id), metricDefinition(id)});
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!SqlFile::exec(query, sqlRoot, QStringLiteral("load/list_import_files.sql"), {}, error))
        return false;
    while (query.next()) {
        ProvenanceFile file;
        file.role = query.value(1).toString();
        file.path = query.value(2).toString();
        file.sha256 = query.value(3).toString();
        file.rows = query.value(4).toLongLong();
        file.rejected = query.value(5).toLongLong();
        file.importedAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODate);
        if (!info->lastImport.isValid() || file.importedAt > info->lastImport)
            info->lastImport = file.importedAt;
        info->files.push_back(file);
    }
    return true;
}

} // namespace cpm
