// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-gui-bench's stall probe: how late a 10 ms timer on the GUI thread ticks, and for the
// worst ticks what the GUI thread did meanwhile. Header-only: the benchmark is one target.
#pragma once

#include "BenchStats.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <sys/resource.h>
#include <vector>

namespace cpm::bench {

/** What this thread has used so far: CPU time, waits, preemptions, page faults from disk. */
struct ThreadUsage
{
    double cpuMs = 0;
    long waits = 0;       ///< voluntary context switches: blocked (a lock, I/O, the event loop's own sleep)
    long preempted = 0;   ///< involuntary context switches: the scheduler ran something else
    long majorFaults = 0; ///< pages read from disk

    static ThreadUsage now()
    {
        ThreadUsage u;
        rusage r{};
        getrusage(RUSAGE_THREAD, &r);
        u.cpuMs = double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000.0
            + double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1000.0;
        u.waits = r.ru_nvcsw;
        u.preempted = r.ru_nivcsw;
        u.majorFaults = r.ru_majflt;
        return u;
    }
    ThreadUsage operator-(const ThreadUsage &o) const
    {
        return {cpuMs - o.cpuMs, waits - o.waits, preempted - o.preempted, majorFaults - o.majorFaults};
    }
};

/**
 * A 10 ms timer on the GUI thread; each tick records how much later than 10 ms after the
 * previous one it fired. Anything that blocks the event loop shows up as lateness. For the
 * worst ticks it also keeps the GUI thread's own CPU time over that interval (high: our code
 * was busy on it; low: the thread was waiting or not scheduled) and what was on screen then.
 */
class LagProbe : public QObject
{
public:
    struct Stall
    {
        double lateMs = 0;
        ThreadUsage usage;  ///< of the GUI thread during the interval
        double atMs = 0;    ///< since start()
        QString context;
    };

    explicit LagProbe(std::function<QString()> context = {}) : m_context(std::move(context))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double elapsed = double(m_since.nsecsElapsed()) / 1e6;
            const ThreadUsage usage = ThreadUsage::now();
            m_since.start();
            const double late = std::max(0.0, elapsed - kIntervalMs);
            m_late.push_back(late);
            if (late >= kReportMs)
                m_stalls.push_back({late, usage - m_usage, double(m_total.elapsed()), m_context ? m_context() : QString()});
            m_usage = usage;
        });
    }
    void start()
    {
        m_late.clear();
        m_stalls.clear();
        m_since.start();
        m_total.start();
        m_usage = ThreadUsage::now();
        m_timer.start();
    }
    /** The lateness recorded since start() or the last take(), then starts over. */
    std::vector<double> take()
    {
        std::vector<double> late;
        late.swap(m_late);
        m_since.start();
        m_usage = ThreadUsage::now();
        return late;
    }
    /** Ticks at least kReportMs late since the last takeStalls(), worst first. */
    std::vector<Stall> takeStalls()
    {
        std::vector<Stall> stalls;
        stalls.swap(m_stalls);
        std::sort(stalls.begin(), stalls.end(), [](const Stall &a, const Stall &b) { return a.lateMs > b.lateMs; });
        return stalls;
    }
    static constexpr double kReportMs = 30;

    /** "<prefix>_max_ms=... <prefix>_p99_ms=... <prefix>_median_ms=... <prefix>_ticks=..." */
    static QString describe(const QString &prefix, const std::vector<double> &late)
    {
        return QStringLiteral("%1_max_ms=%2 %1_p99_ms=%3 %1_median_ms=%4 %1_ticks=%5")
            .arg(prefix)
            .arg(percentile(late, 1.0), 0, 'f', 1)
            .arg(percentile(late, 0.99), 0, 'f', 1)
            .arg(percentile(late, 0.5), 0, 'f', 1)
            .arg(late.size());
    }

private:
    static constexpr int kIntervalMs = 10;
    std::function<QString()> m_context;
    QTimer m_timer;
    QElapsedTimer m_since;
    QElapsedTimer m_total;
    ThreadUsage m_usage;
    std::vector<double> m_late;
    std::vector<Stall> m_stalls;
};

/**
 * The worst 3 as "stall: phase=import late=80.1 gui_cpu=2.3 waits=1 preempted=4 major_faults=0
 * at_s=3.10 context='Building fct_transactions'": high gui_cpu means our code was busy on the GUI
 * thread; otherwise waits, preemptions or faults say what kept it from running.
 */
void printStalls(QTextStream &out, const QString &phase, const std::vector<LagProbe::Stall> &stalls)
{
    for (std::size_t i = 0; i < std::min<std::size_t>(3, stalls.size()); ++i) {
        const LagProbe::Stall &s = stalls[i];
        out << "stall: phase=" << phase << " late=" << QString::number(s.lateMs, 'f', 1)
            << " gui_cpu=" << QString::number(s.usage.cpuMs, 'f', 1) << " waits=" << s.usage.waits
            << " preempted=" << s.usage.preempted << " major_faults=" << s.usage.majorFaults << " at_s=" << QString::number(s.atMs / 1000.0, 'f', 2)
            << " context='" << s.context << "'\n";
    }
}

} // namespace cpm::bench
