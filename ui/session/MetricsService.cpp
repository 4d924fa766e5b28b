// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/MetricsService.h"

#include "session/MetricsWorker.h"

#include <QThread>

namespace cpm {

MetricsService::MetricsService(QObject *parent)
    : QObject(parent)
{
    // Queued delivery across threads needs the types known to the meta-type system.
    qRegisterMetaType<cpm::MetricFilter>("cpm::MetricFilter");
    qRegisterMetaType<cpm::FilterDomain>("cpm::FilterDomain");
    qRegisterMetaType<cpm::MetricsSnapshot>("cpm::MetricsSnapshot");
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("cpm-metrics"));
    m_worker = new MetricsWorker;
    m_worker->moveToThread(m_thread);
    // The documented way to free a worker: its thread deletes it once the event loop ends.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MetricsService::openRequested, m_worker, &MetricsWorker::open);
    connect(this, &MetricsService::computeRequested, m_worker, &MetricsWorker::compute);
    connect(m_worker, &MetricsWorker::loading, this, [this](quint64 generation, qint64 importedRows) {
        if (generation != m_generation)
            return;
        m_importedRows = importedRows;
        emit loadingRowsKnown(importedRows);
    });
    connect(m_worker, &MetricsWorker::opened, this, &MetricsService::onOpened);
    connect(m_worker, &MetricsWorker::computed, this, &MetricsService::onComputed);
    m_thread->start();
}

MetricsService::~MetricsService()
{
    m_thread->quit();
    m_thread->wait();
}

void MetricsService::open(const QString &path)
{
    ++m_generation;
    m_pending.reset();
    m_loading = true;
    m_importedRows = 0;
    emit openRequested(m_generation, path);
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
    emit computeRequested(m_inFlightGeneration, m_inFlightRequest, m_inFlightFilter);
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
