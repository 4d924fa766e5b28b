// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL side of Warehouse (a team warehouse) and the import lock both engines share.
#include "warehouse/Warehouse.h"

#include "transform/SqlProject.h"
#include "warehouse/PgConnection.h"
#include "warehouse/PostgresErrors.h"
#include "warehouse/SqlFile.h"

#include <QSqlError>

namespace cpm {

bool Warehouse::openPostgres(const SqlProject &project)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!m_db.isValid()) {
        m_error = Error::make(Error::Code::Database, QStringLiteral("the PostgreSQL driver of Qt (QPSQL) is not installed"));
        m_error.expected = QStringLiteral("the package libqt6sql6-psql");
        close();
        return false;
    }
    m_location.applyTo(m_db);
    if (!m_db.open()) {
        m_error = postgresError(m_location, QStringLiteral("cannot connect to the team warehouse"), m_db.lastError());
        close();
        return false;
    }
    silenceNotices(m_db);
    // A current schema is left alone: readers (and read-only roles) never write on open.
    if (!checkSchemaVersion() || (!schemaIsCurrent() && !applyScripts(project))) {
        close();
        return false;
    }
    return true;
}

bool Warehouse::schemaIsCurrent()
{
    if (!hasRelation(QStringLiteral("warehouse_info")))
        return false;
    const QVariant version = scalarFile(QStringLiteral("info/get_value.sql"), {{QStringLiteral(":key"), QStringLiteral("schema_version")}});
    return version.isValid() && version.toInt() == schemaVersion;
}

bool Warehouse::beginImport()
{
    if (!exec(isPostgres() ? QStringLiteral("begin") : QStringLiteral("begin immediate")))
        return false;
    Error error;
    const QVariant granted = SqlFile::scalar(m_db, m_sqlRoot, QStringLiteral("session/lock_import.sql"), {}, &error);
    if (granted.toInt() == 1 && mayImport(&error))
        return true;
    if (error.isError()) {
        m_error = error;
    } else if (granted.toInt() == 1) {
        m_error = Error::make(Error::Code::Database, QStringLiteral("user %1 may only read this warehouse (read-only role); "
                                                                    "imports need a role with write access; nothing was changed")
                                                         .arg(m_location.user.isEmpty() ? QStringLiteral("(default)") : m_location.user));
        m_error.file = m_path;
    } else {
        m_error = Error::make(Error::Code::Database,
                              QStringLiteral("another import into this warehouse is running; nothing was changed"));
        m_error.file = m_path;
        m_error.expected = QStringLiteral("the other import to finish, then a retry");
    }
    exec(QStringLiteral("rollback"));
    return false;
}

bool Warehouse::mayImport(Error *error) const
{
    if (!isPostgres())
        return true;
    return SqlFile::scalar(m_db, m_sqlRoot, QStringLiteral("load/postgres/can_write.sql"), {}, error).toInt() == 1;
}

} // namespace cpm
