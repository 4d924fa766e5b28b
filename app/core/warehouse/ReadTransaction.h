// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace cpm {

/**
 * A reader's consistent view of a team warehouse (PostgreSQL) for as long as it lives: the
 * readers' share of the models lock, so that a reader never meets an import half-way through
 * rebuilding the models (it waits for the import's commit), then one repeatable-read
 * transaction, so that all five metrics (or all data tests) see the same import. Nothing on SQLite, whose WAL readers already
 * see one committed state per statement and whose imports rebuild models in one transaction.
 */
class ReadTransaction
{
public:
    ReadTransaction(QSqlDatabase db, const QString &sqlRoot);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    QSqlDatabase m_db;
    QString m_root;
    bool m_locked = false;
    bool m_open = false;
};

} // namespace cpm
