// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/BatchWatcher.h"

#include "session/JobThread.h"

#include <QTimer>

#include <algorithm>

namespace cpm {

BatchWatcher::BatchWatcher(QObject *parent)
    : QObject(parent), m_jobs(new JobThread(QStringLiteral("cpm-batches"), true, this)), m_timer(new QTimer(this)),
      m_probe(std::make_unique<BatchProbe>())
{
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &BatchWatcher::pollNow);
}

BatchWatcher::~BatchWatcher()
{
    // The probe's connection was opened on the watcher's thread, so it is closed there too.
    m_jobs->finish([this] { m_probe.reset(); });
}

void BatchWatcher::watch(const QString &location, qint64 shownBatch)
{
    ++m_generation;
    m_location = location;
    m_shown = shownBatch;
    m_announced = shownBatch;
    m_lastError.clear();
    if (location.isEmpty())
        m_timer->stop();
    else
        m_timer->start();
}

void BatchWatcher::setShownBatch(qint64 batchId)
{
    m_shown = batchId;
}

void BatchWatcher::setPaused(bool paused)
{
    m_paused = paused;
}

void BatchWatcher::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int BatchWatcher::interval() const
{
    return m_timer->interval();
}

void BatchWatcher::pollNow()
{
    // One read at a time: a server slower than the interval is not asked again meanwhile.
    if (m_location.isEmpty() || m_inFlight)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    const qint64 known = std::max(m_shown, m_announced);
    m_jobs->post([this, generation, location = m_location, known] {
        // On the watcher's thread.
        const BatchReading reading = m_probe->read(location, known);
        m_jobs->deliver([this, generation, reading] { onRead(generation, reading); });
    });
}

void BatchWatcher::onRead(quint64 generation, const BatchReading &reading)
{
    m_inFlight = false;
    if (generation != m_generation)
        return; // a reading of the previous warehouse
    ++m_readings;
    m_lastError = reading.error;
    // Compared here, not on the worker: a refresh since the read was posted may already show it.
    if (reading.error.isEmpty() && !m_paused && reading.batchId > std::max(m_shown, m_announced)) {
        m_announced = reading.batchId;
        emit newDataAvailable(reading.batchId, reading.importedAt);
    }
    emit polled();
}

} // namespace cpm
