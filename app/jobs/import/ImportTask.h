// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImportWorker.h"

#include <QObject>

namespace cpm {

class JobThread;

/**
 * GUI-side handle of background imports: runs an ImportWorker on its own import thread (a
 * JobThread), forwards its progress, cancels it, and makes sure no import is running when it
 * is destroyed.
 */
class ImportTask : public QObject
{
    Q_OBJECT

public:
    explicit ImportTask(QObject *parent = nullptr);
    /** Cancels a running import and waits for it (the import rolls back). */
    ~ImportTask() override;

    /** Starts importing; a run still in progress is cancelled and waited for first. */
    void start(const QString &warehousePath, const ImportOptions &options);
    /** Asks the running import to stop at its next progress report; finished() follows. */
    void cancel();
    /** Cancels and waits for the import to end; no finished() follows for that run. */
    void stop();
    bool isRunning() const { return m_running; }
    /** The summary of the last finished run. */
    const ImportSummary &summary() const { return m_summary; }

signals:
    void progressChanged(const QString &phase, qint64 done, qint64 total);
    void finished(const cpm::ImportSummary &summary);

private:
    void onWorkerFinished(const cpm::ImportSummary &summary);

    JobThread *m_jobs = nullptr;
    ImportWorker::CancelFlag m_cancel;
    ImportSummary m_summary;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace cpm
