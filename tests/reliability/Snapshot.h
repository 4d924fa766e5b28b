// SPDX-License-Identifier: GPL-3.0-or-later
// A warehouse's logical content as row counts and digests per table, so a test can state
// "exactly as before" (or "exactly the complete new state") in one comparison. Shared by the
// reliability suites; header-only so every tst_*.cpp stays a single-source executable.
#pragma once

#include <QCryptographicHash>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace cpm::test {

struct TableState
{
    qint64 rows = 0;
    QByteArray digest;
    bool operator==(const TableState &other) const { return rows == other.rows && digest == other.digest; }
    bool operator!=(const TableState &other) const { return !(*this == other); }
};

/** Table name -> state; views are left out because they are derived from the tables. */
using Snapshot = QMap<QString, TableState>;

/** Wall-clock columns differ between two runs of the same import: they are not content. */
inline bool isVolatileColumn(const QString &name)
{
    return name == QLatin1String("started_at") || name == QLatin1String("finished_at")
        || name == QLatin1String("milliseconds");
}

inline QString quotedName(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

/** Count and digest of every row of @p table, ordered by all columns so rowid order does not matter. */
inline TableState tableState(const QSqlDatabase &db, const QString &table, QString *error)
{
    TableState state;
    QSqlQuery info(db);
    info.prepare(QStringLiteral("select name from pragma_table_info(:t)"));
    info.bindValue(QStringLiteral(":t"), table);
    QStringList columns;
    if (info.exec()) {
        while (info.next()) {
            if (!isVolatileColumn(info.value(0).toString()))
                columns << quotedName(info.value(0).toString());
        }
    }
    if (columns.isEmpty())
        columns << QStringLiteral("count(*)");
    QStringList order;
    for (int i = 1; i <= columns.size(); ++i)
        order << QString::number(i);
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    const QString sql = QStringLiteral("select %1 from %2 order by %3")
                            .arg(columns.join(QLatin1Char(',')), quotedName(table), order.join(QLatin1Char(',')));
    if (!rows.exec(sql)) {
        *error = table + QStringLiteral(": ") + rows.lastError().text();
        return state;
    }
    QCryptographicHash hash(QCryptographicHash::Sha1);
    while (rows.next()) {
        ++state.rows;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant v = rows.value(i);
            // The type id keeps NULL, '' and 0 apart.
            hash.addData(QByteArray::number(v.isNull() ? -1 : v.typeId()) + ':' + v.toString().toUtf8() + '\x1f');
        }
        hash.addData("\x1e");
    }
    state.digest = hash.result();
    return state;
}

inline Snapshot snapshot(const QSqlDatabase &db, QString *error)
{
    Snapshot result;
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("select name from sqlite_master where type = 'table' "
                                    "and name not like 'sqlite_%' order by name"))) {
        *error = tables.lastError().text();
        return result;
    }
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &name : names)
        result.insert(name, tableState(db, name, error));
    return result;
}

/** The tables whose state differs, for a failure message. */
inline QString snapshotDiff(const Snapshot &before, const Snapshot &after)
{
    QStringList differing;
    QStringList names = before.keys() + after.keys();
    names.removeDuplicates();
    for (const QString &name : names) {
        if (before.value(name) != after.value(name))
            differing << QStringLiteral("%1 (%2 -> %3 rows)").arg(name).arg(before.value(name).rows).arg(after.value(name).rows);
    }
    return differing.join(QStringLiteral(", "));
}

} // namespace cpm::test
