// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportWorker.h"

#include "transform/SqlProject.h"
#include "warehouse/Importer.h"
#include "warehouse/Warehouse.h"

namespace cpm {

namespace {
constexpr int kMaxFiles = 3; // one per extract kind
} // namespace

ImportOptions ImportWorker::options(bool dryRun, const QString &source)
{
    ImportOptions options;
    options.dryRun = dryRun;
    options.checkData = dryRun;
    options.refreshModels = !dryRun;
    options.source = source;
    return options;
}

Error ImportWorker::validate(const ImportOptions &options)
{
    const qsizetype count = options.files.size();
    if (count >= 1 && count <= kMaxFiles)
        return Error();
    Error error = Error::make(Error::Code::Usage, count == 0 ? QStringLiteral("no file given (expected 1 to 3 CSV extracts)")
                                                             : QStringLiteral("%1 files given (expected 1 to 3 CSV extracts)").arg(count));
    error.expected = QStringLiteral("stores, devices and/or transactions CSV files");
    return error;
}

ImportWorker::ImportWorker(const QString &warehousePath, const ImportOptions &options, CancelFlag cancel,
                           const QString &sqlRoot)
    : m_warehousePath(warehousePath), m_options(options), m_cancel(std::move(cancel)), m_sqlRoot(sqlRoot)
{
}

ImportSummary ImportWorker::run(const Progress &progress)
{
    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
    summary.error = validate(m_options);
    if (summary.error.isError())
        return summary;
    // Both live only inside this function, so the connection is closed on this thread.
    SqlProject project;
    Warehouse warehouse;
    const bool loaded = m_sqlRoot.isEmpty() ? project.load() : project.load(m_sqlRoot);
    if (!loaded) {
        summary.error = project.error();
    } else if (!warehouse.open(m_warehousePath, project)) {
        summary.error = warehouse.error();
    } else {
        Importer importer(warehouse, project);
        importer.setProgress([this, &progress](const QString &phase, qint64 done, qint64 total) {
            if (progress)
                progress(phase, done, total);
            return !cancelRequested();
        });
        summary = importer.run(m_options);
        warehouse.close();
    }
    return summary;
}

} // namespace cpm
