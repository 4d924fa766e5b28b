// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/MetricsService.h"

#include "session/JobThread.h"
#include "session/MetricsWorker.h"

namespace cpm {

MetricsService::MetricsService(QObject *parent)
    : QObject(parent), m_jobs(new JobThread(QStringLiteral("cpm-metrics"), false, this)),
      m_worker(std::make_unique<MetricsWorker>())
{
}

MetricsService::~MetricsService()
{
    // The worker's connection was made on the metrics thread, so it is closed there too.
    m_jobs->finish([this] { m_worker.reset(); });
}

void MetricsService::open(const QString &path)
{
    ++m_generation;
    m_pending.reset();
    m_loading = true;
    m_importedRows = 0;
    const quint64 generation = m_generation;
    m_jobs->post([this, generation, path] {
        // On the metrics thread.
        qint64 importedRows = 0;
        QString error;
        FilterDomain domain;
        if (m_worker->open(generation, path, &importedRows, &error)) {
            m_jobs->deliver([this, generation, importedRows] { onLoading(generation, importedRows); });
            m_worker->filterDomain(&domain, &error);
        }
        m_jobs->deliver([this, generation, domain, error] { onOpened(generation, domain, error); });
    });
    updateBusy();
}

void MetricsService::request(const MetricFilter &filter)
{
    // Already asked for and not answered yet: the answer on its way is the one wanted.
    const bool inFlightIsLatest = m_inFlight && m_inFlightGeneration == m_generation && m_inFlightRequest == m_latest;
    if ((m_pending && *m_pending == filter) || (!m_pending && inFlightIsLatest && m_inFlightFilter == filter))
        return;
    ++m_latest;
    m_pending = filter;
    sendPending();
    updateBusy();
}

void MetricsService::cancel()
{
    ++m_latest; // whatever is running now answers an older request
    m_pending.reset();
    updateBusy();
}

bool MetricsService::isComputing() const
{
    return m_pending.has_value()
        || (m_inFlight && m_inFlightGeneration == m_generation && m_inFlightRequest == m_latest);
}

void MetricsService::sendPending()
{
    if (m_inFlight || !m_pending)
        return;
    m_inFlight = true;
    m_inFlightGeneration = m_generation;
    m_inFlightRequest = m_latest;
    m_inFlightFilter = *m_pending;
    m_pending.reset();
    ++m_started;
    m_jobs->post([this, generation = m_inFlightGeneration, request = m_inFlightRequest, filter = m_inFlightFilter] {
        // On the metrics thread.
        MetricsSnapshot snapshot;
        QString error;
        m_worker->compute(generation, filter, &snapshot, &error);
        m_jobs->deliver([this, generation, request, snapshot = std::move(snapshot), error] {
            onComputed(generation, request, snapshot, error);
        });
    });
}

void MetricsService::onLoading(quint64 generation, qint64 importedRows)
{
    if (generation != m_generation)
        return;
    m_importedRows = importedRows;
    emit loadingRowsKnown(importedRows);
}

void MetricsService::onOpened(quint64 generation, const FilterDomain &domain, const QString &error)
{
    if (generation != m_generation)
        return; // another warehouse was opened since
    m_loading = false;
    // Listeners usually request the numbers right here, so busy never blinks off in between.
    emit domainReady(domain, error);
    updateBusy();
}

void MetricsService::onComputed(quint64 generation, quint64 request, const MetricsSnapshot &snapshot,
                                const QString &error)
{
    m_inFlight = false;
    // Stale when a newer request or another warehouse supersedes it: dropped, never shown.
    if (generation == m_generation && request == m_latest) {
        if (error.isEmpty())
            emit computed(snapshot);
        else
            emit failed(snapshot.filter, error);
    }
    sendPending(); // the newest filter asked for meanwhile, if any
    updateBusy();
}

void MetricsService::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace cpm
