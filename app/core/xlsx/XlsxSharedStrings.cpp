// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/XlsxSharedStrings.h"

#include <QXmlStreamReader>

namespace cpm {

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

// OOXML writes characters XML cannot hold (and some producers any control character) as
// _xHHHH_; a literal "_x" followed by four hex digits and "_" is itself escaped as _x005F_.
QString decodeEscapes(const QString &text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'_' && i + 6 < text.size() && text[i + 1] == u'x' && text[i + 6] == u'_') {
            int code = 0;
            bool hex = true;
            for (int k = 2; k < 6 && hex; ++k) {
                const int digit = hexValue(text[i + k]);
                hex = digit >= 0;
                code = code * 16 + digit;
            }
            if (hex) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace

QString XlsxSharedStrings::readItem(QXmlStreamReader &xml)
{
    QString text;
    int phonetic = 0;
    for (int depth = 1; depth > 0 && !xml.atEnd();) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (xml.name() == u"rPh")
                ++phonetic;
            else if (xml.name() == u"t" && phonetic == 0) {
                text += xml.readElementText();
                --depth; // readElementText() consumed the end element
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
            if (xml.name() == u"rPh")
                --phonetic;
        }
    }
    return decodeEscapes(text);
}

bool XlsxSharedStrings::read(QIODevice *device)
{
    m_strings.clear();
    QXmlStreamReader xml(device);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"sst") {
            // The count attribute is a hint; a bogus huge one must not allocate gigabytes.
            m_strings.reserve(std::size_t(std::clamp<qint64>(xml.attributes().value(QLatin1String("uniqueCount")).toLongLong(), 0, 1 << 20)));
        } else if (xml.name() == u"si") {
            m_strings.push_back(readItem(xml).toUtf8());
        }
    }
    if (xml.hasError()) {
        m_error = QStringLiteral("shared strings: %1 (line %2)").arg(xml.errorString()).arg(xml.lineNumber());
        return false;
    }
    return true;
}

} // namespace cpm
