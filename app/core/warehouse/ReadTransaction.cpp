// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/ReadTransaction.h"

#include "warehouse/SqlFile.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace cpm {

namespace {

bool run(QSqlDatabase &db, const QString &root, const QString &relative)
{
    QSqlQuery query(db);
    Error error;
    return SqlFile::exec(query, root, relative, {}, &error);
}

} // namespace

ReadTransaction::ReadTransaction(QSqlDatabase db, const QString &sqlRoot) : m_db(std::move(db)), m_root(sqlRoot)
{
    if (!m_db.driver() || m_db.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return;
    // The lock first, then the snapshot (see lock_models_shared.postgres.sql for why). A failure
    // (a lost connection) shows in the reads that follow, with their own error.
    m_locked = SqlFile::scalar(m_db, m_root, QStringLiteral("session/lock_models_shared.sql")).isValid();
    m_open = run(m_db, m_root, QStringLiteral("session/begin_read.sql"));
}

ReadTransaction::~ReadTransaction()
{
    if (m_open)
        run(m_db, m_root, QStringLiteral("session/commit_read.sql"));
    if (m_locked)
        SqlFile::scalar(m_db, m_root, QStringLiteral("session/unlock_models_shared.sql"));
}

} // namespace cpm
