// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/JobThread.h"

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cpm {

JobThread::JobThread(const QString &name, bool background, QObject *parent)
    : QObject(parent)
{
    m_thread = std::thread([this, name, background] { loop(name, background); });
}

JobThread::~JobThread()
{
    finish();
}

void JobThread::post(std::function<void()> job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void JobThread::dropPending()
{
    std::deque<std::function<void()>> dropped;
    const std::lock_guard lock(m_mutex);
    dropped.swap(m_jobs); // destroyed after the unlock: a job's captures may be heavy
}

std::size_t JobThread::pendingJobs()
{
    const std::lock_guard lock(m_mutex);
    return m_jobs.size();
}

void JobThread::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_jobRunning; });
}

void JobThread::finish(std::function<void()> last)
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.clear();
        if (last)
            m_jobs.push_back(std::move(last));
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    const std::lock_guard lock(m_mutex);
    m_results.clear();
}

void JobThread::deliver(std::function<void()> result)
{
    bool queueCall = false;
    {
        const std::lock_guard lock(m_mutex);
        m_results.push_back(std::move(result));
        queueCall = !m_deliveryQueued;
        m_deliveryQueued = true;
    }
    // By name, without arguments: the queued event Qt makes carries nothing of ours. Qt drops
    // it if this object is destroyed first (which happens only after the join in finish()).
    if (queueCall)
        QMetaObject::invokeMethod(this, "runDeliveries", Qt::QueuedConnection);
}

void JobThread::runDeliveries()
{
    std::deque<std::function<void()>> results;
    {
        const std::lock_guard lock(m_mutex);
        results.swap(m_results);
        m_deliveryQueued = false;
    }
    for (std::function<void()> &result : results)
        result();
}

void JobThread::loop(const QString &name, bool background)
{
#ifdef Q_OS_LINUX
    pthread_setname_np(pthread_self(), name.left(15).toUtf8().constData());
    // Background work yields the cores to the GUI and metrics threads. On Linux the nice
    // value is per thread (the thread priorities of Qt have no effect under the default scheduler).
    if (background)
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#else
    Q_UNUSED(name);
    Q_UNUSED(background);
#endif
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_jobRunning = false;
        if (m_jobs.empty())
            m_idle.notify_all();
        m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_jobs.empty())
            return; // stopping, and the last job (if any) has run
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_jobRunning = true;
        lock.unlock();
        job();
        job = nullptr; // its captures go before the lock is taken again
        lock.lock();
    }
}

} // namespace cpm
