// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace cpm {

/**
 * A prepared statement on the raw sqlite3 handle, for the bulk-load hot path (about five
 * times fewer instructions per row than QSqlQuery). Text is bound without copying: the
 * bytes must stay valid until step().
 */
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool prepare(sqlite3 *db, const QString &sql);
    void bindInt(int index, qint64 value);
    void bindDouble(int index, double value);
    void bindText(int index, QByteArrayView text); ///< empty text binds NULL
    void bindNull(int index);
    /** Binds @p pointer for sqlite3_value_pointer() with the same @p type (see BatchRows). */
    void bindPointer(int index, const void *pointer, const char *type);
    /** Executes once and resets for the next row. False: see errorMessage(). */
    bool execute();
    /** Steps a query: true while a row is available. */
    bool next();
    qint64 columnInt(int index) const;
    QString errorMessage() const;
    void finalize();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace cpm
