// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarSnapshotSink.h"

#include "columnar/ColumnarBuilder.h"
#include "columnar/ColumnarPersist.h"
#include "columnar/ColumnarTable.h"

namespace cpm {

std::unique_ptr<SnapshotSink> SnapshotSink::columnar(sqlite3 *db, const QString &sqlRoot)
{
    return std::make_unique<columnar::ColumnarSnapshotSink>(db, sqlRoot);
}

namespace columnar {

ColumnarSnapshotSink::ColumnarSnapshotSink(sqlite3 *db, QString sqlRoot)
    : m_db(db), m_root(std::move(sqlRoot)), m_builder(std::make_unique<ColumnarBuilder>(db, m_root))
{
}

ColumnarSnapshotSink::~ColumnarSnapshotSink()
{
    join(true);
}

void ColumnarSnapshotSink::beginImport(qint64 previousBatch)
{
    endImport();
    m_previousBatch = previousBatch;
    m_dimensionsChanged = false;
    m_delta = false;
    m_storedFromRows = false;
}

void ColumnarSnapshotSink::beginTransactions(qint64 rowsBefore, qint64 lastIdBefore)
{
    m_delta = false;
    if (rowsBefore == 0)
        return m_builder->reset();
    m_builder->invalidate();
    if (m_dimensionsChanged)
        return;
    persist::Status status = persist::Status::Missing;
    persist::Layout layout;
    auto base = persist::loadDimensions(m_db, m_previousBatch, &status, &layout);
    m_delta = base && !layout.wantsRewrite();
    if (base && !m_delta)
        base = persist::load(m_db, m_previousBatch, &status, false);
    if (base && m_delta)
        m_builder->resetDelta(std::move(base), lastIdBefore);
    else if (base)
        m_builder->resetAppend(std::move(base), lastIdBefore);
}

bool ColumnarSnapshotSink::wantsRows() const
{
    return m_builder->valid();
}

void ColumnarSnapshotSink::reserve(std::size_t rows)
{
    m_builder->reserve(rows);
}

void ColumnarSnapshotSink::add(const SnapshotRow &row)
{
    m_builder->add(row);
}

void ColumnarSnapshotSink::rowRepeated()
{
    m_builder->invalidate();
}

void ColumnarSnapshotSink::startPreparing()
{
    join(true);
    if (!m_builder->valid())
        return;
    m_stop = false;
    m_prepared = std::async(std::launch::async, [this] { m_builder->prepare(&m_stop); });
}

void ColumnarSnapshotSink::join(bool abandon)
{
    if (!m_prepared.valid())
        return;
    m_stop = abandon;
    m_prepared.get();
}

bool ColumnarSnapshotSink::store(qint64 batchId, Error *error)
{
    // The dimensions are read while the rows are still being encoded on the other cores.
    const bool dimensions = !m_builder->valid() || m_builder->loadDimensions(error);
    join(!dimensions);
    if (!dimensions)
        return false;
    // Stored inside the import's transaction: the snapshot commits or rolls back with the data
    // it was built from, so a stored snapshot always matches its batch.
    m_storedFromRows = m_builder->valid();
    if (!m_storedFromRows)
        return persist::save(m_db, batchId, error, m_root);
    std::vector<std::string> payload;
    if (!m_builder->payload(&payload, error))
        return false;
    return m_delta ? persist::appendPayload(m_db, payload, m_previousBatch, batchId, error)
                   : persist::savePayload(m_db, payload, batchId, error);
}

void ColumnarSnapshotSink::endImport()
{
    join(true);
    m_builder = std::make_unique<ColumnarBuilder>(m_db, m_root); // frees the rows
}

} // namespace columnar
} // namespace cpm
