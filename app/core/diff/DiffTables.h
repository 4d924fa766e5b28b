// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/ImportDiff.h"

#include <QJsonObject>

namespace cpm {

/**
 * An ImportDiffResult as typed tables, the one shape every output shares (the CLI's text and
 * CSV, the compare view's sortable tables, the XLSX sheet, the PDF pages):
 *   changes_summary, changed_fields, changes_stores, changes_devices, changes_transactions,
 *   top_stores_moves, top_products_moves, avg_amount_moves, device_type_share_moves,
 *   time_to_5th_moves, reached_5th, lost_5th.
 */
namespace difftables {

MetricTable summary(const ImportDiffResult &result);
MetricTable changedFields(const ImportDiffResult &result);
/** One row per listed id: id, change, fields, before, after ("field=value; …", timestamps ISO). */
MetricTable entityChanges(const EntityDiff &diff);
MetricTable topStoreMoves(const MetricMoves &moves);
MetricTable topProductMoves(const MetricMoves &moves);
MetricTable groupMoves(const MetricMoves &moves);
MetricTable shareMoves(const MetricMoves &moves);
MetricTable fifthMoves(const MetricMoves &moves);
MetricTable fifthStores(const QVector<FifthStore> &stores, bool reached);

/** Every table above, in that order. */
QVector<MetricTable> all(const ImportDiffResult &result);
/** "▲ 3", "▼ 1", "new", "left", "=": how a rank move reads. */
QString movementText(const RankMove &move);
/** "batch 2 (2026-12-06T02:31:00, 3 files, 1,800 rows)". */
QString batchText(const ImportBatch &batch);
/** "Comparison of imports 1 → 2": the title of the comparison in a report. */
QString title(const ImportDiffResult &result);

} // namespace difftables

/**
 * The `cpm-cli diff --format json` document: "from", "to" (batches), "filters", "changes"
 * (per entity: new, changed, removed, listed, fields{column: ids}, rows[{id, change,
 * fields{column: {old, new}}}]) and "metrics" (one array per *_moves table, plus
 * "time_to_5th_transaction" {…, reached[], lost[]}).
 */
QJsonObject diffToJson(const ImportDiffResult &result);

} // namespace cpm
