// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsEngine.h"

#include <QObject>

#include <memory>

namespace cpm {

class SqlProject;
class Warehouse;

/**
 * Computes metrics on the thread it was moved to (see MetricsService), with its own
 * connection to the warehouse: an SQLite connection may only be used by the thread that
 * made it. The columnar snapshot it loads is immutable and shared through ColumnarCache, so
 * a computation on another thread (an export) reuses it instead of loading it again.
 */
class MetricsWorker : public QObject
{
    Q_OBJECT

public:
    MetricsWorker();
    ~MetricsWorker() override;

    /** Where a test can hold the worker (see holdForTest()). */
    enum class Stage { None, Open, Compute };
    /**
     * Test hook: the worker waits at the start of every @p stage until holdForTest(Stage::None)
     * (any thread). Tests use it instead of sleeps, so "the worker is still busy" holds for
     * certain however slow the machine is.
     */
    static void holdForTest(Stage stage);

public slots:
    /** (Re)opens @p path and reads its filter domain (which loads the snapshot); opened() follows. */
    void open(quint64 generation, const QString &path);
    /** The five metrics under @p filter on the warehouse of @p generation; computed() follows. */
    void compute(quint64 generation, quint64 request, const cpm::MetricFilter &filter);

signals:
    /**
     * Before the snapshot loads: the transaction rows the imports loaded (from their
     * bookkeeping, instant), for "Loading N transactions…". Exact unless a file re-sent rows
     * already imported (they are upserted, so counted twice here); 0 when unknown.
     */
    void loading(quint64 generation, qint64 importedRows);
    /** @p error is empty on success; @p domain is empty when nothing was imported yet. */
    void opened(quint64 generation, const cpm::FilterDomain &domain, const QString &error);
    void computed(quint64 generation, quint64 request, const cpm::MetricsSnapshot &snapshot, const QString &error);

private:
    static void waitIfHeld(Stage stage);

    std::unique_ptr<SqlProject> m_project;
    std::unique_ptr<Warehouse> m_warehouse;
    std::unique_ptr<MetricsEngine> m_engine;
    quint64 m_generation = 0;
};

} // namespace cpm
