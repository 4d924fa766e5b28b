// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "xlsx/XlsxSharedStrings.h"
#include "xlsx/XlsxStyles.h"
#include "xlsx/ZipArchive.h"

#include <QString>
#include <QVector>

namespace cpm {

/** One worksheet of a workbook: its tab name and the zip entry holding its XML. */
struct XlsxSheet
{
    QString name;
    QString part; ///< e.g. "xl/worksheets/sheet1.xml"
};

/**
 * An .xlsx workbook opened for reading: the refusals (see XlsxFormat), the worksheets in tab
 * order (workbook.xml and its relationships), the date system, the date styles and the shared
 * strings. Worksheets themselves are streamed by XlsxSheetReader.
 */
class XlsxWorkbook
{
public:
    /** Opens @p path and reads everything but the sheets; false: see error() (one line, names the format). */
    bool open(const QString &path);
    const Error &error() const { return m_error; }
    const QString &path() const { return m_path; }

    const QVector<XlsxSheet> &sheets() const { return m_sheets; }
    /** Index of the sheet named @p name (case-insensitive, as Excel compares them), -1 when absent. */
    int sheetIndex(const QString &name) const;
    bool date1904() const { return m_date1904; }
    const XlsxStyles &styles() const { return m_styles; }
    const XlsxSharedStrings &sharedStrings() const { return m_sharedStrings; }
    ZipArchive &archive() { return m_archive; }

private:
    struct Relationship
    {
        QString type;
        QString target; ///< resolved to a zip entry name
    };

    bool fail(const QString &message, const QString &expected = QString());
    QString mainPart();
    bool readRelationships(const QString &part, QHash<QString, Relationship> *relationships);
    bool readWorkbook(const QString &part, QHash<QString, QString> *sheetIds);
    bool readOptionalPart(const QHash<QString, Relationship> &relationships, const char *typeSuffix, bool styles);

    QString m_path;
    ZipArchive m_archive;
    Error m_error;
    QVector<XlsxSheet> m_sheets;
    bool m_date1904 = false;
    XlsxStyles m_styles;
    XlsxSharedStrings m_sharedStrings;
};

} // namespace cpm
