// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/PgCopyWriter.h"

#include <libpq-fe.h>

#include <cstdio>

namespace cpm {

namespace {

// Rejects are few; buffering this much before pausing the main COPY keeps pauses rare.
constexpr std::size_t kRejectBufferBytes = 4u << 20;

QString lastMessage(PGconn *connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
void appendEscaped(const char *data, std::size_t size, std::string *out)
{
    for (std::size_t i = 0; i < size; ++i) {
        const char c = data[i];
        switch (c) {
        case '\\': out->append("\\\\"); break;
        case '\t': out->append("\\t"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        default: out->push_back(c); break;
        }
    }
}

void appendParam(const InsertBatch &batch, const InsertBatch::Param &param, std::string *out)
{
    char number[32];
    switch (param.kind) {
    case InsertBatch::Kind::Null: out->append("\\N"); break;
    case InsertBatch::Kind::Int: out->append(number, std::size_t(std::snprintf(number, sizeof number, "%lld", static_cast<long long>(param.integer)))); break;
    // 17 significant digits: the double reads back bit for bit on the server.
    case InsertBatch::Kind::Double: out->append(number, std::size_t(std::snprintf(number, sizeof number, "%.17g", param.real))); break;
    case InsertBatch::Kind::Text: appendEscaped(batch.bytes.data() + param.offset, param.size, out); break;
    }
}

} // namespace

PgCopyWriter::PgCopyWriter(PGconn *connection, Target rows, Target rejects)
    : m_connection(connection), m_rows(std::move(rows)), m_rejects(std::move(rejects))
{
}

PgCopyWriter::~PgCopyWriter()
{
    abandon();
}

void PgCopyWriter::appendLine(const InsertBatch &batch, std::size_t row, int columns, std::string *out)
{
    const std::size_t first = batch.rows[row].firstParam, end = batch.paramsEnd(row);
    // Parameters come in index order; an index never bound is NULL.
    std::size_t p = first;
    for (int column = 1; column <= columns; ++column) {
        if (column > 1)
            out->push_back('\t');
        while (p < end && batch.params[p].index < column)
            ++p;
        if (p < end && batch.params[p].index == column)
            appendParam(batch, batch.params[p], out);
        else
            out->append("\\N");
    }
    out->push_back('\n');
}

bool PgCopyWriter::write(const InsertBatch &batch, QString *error, qint64 *failedLine)
{
    m_line.clear();
    for (std::size_t r = 0; r < batch.rows.size(); ++r) {
        if (batch.rows[r].statement == 0)
            appendLine(batch, r, m_rows.columns, &m_line);
        else
            appendLine(batch, r, m_rejects.columns, &m_rejectText);
    }
    const bool ok = (m_line.empty() || ((m_copying || startCopy(m_rows, error)) && send(m_line, error)))
        && (m_rejectText.size() < kRejectBufferBytes || flushRejects(error));
    if (!ok && !batch.rows.empty())
        *failedLine = batch.rows.front().line; // COPY reports the batch, not the row
    return ok;
}

bool PgCopyWriter::startCopy(const Target &target, QString *error)
{
    PGresult *result = PQexec(m_connection, target.copySql.constData());
    const bool ok = PQresultStatus(result) == PGRES_COPY_IN;
    if (!ok)
        *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    m_copying = ok;
    return ok;
}

bool PgCopyWriter::send(const std::string &data, QString *error)
{
    if (PQputCopyData(m_connection, data.data(), int(data.size())) == 1)
        return true;
    *error = lastMessage(m_connection);
    return false;
}

bool PgCopyWriter::endCopy(QString *error)
{
    if (!m_copying)
        return true;
    m_copying = false;
    if (PQputCopyEnd(m_connection, nullptr) != 1)
        return *error = lastMessage(m_connection), false;
    bool ok = true;
    while (PGresult *result = PQgetResult(m_connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            ok = false;
            *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        }
        PQclear(result);
    }
    return ok;
}

bool PgCopyWriter::flushRejects(QString *error)
{
    if (m_rejectText.empty())
        return true;
    const bool ok = endCopy(error) && startCopy(m_rejects, error) && send(m_rejectText, error) && endCopy(error);
    m_rejectText.clear();
    return ok;
}

bool PgCopyWriter::finish(QString *error)
{
    return endCopy(error) && flushRejects(error);
}

void PgCopyWriter::abandon()
{
    m_rejectText.clear();
    if (!m_copying)
        return;
    m_copying = false;
    // Ending with an error message makes the server discard the COPY; the caller rolls back.
    PQputCopyEnd(m_connection, "import stopped");
    while (PGresult *result = PQgetResult(m_connection))
        PQclear(result);
}

} // namespace cpm
