// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/InsertBatch.h"

#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cpm {

class RowWriter;

/**
 * Overlaps parsing with inserting, one core each: the importer's thread parses, validates
 * and normalises records into batches of bound values (texts copied into the batch); a
 * second thread hands each batch to a RowWriter (SQLite statements or a PostgreSQL COPY), in order. SQLite was the
 * larger half of a load and the parser the other, so together they take about the time of
 * the larger one. The connection is only ever used by one thread at a time: the importer
 * does not touch it between the first row and finish() or stop().
 *
 * The first failing row stops the inserting thread; the producer learns it at its next
 * endRow() (false) or at finish(), with the row's line and SQLite's message.
 */
class InsertPipeline
{
public:
    /** @p writer: where the rows go, on the inserting thread (must outlive the pipeline). */
    explicit InsertPipeline(RowWriter &writer);
    ~InsertPipeline();
    InsertPipeline(const InsertPipeline &) = delete;
    InsertPipeline &operator=(const InsertPipeline &) = delete;

    void beginRow(int statement, qint64 line);
    void bindInt(int index, qint64 value) { next().set(InsertBatch::Kind::Int, index, 0, value); }
    void bindDouble(int index, double value)
    {
        InsertBatch::Param &param = next();
        param.set(InsertBatch::Kind::Double, index, 0, 0);
        param.real = value;
    }
    /** Copies @p text; empty text binds NULL (as SqliteStatement::bindText). */
    void bindText(int index, QByteArrayView text);
    void bindNull(int index) { next().set(InsertBatch::Kind::Null, index, 0, 0); }
    /** Ends the row. False once the inserting thread has failed (see errorMessage()). */
    bool endRow();
    /**
     * Also runs @p hook on each full batch as it is handed over, on the producer's thread
     * (set it before the first row). The rows are then only queued, not yet written.
     */
    void setBatchHook(std::function<void(const InsertBatch &)> hook) { m_batchHook = std::move(hook); }

    /** Inserts everything handed over, then stops. False if a row failed. */
    bool finish();
    /** Stops without inserting what is still queued (cancel, error, a reload). */
    void stop();

    QString errorMessage() const;
    /** The line of the row that failed (0: none). */
    qint64 failedLine() const;

private:
    using Batch = InsertBatch;

    InsertBatch::Param &next() { return m_filling->params.emplace_back(); }
    void handOver();
    void run();
    void join();

    RowWriter &m_writer;
    std::function<void(const InsertBatch &)> m_batchHook;
    std::unique_ptr<Batch> m_filling;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_queue, m_free;
    bool m_closing = false, m_abandon = false;
    std::atomic<bool> m_failed = false; ///< read by the producer on every row, without the lock
    QString m_error;
    qint64 m_failedLine = 0;
};

} // namespace cpm
