// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/PostgresErrors.h"

namespace cpm {

Error postgresError(const WarehouseLocation &where, const QString &what, const QSqlError &error)
{
    Error e = Error::make(Error::Code::Database, what + QStringLiteral(": ") + error.databaseText().trimmed());
    e.file = where.display();
    return e;
}

Error postgresError(const WarehouseLocation &where, const QString &what, const char *libpqMessage, const char *sqlstate)
{
    Q_UNUSED(sqlstate);
    Error e = Error::make(Error::Code::Database, what + QStringLiteral(": ") + QString::fromUtf8(libpqMessage).trimmed());
    e.file = where.display();
    return e;
}

} // namespace cpm
