// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/RowWriter.h"

namespace cpm {

class SqliteStatement;

/**
 * Writes a batch into SQLite: the raw rows (statement 0) with one execution of a statement
 * that reads them all as load_rows(?1) (BatchRows), the rejects (statement 1) row by row.
 */
class SqliteRowWriter : public RowWriter
{
public:
    /** Both statements must outlive the writer; @p rejects may be null when there are none. */
    SqliteRowWriter(SqliteStatement *rows, SqliteStatement *rejects) : m_rows(rows), m_rejects(rejects) {}
    bool write(const InsertBatch &batch, QString *error, qint64 *failedLine) override;

private:
    bool writeRejects(const InsertBatch &batch, QString *error, qint64 *failedLine);
    /** After the batch's statement failed: runs its rows one at a time to name the failing line. */
    void findFailingRow(const InsertBatch &batch, qint64 *failedLine);

    SqliteStatement *m_rows;
    SqliteStatement *m_rejects;
};

} // namespace cpm
