// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <memory>

namespace cpm {

/** Text encoding of a CSV file as detected from its first bytes. */
enum class TextEncoding { Utf8, Utf8Bom, Windows1252 };

/** How a CSV file is written: delimiter, encoding and line ends. */
struct CsvDialect
{
    char delimiter = ',';
    TextEncoding encoding = TextEncoding::Utf8;
    bool crlf = false;
    /**
     * The worksheet the records come from when the file is an .xlsx workbook; null for CSV.
     * (Initialised here so {delimiter, encoding, crlf} still initialises a whole dialect.)
     */
    QString sheet = QString();

    /** Human-readable summary, e.g. "comma, UTF-8 with BOM, CRLF" or "xlsx workbook, sheet 'stores'". */
    QString describe() const;
};

/** One parsed record. A view: valid only inside the CsvReader::read() callback. */
class CsvRecord
{
public:
    int size() const { return m_count; }
    /** Field i, unquoted and unescaped, always UTF-8 (transcoded if the file is not). */
    QByteArrayView field(int i) const;
    /** 1-based physical line on which the record starts (the header is line 1). */
    qint64 lineNumber() const { return m_line; }
    /** The record's original bytes, without the line terminator (for reject reports). */
    QByteArrayView raw() const { return m_raw; }

private:
    friend class CsvReader;
    friend class CsvParser;
    friend class XlsxSheetReader; // worksheet rows are handed on as the same view
    const char *const *m_starts = nullptr;
    const int *m_sizes = nullptr;
    int m_count = 0;
    qint64 m_line = 0;
    QByteArrayView m_raw;
};

class CsvParser;

/**
 * Streaming RFC 4180 reader: bounded memory, one callback per record, progress in bytes,
 * cancel by returning false from the callback. Detects delimiter, encoding and line ends.
 */
class CsvReader
{
public:
    enum class Result { Ok, Stopped, Error };

    explicit CsvReader(const QString &path);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /** Opens the file and sniffs its dialect from the first 64 KiB. False: see error(). */
    bool open();
    const CsvDialect &dialect() const { return m_dialect; }
    /** Overrides the detected delimiter (call after open(), before read()). */
    void setDelimiter(char delimiter) { m_dialect.delimiter = delimiter; }

    /**
     * Streams every record, the header first, to @p onRecord. Blank lines are skipped.
     * Returns Stopped when the callback returned false, Error (see error()) on malformed
     * CSV such as an unterminated quote, a NUL byte or a record over maxRecordBytes().
     */
    Result read(const std::function<bool(const CsvRecord &)> &onRecord);

    qint64 fileSize() const { return m_fileSize; }
    /** Bytes consumed so far; safe to read from the callback for progress. */
    qint64 bytesRead() const;
    /**
     * Fields read as Windows-1252 and transcoded to UTF-8: every non-ASCII field of a file
     * detected as Windows-1252, plus fields that were not valid UTF-8 in a UTF-8 file.
     */
    qint64 transcodedFields() const;
    const Error &error() const { return m_error; }
    const QString &path() const { return m_path; }

    static constexpr qint64 maxRecordBytes() { return 16 * 1024 * 1024; }

private:
    QString m_path;
    CsvDialect m_dialect;
    qint64 m_fileSize = 0;
    Error m_error;
    std::unique_ptr<CsvParser> m_parser;
};

} // namespace cpm
