// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsEngine.h"

#include <QObject>

#include <memory>
#include <optional>

namespace cpm {

class JobThread;
class MetricsWorker;

/**
 * GUI-side handle of the metrics thread (a JobThread running a MetricsWorker). Requests go
 * there as jobs and results come back through the JobThread's mailbox; everything here runs
 * on the GUI thread and never waits for the worker.
 *
 * - Coalescing: at most one computation is handed to the worker at a time. Requests made
 *   meanwhile replace each other, so only the latest filter is computed next.
 * - Staleness: every request gets a number and every open a generation; a result is
 *   delivered only if it answers the latest request of the current generation, so an older
 *   result is never shown over a newer one.
 * - Invalidation: open() (another file, or the same one after an import) starts a new
 *   generation, dropping whatever was pending or running.
 */
class MetricsService : public QObject
{
    Q_OBJECT

public:
    explicit MetricsService(QObject *parent = nullptr);
    /** Waits for the computation under way (the worker cannot be interrupted mid-scan). */
    ~MetricsService() override;

    /** Forgets pending work and has the worker (re)open @p path; domainReady() follows. */
    void open(const QString &path);
    /** Computes @p filter once the worker is free; computed() or failed() follows unless superseded. */
    void request(const MetricFilter &filter);
    /** Drops pending work: nothing asked so far will be delivered. */
    void cancel();

    /** Between open() and domainReady() (the first load of the snapshot). */
    bool isLoading() const { return m_loading; }
    /** A requested result has not been delivered yet. */
    bool isComputing() const;
    bool isBusy() const { return isLoading() || isComputing(); }
    /** While loading: the transaction rows imported (see MetricsWorker::open()); 0 when unknown. */
    qint64 importedRows() const { return m_importedRows; }
    /** How many computations were handed to the worker so far (tests check the coalescing). */
    quint64 computationsStarted() const { return m_started; }

signals:
    /** importedRows() is known (the snapshot is about to load). */
    void loadingRowsKnown(qint64 importedRows);
    /** The warehouse of the latest open(): its filter choices, or @p error. */
    void domainReady(const cpm::FilterDomain &domain, const QString &error);
    void computed(const cpm::MetricsSnapshot &snapshot);
    void failed(const cpm::MetricFilter &filter, const QString &error);
    void busyChanged(bool busy);

private:
    void sendPending();
    void onLoading(quint64 generation, qint64 importedRows);
    void onOpened(quint64 generation, const cpm::FilterDomain &domain, const QString &error);
    void onComputed(quint64 generation, quint64 request, const cpm::MetricsSnapshot &snapshot, const QString &error);
    void updateBusy();

    JobThread *m_jobs = nullptr;
    /** Used, and destroyed, on the metrics thread only (inside m_jobs' jobs). */
    std::unique_ptr<MetricsWorker> m_worker;
    quint64 m_generation = 0;
    quint64 m_latest = 0;                  ///< number of the newest request
    std::optional<MetricFilter> m_pending; ///< the newest request, not handed over yet
    bool m_inFlight = false;               ///< the worker is computing (a possibly stale request)
    quint64 m_inFlightGeneration = 0;
    quint64 m_inFlightRequest = 0;
    MetricFilter m_inFlightFilter;
    bool m_loading = false;
    qint64 m_importedRows = 0;
    bool m_busy = false;
    quint64 m_started = 0;
};

} // namespace cpm
