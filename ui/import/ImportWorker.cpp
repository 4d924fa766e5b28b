// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportWorker.h"

#include "transform/SqlProject.h"
#include "warehouse/Importer.h"
#include "warehouse/Warehouse.h"

#include <QThread>

namespace cpm {

ImportWorker::ImportWorker(const QString &warehousePath, const ImportOptions &options, CancelFlag cancel,
                           const QString &sqlRoot)
    : m_warehousePath(warehousePath), m_options(options), m_cancel(std::move(cancel)), m_sqlRoot(sqlRoot)
{
    // Queued delivery of the summary across threads needs the type known to the meta-type system.
    qRegisterMetaType<cpm::ImportSummary>("cpm::ImportSummary");
}

bool ImportWorker::cancelRequested() const
{
    return (m_cancel && m_cancel->load()) || QThread::currentThread()->isInterruptionRequested();
}

void ImportWorker::run()
{
    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
    {
        // Both live only inside this scope, so the connection is closed on this thread.
        SqlProject project;
        Warehouse warehouse;
        const bool loaded = m_sqlRoot.isEmpty() ? project.load() : project.load(m_sqlRoot);
        if (!loaded) {
            summary.error = project.error();
        } else if (!warehouse.open(m_warehousePath, project)) {
            summary.error = warehouse.error();
        } else {
            Importer importer(warehouse, project);
            importer.setProgress([this](const QString &phase, qint64 done, qint64 total) {
                emit progressChanged(phase, done, total);
                return !cancelRequested();
            });
            summary = importer.run(m_options);
            warehouse.close();
        }
    }
    emit finished(summary);
}

} // namespace cpm
