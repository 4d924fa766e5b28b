// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportTask.h"

#include "session/JobThread.h"

namespace cpm {

ImportTask::ImportTask(QObject *parent)
    : QObject(parent), m_jobs(new JobThread(QStringLiteral("cpm-import"), false, this))
{
}

ImportTask::~ImportTask()
{
    stop();
    m_jobs->finish();
}

void ImportTask::start(const QString &warehousePath, const ImportOptions &options)
{
    stop();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    // Results of an abandoned run may still be waiting for us; the generation tells them apart.
    const quint64 generation = ++m_generation;
    m_jobs->post([this, generation, warehousePath, options, cancel = m_cancel] {
        // On the import thread.
        ImportWorker worker(warehousePath, options, cancel);
        const ImportSummary summary = worker.run([this, generation](const QString &phase, qint64 done, qint64 total) {
            m_jobs->deliver([this, generation, phase, done, total] {
                if (generation == m_generation)
                    emit progressChanged(phase, done, total);
            });
        });
        m_jobs->deliver([this, generation, summary] {
            if (generation == m_generation)
                onWorkerFinished(summary);
        });
    });
}

void ImportTask::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportTask::onWorkerFinished(const ImportSummary &summary)
{
    m_running = false;
    m_summary = summary;
    emit finished(summary);
}

void ImportTask::stop()
{
    if (!m_running)
        return;
    cancel();
    ++m_generation; // whatever that run still delivers is now stale
    m_jobs->waitUntilIdle();
    m_running = false;
}

} // namespace cpm
