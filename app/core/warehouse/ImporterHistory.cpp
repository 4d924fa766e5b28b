// SPDX-License-Identifier: GPL-3.0-or-later
// Store history (SCD type 2): after the raw tables took this batch's rows, the stores whose
// name, typology, country or city changed get a new version, in the import's own transaction
// (a refused or cancelled import rolls the history back with everything else).
#include "warehouse/Importer.h"

#include "transform/SqlProject.h"
#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace cpm {

namespace {

// Naive seconds, like the loader's timestamps: the wall-clock fields read as if they were UTC.
qint64 naiveSeconds(const QDateTime &moment)
{
    return QDateTime(moment.date(), moment.time(), QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

bool Importer::recordStoreVersions(const ImportOptions &options, qint64 batchId, Error *error)
{
    const QDateTime moment = options.extractTime.isValid() ? options.extractTime : QDateTime::currentDateTime();
    const QVariantMap values{{QStringLiteral(":batch_id"), batchId},
                             {QStringLiteral(":extract_time"), naiveSeconds(moment)}};
    QSqlQuery query(m_warehouse.database());
    // Close before opening: step 3 opens a version exactly for the stores without a current one.
    for (const char *file : {"load/insert_batch_extract_time.sql", "load/close_store_versions.sql",
                             "load/amend_store_versions.sql", "load/open_store_versions.sql"}) {
        if (!SqlFile::exec(query, m_project.root(), QString::fromLatin1(file), values, error))
            return false;
    }
    m_changedSources << QStringLiteral("raw_store_versions");
    return true;
}

} // namespace cpm
