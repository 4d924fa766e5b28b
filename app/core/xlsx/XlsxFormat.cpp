// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/XlsxFormat.h"

#include "xlsx/ZipArchive.h"

#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

namespace cpm {

namespace {

const QByteArray kOleMagic = QByteArrayLiteral("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
const QByteArray kZipMagic = QByteArrayLiteral("PK\x03\x04");
const QByteArray kEmptyZipMagic = QByteArrayLiteral("PK\x05\x06");

QByteArray firstBytes(const QString &path, int count)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(count) : QByteArray();
}

// An encrypted OOXML file is an OLE container with an "EncryptedPackage" stream; its
// directory entry (UTF-16 name) sits somewhere in the file, usually near the start.
bool hasEncryptedPackage(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray name = QByteArrayLiteral("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0");
    QByteArray previous;
    for (qint64 read = 0; read < (64 << 20) && !file.atEnd();) {
        const QByteArray block = file.read(1 << 20);
        read += block.size();
        if ((previous.right(name.size()) + block).contains(name))
            return true;
        previous = block;
    }
    return false;
}

const QString kWanted = QStringLiteral("an .xlsx workbook (Excel Workbook) or CSV files");

} // namespace

bool XlsxFormat::isSpreadsheet(const QString &path)
{
    static const QStringList suffixes{QStringLiteral("xlsx"), QStringLiteral("xlsm"), QStringLiteral("xlsb"),
                                      QStringLiteral("xls"), QStringLiteral("xltx"), QStringLiteral("xltm")};
    if (suffixes.contains(QFileInfo(path).suffix().toLower()))
        return true;
    const QByteArray head = firstBytes(path, 8);
    return head.startsWith(kZipMagic) || head.startsWith(kEmptyZipMagic) || head.startsWith(kOleMagic);
}

Error XlsxFormat::refusal(const QString &path, const QString &message, const QString &expected)
{
    Error error = Error::make(Error::Code::FileOpen, message);
    error.file = path;
    error.expected = expected;
    return error;
}

Error XlsxFormat::checkSignature(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refusal(path, file.errorString(), QString());
    const QByteArray head = file.read(8);
    if (head.startsWith(kOleMagic)) {
        if (hasEncryptedPackage(path))
            return refusal(path, QStringLiteral("a password-protected (encrypted) Excel workbook cannot be read"),
                           QStringLiteral("the workbook saved again without a password, as .xlsx"));
        return refusal(path, QStringLiteral("an Excel 97-2003 workbook (.xls) cannot be read"),
                       QStringLiteral("the workbook saved as .xlsx (Excel Workbook) or as CSV"));
    }
    if (!head.startsWith(kZipMagic) && !head.startsWith(kEmptyZipMagic))
        return refusal(path, QStringLiteral("not an .xlsx workbook: the file is not a zip archive"), kWanted);
    return Error();
}

Error XlsxFormat::checkContents(const QString &path, ZipArchive &archive)
{
    for (const QString &name : archive.names()) {
        if (name.endsWith(QLatin1String("vbaProject.bin"), Qt::CaseInsensitive))
            return refusal(path, QStringLiteral("a macro-enabled workbook (.xlsm) is not imported"),
                           QStringLiteral("the workbook saved as .xlsx (Excel Workbook, without macros)"));
    }
    std::unique_ptr<QIODevice> types = archive.openEntry(QStringLiteral("[Content_Types].xml"));
    QXmlStreamReader xml(types.get());
    while (types && !xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView type = xml.attributes().value(QLatin1String("ContentType"));
        if (type.contains(u"sheet.binary"))
            return refusal(path, QStringLiteral("a binary workbook (.xlsb) cannot be read"),
                           QStringLiteral("the workbook saved as .xlsx (Excel Workbook)"));
        if (type.contains(u"macroEnabled"))
            return refusal(path, QStringLiteral("a macro-enabled workbook (.xlsm) is not imported"),
                           QStringLiteral("the workbook saved as .xlsx (Excel Workbook, without macros)"));
    }
    return Error();
}

} // namespace cpm
