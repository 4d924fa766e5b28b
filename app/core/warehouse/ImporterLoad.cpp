// SPDX-License-Identifier: GPL-3.0-or-later
// The per-file half of Importer: streaming a file into its raw table and recording it.
#include "warehouse/Importer.h"

#include "snapshot/SnapshotSink.h"
#include "source/RecordSource.h"
#include "transform/SqlProject.h"
#include "warehouse/InsertPipeline.h"
#include "warehouse/RecordLoader.h"
#include "warehouse/RowWriter.h"
#include "warehouse/SnapshotFeed.h"
#include "warehouse/Refresh.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlQuery>

namespace cpm {

static constexpr int kRejectSamples = 100;
static constexpr qint64 kProgressEvery = 8192;

static Error cancelledError()
{
    return Error::make(Error::Code::Cancelled, QStringLiteral("import cancelled; the warehouse is unchanged"));
}

// The data proved the guessed order wrong: use the other one and say so in the summary.
static void flipContradictedOrder(FileImportSummary &summary, QVector<TimestampColumn> &columns, int canonical)
{
    for (TimestampColumn &column : columns) {
        if (column.canonical != canonical)
            continue;
        column.order = column.order == DateOrder::MonthFirst ? DateOrder::DayFirst : DateOrder::MonthFirst;
        column.mayFlip = false;
        TimestampFormatGuess &guess = summary.timestampFormats[FileClassifier::canonicalColumns(summary.role).at(canonical)];
        guess.order = column.order;
        guess.ambiguous = false;
    }
}

// In a worksheet a rejected value is named by its cell too ("amount (E7)"), as the user sees it.
static void nameCell(const RecordSource &source, RejectedRow &reject)
{
    const QString cell = reject.column > 0 ? source.cellName(reject.column - 1, reject.line) : QString();
    if (!cell.isEmpty())
        reject.columnName = reject.columnName.isEmpty() ? cell : QStringLiteral("%1 (%2)").arg(reject.columnName, cell);
}

bool Importer::loadFile(PlannedFile &file, QVector<TimestampColumn> &columns, qint64 batchId, bool *restart, Error *error)
{
    FileImportSummary &summary = file.summary;
    summary.rowsRead = summary.rowsLoaded = summary.rowsRejected = 0;
    summary.rejectSamples.clear();
    startRejects(file);
    RecordLoader loader(summary.mapping, columns, batchId);
    loader.numbers().setAmountFormat(summary.amountFormat);
    SqliteStatement rejects;
    std::unique_ptr<RowWriter> writer;
    if (!prepareWriter(summary.role, loader, rejects, &writer, error))
        return false;
    qint64 before = 0, lastIdBefore = 0;
    if (!rowsBefore(file, &before, &lastIdBefore, error))
        return false;
    const bool transactions = summary.role == FileRole::Transactions;
    if (transactions)
        m_snapshot->beginTransactions(before, lastIdBefore);
    else
        m_snapshot->dimensionsChanged();
    m_changedSources << QStringLiteral("raw_") + roleName(summary.role);
    // From here until finish() or stop(), only the pipeline's thread uses the connection.
    SnapshotFeed feed(*m_snapshot);
    InsertPipeline pipeline(*writer);
    if (transactions)
        pipeline.setBatchHook(std::ref(feed));
    loader.setPipeline(&pipeline, 0);

    const std::unique_ptr<RecordSource> source = RecordSource::create(summary.path, summary.dialect.sheet);
    RecordSource &reader = *source;
    if (!reader.open())
        return *error = reader.error(), false;
    const QString phase = QStringLiteral("Loading %1").arg(QFileInfo(summary.path).fileName());
    bool header = true;
    const auto status = reader.read([&](const CsvRecord &record) {
        if (header)
            return !(header = false);
        ++summary.rowsRead;
        RejectedRow reject;
        switch (loader.load(record, &reject)) {
        case RecordLoader::Outcome::Loaded:
            ++summary.rowsLoaded;
            break;
        case RecordLoader::Outcome::Rejected:
            ++summary.rowsRejected;
            reject.rawText = maskedRecordText(record, summary.mapping, reader.dialect().delimiter);
            nameCell(reader, reject);
            if (summary.rejectSamples.size() < kRejectSamples)
                summary.rejectSamples << reject;
            noteReject(file, reject);
            if (!storeReject(pipeline, file, batchId, reject)) {
                *error = Error::make(Error::Code::Database, pipeline.errorMessage());
                error->line = pipeline.failedLine();
                return false;
            }
            break;
        case RecordLoader::Outcome::OrderContradiction:
            *restart = true;
            return false;
        case RecordLoader::Outcome::DatabaseError:
            *error = Error::make(Error::Code::Database, pipeline.errorMessage());
            error->line = pipeline.failedLine();
            return false;
        }
        if (m_failAfterRows >= 0 && ++m_rowsSoFar > m_failAfterRows) {
            *error = Error::make(Error::Code::Database, QStringLiteral("simulated failure (test hook)"));
            error->line = record.lineNumber();
            return false;
        }
        // The snapshot's columns sized once from the rows so far, instead of doubling.
        if (summary.rowsRead == kProgressEvery)
            feed.reserve(std::size_t(double(reader.progressTotal()) / double(reader.progressDone()) * 1.02 * double(summary.rowsRead)));
        if (summary.rowsRead % kProgressEvery == 0 && !report(phase, reader.progressDone(), reader.progressTotal()))
            return *error = cancelledError(), false;
        return true;
    });
    if (*restart || status == RecordSource::Result::Error || error->isError()) {
        pipeline.stop();
    } else if (!pipeline.finish()) {
        *error = Error::make(Error::Code::Database, pipeline.errorMessage());
        error->line = pipeline.failedLine();
    }
    summary.amountFormat = loader.numbers().amountFormat(); // a contradicted decimal mark comes back flipped
    if (transactions && loader.idRepeated())
        m_snapshot->rowRepeated(); // an upsert of a row the snapshot was already fed
    if (*restart) {
        flipContradictedOrder(summary, columns, loader.contradictedColumn());
        return true;
    }
    if (status == RecordSource::Result::Error)
        return *error = reader.error(), false;
    if (error->isError()) {
        if (error->file.isEmpty())
            error->file = summary.path;
        return false;
    }
    if (!loader.numbers().checkDecided(summary.path, error) || !mergeLoadedRows(summary.role, error))
        return false;
    report(phase, reader.progressTotal(), reader.progressTotal());
    columns = loader.timestampColumns();
    // Every id of this file now carries this batch; counting the table again (a scan) is only
    // needed when some of them may have been there before.
    const bool allNew = before == 0 || loader.minId() > lastIdBefore;
    qint64 after = before + loader.distinctIds();
    if ((!allNew && !countRows(file, &after, error)) || !rememberRows(file, batchId, after, error))
        return false;
    summary.rowsInserted = after - before;
    summary.duplicateIds = summary.rowsLoaded - loader.distinctIds();
    collectNotes(file, loader, reader.transcodedFields());
    return true;
}

bool Importer::storeReject(InsertPipeline &pipeline, const PlannedFile &file, qint64 batchId, const RejectedRow &row)
{
    pipeline.beginRow(1, row.line);
    pipeline.bindInt(1, batchId);
    pipeline.bindText(2, roleName(file.summary.role).toUtf8());
    pipeline.bindText(3, QFileInfo(file.summary.path).fileName().toUtf8());
    pipeline.bindInt(4, row.line);
    pipeline.bindInt(5, row.column);
    pipeline.bindText(6, row.columnName.toUtf8());
    pipeline.bindText(7, row.value.toUtf8());
    pipeline.bindText(8, row.reason.toUtf8());
    pipeline.bindText(9, row.rawText.toUtf8());
    return pipeline.endRow();
}

// load/<what>_raw_<role>.sql: one number about the file's raw table (count_raw_*, last_id_raw_*).
bool Importer::rawTableNumber(const PlannedFile &file, const char *what, qint64 *value, Error *error)
{
    QSqlQuery query(m_warehouse.database());
    const QString relative = QStringLiteral("load/%1_raw_%2.sql").arg(QLatin1String(what), roleName(file.summary.role));
    if (!SqlFile::exec(query, m_project.root(), relative, {}, error) || !query.next())
        return false;
    *value = query.value(0).toLongLong();
    return true;
}

bool Importer::countRows(const PlannedFile &file, qint64 *all, Error *error)
{
    return rawTableNumber(file, "count", all, error);
}

static QString rowCountKey(FileRole role)
{
    return QStringLiteral("row_count.raw_") + roleName(role);
}

// count(*) reads every page of the table (half a second at 10M rows, most of an import of a
// small extract): each import remembers the count it leaves in warehouse_info, as
// "<batch> <rows>", which the next import trusts when that batch is still the newest.
bool Importer::rowsBefore(const PlannedFile &file, qint64 *rows, qint64 *lastIdBefore, Error *error)
{
    if (!lastId(file, lastIdBefore, error))
        return false;
    const QVariant value = SqlFile::scalar(m_warehouse.database(), m_project.root(), QStringLiteral("info/get_value.sql"),
                                           {{QStringLiteral(":key"), rowCountKey(file.summary.role)}});
    const QStringList remembered = value.isValid() ? value.toString().split(QLatin1Char(' ')) : QStringList();
    bool batchOk = false, rowsOk = false;
    if (remembered.size() == 2 && remembered[0].toLongLong(&batchOk) == m_previousBatch && batchOk) {
        *rows = remembered[1].toLongLong(&rowsOk);
        if (rowsOk && *rows >= 0)
            return true;
    }
    return countRows(file, rows, error);
}

bool Importer::rememberRows(const PlannedFile &file, qint64 batchId, qint64 rows, Error *error)
{
    QSqlQuery query(m_warehouse.database());
    const QVariantMap values{{QStringLiteral(":key"), rowCountKey(file.summary.role)},
                             {QStringLiteral(":value"), QStringLiteral("%1 %2").arg(batchId).arg(rows)}};
    return SqlFile::exec(query, m_project.root(), QStringLiteral("info/set_value.sql"), values, error);
}

bool Importer::lastId(const PlannedFile &file, qint64 *id, Error *error)
{
    return rawTableNumber(file, "last_id", id, error);
}

bool Importer::recordFile(const PlannedFile &file, qint64 batchId, Error *error)
{
    const FileImportSummary &s = file.summary;
    QStringList formats;
    for (auto it = s.timestampFormats.cbegin(); it != s.timestampFormats.cend(); ++it)
        formats << it.key() + QStringLiteral(": ") + it.value().describe();
    const QString role = roleName(s.role);
    const QString name = QFileInfo(s.path).fileName();
    QSqlQuery query(m_warehouse.database());
    const QVariantMap values{
        {QStringLiteral(":batch_id"), batchId}, {QStringLiteral(":role"), role},
        {QStringLiteral(":file_name"), name}, {QStringLiteral(":file_size"), s.fileSize},
        {QStringLiteral(":sha256"), s.sha256}, {QStringLiteral(":dialect"), s.dialect.describe()},
        {QStringLiteral(":rows_read"), s.rowsRead}, {QStringLiteral(":rows_loaded"), s.rowsLoaded},
        {QStringLiteral(":rows_rejected"), s.rowsRejected}, {QStringLiteral(":timestamp_formats"), formats.join(QStringLiteral("; "))}};
    if (!SqlFile::exec(query, m_project.root(), QStringLiteral("load/insert_import_file.sql"), values, error))
        return false;
    for (const ImportNote &note : s.notes) {
        const QVariantMap noteValues{{QStringLiteral(":batch_id"), batchId}, {QStringLiteral(":role"), role},
                                     {QStringLiteral(":file_name"), name}, {QStringLiteral(":kind"), note.kind},
                                     {QStringLiteral(":row_count"), note.rows}, {QStringLiteral(":message"), note.message}};
        if (!SqlFile::exec(query, m_project.root(), QStringLiteral("load/insert_import_note.sql"), noteValues, error))
            return false;
    }
    return true;
}

bool Importer::refresh(Error *error)
{
    auto progress = [this](int done, int total, const QString &model) {
        return report(QStringLiteral("Building %1").arg(model), done, total);
    };
    // Readers of a team warehouse wait from here to the commit rather than meet dropped models.
    if (!SqlFile::scalar(m_warehouse.database(), m_project.root(), QStringLiteral("session/lock_models.sql"), {}, error).isValid())
        return false;
    return refreshModels(m_warehouse, m_project, progress, error, m_changedSources);
}

bool Importer::storeSnapshot(qint64 batchId, Error *error)
{
    if (!report(QStringLiteral("Storing the columnar snapshot"), 0, 1))
        return *error = cancelledError(), false;
    return m_snapshot->store(batchId, error);
}

bool Importer::finish(const ImportOptions &, qint64 batchId, Error *error)
{
    QSqlQuery query(m_warehouse.database());
    const QVariantMap values{{QStringLiteral(":finished_at"), QDateTime::currentDateTime().toString(Qt::ISODate)},
                             {QStringLiteral(":batch_id"), batchId}};
    if (!SqlFile::exec(query, m_project.root(), QStringLiteral("load/finish_batch.sql"), values, error))
        return false;
    if (m_warehouse.isPostgres() && !notifyReaders(batchId, error))
        return false;
    if (!m_warehouse.exec(QStringLiteral("commit")))
        return *error = m_warehouse.error(), false;
    return true;
}

} // namespace cpm
