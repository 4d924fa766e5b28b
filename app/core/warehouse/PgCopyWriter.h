// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/RowWriter.h"

#include <QByteArray>
#include <QVector>

#include <string>

typedef struct pg_conn PGconn;

namespace cpm {

/**
 * Streams an import's rows into a PostgreSQL team warehouse with COPY … FROM STDIN (text
 * format) on the import's own connection, so they share its transaction. Statement 0's rows
 * go to the load table (merged into the raw table afterwards); statement 1's, the rejects,
 * are buffered and copied when the main COPY pauses, since one connection runs one COPY at a time.
 */
class PgCopyWriter : public RowWriter
{
public:
    struct Target
    {
        QByteArray copySql; ///< "copy … from stdin"
        int columns = 0;    ///< parameters per row, by 1-based index
    };

    PgCopyWriter(PGconn *connection, Target rows, Target rejects);
    ~PgCopyWriter() override;

    bool write(const InsertBatch &batch, QString *error, qint64 *failedLine) override;
    bool finish(QString *error) override;
    void abandon() override;

    /** Appends one row of @p batch as a COPY text line (escaped; missing indexes are \N). */
    static void appendLine(const InsertBatch &batch, std::size_t row, int columns, std::string *out);

private:
    bool startCopy(const Target &target, QString *error);
    bool endCopy(QString *error);
    bool send(const std::string &data, QString *error);
    bool flushRejects(QString *error);

    PGconn *m_connection;
    Target m_rows, m_rejects;
    bool m_copying = false;
    std::string m_line;
    std::string m_rejectText;
};

} // namespace cpm
