// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <atomic>
#include <functional>
#include <memory>

namespace cpm {

/**
 * Runs one cpm::Importer on the calling thread (ImportTask calls it on its import thread).
 * It opens its own Warehouse and SqlProject there, because an SQLite connection may only be
 * used by the thread that made it.
 */
class ImportWorker
{
public:
    /** Shared with the GUI thread, which sets it to ask for a cancel (the import then rolls back). */
    using CancelFlag = std::shared_ptr<std::atomic_bool>;
    /** @p phase names the step ("Loading transactions.csv"); done/total are in that step's unit. */
    using Progress = std::function<void(const QString &phase, qint64 done, qint64 total)>;

    /**
     * @p warehousePath is opened (and created if missing) inside run(); @p sqlRoot is the
     * transform project to load, empty for the embedded one.
     */
    ImportWorker(const QString &warehousePath, const ImportOptions &options, CancelFlag cancel,
                 const QString &sqlRoot = QString());

    /** Imports, reporting @p progress along the way; the summary says how it ended. */
    ImportSummary run(const Progress &progress);

private:
    bool cancelRequested() const { return m_cancel && m_cancel->load(); }

    QString m_warehousePath;
    ImportOptions m_options;
    CancelFlag m_cancel;
    QString m_sqlRoot;
};

} // namespace cpm
