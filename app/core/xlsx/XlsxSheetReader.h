// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "csv/CsvReader.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

#include <functional>
#include <memory>
#include <vector>

namespace cpm {

class XlsxWorkbook;
class ZipEntryDevice;

/**
 * Streams one worksheet as records, like CsvReader streams a file: the XML is read with
 * QXmlStreamReader straight from the inflating zip entry, one row at a time, so memory stays
 * bounded whatever the sheet's size. Each cell becomes the text a CSV export would hold
 * (shared and inline strings, booleans, errors, numbers in shortest form, date cells as
 * "YYYY-MM-DD HH:MM:SS"); missing cells are empty fields; blank rows are skipped; the first
 * non-blank row is the header and sets the table's first column and its width, so empty
 * trailing columns are not fields. A record's line number is its sheet row number.
 */
class XlsxSheetReader
{
public:
    enum class Result { Ok, Stopped, Error };

    /** Reads sheet @p sheetIndex of @p workbook, which must stay open while this reads. */
    XlsxSheetReader(XlsxWorkbook &workbook, int sheetIndex);
    ~XlsxSheetReader();
    XlsxSheetReader(const XlsxSheetReader &) = delete;
    XlsxSheetReader &operator=(const XlsxSheetReader &) = delete;

    /** Streams every record, the header first; Stopped when @p onRecord returned false. */
    Result read(const std::function<bool(const CsvRecord &)> &onRecord);
    const Error &error() const { return m_error; }

    /** Uncompressed sheet XML read so far, and its whole size: progress. */
    qint64 bytesRead() const;
    qint64 totalBytes() const { return m_totalBytes; }
    /** The cell reference ("C5") of @p field of the record on @p row. */
    QString cellName(int field, qint64 row) const;

private:
    bool readRow();
    bool readCell(int *nextColumn);
    bool storeCell(int column, QStringView type, int style, const QString &value);
    /** Fields of the current row: 0 when blank; the first non-blank row fixes origin and width. */
    int fieldCount();
    bool emitRow(const std::function<bool(const CsvRecord &)> &onRecord, bool *stop);
    bool fail(const QString &message, int column = -1);
    bool failXml();

    XlsxWorkbook &m_workbook;
    int m_sheet;
    qint64 m_totalBytes = 0;
    std::unique_ptr<QIODevice> m_device;
    QXmlStreamReader m_xml;
    Error m_error;
    std::vector<QByteArray> m_cells; ///< this row's cells by sheet column (0 = A)
    int m_filled = 0;                ///< columns of m_cells written in this row
    qint64 m_row = 0;                ///< sheet row number of the current row
    int m_origin = -1;               ///< the header's first column: the table's column A
    int m_width = 0;                 ///< the header's fields
    std::vector<const char *> m_starts;
    std::vector<int> m_sizes;
    QByteArray m_raw;
};

} // namespace cpm
