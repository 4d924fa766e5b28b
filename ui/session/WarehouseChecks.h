// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transform/DataTestRunner.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

class QThread;
struct sqlite3;

namespace cpm {

/** Rows per raw table; -1 while not counted. */
struct RowCounts
{
    qint64 stores = -1;
    qint64 devices = -1;
    qint64 transactions = -1;
    bool known() const { return transactions >= 0; }
};

/** What the GUI thread and the checks worker share to interrupt a stale job mid-query. */
struct ChecksInterrupt
{
    std::atomic<quint64> wanted{0}; ///< jobs of older generations stop
    std::mutex mutex;               ///< guards handle and running
    sqlite3 *handle = nullptr;      ///< the connection of the job under way
    quint64 running = 0;            ///< its generation

    /** Interrupts the query under way if it belongs to a generation before @p generation. */
    void supersede(quint64 generation);
};

/** Counts rows and runs the data tests on the thread it was moved to, on its own connection. */
class WarehouseChecksWorker : public QObject
{
    Q_OBJECT

public:
    explicit WarehouseChecksWorker(std::shared_ptr<ChecksInterrupt> interrupt);

public slots:
    /** Lowers the priority of the calling (its own) thread. */
    void lowerPriority();
    void countRows(quint64 generation, const QString &path);
    void runTests(quint64 generation, const QString &path);

signals:
    void rowsCounted(quint64 generation, qint64 stores, qint64 devices, qint64 transactions);
    void testsRun(quint64 generation, const QVector<cpm::DataTestResult> &results);

private:
    bool stale(quint64 generation) const { return generation < m_interrupt->wanted.load(); }

    std::shared_ptr<ChecksInterrupt> m_interrupt;
};

/**
 * GUI-side handle of the checks thread: the row counts of the status bar and the data tests
 * (seconds to minutes on millions of rows) run there, never on the GUI thread. A new start()
 * interrupts the query under way and drops whatever the older warehouse state still sends.
 */
class WarehouseChecks : public QObject
{
    Q_OBJECT

public:
    explicit WarehouseChecks(QObject *parent = nullptr);
    /** Interrupts the query under way and waits for the thread. */
    ~WarehouseChecks() override;

    /** Counts the rows of @p path (a new warehouse state): rowsCounted() follows. */
    void start(const QString &path);
    /** Runs the data tests of the state given to start() (once per start()): testsFinished() follows. */
    void runTests();
    bool isTesting() const { return m_testing; }

signals:
    void rowsCounted(const cpm::RowCounts &counts);
    void testsFinished(const QVector<cpm::DataTestResult> &results);

    // To the worker (queued: it lives on its own thread).
    void countRequested(quint64 generation, const QString &path);
    void testsRequested(quint64 generation, const QString &path);

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<ChecksInterrupt> m_interrupt;
    quint64 m_generation = 0;
    QString m_path;
    bool m_testing = false;
    bool m_testsAsked = false;
};

} // namespace cpm
