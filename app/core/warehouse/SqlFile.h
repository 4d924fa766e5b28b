// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

namespace cpm {

/** Runs the project's .sql files (every query lives in a file; values are always bound). */
namespace SqlFile {

/** Text of @p relative under @p root (":/sql" or a --sql-dir folder); sets @p error if absent. */
QString text(const QString &root, const QString &relative, Error *error);

/**
 * Prepares @p relative on @p query, binds @p values by name (":name") and executes it.
 * False: @p error names the file and SQLite's message.
 */
bool exec(QSqlQuery &query, const QString &root, const QString &relative, const QVariantMap &values, Error *error);

} // namespace SqlFile
} // namespace cpm
