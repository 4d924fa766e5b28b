// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/Importer.h"

#include "snapshot/SnapshotSink.h"
#include "transform/SqlProject.h"
#include "warehouse/BulkLoadPragmas.h"
#include "warehouse/EarlyFlush.h"
#include "warehouse/NumberColumns.h"
#include "warehouse/RecordLoader.h"
#include "warehouse/Refresh.h"
#include "warehouse/RejectCsvWriter.h" // complete for ~Importer
#include "warehouse/Sha256.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <future>
#include <optional>

namespace cpm {

Importer::Importer(Warehouse &warehouse, const SqlProject &project) : m_warehouse(warehouse), m_project(project) {}

Importer::~Importer() = default;

bool Importer::report(const QString &phase, qint64 done, qint64 total)
{
    return !m_progress || m_progress(phase, done, total);
}

static Error cancelled()
{
    Error e = Error::make(Error::Code::Cancelled, QStringLiteral("import cancelled; the warehouse is unchanged"));
    return e;
}

void Importer::setSnapshotSink(std::unique_ptr<SnapshotSink> sink)
{
    m_snapshot = std::move(sink);
}

// Writing a large load's pages out while the models and the snapshot are built leaves the
// commit little to flush; a small one (an append of a day) would only stir the whole disk.
bool Importer::worthFlushingEarly(const QVector<PlannedFile> &files) const
{
    constexpr qint64 kLargeLoad = qint64(64) << 20;
    qint64 bytes = 0;
    for (const PlannedFile &file : files)
        bytes += file.summary.alreadyImported ? 0 : file.summary.fileSize;
    return !m_warehouse.isPostgres() && bytes >= kLargeLoad && QFileInfo::exists(m_warehouse.path());
}

ImportSummary Importer::run(const ImportOptions &options)
{
    ImportSummary summary;
    summary.dryRun = options.dryRun;
    QVector<PlannedFile> files;
    Error error;
    m_rowsSoFar = 0;
    // A team warehouse keeps no columnar snapshot: its metrics come from SQL on the server.
    if (!m_snapshot)
        m_snapshot = m_warehouse.isPostgres() ? SnapshotSink::none() : SnapshotSink::columnar(m_warehouse.handle(), m_project.root());
    m_changedSources = QStringList{QStringLiteral("import_batches")};
    if (!plan(options, &files, &error) || !openRejectLog(options, &error)) {
        summary.error = error;
        return summary;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 batchId = 0;
    std::optional<BulkLoadPragmas> pragmas;
    if (!m_warehouse.isPostgres())
        pragmas.emplace(m_warehouse);
    const bool began = m_warehouse.beginImport(); // rolls back itself when refused
    bool ok = began;
    if (!began)
        error = m_warehouse.error();
    m_previousBatch = ok ? m_warehouse.lastBatchId() : 0; // read inside the write lock
    m_snapshot->beginImport(m_previousBatch);
    ok = ok && beginBatch(options, &batchId, &error);
    bool anyLoaded = false;
    ok = ok && loadFiles(files, options, batchId, &anyLoaded, &error);
    ok = ok && (!anyLoaded || recordStoreVersions(options, batchId, &error));
    summary.loadSeconds = double(timer.restart()) / 1000.0;
    if (ok && anyLoaded && !options.dryRun && worthFlushingEarly(files))
        startEarlyFlush(m_warehouse.path());
    const bool checkNow = anyLoaded && options.dryRun && options.checkData;
    const bool refreshNow = anyLoaded && ((options.refreshModels && !options.dryRun) || checkNow);
    // A dry run never keeps a snapshot, so it does not build one either.
    const bool snapshotNow = refreshNow && !options.dryRun;
    if (ok && snapshotNow)
        m_snapshot->startPreparing(); // on other threads, while the models refresh on this one
    ok = ok && (!refreshNow || refresh(&error));
    if (ok && checkNow)
        summary.dataTests = DataTestRunner(m_warehouse.database(), m_warehouse.dialect(), m_project.root()).run(m_project.dataTests());
    summary.refreshSeconds = double(timer.restart()) / 1000.0;
    ok = ok && (!snapshotNow || storeSnapshot(batchId, &error));
    summary.snapshotSeconds = double(timer.elapsed()) / 1000.0;
    // Nothing new (every file seen before) or a dry run: roll back so nothing changes at all.
    const bool keep = ok && anyLoaded && !options.dryRun;
    ok = ok && (keep ? finish(options, batchId, &error) : m_warehouse.exec(QStringLiteral("rollback")));
    if (!ok) {
        if (began)
            m_warehouse.exec(QStringLiteral("rollback"));
        summary.error = error;
    }
    summary.batchId = keep && ok ? batchId : 0;
    summary.snapshotFromLoadedRows = snapshotNow && m_snapshot->storedFromRows() && summary.batchId != 0;
    m_snapshot->endImport();
    for (const PlannedFile &file : files)
        summary.files << file.summary;
    closeRejectLog(summary);
    return summary;
}

bool Importer::plan(const ImportOptions &options, QVector<PlannedFile> *files, Error *error)
{
    if (options.files.isEmpty() || options.files.size() > 3) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("give one to three extract files"));
        error->expected = QStringLiteral("stores, devices and/or transactions CSV files or .xlsx workbooks");
        return false;
    }
    QVector<PlannedFile> planned(3);
    QVector<bool> taken(3, false);
    QVector<QPair<ImportSource, FileInspection>> sources;
    QHash<QString, std::shared_future<FileHash>> hashes;
    for (const ImportSource &source : options.files) {
        if (!report(QStringLiteral("Checking %1").arg(QFileInfo(source.path).fileName()), 0, 1))
            return *error = cancelled(), false;
        // A workbook holds one source per sheet: each is planned like a file of its own.
        for (const FileInspection &inspection : FileInspector::inspectAll(source.path, source.forcedRole, source.sheet))
            sources.append({source, inspection});
    }
    for (const auto &[source, inspection] : sources) {
        PlannedFile file;
        file.inspection = inspection;
        if (!file.inspection.ok())
            return *error = file.inspection.error, false;
        const int slot = int(file.inspection.role());
        if (taken[slot]) {
            *error = Error::make(Error::Code::Usage, QStringLiteral("two files are %1 extracts").arg(roleName(file.inspection.role())));
            error->file = source.path;
            error->expected = QStringLiteral("at most one file per extract kind");
            return false;
        }
        taken[slot] = true;
        file.summary.path = source.path;
        file.summary.role = file.inspection.role();
        file.summary.dialect = file.inspection.dialect;
        file.summary.fileSize = file.inspection.fileSize;
        file.summary.mapping = file.inspection.mapping;
        file.summary.timestampFormats = file.inspection.timestampFormats;
        file.summary.amountFormat = startingDecimalMark(file.inspection.amountFormat, file.inspection.role(), options);
        // The sheets of one workbook share its bytes, so they share one hash too.
        if (!hashes.contains(source.path))
            hashes.insert(source.path, std::async(std::launch::async, &Importer::hashFile, source.path).share());
        file.hash = hashes.value(source.path);
        planned[slot] = file;
    }
    // Stores first, then devices, then transactions: the order a reader of the data expects.
    for (int slot = 0; slot < 3; ++slot) {
        if (taken[slot])
            *files << planned[slot];
    }
    return true;
}

Importer::FileHash Importer::hashFile(const QString &path)
{
    FileHash result;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        result.error = Error::make(Error::Code::FileOpen, in.errorString());
        result.error.file = path;
        return result;
    }
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (qint64 n; (n = in.read(buffer.data(), buffer.size())) > 0;)
        hash.add(buffer.constData(), n);
    result.sha256 = QString::fromLatin1(hash.hex());
    return result;
}

bool Importer::awaitHash(PlannedFile &file, Error *error)
{
    const FileHash &hash = file.hash.get();
    if (hash.error.isError())
        return *error = hash.error, false;
    file.summary.sha256 = hash.sha256;
    return true;
}

bool Importer::beginBatch(const ImportOptions &options, qint64 *batchId, Error *error)
{
    QSqlQuery query(m_warehouse.database());
    const QVariantMap values{{QStringLiteral(":started_at"), QDateTime::currentDateTime().toString(Qt::ISODate)},
                             {QStringLiteral(":source"), options.source}};
    if (!SqlFile::exec(query, m_project.root(), QStringLiteral("load/insert_batch.sql"), values, error))
        return false;
    *batchId = query.next() ? query.value(0).toLongLong() : 0; // "returning batch_id"
    if (*batchId <= 0)
        *error = Error::make(Error::Code::Database, QStringLiteral("the new import batch got no id"));
    return *batchId > 0;
}

bool Importer::checkAlreadyImported(PlannedFile &file, Error *error)
{
    QSqlQuery query(m_warehouse.database());
    const QVariantMap values{{QStringLiteral(":sha256"), file.summary.sha256},
                             {QStringLiteral(":role"), roleName(file.summary.role)}};
    if (!SqlFile::exec(query, m_project.root(), QStringLiteral("load/find_imported_file.sql"), values, error))
        return false;
    if (query.next()) {
        file.summary.alreadyImported = true;
        file.summary.previousBatch = query.value(0).toLongLong();
    }
    return true;
}

static QVector<TimestampColumn> timestampColumnsFor(const FileInspection &inspection, const ImportOptions &options)
{
    QVector<TimestampColumn> columns;
    const QStringList names = FileClassifier::canonicalColumns(inspection.role());
    for (int canonical : FileInspector::timestampColumns(inspection.role())) {
        TimestampColumn column;
        column.canonical = canonical;
        const QString name = names.at(canonical);
        const TimestampFormatGuess guess = inspection.timestampFormats.value(name);
        const QString key = roleName(inspection.role()) + QLatin1Char('.') + name;
        if (options.columnDateOrders.contains(key)) {
            column.order = options.columnDateOrders.value(key);
        } else if (options.dateOrder != DateOrder::Unknown) {
            column.order = options.dateOrder;
        } else {
            column.order = guess.order == DateOrder::Unknown ? DateOrder::MonthFirst : guess.order;
            column.mayFlip = guess.ambiguous || guess.order == DateOrder::Unknown;
        }
        columns << column;
    }
    return columns;
}

bool Importer::importFile(PlannedFile &file, const ImportOptions &options, qint64 batchId, Error *error)
{
    // Hashing a large file costs about as much as parsing it, so it runs alongside the load.
    // Only when an earlier file of the same role and size exists can this be a re-import;
    // then the hash is awaited first so that identical bytes are never parsed at all.
    bool maybe = false;
    if (!maybeImported(file, &maybe, error))
        return false;
    if (maybe && (!awaitHash(file, error) || !checkAlreadyImported(file, error)))
        return false;
    if (file.summary.alreadyImported)
        return true;
    QVector<TimestampColumn> columns = timestampColumnsFor(file.inspection, options);
    // A guessed date order that the data later contradicts (a day > 12 deep in the file)
    // is corrected by reloading the file with the other order, inside a savepoint; so is a
    // guessed decimal mark (one more attempt).
    for (int attempt = 0; attempt <= columns.size() + 1; ++attempt) {
        bool restart = false;
        if (!m_warehouse.exec(QStringLiteral("savepoint import_file")))
            return *error = m_warehouse.error(), false;
        const bool ok = loadOnce(file, columns, batchId, &restart, error);
        if (ok && !restart)
            return m_warehouse.exec(QStringLiteral("release import_file")) && recordFile(file, batchId, error);
        m_warehouse.exec(QStringLiteral("rollback to import_file"));
        m_warehouse.exec(QStringLiteral("release import_file"));
        if (!ok)
            return false;
    }
    *error = Error::make(Error::Code::Value, QStringLiteral("the dates fit neither month-first nor day-first order"));
    error->file = file.summary.path;
    return false;
}

bool Importer::loadOnce(PlannedFile &file, QVector<TimestampColumn> &columns, qint64 batchId, bool *restart, Error *error)
{
    return loadFile(file, columns, batchId, restart, error) && (*restart || awaitHash(file, error));
}

bool Importer::maybeImported(const PlannedFile &file, bool *maybe, Error *error)
{
    QSqlQuery query(m_warehouse.database());
    const QVariantMap values{{QStringLiteral(":role"), roleName(file.summary.role)},
                             {QStringLiteral(":size"), file.summary.fileSize}};
    if (!SqlFile::exec(query, m_project.root(), QStringLiteral("load/find_same_size_file.sql"), values, error))
        return false;
    *maybe = query.next();
    return true;
}

} // namespace cpm
