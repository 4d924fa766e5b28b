// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/CsvParser.h"

#include "csv/CsvScan.h"
#include "csv/CsvSniffer.h"
#include "csv/Windows1252.h"

#include <cstring>

namespace cpm {

using csvscan::findStop;
using csvscan::unescapeQuoted;

namespace {

QString sizeText(qint64 bytes)
{
    constexpr qint64 mib = 1024 * 1024;
    return bytes % mib == 0 ? QStringLiteral("%1 MiB").arg(bytes / mib) : QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

CsvParser::CsvParser(const QString &path, qint64 chunkBytes, qint64 maxRecordBytes)
    : m_file(path), m_chunkBytes(qMax<qint64>(1, chunkBytes)), m_maxRecordBytes(maxRecordBytes)
{
}

bool CsvParser::open(Error *error)
{
    if (m_file.open(QIODevice::ReadOnly))
        return true;
    *error = Error::make(Error::Code::FileOpen, QStringLiteral("cannot open the file: %1").arg(m_file.errorString()));
    error->file = m_file.fileName();
    error->expected = QStringLiteral("a readable CSV file");
    return false;
}

QByteArray CsvParser::sample(qint64 bytes)
{
    m_file.seek(0);
    return m_file.read(bytes);
}

void CsvParser::reset(const CsvDialect &dialect)
{
    m_delimiter = dialect.delimiter;
    m_windows1252 = dialect.encoding == TextEncoding::Windows1252;
    m_begin = m_scan = m_end = 0;
    m_eof = false;
    m_line = 1;
    m_transcoded = 0;
    m_file.seek(0);
    // The BOM would otherwise end up in the first header name.
    const QByteArray head = m_file.read(kUtf8Bom.size());
    if (QByteArrayView(head) != kUtf8Bom)
        m_file.seek(0);
    m_bufferOffset = m_consumed = m_file.pos();
    startRecord();
}

void CsvParser::startRecord()
{
    m_state = State::FieldStart;
    m_fields.clear();
    m_fieldBegin = 0;
    m_escaped = false;
    m_seenBits = 0;
    m_newlines = 0;
}

CsvReader::Result CsvParser::run(const CsvDialect &dialect, const std::function<bool(const CsvRecord &)> &onRecord,
                                 Error *error)
{
    if (QByteArrayView("\"\r\n", 4).contains(dialect.delimiter)) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("unusable CSV delimiter"));
        error->file = m_file.fileName();
        error->expected = QStringLiteral("a delimiter other than a quote, a line end or NUL");
        return CsvReader::Result::Error;
    }
    reset(dialect);
    for (;;) {
        const Step step = scan(error);
        if (step == Step::Failed)
            return CsvReader::Result::Error;
        if (step == Step::Record) {
            const qsizetype terminator = m_scan - m_begin;
            const CsvReader::Result result = finishRecord(terminator, terminator + 1, onRecord, error);
            if (result != CsvReader::Result::Ok)
                return result;
        } else if (m_eof) {
            return finishFile(onRecord, error);
        } else if (!refill(error)) {
            return CsvReader::Result::Error;
        }
    }
}

bool CsvParser::refill(Error *error)
{
    // Everything pending belongs to the unfinished record; one byte of slack for the CR of a
    // CRLF, which does not count towards the record's size.
    const qsizetype pending = m_end - m_begin;
    if (pending > m_maxRecordBytes + 1) {
        *error = tooLargeError(int(m_fields.size()) + 1);
        return false;
    }
    // Move the unfinished record to the front: the buffer never holds more than it plus a chunk.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_begin, size_t(pending));
        m_bufferOffset += m_begin;
        m_scan -= m_begin;
        m_end = pending;
        m_begin = 0;
    }
    const qsizetype needed = pending + qsizetype(m_chunkBytes);
    if (m_buffer.size() < needed)
        m_buffer.resize(needed);
    const qint64 got = m_file.read(m_buffer.data() + m_end, m_chunkBytes);
    if (got < 0) {
        *error = Error::make(Error::Code::FileOpen, QStringLiteral("cannot read the file: %1").arg(m_file.errorString()));
        error->file = m_file.fileName();
        error->line = m_line;
        return false;
    }
    m_eof = got == 0;
    m_end += qsizetype(got);
    return true;
}

CsvParser::Step CsvParser::scan(Error *error)
{
    const char *const base = m_buffer.constData();
    const char *const record = base + m_begin;
    const char *const end = base + m_end;
    const char *p = base + m_scan;
    Step step = Step::NeedMore;
    while (p < end && step == Step::NeedMore) {
        switch (m_state) {
        case State::FieldStart:
            // Only a quote as the very first byte makes a quoted field (RFC 4180).
            if (*p == '"') {
                m_state = State::Quoted;
                m_quoteLine = m_line + m_newlines;
                ++p;
            } else {
                m_state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            p = scanUnquoted(p, end, record, &step);
            break;
        case State::Quoted:
            p = scanQuoted(p, end, &step);
            break;
        case State::QuoteSeen:
            // A second quote is an escaped quote. Anything else means the quote closed the
            // field; text after it is kept literally, like a stray quote. A CR here is
            // usually half a CRLF: materialize() checks the field really ends in the quote.
            if (*p == '"') {
                m_state = State::Quoted;
                m_escaped = true;
                ++p;
            } else {
                m_state = State::Unquoted;
                m_escaped = m_escaped || (*p != m_delimiter && *p != '\n' && *p != '\r');
            }
            break;
        }
    }
    m_scan = p - base;
    if (step == Step::Failed)
        *error = nulError();
    return step;
}

/**
 * Runs through unquoted fields up to a line end, a NUL or a field that starts with a quote.
 * Stops on a line end or NUL without passing it. A stray quote inside the field is kept.
 */
const char *CsvParser::scanUnquoted(const char *p, const char *end, const char *record, Step *step)
{
    for (;;) {
        p = findStop(p, end, m_delimiter, &m_seenBits);
        if (p == end)
            return p;
        if (*p == '\n') {
            qsizetype fieldEnd = p - record;
            if (fieldEnd > m_fieldBegin && p[-1] == '\r')
                --fieldEnd;
            endField(fieldEnd);
            *step = Step::Record;
            return p;
        }
        if (*p == '\0') {
            *step = Step::Failed;
            return p;
        }
        endField(p - record);
        m_fieldBegin = ++p - record;
        // Stay in this loop while the next field is unquoted too: it saves a trip through scan().
        if (p == end || *p == '"') {
            m_state = State::FieldStart;
            return p;
        }
    }
}

/** Runs to the quote that ends or escapes, counting the line ends inside the field. */
const char *CsvParser::scanQuoted(const char *p, const char *end, Step *step)
{
    for (;;) {
        p = findStop(p, end, '"', &m_seenBits); // a quote, a line feed or NUL
        if (p == end)
            return p;
        if (*p == '\n') {
            ++m_newlines;
            ++p;
        } else if (*p == '\0') {
            *step = Step::Failed;
            return p;
        } else {
            m_state = State::QuoteSeen;
            return p + 1;
        }
    }
}

CsvReader::Result CsvParser::finishRecord(qsizetype terminator, qsizetype next,
                                          const std::function<bool(const CsvRecord &)> &onRecord, Error *error)
{
    const char *const record = m_buffer.constData() + m_begin;
    qsizetype rawSize = terminator;
    if (rawSize > 0 && record[rawSize - 1] == '\r')
        --rawSize;
    if (rawSize > m_maxRecordBytes) {
        *error = tooLargeError(0); // the record is complete: no single column is to blame
        return CsvReader::Result::Error;
    }
    m_consumed = m_bufferOffset + m_begin + next;
    // An empty line is skipped, but it still counts for the line numbers.
    const bool keepGoing = rawSize == 0 || onRecord(materialize(record, rawSize));
    m_line += m_newlines + 1;
    m_begin = m_scan = m_begin + next;
    startRecord();
    return keepGoing ? CsvReader::Result::Ok : CsvReader::Result::Stopped;
}

CsvReader::Result CsvParser::finishFile(const std::function<bool(const CsvRecord &)> &onRecord, Error *error)
{
    if (m_state == State::Quoted) {
        *error = unterminatedError();
        return CsvReader::Result::Error;
    }
    const qsizetype size = m_end - m_begin;
    if (size == 0) {
        m_consumed = m_bufferOffset + m_end;
        return CsvReader::Result::Ok;
    }
    // The last line has no line end.
    qsizetype fieldEnd = size;
    if (fieldEnd > m_fieldBegin && m_buffer.at(m_begin + fieldEnd - 1) == '\r')
        --fieldEnd;
    endField(fieldEnd);
    return finishRecord(size, size, onRecord, error);
}

CsvRecord CsvParser::materialize(const char *record, qsizetype rawSize)
{
    const size_t count = m_fields.size();
    m_starts.resize(count);
    m_sizes.resize(count);
    const bool ascii = !(m_seenBits & 0x80);
    // Unescaping only shrinks a field and transcoding at most triples it: with this much room
    // reserved up front the scratch buffer never moves while fields point into it.
    const qsizetype room = ascii ? rawSize : 4 * rawSize;
    if (m_scratch.size() < room)
        m_scratch.resize(room);
    char *out = m_scratch.data();
    for (size_t i = 0; i < count; ++i) {
        const Field &span = m_fields[i];
        QByteArrayView field(record + span.begin, span.end - span.begin);
        if (field.isEmpty() || field.front() != '"') {
            // unquoted: used as it is
        } else if (!span.escaped && field.size() >= 2 && field.back() == '"') {
            field = field.sliced(1, field.size() - 2); // no copy needed
        } else {
            char *const start = out;
            out = unescapeQuoted(field, out);
            field = QByteArrayView(start, out - start);
        }
        if (!ascii)
            field = toUtf8(field, &out);
        m_starts[i] = field.data();
        m_sizes[i] = int(field.size());
    }
    CsvRecord result;
    result.m_starts = m_starts.data();
    result.m_sizes = m_sizes.data();
    result.m_count = int(count);
    result.m_line = m_line;
    result.m_raw = QByteArrayView(record, rawSize);
    return result;
}

/** Returns @p field itself when it is valid UTF-8, else its Windows-1252 reading written to @p out. */
QByteArrayView CsvParser::toUtf8(QByteArrayView field, char **out)
{
    if (!hasNonAscii(field) || (!m_windows1252 && field.isValidUtf8()))
        return field;
    char *const start = *out;
    *out = windows1252ToUtf8(field, start);
    ++m_transcoded;
    return QByteArrayView(start, *out - start);
}

Error CsvParser::csvError(qint64 line, int column, const QString &message, const QString &expected) const
{
    Error error = Error::make(Error::Code::Csv, message);
    error.file = m_file.fileName();
    error.line = line;
    error.column = column;
    error.expected = expected;
    return error;
}

Error CsvParser::nulError() const
{
    return csvError(m_line + m_newlines, int(m_fields.size()) + 1, QStringLiteral("NUL byte in the data"),
                    QStringLiteral("text in UTF-8 or Windows-1252 (a UTF-16 or binary file?)"));
}

/** Usually a quote that is never closed, so say where it was opened. */
Error CsvParser::tooLargeError(int column) const
{
    const QString limit = sizeText(m_maxRecordBytes);
    const bool open = m_state == State::Quoted;
    return csvError(m_line, column, QStringLiteral("record is longer than %1").arg(limit),
                    open ? QStringLiteral("a closing quote for the field opened on line %1").arg(m_quoteLine)
                         : QStringLiteral("a line end within %1").arg(limit));
}

Error CsvParser::unterminatedError() const
{
    Error error = csvError(m_quoteLine, int(m_fields.size()) + 1, QStringLiteral("quoted field is never closed"),
                           QStringLiteral("a closing quote (\") before the end of the file"));
    // Show how the field starts, up to its first line end, so it can be found in the file.
    QByteArrayView text(m_buffer.constData() + m_begin + m_fieldBegin + 1, m_end - m_begin - m_fieldBegin - 1);
    const qsizetype lineEnd = text.indexOf('\n');
    error.value = QString::fromUtf8(text.first(qMin<qsizetype>(lineEnd < 0 ? text.size() : lineEnd, 40)).trimmed());
    return error;
}

} // namespace cpm
