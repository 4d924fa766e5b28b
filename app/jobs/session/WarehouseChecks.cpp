// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/WarehouseChecks.h"

#include "csv/FileClassifier.h"
#include "session/JobThread.h"
#include "transform/SqlProject.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QSqlQuery>

#include <limits>
#include <sqlite3.h>

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

/** One number from @p relative, or -1 (unreadable, or interrupted by a newer start()). */
qint64 number(const JobConnection &connection, const QString &relative, const QVariantMap &values)
{
    QSqlQuery query(connection.warehouse().database());
    Error ignored; // -1 shows as "counting rows…": the next start() tries again
    if (!SqlFile::exec(query, connection.project().root(), relative, values, &ignored) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// count(*) reads every page of a table (seconds at 10M rows on a cold cache): the count the
// newest import remembered is used when there is one, the table is counted otherwise.
qint64 rowCount(const JobConnection &connection, FileRole role)
{
    const QString name = roleName(role); // one of three fixed names, never user text
    const qint64 remembered = number(connection, QStringLiteral("session/remembered_row_count.sql"),
                                     {{QStringLiteral(":role"), name}});
    return remembered >= 0 ? remembered : number(connection, QStringLiteral("load/count_raw_%1.sql").arg(name), {});
}

bool stale(const ChecksInterrupt &interrupt, quint64 generation)
{
    return generation < interrupt.wanted.load();
}

} // namespace

std::optional<RowCounts> WarehouseChecks::countRowsOn(ChecksInterrupt &interrupt, quint64 generation,
                                                    const QString &path)
{
    if (stale(interrupt, generation))
        return std::nullopt;
    JobConnection connection(interrupt, generation, path);
    if (!connection.isOpen())
        return std::nullopt;
    return RowCounts{rowCount(connection, FileRole::Stores), rowCount(connection, FileRole::Devices),
                     rowCount(connection, FileRole::Transactions)};
}

std::optional<QVector<DataTestResult>> WarehouseChecks::runTestsOn(ChecksInterrupt &interrupt, quint64 generation,
                                                                 const QString &path)
{
    if (stale(interrupt, generation))
        return std::nullopt;
    JobConnection connection(interrupt, generation, path);
    QVector<DataTestResult> results;
    if (connection.isOpen() && connection.warehouse().hasRelation(QStringLiteral("dim_stores"))) {
        const DataTestRunner runner(connection.warehouse().database(), connection.warehouse().dialect());
        // One test at a time, so a newer warehouse state stops the run between two of them too.
        for (const DataTest &test : connection.project().dataTests()) {
            results += runner.run({test});
            if (stale(interrupt, generation))
                return std::nullopt;
        }
    }
    return results;
}

WarehouseChecks::WarehouseChecks(QObject *parent)
    : QObject(parent), m_jobs(new JobThread(QStringLiteral("cpm-checks"), true, this)),
      m_interrupt(std::make_shared<ChecksInterrupt>())
{
}

WarehouseChecks::~WarehouseChecks()
{
    m_interrupt->supersede(std::numeric_limits<quint64>::max());
    m_jobs->finish();
}

void WarehouseChecks::start(const QString &path)
{
    m_path = path;
    m_testing = false;
    m_testsAsked = false;
    m_interrupt->supersede(++m_generation);
    m_jobs->post([this, interrupt = m_interrupt, generation = m_generation, path] {
        const std::optional<RowCounts> counts = countRowsOn(*interrupt, generation, path);
        if (!counts || stale(*interrupt, generation))
            return;
        m_jobs->deliver([this, generation, counts = *counts] {
            if (generation == m_generation)
                emit rowsCounted(counts);
        });
    });
}

void WarehouseChecks::runTests()
{
    if (m_generation == 0 || m_testsAsked)
        return;
    m_testsAsked = true;
    m_testing = true;
    m_jobs->post([this, interrupt = m_interrupt, generation = m_generation, path = m_path] {
        const std::optional<QVector<DataTestResult>> results = runTestsOn(*interrupt, generation, path);
        if (!results)
            return;
        m_jobs->deliver([this, generation, results = *results] {
            if (generation != m_generation)
                return;
            m_testing = false;
            emit testsFinished(results);
        });
    });
}

} // namespace cpm
