// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <atomic>
#include <functional>
#include <memory>

namespace cpm {

/**
 * The import job: runs one cpm::Importer on the calling thread, for every path that imports —
 * the wizard (ImportTask calls it on its import thread), `cpm-cli import` and the first-run
 * demo data (synchronously). It opens its own Warehouse and SqlProject there, because an
 * SQLite connection may only be used by the thread that made it.
 */
class ImportWorker
{
public:
    /** Shared with the GUI thread, which sets it to ask for a cancel (the import then rolls back). */
    using CancelFlag = std::shared_ptr<std::atomic_bool>;
    /** @p phase names the step ("Loading transactions.csv"); done/total are in that step's unit. */
    using Progress = std::function<void(const QString &phase, qint64 done, qint64 total)>;

    /**
     * The options every caller starts from (files are added by the caller): a dry run also
     * rebuilds the models and runs the data tests inside its transaction, so a check shows
     * what the import would change in data quality; a real import refreshes the models.
     * @p source is recorded with the batch ("cli", "wizard", "demo").
     */
    static ImportOptions options(bool dryRun, const QString &source);
    /** What is wrong with @p options before anything is opened (Error::Code::Usage), or no error. */
    static Error validate(const ImportOptions &options);

    /**
     * @p warehousePath is opened (and created if missing) inside run(); @p sqlRoot is the
     * transform project to load, empty for the embedded one.
     */
    ImportWorker(const QString &warehousePath, const ImportOptions &options, CancelFlag cancel = nullptr,
                 const QString &sqlRoot = QString());

    /** Validates and imports, reporting @p progress (if any) along the way; the summary says how it ended. */
    ImportSummary run(const Progress &progress = {});

private:
    bool cancelRequested() const { return m_cancel && m_cancel->load(); }

    QString m_warehousePath;
    ImportOptions m_options;
    CancelFlag m_cancel;
    QString m_sqlRoot;
};

} // namespace cpm
