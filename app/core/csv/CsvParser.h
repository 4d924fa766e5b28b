// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csv/CsvReader.h"

#include <QFile>

#include <vector>

namespace cpm {

/**
 * The streaming state machine behind CsvReader. Reads the file in chunks into one buffer that
 * holds at most the current record plus one chunk, so memory is bounded by maxRecordBytes.
 * Fields point into that buffer unless they had to be unescaped or transcoded, in which case
 * they point into a scratch buffer reused for every record. Internal: use CsvReader; tests
 * construct it directly to use tiny chunks and limits.
 */
class CsvParser
{
public:
    static constexpr qint64 kDefaultChunkBytes = 1024 * 1024;

    explicit CsvParser(const QString &path, qint64 chunkBytes = kDefaultChunkBytes,
                       qint64 maxRecordBytes = CsvReader::maxRecordBytes());

    bool open(Error *error);
    qint64 fileSize() const { return m_file.size(); }
    /** Up to @p bytes from the start of the file, for sniffing. */
    QByteArray sample(qint64 bytes);

    CsvReader::Result run(const CsvDialect &dialect, const std::function<bool(const CsvRecord &)> &onRecord,
                          Error *error);

    qint64 bytesRead() const { return m_consumed; }
    qint64 transcodedFields() const { return m_transcoded; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteSeen };
    enum class Step { Record, NeedMore, Failed };
    /**
     * Byte offsets relative to the record start, so they survive moving the record in the
     * buffer. A field is quoted exactly when its first byte is a quote; a quoted field that is
     * not "escaped" has no quotes inside nor text after its closing quote.
     */
    struct Field { qsizetype begin; qsizetype end; bool escaped; };

    void reset(const CsvDialect &dialect);
    void startRecord();
    bool refill(Error *error);
    Step scan(Error *error);
    const char *scanUnquoted(const char *p, const char *end, const char *record, Step *step);
    const char *scanQuoted(const char *p, const char *end, Step *step);
    void endField(qsizetype end)
    {
        m_fields.push_back({m_fieldBegin, end, m_escaped});
        m_escaped = false;
    }
    CsvReader::Result finishRecord(qsizetype terminator, qsizetype next,
                                   const std::function<bool(const CsvRecord &)> &onRecord, Error *error);
    CsvReader::Result finishFile(const std::function<bool(const CsvRecord &)> &onRecord, Error *error);
    CsvRecord materialize(const char *record, qsizetype rawSize);
    QByteArrayView toUtf8(QByteArrayView field, char **out);

    Error csvError(qint64 line, int column, const QString &message, const QString &expected) const;
    Error nulError() const;
    Error tooLargeError(int column) const;
    Error unterminatedError() const;

    QFile m_file;
    qint64 m_chunkBytes;
    qint64 m_maxRecordBytes;

    QByteArray m_buffer;
    qsizetype m_begin = 0;     ///< start of the record being scanned
    qsizetype m_scan = 0;      ///< next byte to scan
    qsizetype m_end = 0;       ///< end of the bytes read so far
    qint64 m_bufferOffset = 0; ///< file offset of m_buffer[0]
    bool m_eof = false;

    char m_delimiter = ',';
    bool m_windows1252 = false;

    State m_state = State::FieldStart;
    std::vector<Field> m_fields;
    qsizetype m_fieldBegin = 0;
    bool m_escaped = false;       ///< the current quoted field needs unescaping
    unsigned char m_seenBits = 0; ///< OR of every byte of the record: bit 7 means "not ASCII"
    qint64 m_line = 1;            ///< physical line on which the current record starts
    qint64 m_newlines = 0;        ///< line ends inside quotes so far in the current record
    qint64 m_quoteLine = 0;       ///< line on which the open quoted field started

    std::vector<const char *> m_starts;
    std::vector<int> m_sizes;
    QByteArray m_scratch;

    qint64 m_consumed = 0;
    qint64 m_transcoded = 0;
};

} // namespace cpm
