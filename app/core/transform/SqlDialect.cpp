// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/SqlDialect.h"

#include "transform/Macros.h"

#include <QStringList>

namespace cpm {

namespace {

// SQLite has no portable floor() (math functions are a compile-time option), and CAST
// truncates toward zero, so one day is subtracted when the quotient was negative and
// fractional. Dividing by 86400.0 keeps real-valued timestamps right as well.
QString sqliteEpochDay(const QString &expr)
{
    const QString quotient = QStringLiteral("((%1) / 86400.0)").arg(expr);
    return QStringLiteral("(CAST(%1 AS INTEGER) - (%1 < CAST(%1 AS INTEGER)))").arg(quotient);
}

QString sqliteIsoTimestamp(const QString &expr)
{
    return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%S', %1, 'unixepoch')").arg(expr);
}

// 86400.0, not 86400: integer division in Postgres truncates, which floor() cannot undo.
QString postgresEpochDay(const QString &expr)
{
    return QStringLiteral("floor((%1) / 86400.0)::bigint").arg(expr);
}

QString postgresIsoTimestamp(const QString &expr)
{
    return QStringLiteral("to_char(to_timestamp(%1) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')").arg(expr);
}

} // namespace

QString SqlDialect::render(const QString &sql) const
{
    const bool sqlite = m_engine == Engine::Sqlite;
    QString out;
    out.reserve(sql.size());
    qsizetype copied = 0;
    for (const Macro &macro : scanMacros(sql)) {
        QString replacement;
        if (macro.name == QLatin1String("config"))
            replacement = QString();
        else if (macro.name == QLatin1String("ref") && macro.args.size() == 1)
            replacement = macro.args.first();
        else if (macro.name == QLatin1String("epoch_day") && macro.args.size() == 1)
            replacement = sqlite ? sqliteEpochDay(macro.args.first()) : postgresEpochDay(macro.args.first());
        else if (macro.name == QLatin1String("iso_timestamp") && macro.args.size() == 1)
            replacement = sqlite ? sqliteIsoTimestamp(macro.args.first()) : postgresIsoTimestamp(macro.args.first());
        else
            continue; // unknown: left in place so the engine's error points at it
        out += QStringView(sql).mid(copied, macro.start - copied);
        out += replacement;
        copied = macro.start + macro.length;
    }
    out += QStringView(sql).mid(copied);
    return out;
}

namespace {

/** Cursor over a script that knows whether it is inside a quote or a comment. */
class StatementSplitter
{
public:
    explicit StatementSplitter(const QString &script) : m_s(script) {}

    QStringList split()
    {
        while (m_pos < m_s.size())
            step();
        flush(m_s.size());
        return m_statements;
    }

private:
    void step()
    {
        const QChar c = m_s.at(m_pos);
        const QChar next = m_pos + 1 < m_s.size() ? m_s.at(m_pos + 1) : QChar();
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            skipQuoted(c);
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            skipUntil(QStringLiteral("\n"));
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            m_pos += 2;
            skipUntil(QStringLiteral("*/"));
        } else if (c == QLatin1Char(';')) {
            flush(m_pos);
            m_start = ++m_pos;
        } else {
            if (!c.isSpace())
                m_hasContent = true;
            ++m_pos;
        }
    }

    // A doubled quote ('it''s') is the escape: it reads as leaving and re-entering.
    void skipQuoted(QChar quote)
    {
        m_hasContent = true;
        const qsizetype end = m_s.indexOf(quote, m_pos + 1);
        m_pos = end < 0 ? m_s.size() : end + 1;
    }

    void skipUntil(const QString &terminator)
    {
        const qsizetype end = m_s.indexOf(terminator, m_pos);
        m_pos = end < 0 ? m_s.size() : end + terminator.size();
    }

    // Statements made only of comments are dropped too: SQLite rejects them as empty.
    void flush(qsizetype end)
    {
        if (m_hasContent)
            m_statements.append(m_s.mid(m_start, end - m_start).trimmed());
        m_hasContent = false;
    }

    const QString &m_s;
    qsizetype m_pos = 0;
    qsizetype m_start = 0;
    bool m_hasContent = false;
    QStringList m_statements;
};

} // namespace

QStringList splitSqlStatements(const QString &script)
{
    return StatementSplitter(script).split();
}

} // namespace cpm
