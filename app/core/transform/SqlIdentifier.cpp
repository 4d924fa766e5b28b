// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/SqlIdentifier.h"

#include <QRegularExpression>

namespace cpm {

bool SqlIdentifier::isPlain(const QString &name)
{
    // Lower case only: PostgreSQL folds unquoted names to lower case, SQLite ignores case, so
    // only lower-case names mean the same relation on both engines.
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return plain.match(name).hasMatch();
}

static Error refused(const QString &message, const QString &value, const QString &expected)
{
    Error e = Error::make(Error::Code::Value, message);
    e.value = value;
    e.expected = expected;
    return e;
}

SqlIdentifier SqlIdentifier::oneOf(const QString &name, const QStringList &known, const QString &what, Error *error)
{
    if (!isPlain(name)) {
        *error = refused(QStringLiteral("malformed %1 name").arg(what), name,
                         QStringLiteral("lower-case letters, digits and '_', not starting with a digit"));
        return SqlIdentifier();
    }
    if (!known.contains(name)) {
        *error = refused(QStringLiteral("unknown %1").arg(what), name, QStringLiteral("one of the project's %1s").arg(what));
        return SqlIdentifier();
    }
    return SqlIdentifier(name);
}

SqlIdentifier SqlIdentifier::columnList(const QString &columns, Error *error)
{
    QStringList names;
    for (const QString &column : columns.split(QLatin1Char(','))) {
        const QString name = column.trimmed();
        if (!isPlain(name)) {
            *error = refused(QStringLiteral("malformed column name in an index"), columns,
                             QStringLiteral("column names of lower-case letters, digits and '_', separated by commas"));
            return SqlIdentifier();
        }
        names << name;
    }
    return SqlIdentifier(names.join(QStringLiteral(", ")));
}

SqlIdentifier SqlIdentifier::indexName(const SqlIdentifier &table, const SqlIdentifier &columns)
{
    if (!table.isValid() || !columns.isValid())
        return SqlIdentifier();
    QString suffix = columns.text();
    suffix.replace(QStringLiteral(", "), QStringLiteral("_"));
    return SqlIdentifier(table.text() + QStringLiteral("__") + suffix);
}

} // namespace cpm
