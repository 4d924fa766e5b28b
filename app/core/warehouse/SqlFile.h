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

/** The project embedded in cpm_core (what --sql-dir replaces). */
QString embeddedRoot();

/** Text of @p relative under @p root (":/sql" or a --sql-dir folder); sets @p error if absent. */
QString text(const QString &root, const QString &relative, Error *error);

/**
 * The one statement of @p relative, ready to prepare (on QSqlQuery or the raw sqlite3 handle):
 * whole-line comments dropped, no trailing ';'. Empty, with @p error naming the file, when the
 * file is missing or holds no statement.
 */
QString statement(const QString &root, const QString &relative, Error *error);

/**
 * The file to run for @p relative on @p db's engine: "x.postgres.sql" when it exists beside
 * "x.sql" and @p db is a PostgreSQL connection (catalog reads, string functions), else @p relative.
 */
QString forEngine(const QSqlDatabase &db, const QString &root, const QString &relative);

/** statement() as UTF-8, for sqlite3_prepare on the raw handle. */
QByteArray statementUtf8(const QString &root, const QString &relative, Error *error);

/**
 * Prepares @p relative on @p query and binds @p values by name, without executing it (for a
 * statement run once per row). False: @p error names the file and the driver's message.
 */
bool prepare(QSqlQuery &query, const QString &root, const QString &relative, const QVariantMap &values, Error *error);

/**
 * Prepares @p relative on @p query, binds @p values by name (":name") and executes it.
 * False: @p error names the file and SQLite's message.
 */
bool exec(QSqlQuery &query, const QString &root, const QString &relative, const QVariantMap &values, Error *error);

/**
 * The first column of the first row @p relative returns, or an invalid QVariant (no row, or
 * an error: then @p error, if given, says which).
 */
QVariant scalar(const QSqlDatabase &db, const QString &root, const QString &relative, const QVariantMap &values = {},
                Error *error = nullptr);

} // namespace SqlFile
} // namespace cpm
