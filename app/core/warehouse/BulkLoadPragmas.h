// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

class Warehouse;

/**
 * Connection settings for one bulk import, restored when it goes out of scope (after the
 * import's commit or rollback):
 * - a 32 MiB page cache: rows are appended at the table's right edge, so a bigger cache
 *   saves no work (measured at 1M rows: the same CPU time with 16 MiB and 256 MiB) but adds
 *   its size to the import's peak memory (256 MiB of a 10M import's was the cache);
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
