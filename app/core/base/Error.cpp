// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/Error.h"


namespace cpm {

QString Error::toString() const
{
    QString where;
    if (!file.isEmpty()) {
        where = file; // as the user gave it, so it can be pasted back into a shell
        if (line > 0)
            where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
        if (!columnName.isEmpty())
            where += QStringLiteral(" (%1)").arg(columnName);
        where += QStringLiteral(": ");
    }
    QString text = where + message;
    if (!value.isNull()) {
        QString shown = value.size() > 60 ? value.left(57) + QStringLiteral("...") : value;
        text += QStringLiteral(": '%1'").arg(shown);
    }
    if (!expected.isEmpty())
        text += QStringLiteral(" (expected %1)").arg(expected);
    return text;
}

} // namespace cpm
