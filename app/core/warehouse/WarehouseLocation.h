// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace cpm {

/**
 * Where a warehouse lives, as the user named it: a SQLite file path, or a PostgreSQL server
 * given as a libpq URI (postgresql://[USER@]HOST[:PORT]/DATABASE[?host=/socket/dir&sslmode=...]).
 * It never holds a password: libpq finds that in ~/.pgpass or PGPASSWORD.
 */
struct WarehouseLocation
{
    enum class Kind { SqliteFile, Postgres };

    Kind kind = Kind::SqliteFile;
    QString path;        ///< the SQLite file (SqliteFile only)
    QString host;        ///< host name, address, or a Unix socket directory (starts with '/')
    int port = -1;       ///< -1: libpq's default (PGPORT, else 5432)
    QString database;    ///< empty: libpq's default (the user name)
    QString user;        ///< empty: libpq's default (PGUSER, else the login name)
    QStringList options; ///< "key=value" libpq options: sslmode, connect_timeout, application_name

    /**
     * Reads @p text: a postgresql:// or postgres:// URI, or else a file path. False, with
     * @p error naming the part that is wrong (the text, password hidden, as its file), for a
     * URI with a password, another scheme, a bad port, no host or an unknown parameter.
     */
    static bool parse(const QString &text, WarehouseLocation *out, Error *error);

    bool isPostgres() const { return kind == Kind::Postgres; }
    /** The file path, or the URI rebuilt from its parts (never with a password). */
    QString display() const;
    /** "HOST:PORT", or the socket file for a socket directory, as libpq will try it. */
    QString server() const;
    /** The role libpq will log in as: the URI's user, else PGUSER, else the login name. */
    QString effectiveUser() const;
    /**
     * Sets a QPSQL connection's host, port, database, user and connect options, adding
     * connect_timeout=5 unless the URI gives one, so an unreachable host fails in seconds.
     */
    void applyTo(QSqlDatabase &db) const;
};

} // namespace cpm
