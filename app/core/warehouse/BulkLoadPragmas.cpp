// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/BulkLoadPragmas.h"

#include "warehouse/Warehouse.h"

#include <QVariant>

namespace cpm {

BulkLoadPragmas::BulkLoadPragmas(Warehouse &warehouse) : m_warehouse(warehouse)
{
    // Both values go back into pragma text on restore: only a whole number and a journal mode
    // SQLite knows are kept (anything else is left as the import set it).
    static const QStringList modes = {QStringLiteral("delete"), QStringLiteral("truncate"), QStringLiteral("persist"),
                                      QStringLiteral("memory"), QStringLiteral("wal"), QStringLiteral("off")};
    bool number = false;
    m_cacheSize = QString::number(m_warehouse.scalar(QStringLiteral("pragma cache_size")).toLongLong(&number));
    if (!number)
        m_cacheSize.clear();
    m_journalMode = m_warehouse.scalar(QStringLiteral("pragma journal_mode")).toString().toLower();
    if (!modes.contains(m_journalMode))
        m_journalMode.clear();
    m_warehouse.exec(QStringLiteral("pragma cache_size = -32768"));
    if (m_journalMode == QLatin1String("wal"))
        m_warehouse.scalar(QStringLiteral("pragma journal_mode = delete"));
}

BulkLoadPragmas::~BulkLoadPragmas()
{
    if (!m_journalMode.isEmpty())
        m_warehouse.scalar(QStringLiteral("pragma journal_mode = %1").arg(m_journalMode));
    if (!m_cacheSize.isEmpty())
        m_warehouse.exec(QStringLiteral("pragma cache_size = %1").arg(m_cacheSize));
}

} // namespace cpm
