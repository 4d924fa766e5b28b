// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "warehouse/Warehouse.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace cpm {

class SqlProject;

/**
 * The warehouse as it stood after one import batch, rebuilt as a throwaway SQLite warehouse
 * in a temporary folder: the raw rows of that state (sql/diff/state_raw_*.sql), the store
 * history and batches up to it, then every transform model, exactly as an import builds
 * them. The metrics of a past state are then the same metric runs as on a live warehouse.
 * Works from an SQLite or a PostgreSQL source; the folder is removed with the object.
 */
class StateWarehouse
{
public:
    StateWarehouse();
    ~StateWarehouse();

    /** (phase, done, total); returning false cancels. */
    using Progress = std::function<bool(const QString &, qint64, qint64)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /** Builds the state after batch @p batch of @p source. False: see @p error. */
    bool build(const Warehouse &source, const SqlProject &project, qint64 batch, Error *error);

    /** The state's warehouse (open after a successful build()). */
    Warehouse &warehouse() { return m_warehouse; }

private:
    /** Runs @p select (up to :batch) on @p source and each of @p inserts on its rows (load_rows). */
    bool copyRows(const Warehouse &source, const QString &sqlRoot, const QString &select, const QStringList &inserts,
                  qint64 batch, Error *error);

    QTemporaryDir m_dir;
    Warehouse m_warehouse;
    Progress m_progress;
};

} // namespace cpm
