// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/WarehouseChecks.h"

#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

#include <QThread>
#include <QVariant>

#include <limits>
#include <sqlite3.h>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cpm {

void ChecksInterrupt::supersede(quint64 generation)
{
    wanted = generation;
    std::lock_guard<std::mutex> lock(mutex);
    if (handle && running < generation)
        sqlite3_interrupt(handle); // safe from any thread while the connection is open (guarded)
}

namespace {

/** Opens the warehouse for one job and registers its connection for interruption. */
class JobConnection
{
public:
    JobConnection(ChecksInterrupt &interrupt, quint64 generation, const QString &path)
        : m_interrupt(interrupt)
    {
        if (!m_project.load() || !m_warehouse.open(path, m_project))
            return;
        std::lock_guard<std::mutex> lock(m_interrupt.mutex);
        m_interrupt.handle = m_warehouse.handle();
        m_interrupt.running = generation;
    }
    ~JobConnection()
    {
        {
            std::lock_guard<std::mutex> lock(m_interrupt.mutex);
            m_interrupt.handle = nullptr;
        }
        m_warehouse.close();
    }
    JobConnection(const JobConnection &) = delete;
    JobConnection &operator=(const JobConnection &) = delete;

    bool isOpen() const { return m_warehouse.isOpen(); }
    const Warehouse &warehouse() const { return m_warehouse; }
    const SqlProject &project() const { return m_project; }

private:
    ChecksInterrupt &m_interrupt;
    SqlProject m_project;
    Warehouse m_warehouse;
};

} // namespace

WarehouseChecksWorker::WarehouseChecksWorker(std::shared_ptr<ChecksInterrupt> interrupt)
    : m_interrupt(std::move(interrupt))
{
}

void WarehouseChecksWorker::lowerPriority()
{
#ifdef Q_OS_LINUX
    // Background work: it yields the cores to the GUI and metrics threads. On Linux the nice
    // value is per thread (QThread priorities have no effect under the default scheduler).
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
}

void WarehouseChecksWorker::countRows(quint64 generation, const QString &path)
{
    if (stale(generation))
        return;
    JobConnection connection(*m_interrupt, generation, path);
    if (!connection.isOpen())
        return;
    qint64 counts[3] = {-1, -1, -1};
    int i = 0;
    for (const char *table : {"raw_stores", "raw_devices", "raw_transactions"}) {
        const QVariant value = connection.warehouse().scalar(QStringLiteral("select count(*) from ") + QLatin1String(table));
        counts[i++] = value.isValid() ? value.toLongLong() : -1;
    }
    if (!stale(generation))
        emit rowsCounted(generation, counts[0], counts[1], counts[2]);
}

void WarehouseChecksWorker::runTests(quint64 generation, const QString &path)
{
    if (stale(generation))
        return;
    JobConnection connection(*m_interrupt, generation, path);
    QVector<DataTestResult> results;
    if (connection.isOpen() && connection.warehouse().hasRelation(QStringLiteral("dim_stores"))) {
        const DataTestRunner runner(connection.warehouse().database());
        // One test at a time, so a newer warehouse state stops the run between two of them too.
        for (const DataTest &test : connection.project().dataTests()) {
            results += runner.run({test});
            if (stale(generation))
                return;
        }
    }
    emit testsRun(generation, results);
}

WarehouseChecks::WarehouseChecks(QObject *parent)
    : QObject(parent), m_interrupt(std::make_shared<ChecksInterrupt>())
{
    qRegisterMetaType<QVector<cpm::DataTestResult>>("QVector<cpm::DataTestResult>");
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("cpm-checks"));
    auto *worker = new WarehouseChecksWorker(m_interrupt);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(m_thread, &QThread::started, worker, &WarehouseChecksWorker::lowerPriority);
    connect(this, &WarehouseChecks::countRequested, worker, &WarehouseChecksWorker::countRows);
    connect(this, &WarehouseChecks::testsRequested, worker, &WarehouseChecksWorker::runTests);
    connect(worker, &WarehouseChecksWorker::rowsCounted, this,
            [this](quint64 generation, qint64 stores, qint64 devices, qint64 transactions) {
                if (generation == m_generation)
                    emit rowsCounted(RowCounts{stores, devices, transactions});
            });
    connect(worker, &WarehouseChecksWorker::testsRun, this,
            [this](quint64 generation, const QVector<DataTestResult> &results) {
                if (generation != m_generation)
                    return;
                m_testing = false;
                emit testsFinished(results);
            });
    m_thread->start();
}

WarehouseChecks::~WarehouseChecks()
{
    m_interrupt->supersede(std::numeric_limits<quint64>::max());
    m_thread->quit();
    m_thread->wait();
}

void WarehouseChecks::start(const QString &path)
{
    m_path = path;
    m_testing = false;
    m_testsAsked = false;
    m_interrupt->supersede(++m_generation);
    emit countRequested(m_generation, path);
}

void WarehouseChecks::runTests()
{
    if (m_generation == 0 || m_testsAsked)
        return;
    m_testsAsked = true;
    m_testing = true;
    emit testsRequested(m_generation, m_path);
}

} // namespace cpm
