// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QString>

namespace cpm {

class ZipArchive;

/**
 * Tells a spreadsheet file from a CSV one by its first bytes (or its name) and refuses, in
 * one line naming the format, the spreadsheets import cannot read: .xls and encrypted
 * workbooks (both OLE compound files), macro-enabled and binary workbooks, damaged zips.
 */
class XlsxFormat
{
public:
    /** A zip or OLE signature, or an .xlsx/.xlsm/.xlsb/.xls/.xltx/.xltm name: not to be read as CSV. */
    static bool isSpreadsheet(const QString &path);

    /** Before opening the zip: an OLE file (.xls or password-protected) or no zip signature. */
    static Error checkSignature(const QString &path);

    /** With the zip open: macros (vbaProject.bin, a macro-enabled content type) or a binary workbook. */
    static Error checkContents(const QString &path, ZipArchive &archive);

    /** The refusal @p message for @p path, with what would be read instead. */
    static Error refusal(const QString &path, const QString &message, const QString &expected);
};

} // namespace cpm
