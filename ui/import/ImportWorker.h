// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace cpm {

/**
 * Runs one cpm::Importer on the thread it was moved to. It opens its own Warehouse and
 * SqlProject there, because an SQLite connection may only be used by the thread that made it.
 */
class ImportWorker : public QObject
{
    Q_OBJECT

public:
    /** Shared with the GUI thread, which sets it to ask for a cancel (the import then rolls back). */
    using CancelFlag = std::shared_ptr<std::atomic_bool>;

    /**
     * @p warehousePath is opened (and created if missing) inside run(); @p sqlRoot is the
     * transform project to load, empty for the embedded one.
     */
    ImportWorker(const QString &warehousePath, const ImportOptions &options, CancelFlag cancel,
                 const QString &sqlRoot = QString());

public slots:
    /** Imports, emitting progressChanged() along the way and finished() exactly once at the end. */
    void run();

signals:
    /** @p phase names the step ("Loading transactions.csv"); done/total are in that step's unit. */
    void progressChanged(const QString &phase, qint64 done, qint64 total);
    void finished(const cpm::ImportSummary &summary);

private:
    bool cancelRequested() const;

    QString m_warehousePath;
    ImportOptions m_options;
    CancelFlag m_cancel;
    QString m_sqlRoot;
};

} // namespace cpm
