// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/InsertPipeline.h"

#include "warehouse/SqliteStatement.h"

namespace cpm {

namespace {

// Rows per batch: large enough that the hand-over (a lock, a wake-up) is noise per row,
// small enough that the inserting thread starts early and memory stays a few MB.
constexpr std::size_t kBatchRows = 2048;
// Batches queued ahead of the inserting thread before the parser waits.
constexpr std::size_t kMaxQueued = 4;

} // namespace

InsertPipeline::InsertPipeline(std::vector<SqliteStatement *> statements)
    : m_statements(std::move(statements)), m_filling(std::make_unique<Batch>())
{
    m_thread = std::thread([this] { run(); });
}

InsertPipeline::~InsertPipeline()
{
    stop();
}

void InsertPipeline::beginRow(int statement, qint64 line)
{
    m_filling->rows.push_back({statement, line, m_filling->params.size()});
}

void InsertPipeline::bindText(int index, QByteArrayView text)
{
    if (text.isEmpty())
        return bindNull(index);
    const std::size_t offset = m_filling->bytes.size();
    m_filling->bytes.append(text.data(), std::size_t(text.size()));
    push({Kind::Text, index, 0, 0, offset, std::size_t(text.size())});
}

bool InsertPipeline::endRow()
{
    if (m_filling->rows.size() >= kBatchRows)
        handOver();
    return !m_failed;
}

void InsertPipeline::handOver()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueued || m_failed; });
    m_queue.push_back(std::move(m_filling));
    if (m_free.empty()) {
        m_filling = std::make_unique<Batch>();
    } else {
        m_filling = std::move(m_free.front());
        m_free.pop_front();
    }
    m_changed.notify_all();
}

void InsertPipeline::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_closing; });
        if (m_queue.empty() || m_abandon || m_failed)
            return;
        std::unique_ptr<Batch> batch = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        const bool ok = insert(*batch);
        batch->clear();
        lock.lock();
        m_free.push_back(std::move(batch));
        m_failed = !ok;
        m_changed.notify_all();
    }
}

bool InsertPipeline::insert(const Batch &batch)
{
    for (std::size_t r = 0; r < batch.rows.size(); ++r) {
        const Row &row = batch.rows[r];
        SqliteStatement &statement = *m_statements[std::size_t(row.statement)];
        const std::size_t end = r + 1 < batch.rows.size() ? batch.rows[r + 1].firstParam : batch.params.size();
        for (std::size_t p = row.firstParam; p < end; ++p) {
            const Param &param = batch.params[p];
            switch (param.kind) {
            case Kind::Null: statement.bindNull(param.index); break;
            case Kind::Int: statement.bindInt(param.index, param.integer); break;
            case Kind::Double: statement.bindDouble(param.index, param.real); break;
            case Kind::Text:
                statement.bindText(param.index, QByteArrayView(batch.bytes.data() + param.offset, qsizetype(param.size)));
                break;
            }
        }
        if (!statement.execute()) {
            std::lock_guard lock(m_mutex);
            m_error = statement.errorMessage();
            m_failedLine = row.line;
            return false;
        }
    }
    return true;
}

void InsertPipeline::join()
{
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool InsertPipeline::finish()
{
    if (!m_filling->rows.empty())
        handOver();
    join();
    std::lock_guard lock(m_mutex);
    return !m_failed;
}

void InsertPipeline::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_abandon = true;
    }
    join();
}

QString InsertPipeline::errorMessage() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

qint64 InsertPipeline::failedLine() const
{
    std::lock_guard lock(m_mutex);
    return m_failedLine;
}

} // namespace cpm
