// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot's reads of the models, on SQLite's C API or, for a team warehouse, on a
// forward-only QSqlQuery (QPSQL then streams the rows instead of holding the whole result).
#include "columnar/ColumnarAssembler.h"

#include <QSqlError>
#include <QSqlRecord>

namespace cpm::columnar::detail {

Query::Query(const ModelSource &source, const QString &root, const char *relative) : m_db(source.sqlite)
{
    if (m_db) {
        const QByteArray sql = SqlFile::statementUtf8(root, QLatin1String(relative), &m_fileError);
        if (!m_fileError)
            sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &m_stmt, nullptr);
        return;
    }
    m_server = std::make_unique<QSqlQuery>(source.server);
    m_server->setForwardOnly(true);
    const QString sql = SqlFile::statement(root, QLatin1String(relative), &m_fileError);
    if (m_fileError)
        return;
    if (!m_server->exec(sql)) {
        m_serverError = m_server->lastError().text();
        return;
    }
    const int columns = m_server->record().count();
    m_cells.resize(std::size_t(columns));
    m_text.resize(std::size_t(columns));
}

Query::~Query()
{
    sqlite3_finalize(m_stmt);
}

bool Query::ok(Error *error) const
{
    if (m_fileError)
        return *error = m_fileError, false;
    if (m_stmt || (m_server && m_serverError.isEmpty()))
        return true;
    const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_serverError;
    *error = Error::make(Error::Code::Database, QStringLiteral("cannot read the warehouse for the metrics: %1").arg(why));
    return false;
}

bool Query::nextServerRow()
{
    if (!m_server || !m_server->next())
        return false;
    for (std::size_t c = 0; c < m_cells.size(); ++c) {
        m_cells[c] = m_server->value(int(c));
        // Text cells are read as bytes (dictionaries, statuses); numbers never are.
        if (m_cells[c].typeId() == QMetaType::QString)
            m_text[c] = m_cells[c].toString().toUtf8();
        else
            m_text[c].clear();
    }
    return true;
}

} // namespace cpm::columnar::detail
