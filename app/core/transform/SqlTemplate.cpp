// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/SqlTemplate.h"

#include "warehouse/SqlFile.h"

namespace cpm {

static const QLatin1String kSelect("select");

SqlTemplate::SqlTemplate(QString root, QString relative) : m_root(std::move(root)), m_relative(std::move(relative)) {}

SqlTemplate &SqlTemplate::set(const QString &name, const SqlIdentifier &identifier)
{
    // An invalid identifier leaves the placeholder unfilled, so render() refuses it.
    if (identifier.isValid() && name != kSelect)
        m_values.insert(name, identifier.text());
    else
        m_values.remove(name);
    return *this;
}

SqlTemplate &SqlTemplate::setSelect(const QString &select)
{
    m_values.insert(kSelect, select);
    return *this;
}

QString SqlTemplate::render(Error *error) const
{
    const QString text = SqlFile::statement(m_root, m_relative, error);
    if (text.isEmpty())
        return QString();
    // One pass over the template: what is put in is never scanned again, so a {{ left in a
    // model's SQL (an unknown macro) stays for the engine to report.
    QString out;
    qsizetype at = 0;
    for (qsizetype open; (open = text.indexOf(QLatin1String("{{"), at)) >= 0;) {
        const qsizetype close = text.indexOf(QLatin1String("}}"), open);
        const QString name = close < 0 ? QString() : text.mid(open + 2, close - open - 2).trimmed();
        if (!m_values.contains(name)) {
            *error = Error::make(Error::Code::Sql, QStringLiteral("SQL template placeholder not filled with a valid identifier"));
            error->file = m_relative;
            error->value = name;
            error->expected = QStringLiteral("a validated relation, index or column name");
            return QString();
        }
        out += QStringView(text).mid(at, open - at);
        out += m_values.value(name);
        at = close + 2;
    }
    out += QStringView(text).mid(at);
    return out;
}

} // namespace cpm
