// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "csv/CsvReader.h"
#include "csv/FileClassifier.h"
#include "csv/TimestampParser.h"
#include "warehouse/IdSet.h"
#include "warehouse/ImportTypes.h"
#include "warehouse/NumberColumns.h"
#include "warehouse/SqliteStatement.h"

#include <QByteArray>
#include <QMap>
#include <QVector>

#include <limits>

struct sqlite3;

namespace cpm {

class InsertPipeline;

/** How one timestamp column of a file is read. */
struct TimestampColumn
{
    int canonical = -1;      ///< Col:: index
    DateOrder order = DateOrder::MonthFirst;
    bool mayFlip = false;    ///< order was a guess (ambiguous sample): a contradiction may flip it
    int minHour = 99;        ///< hours seen while loading, for the 12-hour-clock note
    int maxHour = -1;
};

/**
 * Turns one CSV record of a classified file into one upsert on the raw table: validates,
 * normalises (SKU, status, timestamps), masks the card number and never touches the CVV.
 * Counts what the data-quality notes need as it goes. The upsert's values go to an
 * InsertPipeline, which runs statement() on another thread.
 */
class RecordLoader
{
public:
    enum class Outcome { Loaded, Rejected, OrderContradiction, DatabaseError };

    RecordLoader(const ColumnMapping &mapping, QVector<TimestampColumn> timestampColumns, qint64 batchId);

    bool prepare(sqlite3 *db, const QString &sqlRoot, Error *error);
    /** The prepared upsert; rows go to @p pipeline as its statement @p index. */
    SqliteStatement *statement() { return &m_statement; }
    void setPipeline(InsertPipeline *pipeline, int index) { m_pipeline = pipeline; m_pipelineIndex = index; }
    /** Loads @p record (its fields already counted). Fills @p reject when it returns Rejected. */
    Outcome load(const CsvRecord &record, RejectedRow *reject);

    /** Column whose guessed date order the data contradicted (after OrderContradiction). */
    int contradictedColumn() const { return m_contradicted; }
    const QVector<TimestampColumn> &timestampColumns() const { return m_timestamps; }
    /** Distinct ids loaded so far (a repeated id is upserted again, the last one wins). */
    qint64 distinctIds() const { return m_ids.size(); }
    /** Whether some id came twice (its row was upserted again: a snapshot fed both is wrong). */
    bool idRepeated() const { return m_idRepeated; }
    /** The smallest id loaded (the largest qint64 when none was). */
    qint64 minId() const { return m_minId; }
    /** Number columns: integral floats, the amounts' decimal mark (set it before loading). */
    NumberColumns &numbers() { return m_numbers; }
    const NumberColumns &numbers() const { return m_numbers; }

    qint64 lossySkus = 0;
    qint64 vPrefixSkus = 0;
    qint64 emptySkus = 0;
    qint64 negativeAmounts = 0;
    QMap<QByteArray, qint64> unknownStatuses;

private:
    Outcome loadStore(const CsvRecord &record, RejectedRow *reject);
    Outcome loadDevice(const CsvRecord &record, RejectedRow *reject);
    Outcome loadTransaction(const CsvRecord &record, RejectedRow *reject);
    bool integerField(const CsvRecord &record, int canonical, bool required, qint64 *out, RejectedRow *reject);
    Outcome amountField(const CsvRecord &record, double *out, RejectedRow *reject);
    bool timestampField(const CsvRecord &record, TimestampColumn &column, qint64 *out, RejectedRow *reject);
    QByteArrayView text(const CsvRecord &record, int canonical) const;
    void rejectField(const CsvRecord &record, int canonical, const QString &reason, RejectedRow *reject) const;
    void beginRow(const CsvRecord &record);
    Outcome execute(qint64 id);

    ColumnMapping m_mapping;
    QVector<TimestampColumn> m_timestamps;
    qint64 m_batchId;
    SqliteStatement m_statement;
    QByteArray m_sku;
    QByteArray m_status;
    QByteArray m_card;
    int m_contradicted = -1;
    IdSet m_ids;
    NumberColumns m_numbers;
    qint64 m_minId = std::numeric_limits<qint64>::max();
    bool m_idRepeated = false;
    InsertPipeline *m_pipeline = nullptr;
    int m_pipelineIndex = 0;
};

/** Rebuilds a record as CSV text for the rejects table, card number masked and CVV dropped. */
QString maskedRecordText(const CsvRecord &record, const ColumnMapping &mapping, char delimiter);

} // namespace cpm
