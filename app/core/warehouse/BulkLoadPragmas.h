// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

class Warehouse;

/**
 * Connection settings for one bulk import, restored when it goes out of scope (after the
 * import's commit or rollback):
 * - a 256 MiB page cache, so the import's transaction does not spill pages to disk early;
 * - the rollback journal instead of WAL while the import runs: WAL writes every new page
 *   twice (to the log, then again at the checkpoint), a rollback journal only saves the few
 *   existing pages an append changes. Atomicity is the same: a failed import still rolls
 *   back whole. Switching needs no other connection to be reading; if one is (the GUI
 *   during a background import), WAL simply stays.
 */
class BulkLoadPragmas
{
public:
    explicit BulkLoadPragmas(Warehouse &warehouse);
    ~BulkLoadPragmas();
    BulkLoadPragmas(const BulkLoadPragmas &) = delete;
    BulkLoadPragmas &operator=(const BulkLoadPragmas &) = delete;

private:
    Warehouse &m_warehouse;
    QString m_cacheSize;
    QString m_journalMode;
};

} // namespace cpm
