// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/SqliteRowWriter.h"

#include "warehouse/BatchRows.h"
#include "warehouse/SqliteStatement.h"

namespace cpm {

namespace {

constexpr int kRowsStatement = 0;
constexpr int kRejectsStatement = 1;

bool execute(SqliteStatement &statement, const BatchRows &rows)
{
    statement.bindPointer(1, &rows, BatchRows::kPointerType);
    return statement.execute();
}

} // namespace

bool SqliteRowWriter::write(const InsertBatch &batch, QString *error, qint64 *failedLine)
{
    const BatchRows rows{&batch, 0, batch.rows.size(), kRowsStatement};
    if (!execute(*m_rows, rows)) {
        *error = m_rows->errorMessage();
        findFailingRow(batch, failedLine);
        return false;
    }
    return writeRejects(batch, error, failedLine);
}

bool SqliteRowWriter::writeRejects(const InsertBatch &batch, QString *error, qint64 *failedLine)
{
    for (std::size_t r = 0; r < batch.rows.size(); ++r) {
        const InsertBatch::Row &row = batch.rows[r];
        if (row.statement != kRejectsStatement || !m_rejects)
            continue;
        for (std::size_t p = row.firstParam, end = batch.paramsEnd(r); p < end; ++p) {
            const InsertBatch::Param &param = batch.params[p];
            switch (param.kind) {
            case InsertBatch::Kind::Null: m_rejects->bindNull(param.index); break;
            case InsertBatch::Kind::Int: m_rejects->bindInt(param.index, param.integer); break;
            case InsertBatch::Kind::Double: m_rejects->bindDouble(param.index, param.real); break;
            case InsertBatch::Kind::Text:
                m_rejects->bindText(param.index, QByteArrayView(batch.bytes.data() + param.offset, qsizetype(param.size)));
                break;
            }
        }
        if (!m_rejects->execute()) {
            *error = m_rejects->errorMessage();
            *failedLine = row.line;
            return false;
        }
    }
    return true;
}

// The failed statement undid its own changes; the rows before the failing one are written again
// here, which does not matter: a failed load rolls the whole import back.
void SqliteRowWriter::findFailingRow(const InsertBatch &batch, qint64 *failedLine)
{
    *failedLine = 0;
    for (std::size_t r = 0; r < batch.rows.size(); ++r) {
        if (batch.rows[r].statement != kRowsStatement)
            continue;
        if (!execute(*m_rows, BatchRows{&batch, r, r + 1, kRowsStatement})) {
            *failedLine = batch.rows[r].line;
            return;
        }
    }
}

} // namespace cpm
