// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace cpm {

/**
 * One background thread of ours that runs jobs in the order they were posted, and hands
 * results back to the thread this object lives on (the GUI thread).
 *
 * Why not a QThread with a worker QObject and queued signals: every value then crosses
 * threads inside Qt's event queue, ordered by a lock in uninstrumented libQt6Core that
 * ThreadSanitizer cannot see, so the hand-offs could not be checked. Here jobs and results
 * cross under our own std::mutex, and Qt only carries an argument-less "results are waiting"
 * call (at most one queued at a time), so TSan checks every hand-off of ours.
 */
class JobThread : public QObject
{
    Q_OBJECT

public:
    /** @p name shows in debuggers and `top -H`; @p background lowers the thread's priority. */
    explicit JobThread(const QString &name, bool background = false, QObject *parent = nullptr);
    /** Same as finish() without a last job: waits for the job under way, drops the rest. */
    ~JobThread() override;

    /** Runs @p job on the thread after the jobs posted before it. */
    void post(std::function<void()> job);
    /** Drops the jobs not started yet. */
    void dropPending();
    /** Jobs posted and not started yet. */
    std::size_t pendingJobs();
    /** Blocks until every job posted so far has run (results may still wait for delivery). */
    void waitUntilIdle();
    /**
     * Drops pending jobs, runs @p last on the thread (e.g. to close what jobs opened there),
     * and joins the thread. Results not delivered yet are dropped. Nothing may be posted after.
     */
    void finish(std::function<void()> last = {});

    /**
     * From a job: runs @p result on this object's thread, soon, in the order delivered.
     * Results still waiting when the object is destroyed are dropped, never run.
     */
    void deliver(std::function<void()> result);

private:
    Q_INVOKABLE void runDeliveries();
    void loop(const QString &name, bool background);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    bool m_jobRunning = false;
    std::deque<std::function<void()>> m_jobs;
    std::deque<std::function<void()>> m_results;
    bool m_stopping = false;
    bool m_deliveryQueued = false;
    std::thread m_thread;
};

} // namespace cpm
