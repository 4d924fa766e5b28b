// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/SqliteRowWriter.h"

#include "warehouse/SqliteStatement.h"

namespace cpm {

bool SqliteRowWriter::write(const InsertBatch &batch, QString *error, qint64 *failedLine)
{
    for (std::size_t r = 0; r < batch.rows.size(); ++r) {
        const InsertBatch::Row &row = batch.rows[r];
        SqliteStatement &statement = *m_statements[std::size_t(row.statement)];
        for (std::size_t p = row.firstParam, end = batch.paramsEnd(r); p < end; ++p) {
            const InsertBatch::Param &param = batch.params[p];
            switch (param.kind) {
            case InsertBatch::Kind::Null: statement.bindNull(param.index); break;
            case InsertBatch::Kind::Int: statement.bindInt(param.index, param.integer); break;
            case InsertBatch::Kind::Double: statement.bindDouble(param.index, param.real); break;
            case InsertBatch::Kind::Text:
                statement.bindText(param.index, QByteArrayView(batch.bytes.data() + param.offset, qsizetype(param.size)));
                break;
            }
        }
        if (!statement.execute()) {
            *error = statement.errorMessage();
            *failedLine = row.line;
            return false;
        }
    }
    return true;
}

} // namespace cpm
