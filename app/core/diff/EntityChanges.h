// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace cpm {

/** How an id differs between two states of the warehouse. */
enum class ChangeKind { New, Changed, Removed };

/** "new", "changed", "removed". */
QString changeKindName(ChangeKind kind);

/** One data column of one id, before and after (null: absent or empty). */
struct FieldChange
{
    QString field;
    QVariant oldValue;
    QVariant newValue;
};

/** One id that differs: new and removed ids list every non-null field, changed ids the changed ones. */
struct EntityChange
{
    qint64 id = 0;
    ChangeKind kind = ChangeKind::Changed;
    QVector<FieldChange> fields;
};

/** The stores, devices or transactions that differ between two states. */
struct EntityDiff
{
    QString entity;          ///< "stores", "devices", "transactions"
    QStringList columns;     ///< the data columns compared, in table order
    qint64 added = 0;
    qint64 changed = 0;
    qint64 removed = 0;
    QVector<qint64> fieldCounts; ///< per column: changed ids whose value differs there
    QVector<EntityChange> rows;  ///< the first `limit` differing ids, by id
    qint64 total() const { return added + changed + removed; }
    bool truncated() const { return rows.size() < total(); }
    /** Changed ids counted for @p field (0 for an unknown name). */
    qint64 fieldCount(const QString &field) const;
};

/** The data columns of each raw table, as sql/diff/changed_*.sql pairs them (old_x, new_x). */
QStringList entityNames();
QStringList entityColumns(const QString &entity);
/** Whether @p column of @p entity holds naive epoch seconds (shown as ISO timestamps). */
bool isTimestampColumn(const QString &column);

/**
 * The differing ids of one entity between the states after batches @p from and @p to
 * (sql/diff/changed_<entity>.sql): every one counted, the first @p limit (by id) kept with
 * their fields. @p limit < 0 keeps them all.
 */
bool diffEntity(const QSqlDatabase &db, const QString &sqlRoot, const QString &entity, qint64 from, qint64 to,
                int limit, EntityDiff *diff, Error *error);

} // namespace cpm
