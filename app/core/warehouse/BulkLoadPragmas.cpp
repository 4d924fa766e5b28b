// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/BulkLoadPragmas.h"

#include "warehouse/Warehouse.h"

#include <QVariant>

namespace cpm {

BulkLoadPragmas::BulkLoadPragmas(Warehouse &warehouse) : m_warehouse(warehouse)
{
    m_cacheSize = m_warehouse.scalar(QStringLiteral("pragma cache_size")).toString();
    m_journalMode = m_warehouse.scalar(QStringLiteral("pragma journal_mode")).toString();
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
