// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <future>

namespace cpm {

/**
 * Starts writing the warehouse's dirty pages to disk in the background while the import goes on
 * (models, snapshot), so that the commit's own fsync has little left to wait for: at 10M rows
 * the pages SQLite spilled during the load are about a gigabyte, and the commit spent most of a
 * second flushing them. Only an earlier flush, never a skipped one: the commit still syncs.
 *
 * Linux syncfs() on the warehouse's folder: it needs no descriptor of the database file itself
 * (closing one would drop the process's locks on it, which SQLite relies on). Elsewhere, a no-op.
 */
class EarlyFlush
{
public:
    EarlyFlush() = default;
    ~EarlyFlush() { wait(); }
    EarlyFlush(const EarlyFlush &) = delete;
    EarlyFlush &operator=(const EarlyFlush &) = delete;

    /** Flushes the file system holding @p databasePath on another thread. */
    void start(const QString &databasePath);
    void wait();

private:
    std::future<void> m_done;
};

} // namespace cpm
