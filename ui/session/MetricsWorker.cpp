// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/MetricsWorker.h"

#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

#include <QVariant>

#include <condition_variable>
#include <mutex>

namespace cpm {

namespace {
std::mutex s_holdMutex;
std::condition_variable s_holdChanged;
MetricsWorker::Stage s_held = MetricsWorker::Stage::None;
} // namespace

MetricsWorker::MetricsWorker() = default;

// Runs on the worker thread (deleted when its thread finishes), so the connection closes there.
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

static QString errorText(const Error &error)
{
    return error.message.isEmpty() ? error.toString() : error.message;
}

void MetricsWorker::open(quint64 generation, const QString &path)
{
    m_generation = generation;
    m_engine.reset();
    m_warehouse.reset();
    waitIfHeld(Stage::Open);
    if (!m_project) {
        auto project = std::make_unique<SqlProject>();
        if (!project->load()) {
            emit opened(generation, FilterDomain(), project->error().toString());
            return;
        }
        m_project = std::move(project);
    }
    auto warehouse = std::make_unique<Warehouse>();
    if (!warehouse->open(path, *m_project)) {
        emit opened(generation, FilterDomain(), warehouse->error().toString());
        return;
    }
    m_warehouse = std::move(warehouse);
    emit loading(generation, m_warehouse
                                 ->scalar(QStringLiteral("select coalesce(sum(rows_loaded), 0) from import_files "
                                                         "where role = 'transactions'"))
                                 .toLongLong());
    m_engine = std::make_unique<MetricsEngine>(m_warehouse->database());
    // The domain comes from the columnar snapshot: the first call loads it (seconds at 10M rows).
    FilterDomain domain;
    Error error;
    if (m_engine->hasData() && !m_engine->filterDomain(&domain, &error)) {
        emit opened(generation, FilterDomain(), errorText(error));
        return;
    }
    emit opened(generation, domain, QString());
}

void MetricsWorker::compute(quint64 generation, quint64 request, const MetricFilter &filter)
{
    MetricsSnapshot snapshot;
    snapshot.filter = filter;
    if (generation != m_generation || !m_engine) {
        emit computed(generation, request, snapshot, tr("No warehouse is open."));
        return;
    }
    waitIfHeld(Stage::Compute);
    Error error;
    if (!m_engine->compute(filter, &snapshot, &error)) {
        emit computed(generation, request, snapshot, errorText(error));
        return;
    }
    emit computed(generation, request, snapshot, QString());
}

} // namespace cpm
