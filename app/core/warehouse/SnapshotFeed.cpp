// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/SnapshotFeed.h"

#include "csv/ValueNormalizer.h"
#include "snapshot/SnapshotSink.h"
#include "warehouse/InsertBatch.h"

namespace cpm {

namespace {

// A transactions row binds all thirteen values in order (null ones too), so value k is at
// firstParam + k - 1.
struct BoundRow
{
    const InsertBatch &batch;
    std::size_t first;

    const InsertBatch::Param &at(int index) const { return batch.params[first + std::size_t(index - 1)]; }
    qint64 integer(int index) const { return at(index).integer; }
    std::string_view text(int index) const
    {
        const InsertBatch::Param &p = at(index);
        return p.kind == InsertBatch::Kind::Text ? std::string_view(batch.bytes.data() + p.offset, p.size) : std::string_view();
    }
};

} // namespace

void SnapshotFeed::operator()(const InsertBatch &batch)
{
    if (!m_reserved && m_sink.wantsRows()) {
        if (m_reserve > 0) {
            m_sink.reserve(m_reserve);
            m_reserved = true;
        }
    }
    for (std::size_t r = 0; r < batch.rows.size(); ++r) {
        if (batch.rows[r].statement != 0 || batch.paramsEnd(r) - batch.rows[r].firstParam < std::size_t(TxParam::Line))
            continue;
        const BoundRow bound{batch, batch.rows[r].firstParam};
        SnapshotRow row;
        row.id = bound.integer(TxParam::Id);
        row.device = bound.integer(TxParam::Device);
        row.name = bound.text(TxParam::Name);
        row.sku = bound.text(TxParam::Sku);
        row.lossySku = bound.integer(TxParam::SkuKind) == int(SkuKind::Lossy);
        row.amount = bound.at(TxParam::Amount).real;
        row.status = bound.text(TxParam::Status);
        row.createdAt = bound.integer(TxParam::CreatedAt);
        row.happenedAt = bound.integer(TxParam::HappenedAt);
        m_sink.add(row);
    }
}

} // namespace cpm
