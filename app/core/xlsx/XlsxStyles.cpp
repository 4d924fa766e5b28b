// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/XlsxStyles.h"

#include <QHash>
#include <QXmlStreamReader>

namespace cpm {

namespace {

bool isBuiltInDate(int id)
{
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

} // namespace

bool XlsxStyles::isDateFormat(int numFmtId, const QString &code)
{
    if (code.isEmpty())
        return isBuiltInDate(numFmtId);
    bool quoted = false;
    int bracket = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (quoted) {
            quoted = c != u'"';
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'[') {
            ++bracket;
        } else if (c == u']') {
            bracket = std::max(0, bracket - 1);
        } else if (bracket > 0) {
            continue;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i; // an escaped character, a space as wide as one, or a fill character
        } else if (QStringView(u"dmyhsDMYHS").contains(c)) {
            return true;
        }
    }
    return false;
}

bool XlsxStyles::read(QIODevice *device)
{
    QXmlStreamReader xml(device);
    QHash<int, QString> customFormats;
    std::vector<int> cellFormats;
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs") {
            inCellXfs = false;
        } else if (token != QXmlStreamReader::StartElement) {
            continue;
        } else if (xml.name() == u"numFmt") {
            const auto attributes = xml.attributes();
            customFormats.insert(attributes.value(QLatin1String("numFmtId")).toInt(), attributes.value(QLatin1String("formatCode")).toString());
        } else if (xml.name() == u"cellXfs") {
            inCellXfs = true;
        } else if (inCellXfs && xml.name() == u"xf") {
            cellFormats.push_back(xml.attributes().value(QLatin1String("numFmtId")).toInt());
        }
    }
    if (xml.hasError()) {
        m_error = QStringLiteral("styles: %1 (line %2)").arg(xml.errorString()).arg(xml.lineNumber());
        return false;
    }
    m_dateStyles.clear();
    for (int id : cellFormats)
        m_dateStyles.push_back(isDateFormat(id, customFormats.value(id)));
    return true;
}

} // namespace cpm
