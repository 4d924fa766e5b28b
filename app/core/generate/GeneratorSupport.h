// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <vector>

/** Building blocks of ExtractGenerator: a seeded PRNG, a buffered CSV sink, field formatting. */
namespace cpm::gen {

/**
 * SplitMix64: tiny, fast and fully specified, so a seed gives the same stream on every
 * platform and compiler (std::mt19937's distributions are not portable across libraries).
 */
class Prng
{
public:
    explicit Prng(quint64 seed) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /** In [0, n); the modulo bias is far below anything the data could show. */
    quint64 below(quint64 n) { return n == 0 ? 0 : next() % n; }
    /** In [lo, hi], inclusive. */
    qint64 range(qint64 lo, qint64 hi) { return lo + static_cast<qint64>(below(static_cast<quint64>(hi - lo) + 1)); }
    /** In [0, 1) with 53 random bits. */
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return uniform() < p; }

private:
    quint64 m_state;
};

/** An independent stream per table, so changing one table's size leaves the others alone. */
Prng streamFor(quint64 seed, quint64 tag);

/** Index into a cumulative weight table (ascending, last = total) for a draw in [0, total). */
int pickCumulative(const std::vector<double> &cumulative, double draw);

/** Appends @p value as an RFC 4180 field: quoted only if it holds a comma, quote or line break. */
void appendField(QByteArray &out, QByteArrayView value);
QByteArray csvField(QByteArrayView value);

void appendNumber(QByteArray &out, qint64 value);
/** "MM/DD/YYYY H:MM:SS" for naive seconds since 1970-01-01, the real extracts' layout. */
void appendTimestamp(QByteArray &out, qint64 secondsSinceEpoch);
/** Naive seconds since 1970 of a civil date at midnight. */
qint64 epochSeconds(int year, int month, int day);

/** A made-up card number: 15 to 19 digits, mostly in groups separated by @p separator. */
void appendCardNumber(QByteArray &out, Prng &prng, char separator = ' ');

/**
 * Writes one CSV file through a large buffer (few syscalls, flat memory). Starts with a
 * UTF-8 BOM; rows end with CRLF. Errors carry the file path.
 */
class CsvSink
{
public:
    static constexpr qsizetype FlushAt = 1 << 20;

    bool open(const QString &path, Error *error);
    QByteArray &buffer() { return m_buffer; }
    /** Ends the row with CRLF and flushes when the buffer passed FlushAt. */
    bool endRow(Error *error)
    {
        m_buffer.append("\r\n", 2);
        return m_buffer.size() < FlushAt || flush(error);
    }
    bool finish(Error *error);
    /** Closes and deletes the file (cancel or failure: no half-written extract stays). */
    void discard();
    QString path() const { return m_file.fileName(); }

private:
    bool flush(Error *error);

    QFile m_file;
    QByteArray m_buffer;
};

} // namespace cpm::gen
