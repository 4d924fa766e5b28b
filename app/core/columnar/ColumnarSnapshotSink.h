// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "snapshot/SnapshotSink.h"

#include <atomic>
#include <future>

namespace cpm::columnar {

class ColumnarBuilder;

/**
 * The columnar snapshot behind SnapshotSink, for a SQLite warehouse. Into an empty table the
 * rows fed are the table: the snapshot is built from them (ColumnarBuilder) and never read back.
 * Into a full one whose stores and devices are unchanged and whose stored snapshot is intact,
 * with every new id after the old ones, the new rows are stored as a delta after that snapshot
 * (or, once its deltas grow too many or too large, rewritten whole with them). Anything else is
 * rebuilt from the refreshed models. While the models refresh, the rows are sorted and encoded
 * on other threads (prepare() reads no database, so the connection stays with the importer's).
 */
class ColumnarSnapshotSink final : public SnapshotSink
{
public:
    ColumnarSnapshotSink(sqlite3 *db, QString sqlRoot);
    ~ColumnarSnapshotSink() override;
    ColumnarSnapshotSink(const ColumnarSnapshotSink &) = delete;
    ColumnarSnapshotSink &operator=(const ColumnarSnapshotSink &) = delete;

    void beginImport(qint64 previousBatch) override;
    void dimensionsChanged() override { m_dimensionsChanged = true; }
    void beginTransactions(qint64 rowsBefore, qint64 lastIdBefore) override;
    bool wantsRows() const override;
    void reserve(std::size_t rows) override;
    void add(const SnapshotRow &row) override;
    void rowRepeated() override;
    void startPreparing() override;
    bool store(qint64 batchId, Error *error) override;
    void endImport() override;
    bool storedFromRows() const override { return m_storedFromRows; }

private:
    /** Waits for the background preparation, if any; @p abandon: tell it to give up first. */
    void join(bool abandon);

    sqlite3 *m_db;
    QString m_root;
    std::unique_ptr<ColumnarBuilder> m_builder;
    std::atomic<bool> m_stop{false};
    std::future<void> m_prepared;
    qint64 m_previousBatch = 0;
    bool m_dimensionsChanged = false; ///< stores or devices loaded: store slots may move
    bool m_delta = false;             ///< the new rows are appended as a delta, not rewritten
    bool m_storedFromRows = false;
};

} // namespace cpm::columnar
