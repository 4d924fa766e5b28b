// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/**
 * Renders model SQL for one engine: expands {{ ref('m') }} to the relation name, drops
 * {{ config(...) }}, and expands the few engine-specific macros so model files stay portable:
 *   {{ epoch_day('expr') }}  whole days since 1970-01-01 of an epoch-seconds expression (floor)
 *   {{ iso_timestamp('expr') }}  'YYYY-MM-DDTHH:MM:SS' text of an epoch-seconds expression
 *   {{ key_column() }}, {{ serial_key() }}, {{ binary() }}  column types of the warehouse scripts
 * Unknown macros are left in place (the engine then reports them).
 */
class SqlDialect
{
public:
    enum class Engine { Sqlite, Postgres };
    explicit SqlDialect(Engine engine = Engine::Sqlite) : m_engine(engine) {}
    QString render(const QString &sql) const;
    Engine engine() const { return m_engine; }

private:
    Engine m_engine;
};

/** Splits a multi-statement script on ';' outside quotes and comments (for QSqlQuery). */
QStringList splitSqlStatements(const QString &script);

} // namespace cpm
