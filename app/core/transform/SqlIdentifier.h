// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QString>
#include <QStringList>

namespace cpm {

/**
 * A relation, index or column name that passed validation: the only text an SqlTemplate puts
 * into a statement. It can only be made by the checks below, so a name read from anywhere
 * else (a file name, a config() value) cannot reach SQL without being checked first.
 */
class SqlIdentifier
{
public:
    SqlIdentifier() = default;

    /** Whether @p name is a plain lower-case identifier: ^[a-z_][a-z0-9_]*$. */
    static bool isPlain(const QString &name);
    /**
     * @p name when it is plain and one of @p known (e.g. the model graph's names); otherwise an
     * invalid identifier and @p error saying which @p what ("model") was refused and why.
     */
    static SqlIdentifier oneOf(const QString &name, const QStringList &known, const QString &what, Error *error);
    /** A comma-separated list of plain column names (an index's), as "a, b"; invalid with @p error otherwise. */
    static SqlIdentifier columnList(const QString &columns, Error *error);
    /** The index name "<table>__<columns joined by _>", made of two valid identifiers. */
    static SqlIdentifier indexName(const SqlIdentifier &table, const SqlIdentifier &columns);

    bool isValid() const { return !m_text.isEmpty(); }
    const QString &text() const { return m_text; }

private:
    explicit SqlIdentifier(QString text) : m_text(std::move(text)) {}

    QString m_text;
};

} // namespace cpm
