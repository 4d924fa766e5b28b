// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportWorker.h"

#include "transform/SqlProject.h"
#include "warehouse/Importer.h"
#include "warehouse/Warehouse.h"

namespace cpm {

ImportWorker::ImportWorker(const QString &warehousePath, const ImportOptions &options, CancelFlag cancel,
                           const QString &sqlRoot)
    : m_warehousePath(warehousePath), m_options(options), m_cancel(std::move(cancel)), m_sqlRoot(sqlRoot)
{
}

ImportSummary ImportWorker::run(const Progress &progress)
{
    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
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
            progress(phase, done, total);
            return !cancelRequested();
        });
        summary = importer.run(m_options);
        warehouse.close();
    }
    return summary;
}

} // namespace cpm
