// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace cpm {

class SnapshotSink;
struct InsertBatch;

/** Where RecordLoader binds a transaction's values (1-based, the raw upsert's order). */
namespace TxParam {
enum : int { Id = 1, Device, Name, Sku, SkuKind, Category, Amount, Status, Card, CreatedAt, HappenedAt, Batch, Line };
}

/**
 * Feeds a SnapshotSink the transactions of each batch handed to the InsertPipeline (its batch
 * hook, on the parsing thread): the values bound for the upsert, so the snapshot sees exactly
 * what the raw table gets. Reading them from the batch rather than per parsed row keeps the
 * parser's loop short and the snapshot's columns written in runs.
 */
class SnapshotFeed
{
public:
    explicit SnapshotFeed(SnapshotSink &sink) : m_sink(sink) {}
    /** An estimate of the file's rows; applied before the next batch. */
    void reserve(std::size_t rows) { m_reserve = rows; }
    /** Adds the batch's rows of statement 0 (the raw transactions' upsert). */
    void operator()(const InsertBatch &batch);

private:
    SnapshotSink &m_sink;
    std::size_t m_reserve = 0;
    bool m_reserved = false;
};

} // namespace cpm
