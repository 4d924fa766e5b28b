// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/PgConnection.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace cpm {

PGconn *postgresHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    // QPSQL's handle is declared as "PGconn*" but its metatype is named after the struct.
    if (!v.isValid() || (qstrcmp(v.typeName(), "PGconn*") != 0 && qstrcmp(v.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

void silenceNotices(const QSqlDatabase &db)
{
    if (PGconn *connection = postgresHandle(db))
        PQsetNoticeProcessor(connection, [](void *, const char *) {}, nullptr);
}

} // namespace cpm
