// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/Macros.h"

#include <QRegularExpression>

namespace cpm {

namespace {

// name(...) with the argument list kept whole; arguments are read by parseArguments().
const QRegularExpression &callPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$)"),
                                       QRegularExpression::DotMatchesEverythingOption);
    return re;
}

// One argument: optional "key =" then a '...' or "..." string. Quotes inside an argument
// are written doubled ('it''s'), as in SQL, so an expression may carry string literals.
const QRegularExpression &argumentPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"re(\G\s*(?:([A-Za-z_]\w*)\s*=\s*)?(?:'((?:[^']|'')*)'|"((?:[^"]|"")*)")\s*(,|$))re"));
    return re;
}

/** Fills args/kwargs; false when the text is not a list of quoted arguments. */
bool parseArguments(const QString &text, Macro *macro)
{
    if (text.trimmed().isEmpty())
        return true;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const auto m = argumentPattern().match(text, pos);
        if (!m.hasMatch())
            return false;
        QString value = m.capturedStart(2) >= 0 ? m.captured(2).replace(QStringLiteral("''"), QStringLiteral("'"))
                                                : m.captured(3).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        if (m.capturedLength(1) > 0)
            macro->kwargs.insert(m.captured(1), value);
        else
            macro->args.append(value);
        pos = m.capturedEnd(0);
        if (m.captured(4).isEmpty())
            break;
    }
    return pos >= text.size();
}

} // namespace

QVector<Macro> scanMacros(const QString &sql)
{
    QVector<Macro> macros;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = sql.indexOf(QLatin1String("{{"), from);
        if (open < 0)
            break;
        const qsizetype close = sql.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        Macro macro;
        macro.start = open;
        macro.length = close + 2 - open;
        const auto m = callPattern().match(sql.mid(open + 2, close - open - 2));
        if (m.hasMatch() && parseArguments(m.captured(2), &macro))
            macro.name = m.captured(1);
        macros.append(macro);
        from = close + 2;
    }
    return macros;
}

QStringList macroRefs(const QString &sql)
{
    QStringList refs;
    for (const Macro &macro : scanMacros(sql)) {
        if (macro.name == QLatin1String("ref") && macro.args.size() == 1 && !refs.contains(macro.args.first()))
            refs.append(macro.args.first());
    }
    return refs;
}

} // namespace cpm
