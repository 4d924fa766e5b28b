// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace cpm {

/** Where a warehouse lives: an SQLite file path or a postgresql:// URI (libpq conventions). */
struct WarehouseLocation
{
    enum class Kind { SqliteFile, Postgres };
    Kind kind = Kind::SqliteFile;
    QString path;
    QString host;
    int port = -1;
    QString database;
    QString user;
    QStringList options;

    static bool parse(const QString &text, WarehouseLocation *out, Error *error);
    bool isPostgres() const { return kind == Kind::Postgres; }
    QString display() const;
    void applyTo(QSqlDatabase &db) const;
};

} // namespace cpm
