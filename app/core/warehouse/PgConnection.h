// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>

typedef struct pg_conn PGconn;

namespace cpm {

/** libpq's connection under a QPSQL QSqlDatabase (for COPY), or nullptr for another driver. */
PGconn *postgresHandle(const QSqlDatabase &db);

/**
 * Keeps the server's notices ("relation … already exists, skipping") off stderr, where libpq
 * prints them by default: cpm-cli promises one line per failure there, and errors reach cpm
 * through the driver anyway. A no-op for another driver.
 */
void silenceNotices(const QSqlDatabase &db);

} // namespace cpm
