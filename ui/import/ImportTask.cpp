// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportTask.h"

#include <QThread>

namespace cpm {

ImportTask::ImportTask(QObject *parent) : QObject(parent) {}

ImportTask::~ImportTask()
{
    stop();
}

void ImportTask::start(const QString &warehousePath, const ImportOptions &options)
{
    stop();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_thread = new QThread(this);
    auto *worker = new ImportWorker(warehousePath, options, m_cancel);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, worker, &ImportWorker::run);
    // The documented way to free a worker: its thread deletes it once the event loop ends.
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    // Signals of an abandoned run may still be queued for us; the generation tells them apart.
    const quint64 generation = ++m_generation;
    connect(worker, &ImportWorker::progressChanged, this,
            [this, generation](const QString &phase, qint64 done, qint64 total) {
                if (generation == m_generation)
                    emit progressChanged(phase, done, total);
            });
    connect(worker, &ImportWorker::finished, this, [this, generation](const ImportSummary &summary) {
        if (generation == m_generation)
            onWorkerFinished(summary);
    });
    m_thread->start();
}

void ImportTask::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_thread)
        m_thread->requestInterruption();
}

void ImportTask::onWorkerFinished(const ImportSummary &summary)
{
    // run() has returned, so quitting the loop and joining takes no noticeable time.
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_summary = summary;
    emit finished(summary);
}

void ImportTask::stop()
{
    if (!m_thread)
        return;
    cancel();
    ++m_generation; // whatever that run still sends is now stale
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace cpm
