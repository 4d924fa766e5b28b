// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/RowWriter.h"

#include <vector>

namespace cpm {

class SqliteStatement;

/** Replays each row into its prepared SQLite statement (an upsert, or the rejects insert). */
class SqliteRowWriter : public RowWriter
{
public:
    /** @p statements: what a row's statement index refers to (must outlive the writer). */
    explicit SqliteRowWriter(std::vector<SqliteStatement *> statements) : m_statements(std::move(statements)) {}
    bool write(const InsertBatch &batch, QString *error, qint64 *failedLine) override;

private:
    std::vector<SqliteStatement *> m_statements;
};

} // namespace cpm
