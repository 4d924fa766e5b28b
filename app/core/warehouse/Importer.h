// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/FileInspector.h"
#include "warehouse/ImportTypes.h"

#include <future>
#include <memory>

namespace cpm {

class RecordLoader;
class RejectCsvWriter;
class SnapshotSink;
class SqlProject;
class InsertPipeline;
class Warehouse;

/**
 * Imports one to three extracts atomically: everything (raw upserts, rejects, notes,
 * batch records and the model refresh) happens in one transaction that commits whole or
 * is rolled back, leaving the warehouse exactly as it was. Re-importing identical bytes
 * changes nothing. Runs on the thread that opened the warehouse.
 */
class Importer
{
public:
    Importer(Warehouse &warehouse, const SqlProject &project);
    ~Importer();

    void setProgress(ImportProgress progress) { m_progress = std::move(progress); }
    /** Imports; the summary carries the error, if any (the warehouse is then unchanged). */
    ImportSummary run(const ImportOptions &options);

    /**
     * Where the import feeds its transactions and stores the metrics snapshot (default: the
     * warehouse's columnar snapshot, made on the first run).
     */
    void setSnapshotSink(std::unique_ptr<SnapshotSink> sink);

    /** Test hook: fail as if the disk broke after this many loaded rows (-1: never). */
    void setFailAfterRows(qint64 rows) { m_failAfterRows = rows; }

private:
    /** SHA-256 of a file (hex), or the error reading it. */
    struct FileHash
    {
        QString sha256;
        Error error;
    };

    struct PlannedFile
    {
        FileInspection inspection;
        FileImportSummary summary;
        /** Hashed on a helper thread while the file is parsed and loaded (the second core). */
        std::shared_future<FileHash> hash;
    };

    bool worthFlushingEarly(const QVector<PlannedFile> &files) const;
    bool plan(const ImportOptions &options, QVector<PlannedFile> *files, Error *error);
    static FileHash hashFile(const QString &path);
    bool awaitHash(PlannedFile &file, Error *error);
    bool maybeImported(const PlannedFile &file, bool *maybe, Error *error);
    bool checkAlreadyImported(PlannedFile &file, Error *error);
    bool loadOnce(PlannedFile &file, QVector<struct TimestampColumn> &columns, qint64 batchId, bool *restart,
                  Error *error);
    bool beginBatch(const ImportOptions &options, qint64 *batchId, Error *error);
    // Rejects (ImporterRejects.cpp): counted per reason, written to options.rejectsPath, and a
    // file that loads nothing or too little refuses the import.
    bool loadFiles(QVector<PlannedFile> &files, const ImportOptions &options, qint64 batchId, bool *anyLoaded, Error *error);
    bool openRejectLog(const ImportOptions &options, Error *error);
    void closeRejectLog(ImportSummary &summary);
    void startRejects(PlannedFile &file);
    void noteReject(PlannedFile &file, const RejectedRow &row);
    bool importFile(PlannedFile &file, const ImportOptions &options, qint64 batchId, Error *error);
    bool loadFile(PlannedFile &file, QVector<struct TimestampColumn> &columns, qint64 batchId,
                  bool *restart, Error *error);
    // The bulk path per engine (ImporterWriters.cpp): prepared SQLite statements, or a
    // PostgreSQL COPY into a load table that mergeLoadedRows() upserts into the raw table.
    bool prepareWriter(FileRole role, RecordLoader &loader, class SqliteStatement &rejects,
                       std::unique_ptr<class RowWriter> *writer, Error *error);
    bool mergeLoadedRows(FileRole role, Error *error);
    bool notifyReaders(qint64 batchId, Error *error);
    bool storeReject(InsertPipeline &pipeline, const PlannedFile &file, qint64 batchId, const RejectedRow &row);
    bool rawTableNumber(const PlannedFile &file, const char *what, qint64 *value, Error *error);
    bool countRows(const PlannedFile &file, qint64 *all, Error *error);
    bool rowsBefore(const PlannedFile &file, qint64 *rows, qint64 *lastIdBefore, Error *error);
    bool rememberRows(const PlannedFile &file, qint64 batchId, qint64 rows, Error *error);
    bool lastId(const PlannedFile &file, qint64 *id, Error *error);
    void collectNotes(PlannedFile &file, const RecordLoader &loader, qint64 transcoded);
    bool recordFile(const PlannedFile &file, qint64 batchId, Error *error);
    // Store history (ImporterHistory.cpp): versions of the stores this batch changed.
    bool recordStoreVersions(const ImportOptions &options, qint64 batchId, Error *error);
    bool refresh(Error *error);
    bool storeSnapshot(qint64 batchId, Error *error);
    bool finish(const ImportOptions &options, qint64 batchId, Error *error);
    bool report(const QString &phase, qint64 done, qint64 total);

    Warehouse &m_warehouse;
    const SqlProject &m_project;
    ImportProgress m_progress;
    qint64 m_failAfterRows = -1;
    qint64 m_rowsSoFar = 0;
    /** Fed the transactions as loaded; builds and stores the snapshot. */
    std::unique_ptr<SnapshotSink> m_snapshot;
    qint64 m_previousBatch = 0;      ///< the newest batch before this import
    QStringList m_changedSources;    ///< raw tables this import writes (models reading only others are kept)
    std::unique_ptr<RejectCsvWriter> m_rejectLog; ///< every rejected row, when options.rejectsPath is set
};

} // namespace cpm
