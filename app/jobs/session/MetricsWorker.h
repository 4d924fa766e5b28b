// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsEngine.h"

#include <QCoreApplication>

#include <memory>

namespace cpm {

class SqlProject;
class Warehouse;

/**
 * Computes metrics on the metrics thread (MetricsService runs every call there, as a job of
 * its JobThread), with its own connection to the warehouse: an SQLite connection may only be
 * used by the thread that made it, so this object is also destroyed there. The columnar
 * snapshot it loads is immutable and shared through ColumnarCache, so a computation on
 * another thread (an export) reuses it instead of loading it again.
 */
class MetricsWorker
{
    Q_DECLARE_TR_FUNCTIONS(MetricsWorker)

public:
    MetricsWorker();
    ~MetricsWorker();

    /** Where a test can hold the worker (see holdForTest()). */
    enum class Stage { None, Open, Compute };
    /**
     * Test hook: the worker waits at the start of every @p stage until holdForTest(Stage::None)
     * (any thread). Tests use it instead of sleeps, so "the worker is still busy" holds for
     * certain however slow the machine is.
     */
    static void holdForTest(Stage stage);

    /**
     * (Re)opens @p path for the warehouse state @p generation. @p importedRows: the
     * transaction rows the imports loaded (their bookkeeping, instant), for "Loading N
     * transactions…" before the snapshot loads; exact unless a file re-sent rows already
     * imported (they are upserted, so counted twice there); 0 when unknown.
     */
    bool open(quint64 generation, const QString &path, qint64 *importedRows, QString *error);
    /** The filter choices of the open warehouse; the first call loads the snapshot (seconds at 10M). */
    bool filterDomain(FilterDomain *domain, QString *error);
    /** The five metrics under @p filter, if the warehouse of @p generation is the one open. */
    bool compute(quint64 generation, const MetricFilter &filter, MetricsSnapshot *snapshot, QString *error);

private:
    static void waitIfHeld(Stage stage);

    std::unique_ptr<SqlProject> m_project;
    std::unique_ptr<Warehouse> m_warehouse;
    std::unique_ptr<MetricsEngine> m_engine;
    quint64 m_generation = 0;
};

} // namespace cpm
