// SPDX-License-Identifier: GPL-3.0-or-later
// Workbooks written part by part, as a producer other than libxlsxwriter would: the suites
// choose each XML part's exact text and zip them with libzip. Header-only.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QStringList>
#include <QTest>

#include <zip.h>

namespace cpm::test {

/** Writes @p parts (entry name → bytes) as the zip archive @p path. */
inline bool writeZip(const QString &path, const QMap<QString, QByteArray> &parts)
{
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive)
        return false;
    for (auto it = parts.cbegin(); it != parts.cend(); ++it) {
        // libzip reads the buffer at zip_close(): it must outlive this loop, so it is copied.
        void *copy = malloc(std::size_t(it.value().size()) + 1);
        memcpy(copy, it.value().constData(), std::size_t(it.value().size()));
        zip_source_t *source = zip_source_buffer(archive, copy, zip_uint64_t(it.value().size()), 1);
        if (!source || zip_file_add(archive, it.key().toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            zip_discard(archive);
            return false;
        }
    }
    return zip_close(archive) == 0;
}

/** A worksheet part around @p rows (the <row> elements). */
inline QByteArray sheetXml(const QByteArray &rows)
{
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                             "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                             "<sheetData>") + rows + QByteArrayLiteral("</sheetData></worksheet>");
}

/**
 * The parts of a workbook with @p sheets (name → worksheet XML, in tab order as listed by
 * @p order), plus @p sharedStrings and @p styles when not empty, and @p workbookPr inside
 * workbook.xml (e.g. <workbookPr date1904="1"/>).
 */
inline QMap<QString, QByteArray> workbookParts(const QStringList &order, const QMap<QString, QByteArray> &sheets,
                                               const QByteArray &sharedStrings = {}, const QByteArray &styles = {},
                                               const QByteArray &workbookPr = {})
{
    const QByteArray relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    QByteArray types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                       "<Override PartName=\"/xl/workbook.xml\" "
                       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    QByteArray sheetList, rels;
    QMap<QString, QByteArray> parts;
    for (int i = 0; i < order.size(); ++i) {
        const QByteArray n = QByteArray::number(i + 1);
        sheetList += "<sheet name=\"" + order[i].toUtf8() + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + relNs + "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        parts.insert(QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1), sheets.value(order[i]));
    }
    if (!sharedStrings.isEmpty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + relNs + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts.insert(QStringLiteral("xl/sharedStrings.xml"), sharedStrings);
    }
    if (!styles.isEmpty()) {
        rels += "<Relationship Id=\"rIdT\" Type=\"" + relNs + "/styles\" Target=\"/xl/styles.xml\"/>";
        parts.insert(QStringLiteral("xl/styles.xml"), styles);
    }
    parts.insert(QStringLiteral("[Content_Types].xml"), types);
    parts.insert(QStringLiteral("_rels/.rels"),
                 "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"" + relNs + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    parts.insert(QStringLiteral("xl/workbook.xml"),
                 "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                 "xmlns:r=\"" + relNs + "\">" + workbookPr + "<sheets>" + sheetList + "</sheets></workbook>");
    parts.insert(QStringLiteral("xl/_rels/workbook.xml.rels"),
                 "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 + rels + "</Relationships>");
    return parts;
}

} // namespace cpm::test
