// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/MetricsWorker.h"

#include "transform/SqlProject.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QSqlQuery>

#include <condition_variable>
#include <mutex>

namespace cpm {

namespace {
std::mutex s_holdMutex;
std::condition_variable s_holdChanged;
MetricsWorker::Stage s_held = MetricsWorker::Stage::None;

QString errorText(const Error &error)
{
    return error.message.isEmpty() ? error.toString() : error.message;
}
} // namespace

MetricsWorker::MetricsWorker() = default;

// The engine goes before the connection it reads.
MetricsWorker::~MetricsWorker()
{
    m_engine.reset();
    m_warehouse.reset();
}

void MetricsWorker::holdForTest(Stage stage)
{
    {
        const std::lock_guard lock(s_holdMutex);
        s_held = stage;
    }
    s_holdChanged.notify_all();
}

void MetricsWorker::waitIfHeld(Stage stage)
{
    std::unique_lock lock(s_holdMutex);
    s_holdChanged.wait(lock, [stage] { return s_held != stage; });
}

bool MetricsWorker::open(quint64 generation, const QString &path, qint64 *importedRows, QString *error)
{
    m_generation = generation;
    m_engine.reset();
    m_warehouse.reset();
    *importedRows = 0;
    waitIfHeld(Stage::Open);
    if (!m_project) {
        auto project = std::make_unique<SqlProject>();
        if (!project->load())
            return *error = project->error().toString(), false;
        m_project = std::move(project);
    }
    auto warehouse = std::make_unique<Warehouse>();
    if (!warehouse->open(path, *m_project))
        return *error = warehouse->error().toString(), false;
    m_warehouse = std::move(warehouse);
    // Only for the loading message: when the bookkeeping cannot be read it stays 0 (unknown).
    QSqlQuery query(m_warehouse->database());
    Error ignored;
    if (SqlFile::exec(query, m_project->root(), QStringLiteral("session/imported_transactions.sql"), {}, &ignored)
        && query.next())
        *importedRows = query.value(0).toLongLong();
    m_engine = std::make_unique<MetricsEngine>(m_warehouse->database());
    return true;
}

bool MetricsWorker::filterDomain(FilterDomain *domain, QString *error)
{
    *domain = FilterDomain();
    if (!m_engine)
        return *error = tr("No warehouse is open."), false;
    Error failure;
    if (m_engine->hasData() && !m_engine->filterDomain(domain, &failure))
        return *error = errorText(failure), false;
    return true;
}

bool MetricsWorker::compute(quint64 generation, const MetricFilter &filter, MetricsSnapshot *snapshot, QString *error)
{
    snapshot->filter = filter;
    if (generation != m_generation || !m_engine)
        return *error = tr("No warehouse is open."), false;
    waitIfHeld(Stage::Compute);
    Error failure;
    if (!m_engine->compute(filter, snapshot, &failure))
        return *error = errorText(failure), false;
    return true;
}

} // namespace cpm
