// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "csv/CsvReader.h"
#include "csv/DecimalMark.h"
#include "csv/FileClassifier.h"
#include "csv/TimestampDetector.h"
#include "transform/DataTestRunner.h"
#include "warehouse/RejectSummary.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QVector>

#include <functional>

namespace cpm {

/** One file handed to an import, optionally with its role forced. */
struct ImportSource
{
    ImportSource() = default;
    ImportSource(const QString &file, FileRole role = FileRole::Unknown, const QString &worksheet = QString())
        : path(file), forcedRole(role), sheet(worksheet)
    {
    }

    QString path;
    FileRole forcedRole = FileRole::Unknown;
    /** For a workbook: the one worksheet to read (empty: every sheet that holds cells). */
    QString sheet;
};

/** Everything an import needs to know, built by the CLI or the wizard. */
struct ImportOptions
{
    QVector<ImportSource> files;
    /** Date order forced for every timestamp column (Unknown: detect from the data). */
    DateOrder dateOrder = DateOrder::Unknown;
    /** Per column overrides, keyed "role.column" (e.g. "transactions.created_at"). */
    QHash<QString, DateOrder> columnDateOrders;
    /** Decimal mark of the amounts of every file (Auto: detected per column from the values). */
    DecimalMark decimalMark = DecimalMark::Auto;
    /** Per file overrides, keyed by role name ("transactions"): the wizard's answer to an ambiguity. */
    QHash<QString, DecimalMark> fileDecimalMarks;
    /** Validate only: load into a transaction, count, then roll back. */
    bool dryRun = false;
    /** Rebuild the transform models after loading (always, except for a dry run). */
    bool refreshModels = true;
    /**
     * Dry run only: also rebuild the models and run the data tests inside the transaction
     * (orphans, transactions before their store existed, ...) before rolling back, so a
     * check shows what the import would change in data quality.
     */
    bool checkData = false;
    /**
     * A file is refused, and the import with it, when more than this share (0..1) of its data
     * rows is rejected; also, whatever the share, when it has no data rows or loads none.
     */
    double maxRejectShare = 0.5;
    /** When set, every rejected row is written there as CSV (also for a refused import or a dry run). */
    QString rejectsPath;
    QString source = QStringLiteral("cli");
    /**
     * The moment the extract describes, on the data's clock (read as naive local time, like
     * the extracts' timestamps): store versions changed by this import start there.
     * Invalid: the import's start.
     */
    QDateTime extractTime;
};

/** A data-quality note about one file: a kind, a row count and a sentence. */
struct ImportNote
{
    QString kind;     ///< lossy_sku, v_prefix_sku, unknown_status, clock_12h, ambiguous_date, ...
    qint64 rows = 0;
    QString message;
};

/** One rejected row, as shown to the user and stored in the rejects table. */
struct RejectedRow
{
    qint64 line = 0;
    int column = 0;       ///< 1-based field number, 0 for the whole row
    QString columnName;
    QString value;
    QString reason;       ///< what was wrong and what was expected
    QString rawText;      ///< the record, card data masked
};

/** What an import did (or, for a dry run, would do) with one file. */
struct FileImportSummary
{
    QString path;
    FileRole role = FileRole::Unknown;
    CsvDialect dialect;
    QString sha256;
    qint64 fileSize = 0;
    qint64 rowsRead = 0;      ///< data records (header excluded)
    qint64 rowsLoaded = 0;    ///< rows written (inserted or updated)
    qint64 rowsInserted = 0;  ///< ids new to the warehouse
    qint64 rowsRejected = 0;
    qint64 duplicateIds = 0;  ///< ids repeated inside this file (the last one wins)
    bool alreadyImported = false; ///< same bytes imported before: skipped, nothing changed
    qint64 previousBatch = 0;
    QMap<QString, TimestampFormatGuess> timestampFormats; ///< column -> detected format
    DecimalMarkGuess amountFormat; ///< the amount column's decimal mark, as finally read
    QVector<ImportNote> notes;
    QVector<RejectedRow> rejectSamples; ///< the first rejects (all are in the rejects table)
    RejectSummary rejectGroups; ///< every reject, counted once per reason
    ColumnMapping mapping;
};

/** What a whole import did. */
struct ImportSummary
{
    qint64 batchId = 0;
    bool dryRun = false;
    QVector<FileImportSummary> files;
    double loadSeconds = 0;
    double refreshSeconds = 0;
    QVector<DataTestResult> dataTests; ///< filled by a dry run with checkData: tests as they would stand
    double snapshotSeconds = 0; ///< building and storing the persisted columnar snapshot
    bool snapshotFromLoadedRows = false; ///< built from the rows as loaded (else re-read from the models)
    Error error;
    bool succeeded() const { return !error.isError(); }
};

/** Progress: (phase, done, total); return false to cancel. Called from the importing thread. */
using ImportProgress = std::function<bool(const QString &phase, qint64 done, qint64 total)>;

} // namespace cpm
