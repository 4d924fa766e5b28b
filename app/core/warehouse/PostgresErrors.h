// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "warehouse/WarehouseLocation.h"

#include <QSqlError>

namespace cpm {

/** One line a user can act on for a failed PostgreSQL connection or statement. */
Error postgresError(const WarehouseLocation &where, const QString &what, const QSqlError &error);
/** The same for an error of a raw libpq call (COPY). */
Error postgresError(const WarehouseLocation &where, const QString &what, const char *libpqMessage, const char *sqlstate);

} // namespace cpm
