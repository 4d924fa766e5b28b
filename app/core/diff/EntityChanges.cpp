// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/EntityChanges.h"

#include "warehouse/SqlFile.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace cpm {

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::New: return QStringLiteral("new");
    case ChangeKind::Changed: return QStringLiteral("changed");
    case ChangeKind::Removed: return QStringLiteral("removed");
    }
    return QString();
}

qint64 EntityDiff::fieldCount(const QString &field) const
{
    const qsizetype at = columns.indexOf(field);
    return at < 0 ? 0 : fieldCounts.value(at);
}

QStringList entityNames()
{
    return {QStringLiteral("stores"), QStringLiteral("devices"), QStringLiteral("transactions")};
}

QStringList entityColumns(const QString &entity)
{
    if (entity == QLatin1String("stores"))
        return {QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("city"), QStringLiteral("country"),
                QStringLiteral("created_at"), QStringLiteral("typology"), QStringLiteral("customer_id")};
    if (entity == QLatin1String("devices"))
        return {QStringLiteral("type"), QStringLiteral("store_id")};
    if (entity == QLatin1String("transactions"))
        return {QStringLiteral("device_id"), QStringLiteral("product_name"), QStringLiteral("product_sku"),
                QStringLiteral("sku_kind"), QStringLiteral("category_name"), QStringLiteral("amount"),
                QStringLiteral("status"), QStringLiteral("card_last4"), QStringLiteral("created_at"),
                QStringLiteral("happened_at")};
    return {};
}

bool isTimestampColumn(const QString &column)
{
    return column == QLatin1String("created_at") || column == QLatin1String("happened_at");
}

namespace {

ChangeKind parseKind(const QString &text)
{
    if (text == QLatin1String("new"))
        return ChangeKind::New;
    return text == QLatin1String("removed") ? ChangeKind::Removed : ChangeKind::Changed;
}

// Engines hand the same value back as different QVariant types (an SQLite integer as
// qlonglong, a PostgreSQL bigint as qlonglong or a string): compare as the SQL did, by value.
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a == b || a.toString() == b.toString();
}

// An SQL null as an invalid QVariant: QPSQL hands a null bigint back as a typed 0 otherwise.
QVariant sqlValue(const QSqlQuery &query, int index)
{
    return query.isNull(index) ? QVariant() : query.value(index);
}

} // namespace

bool diffEntity(const QSqlDatabase &db, const QString &sqlRoot, const QString &entity, qint64 from, qint64 to,
                int limit, EntityDiff *diff, Error *error)
{
    *diff = EntityDiff();
    diff->entity = entity;
    diff->columns = entityColumns(entity);
    diff->fieldCounts = QVector<qint64>(diff->columns.size(), 0);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QVariantMap values{{QStringLiteral(":from_batch"), from},
                             {QStringLiteral(":to_batch"), to},
                             {QStringLiteral(":low_batch"), std::min(from, to)},
                             {QStringLiteral(":high_batch"), std::max(from, to)}};
    if (!SqlFile::exec(query, sqlRoot, QStringLiteral("diff/changed_%1.sql").arg(entity), values, error))
        return false;
    // Columns: id, change, then old_x, new_x per data column.
    while (query.next()) {
        EntityChange change;
        change.id = query.value(0).toLongLong();
        change.kind = parseKind(query.value(1).toString());
        for (int c = 0; c < diff->columns.size(); ++c) {
            const QVariant before = sqlValue(query, 2 + 2 * c);
            const QVariant after = sqlValue(query, 3 + 2 * c);
            if (sameValue(before, after))
                continue;
            if (change.kind == ChangeKind::Changed)
                ++diff->fieldCounts[c];
            change.fields.append({diff->columns.at(c), before, after});
        }
        ++(change.kind == ChangeKind::New ? diff->added : change.kind == ChangeKind::Removed ? diff->removed : diff->changed);
        if (limit < 0 || diff->rows.size() < limit)
            diff->rows.append(std::move(change));
    }
    if (query.lastError().isValid()) {
        *error = Error::make(Error::Code::Sql, query.lastError().databaseText());
        error->file = QStringLiteral("diff/changed_%1.sql").arg(entity);
        return false;
    }
    return true;
}

} // namespace cpm
