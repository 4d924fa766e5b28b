// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/DecimalMark.h"

namespace cpm {

QString decimalMarkName(DecimalMark mark)
{
    switch (mark) {
    case DecimalMark::Point: return QStringLiteral("point");
    case DecimalMark::Comma: return QStringLiteral("comma");
    case DecimalMark::Auto: break;
    }
    return QStringLiteral("auto");
}

bool decimalMarkFromName(const QString &name, DecimalMark *mark)
{
    for (DecimalMark m : {DecimalMark::Auto, DecimalMark::Point, DecimalMark::Comma}) {
        if (name.trimmed().compare(decimalMarkName(m), Qt::CaseInsensitive) == 0) {
            *mark = m;
            return true;
        }
    }
    return false;
}

QString DecimalMarkGuess::describe() const
{
    const QString name = mark == DecimalMark::Comma ? QStringLiteral("decimal comma") : QStringLiteral("decimal point");
    if (forced)
        return name + QStringLiteral(" (chosen)");
    if (ambiguous && !settled)
        return QStringLiteral("ambiguous: '%1' could have a decimal comma or a thousands separator").arg(example);
    if (example.isEmpty())
        return name;
    return name + QStringLiteral(" (e.g. %1)").arg(example);
}

} // namespace cpm
