// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "report/TableWriters.h"

namespace cpm {

/**
 * Writes @p table as an RFC 4180 CSV file (UTF-8, header row, unformatted numbers) through
 * QSaveFile, so an existing file is replaced only once the new one is complete.
 * @p byteOrderMark prepends a UTF-8 BOM, which older Excel versions need to detect UTF-8.
 */
Error writeCsvFile(const QString &path, const MetricTable &table, const CsvOptions &options = CsvOptions(),
                   bool byteOrderMark = false);

/** Tab-separated text for the clipboard: readable headers, unformatted numbers, CRLF rows. */
QString toTsv(const MetricTable &table);

/** Writes @p bytes to @p path atomically (QSaveFile); the error names the path. */
Error writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace cpm
