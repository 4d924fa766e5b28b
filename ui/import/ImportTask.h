// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImportWorker.h"

#include <QObject>

class QThread;

namespace cpm {

/**
 * GUI-side handle of one background import: starts an ImportWorker on its own QThread,
 * forwards its progress, cancels it, and makes sure the thread is gone before it is.
 */
class ImportTask : public QObject
{
    Q_OBJECT

public:
    explicit ImportTask(QObject *parent = nullptr);
    /** Cancels a running import and waits for its thread (the import rolls back). */
    ~ImportTask() override;

    /** Starts importing; a run still in progress is cancelled and waited for first. */
    void start(const QString &warehousePath, const ImportOptions &options);
    /** Asks the running import to stop at its next progress report; finished() follows. */
    void cancel();
    /** Cancels and waits for the thread; no finished() follows for that run. */
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    /** The summary of the last finished run. */
    const ImportSummary &summary() const { return m_summary; }

signals:
    void progressChanged(const QString &phase, qint64 done, qint64 total);
    void finished(const cpm::ImportSummary &summary);

private:
    void onWorkerFinished(const cpm::ImportSummary &summary);

    QThread *m_thread = nullptr;
    ImportWorker::CancelFlag m_cancel;
    ImportSummary m_summary;
    quint64 m_generation = 0;
};

} // namespace cpm
