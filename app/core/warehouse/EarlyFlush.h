// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>


namespace cpm {

/**
 * Starts writing the warehouse's dirty pages to disk in the background while the import goes on
 * (models, snapshot), so that the commit's own fsync has little left to wait for: at 10M rows
 * the pages SQLite spilled during the load are about a gigabyte, and the commit spent most of a
 * second flushing them. Only an earlier flush, never a skipped one: the commit still syncs.
 *
 * Linux syncfs() on the warehouse's folder: it needs no descriptor of the database file itself
 * (closing one would drop the process's locks on it, which SQLite relies on). It flushes the
 * whole file system, so nobody waits for it: the thread is detached, and the commit's fsync
 * waits for this file's pages only. Only worth it after a large load (see Importer::run).
 * Elsewhere, a no-op.
 */
void startEarlyFlush(const QString &databasePath);

} // namespace cpm
