// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/XlsxWorkbook.h"

#include "xlsx/XlsxFormat.h"

#include <QHash>
#include <QXmlStreamReader>

#include <algorithm>

namespace cpm {

namespace {

// Relationship targets are relative to the folder of the part that holds them (or absolute
// from the package root with a leading '/'); zip entry names have no leading '/'.
QString resolveTarget(const QString &sourcePart, const QString &target)
{
    QStringList parts;
    if (!target.startsWith(QLatin1Char('/')))
        parts = sourcePart.split(QLatin1Char('/')).mid(0, sourcePart.count(QLatin1Char('/')));
    for (const QString &piece : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (piece == QLatin1String(".."))
            parts.removeLast();
        else if (piece != QLatin1String("."))
            parts << piece;
    }
    return parts.join(QLatin1Char('/'));
}

QString relationshipsPart(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    return part.left(slash + 1) + QStringLiteral("_rels/") + part.mid(slash + 1) + QStringLiteral(".rels");
}

bool isTrue(QStringView value)
{
    return value == u"1" || value == u"true";
}

} // namespace

bool XlsxWorkbook::fail(const QString &message, const QString &expected)
{
    m_error = XlsxFormat::refusal(m_path, message, expected);
    return false;
}

bool XlsxWorkbook::open(const QString &path)
{
    m_path = path;
    m_error = XlsxFormat::checkSignature(path);
    if (m_error.isError())
        return false;
    if (!m_archive.open(path))
        return fail(QStringLiteral("the .xlsx workbook is damaged or truncated (zip: %1)").arg(m_archive.errorString()),
                    QStringLiteral("a complete .xlsx file (copy or save it again)"));
    m_error = XlsxFormat::checkContents(path, m_archive);
    if (m_error.isError())
        return false;
    const QString workbook = mainPart();
    if (workbook.isEmpty() || !m_archive.contains(workbook))
        return fail(QStringLiteral("not an Excel workbook: the zip archive holds no xl/workbook.xml"),
                    QStringLiteral("an .xlsx workbook"));
    QHash<QString, Relationship> relationships;
    QHash<QString, QString> sheetIds;
    if (!readRelationships(relationshipsPart(workbook), &relationships) || !readWorkbook(workbook, &sheetIds))
        return false;
    for (auto it = sheetIds.cbegin(); it != sheetIds.cend(); ++it) {
        const Relationship relationship = relationships.value(it.value());
        if (relationship.type.endsWith(QLatin1String("/worksheet")) && m_archive.contains(relationship.target)) {
            for (XlsxSheet &sheet : m_sheets) {
                if (sheet.name == it.key())
                    sheet.part = relationship.target;
            }
        }
    }
    // Chart sheets and dangling references hold no cells: only worksheets stay.
    m_sheets.erase(std::remove_if(m_sheets.begin(), m_sheets.end(), [](const XlsxSheet &s) { return s.part.isEmpty(); }),
                   m_sheets.end());
    if (m_sheets.isEmpty())
        return fail(QStringLiteral("the workbook has no worksheet"), QStringLiteral("a worksheet with a header row"));
    return readOptionalPart(relationships, "/styles", true) && readOptionalPart(relationships, "/sharedStrings", false);
}

// The package's _rels/.rels names the main part; xl/workbook.xml is what every producer uses.
QString XlsxWorkbook::mainPart()
{
    QHash<QString, Relationship> root;
    if (m_archive.contains(QStringLiteral("_rels/.rels")) && readRelationships(QStringLiteral("_rels/.rels"), &root)) {
        for (const Relationship &relationship : root) {
            if (relationship.type.endsWith(QLatin1String("/officeDocument")))
                return relationship.target;
        }
    }
    m_error = Error();
    return QStringLiteral("xl/workbook.xml");
}

bool XlsxWorkbook::readRelationships(const QString &part, QHash<QString, Relationship> *relationships)
{
    std::unique_ptr<QIODevice> device = m_archive.openEntry(part);
    if (!device)
        return true; // a workbook without relationships simply has no parts to find
    const QString source = part.left(part.indexOf(QLatin1String("_rels/"))) + QStringLiteral("x");
    QXmlStreamReader xml(device.get());
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        const auto attributes = xml.attributes();
        if (attributes.value(QLatin1String("TargetMode")) == u"External")
            continue;
        relationships->insert(attributes.value(QLatin1String("Id")).toString(),
                              {attributes.value(QLatin1String("Type")).toString(), resolveTarget(source, attributes.value(QLatin1String("Target")).toString())});
    }
    if (xml.hasError())
        return fail(QStringLiteral("the workbook is damaged: %1: %2").arg(part, xml.errorString()), QStringLiteral("an .xlsx workbook"));
    return true;
}

bool XlsxWorkbook::readWorkbook(const QString &part, QHash<QString, QString> *sheetIds)
{
    std::unique_ptr<QIODevice> device = m_archive.openEntry(part);
    QXmlStreamReader xml(device.get());
    while (device && !xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = xml.attributes();
        if (xml.name() == u"workbookPr") {
            m_date1904 = isTrue(attributes.value(QLatin1String("date1904")));
        } else if (xml.name() == u"sheet") {
            QString id;
            for (const QXmlStreamAttribute &attribute : attributes) {
                if (attribute.name() == u"id" && !attribute.namespaceUri().isEmpty())
                    id = attribute.value().toString();
            }
            m_sheets << XlsxSheet{attributes.value(QLatin1String("name")).toString(), QString()};
            sheetIds->insert(m_sheets.last().name, id);
        }
    }
    if (!device || xml.hasError())
        return fail(QStringLiteral("the workbook is damaged: %1: %2").arg(part, device ? xml.errorString() : m_archive.errorString()),
                    QStringLiteral("an .xlsx workbook"));
    return true;
}

bool XlsxWorkbook::readOptionalPart(const QHash<QString, Relationship> &relationships, const char *typeSuffix, bool styles)
{
    for (const Relationship &relationship : relationships) {
        if (!relationship.type.endsWith(QLatin1String(typeSuffix)))
            continue;
        std::unique_ptr<QIODevice> device = m_archive.openEntry(relationship.target);
        if (!device)
            return true; // referenced but absent: cells simply have no styles or shared strings
        const bool ok = styles ? m_styles.read(device.get()) : m_sharedStrings.read(device.get());
        if (!ok)
            return fail(QStringLiteral("the workbook is damaged: %1").arg(styles ? m_styles.errorString() : m_sharedStrings.errorString()),
                        QStringLiteral("an .xlsx workbook"));
    }
    return true;
}

int XlsxWorkbook::sheetIndex(const QString &name) const
{
    for (int i = 0; i < m_sheets.size(); ++i) {
        if (m_sheets[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace cpm
