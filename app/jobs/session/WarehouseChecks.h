// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transform/DataTestRunner.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

struct sqlite3;

namespace cpm {

class JobThread;

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

private:
    // Jobs, on the checks thread: each opens its own connection (see JobConnection).
    static std::optional<RowCounts> countRowsOn(ChecksInterrupt &interrupt, quint64 generation, const QString &path);
    static std::optional<QVector<DataTestResult>> runTestsOn(ChecksInterrupt &interrupt, quint64 generation,
                                                           const QString &path);

    JobThread *m_jobs = nullptr;
    std::shared_ptr<ChecksInterrupt> m_interrupt;
    quint64 m_generation = 0;
    QString m_path;
    bool m_testing = false;
    bool m_testsAsked = false;
};

} // namespace cpm
