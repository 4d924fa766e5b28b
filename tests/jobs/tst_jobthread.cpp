// SPDX-License-Identifier: GPL-3.0-or-later
// JobThread: the background thread the metrics, checks and import services run on. Jobs run
// in order on one thread that is not the owner's; results come back on the owner's thread
// (here the test's, with a QCoreApplication only), in order; finishing drops what has not
// started and runs the last job on the thread. "Nothing happened" is asserted after events
// posted before a marker have all been handled, never after a fixed sleep.
#include "session/JobThread.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace cpm;

namespace {

/** A gate jobs wait at until the test opens it. */
class Gate
{
public:
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_open; });
    }
    void open()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

/**
 * Runs the event loop until a call queued now has run: every event posted to this thread
 * before it (a JobThread's delivery among them) has been handled by then.
 */
bool drainPostedEvents()
{
    bool reached = false;
    QMetaObject::invokeMethod(QCoreApplication::instance(), [&reached] { reached = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&reached] { return reached; }, 30000);
}

} // namespace

class TestJobThread : public QObject
{
    Q_OBJECT

private slots:
    void jobsRunInOrderOffTheGuiThreadAndResultsComeBackOnIt()
    {
        JobThread jobs(QStringLiteral("test-jobs"));
        const std::thread::id gui = std::this_thread::get_id();
        std::vector<int> delivered;
        std::vector<bool> deliveredOnGui;
        for (int i = 0; i < 50; ++i) {
            jobs.post([&jobs, &delivered, &deliveredOnGui, gui, i] {
                const bool offGui = std::this_thread::get_id() != gui;
                jobs.deliver([&delivered, &deliveredOnGui, gui, i, offGui] {
                    delivered.push_back(offGui ? i : -1);
                    deliveredOnGui.push_back(std::this_thread::get_id() == gui);
                });
            });
        }
        QTRY_COMPARE(int(delivered.size()), 50);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(delivered[std::size_t(i)], i);
            QVERIFY(deliveredOnGui[std::size_t(i)]);
        }
    }

    void resultsWaitForTheEventLoop()
    {
        JobThread jobs(QStringLiteral("test-jobs"));
        int delivered = 0;
        jobs.post([&jobs, &delivered] { jobs.deliver([&delivered] { ++delivered; }); });
        jobs.waitUntilIdle();
        QCOMPARE(delivered, 0); // posted, but only the GUI thread's event loop runs it
        QTRY_COMPARE(delivered, 1);
    }

    void waitUntilIdleWaitsForTheJobUnderWay()
    {
        JobThread jobs(QStringLiteral("test-jobs"));
        std::atomic<int> done{0};
        Gate gate;
        jobs.post([&gate, &done] {
            gate.wait();
            ++done;
        });
        jobs.post([&done] { ++done; });
        std::thread opener([&gate] { gate.open(); });
        jobs.waitUntilIdle();
        QCOMPARE(done.load(), 2);
        opener.join();
    }

    void finishDropsPendingJobsAndRunsTheLastOnTheThread()
    {
        auto jobs = std::make_unique<JobThread>(QStringLiteral("test-jobs"));
        Gate gate;
        std::atomic<int> ran{0};
        std::thread::id lastOn;
        int delivered = 0;
        Gate started;
        jobs->post([&started, &gate, &ran] {
            started.open();
            gate.wait();
            ++ran;
        });
        for (int i = 0; i < 5; ++i)
            jobs->post([&ran] { ran += 100; }); // never started: dropped
        jobs->post([&jobs, &delivered] { jobs->deliver([&delivered] { ++delivered; }); });
        started.wait();
        // Opens the gate once finish() has replaced the pending jobs by its last one.
        std::thread opener([&gate, &jobs] {
            while (jobs->pendingJobs() > 1)
                std::this_thread::yield();
            gate.open();
        });
        jobs->finish([&lastOn] { lastOn = std::this_thread::get_id(); });
        opener.join();
        QCOMPARE(ran.load(), 1);
        QVERIFY(lastOn != std::thread::id());
        QVERIFY(lastOn != std::this_thread::get_id());
        jobs->post([&ran] { ++ran; }); // after finish: ignored
        jobs.reset();                  // the thread was joined in finish(): nothing runs any more
        QVERIFY(drainPostedEvents());
        QCOMPARE(ran.load(), 1);
        QCOMPARE(delivered, 0);
    }

    void undeliveredResultsAreDroppedWithTheObject()
    {
        int delivered = 0;
        {
            JobThread jobs(QStringLiteral("test-jobs"));
            jobs.post([&jobs, &delivered] { jobs.deliver([&delivered] { ++delivered; }); });
            jobs.waitUntilIdle();
        }
        QVERIFY(drainPostedEvents());
        QCOMPARE(delivered, 0);
    }

    void dropPendingKeepsTheJobUnderWay()
    {
        JobThread jobs(QStringLiteral("test-jobs"));
        Gate started, gate;
        std::atomic<int> ran{0};
        jobs.post([&started, &gate, &ran] {
            started.open();
            gate.wait();
            ran += 1;
        });
        jobs.post([&ran] { ran += 10; });
        started.wait();
        jobs.dropPending();
        jobs.post([&ran] { ran += 100; });
        gate.open();
        jobs.waitUntilIdle();
        QCOMPARE(ran.load(), 101);
    }
};

QTEST_GUILESS_MAIN(TestJobThread)
#include "tst_jobthread.moc"
