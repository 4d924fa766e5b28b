// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/InsertPipeline.h"

#include "warehouse/RowWriter.h"

namespace cpm {

namespace {

// Rows per batch: large enough that the hand-over (a lock, a wake-up) is noise per row,
// small enough that the inserting thread starts early and memory stays a few MB.
constexpr std::size_t kBatchRows = 256;
// Batches queued ahead of the inserting thread before the parser waits.
constexpr std::size_t kMaxQueued = 4;

} // namespace

InsertPipeline::InsertPipeline(RowWriter &writer) : m_writer(writer), m_filling(std::make_unique<Batch>())
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
    next().set(InsertBatch::Kind::Text, index, quint32(text.size()), qint64(offset));
}

bool InsertPipeline::endRow()
{
    if (m_filling->rows.size() >= kBatchRows)
        handOver();
    return !m_failed;
}

void InsertPipeline::handOver()
{
    if (m_batchHook)
        m_batchHook(*m_filling);
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
        QString error;
        qint64 failedLine = 0;
        const bool ok = m_writer.write(*batch, &error, &failedLine);
        batch->clear();
        lock.lock();
        if (!ok) {
            m_error = error;
            m_failedLine = failedLine;
        }
        m_free.push_back(std::move(batch));
        m_failed = !ok;
        m_changed.notify_all();
    }
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
    if (!m_failed && !m_writer.finish(&m_error))
        m_failed = true;
    return !m_failed;
}

void InsertPipeline::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_abandon = true;
    }
    join();
    m_writer.abandon();
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
