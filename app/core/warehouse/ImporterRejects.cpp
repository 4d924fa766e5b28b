// SPDX-License-Identifier: GPL-3.0-or-later
// The rejects half of Importer: each reject counted under its reason and written to the
// rejects CSV, and the rule that a file loading nothing (or too little) refuses the import.
#include "warehouse/Importer.h"

#include "warehouse/RejectCsvWriter.h"
#include "warehouse/RejectPolicy.h"

#include <QFileInfo>

namespace cpm {

bool Importer::loadFiles(QVector<PlannedFile> &files, const ImportOptions &options, qint64 batchId, bool *anyLoaded,
                         Error *error)
{
    Error refusal; // the first file refused; a dry run still checks the others, to show them all
    for (PlannedFile &file : files) {
        if (!importFile(file, options, batchId, error))
            return false;
        *anyLoaded = *anyLoaded || !file.summary.alreadyImported;
        if (!refusal.isError())
            refusal = RejectPolicy::check(file.summary, options.maxRejectShare);
        if (refusal.isError() && !options.dryRun)
            break;
    }
    if (refusal.isError())
        *error = refusal;
    return !refusal.isError();
}

bool Importer::openRejectLog(const ImportOptions &options, Error *error)
{
    m_rejectLog.reset();
    if (options.rejectsPath.isEmpty())
        return true;
    m_rejectLog = std::make_unique<RejectCsvWriter>(options.rejectsPath);
    return m_rejectLog->open(error);
}

void Importer::closeRejectLog(ImportSummary &summary)
{
    if (!m_rejectLog)
        return;
    // A refused import is exactly when the rejected rows are wanted; after any other failure
    // they would be a partial list, so none is written.
    const bool wanted = summary.succeeded() || summary.error.code == Error::Code::Rejected;
    Error error;
    if (!wanted) {
        m_rejectLog->cancel();
    } else if (!m_rejectLog->commit(&error) && summary.succeeded()) {
        if (summary.batchId != 0)
            error.message += QStringLiteral(" (the import itself was committed as batch %1)").arg(summary.batchId);
        summary.error = error;
    }
    m_rejectLog.reset();
}

void Importer::startRejects(PlannedFile &file)
{
    file.summary.rejectGroups.clear();
    if (m_rejectLog)
        m_rejectLog->beginFile(file.summary.path);
}

void Importer::noteReject(PlannedFile &file, const RejectedRow &row)
{
    file.summary.rejectGroups.add(row.line, row.column, row.columnName, row.value, row.reason);
    if (m_rejectLog)
        m_rejectLog->add(QFileInfo(file.summary.path).fileName(), row);
}

} // namespace cpm
