// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/BatchProbe.h"

#include <QDateTime>
#include <QObject>

#include <memory>

class QTimer;

namespace cpm {

class JobThread;

/**
 * Notices imports made by another client (cpm-cli import --db URI, a colleague's app, another
 * process on the same file): every interval() it reads the warehouse's newest batch id on its
 * own thread and connection, and announces a batch newer than the one the dashboard shows.
 * Nothing here waits for the warehouse: a slow or unreachable server only delays the answer.
 */
class BatchWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 5000;

    explicit BatchWatcher(QObject *parent = nullptr);
    /** Waits for a read under way (at most the connect timeout) and closes the connection on its thread. */
    ~BatchWatcher() override;

    /**
     * Watches @p location (a file path or postgresql:// URI), whose dashboard shows batch
     * @p shownBatch; an empty location stops watching. Readings of an earlier location are dropped.
     */
    void watch(const QString &location, qint64 shownBatch);
    QString location() const { return m_location; }
    /** The dashboard now shows @p batchId (after a refresh or the window's own import). */
    void setShownBatch(qint64 batchId);
    qint64 shownBatch() const { return m_shown; }
    /**
     * While paused nothing is announced (the window's own import is running: its batch is
     * acknowledged by the refresh that follows it, not announced as someone else's).
     */
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    void setInterval(int milliseconds);
    int interval() const;
    /** Reads now (the timer does every interval()); returns at once, the answer comes later. */
    void pollNow();
    /** Readings delivered so far (tests wait for one). */
    quint64 readings() const { return m_readings; }
    /** Why the last reading failed; empty when it succeeded. */
    QString lastError() const { return m_lastError; }

signals:
    /** Batch @p batchId, finished at @p importedAt (invalid when unknown), is newer than what is shown. */
    void newDataAvailable(qint64 batchId, const QDateTime &importedAt);
    /** A reading arrived (lastError() says whether it failed). */
    void polled();

private:
    void onRead(quint64 generation, const BatchReading &reading);

    JobThread *m_jobs = nullptr;
    QTimer *m_timer = nullptr;
    /** Used, and destroyed, on the watcher's thread only (inside m_jobs' jobs). */
    std::unique_ptr<BatchProbe> m_probe;
    QString m_location;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_paused = false;
    qint64 m_shown = 0;
    qint64 m_announced = 0;
    quint64 m_readings = 0;
    QString m_lastError;
};

} // namespace cpm
