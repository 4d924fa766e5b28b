// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "warehouse/WarehouseLocation.h"

#include <QSqlError>
#include <QString>

namespace cpm {

/**
 * One line a user can act on for a failure talking to a PostgreSQL warehouse, instead of
 * libpq's several lines: "no PostgreSQL server answers at HOST:PORT (connection refused); is it
 * running?", "wrong or missing password for user U; put it in ~/.pgpass or PGPASSWORD", ...
 * Recognised by SQLSTATE where the server sent one (QPSQL carries it in nativeErrorCode()),
 * else by libpq's text; anything else keeps libpq's first line. The Error has Code::Database,
 * the location (display(), never a password) as its file and "@p what: reason" as its message.
 */
Error postgresError(const WarehouseLocation &where, const QString &what, const QSqlError &error);

/** The same for a raw libpq call (COPY): PQerrorMessage / PQresultErrorMessage and PG_DIAG_SQLSTATE (may be null). */
Error postgresError(const WarehouseLocation &where, const QString &what, const char *libpqMessage, const char *sqlstate);

} // namespace cpm
