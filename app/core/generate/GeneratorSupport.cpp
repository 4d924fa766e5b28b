// SPDX-License-Identifier: GPL-3.0-or-later
#include "generate/GeneratorSupport.h"

#include <algorithm>
#include <iterator>

namespace cpm::gen {

Prng streamFor(quint64 seed, quint64 tag)
{
    // Mix seed and tag through one SplitMix step so nearby seeds give unrelated streams.
    Prng mixer(seed ^ (tag * 0xD1B54A32D192ED03ULL));
    return Prng(mixer.next());
}

int pickCumulative(const std::vector<double> &cumulative, double draw)
{
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), draw);
    const auto index = std::distance(cumulative.begin(), it);
    return static_cast<int>(std::min<qsizetype>(index, static_cast<qsizetype>(cumulative.size()) - 1));
}

static bool needsQuotes(QByteArrayView value)
{
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

void appendField(QByteArray &out, QByteArrayView value)
{
    if (!needsQuotes(value)) {
        out.append(value);
        return;
    }
    out.append('"');
    for (const char c : value) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

QByteArray csvField(QByteArrayView value)
{
    QByteArray out;
    appendField(out, value);
    return out;
}

void appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    int n = 0;
    const bool negative = value < 0;
    quint64 rest = negative ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    do {
        digits[n++] = static_cast<char>('0' + rest % 10);
        rest /= 10;
    } while (rest != 0);
    if (negative)
        digits[n++] = '-';
    std::reverse(digits, digits + n);
    out.append(digits, n);
}

// Civil calendar <-> day count over 400-year eras (proleptic Gregorian); kept local rather
// than shared with the CSV parser so the generator stays an independent check of it.
qint64 epochSeconds(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yearOfEra = y - era * 400;
    const qint64 monthFromMarch = month > 2 ? month - 3 : month + 9;
    const qint64 dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return (era * 146097 + dayOfEra - 719468) * 86400;
}

static void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    *day = static_cast<int>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    *month = static_cast<int>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    *year = static_cast<int>(yearOfEra + era * 400 + (*month <= 2 ? 1 : 0));
}

static char *twoDigits(char *p, int value)
{
    *p++ = static_cast<char>('0' + value / 10);
    *p++ = static_cast<char>('0' + value % 10);
    return p;
}

void appendTimestamp(QByteArray &out, qint64 secondsSinceEpoch)
{
    const qint64 days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400;
    const int secondOfDay = static_cast<int>(secondsSinceEpoch - days * 86400);
    int year = 0, month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);
    char text[24];
    char *p = twoDigits(text, month);
    *p++ = '/';
    p = twoDigits(p, day);
    *p++ = '/';
    p = twoDigits(p, year / 100);
    p = twoDigits(p, year % 100);
    *p++ = ' ';
    const int hour = secondOfDay / 3600;
    if (hour >= 10)     // H: the hour is not zero-padded in the real extracts
        *p++ = static_cast<char>('0' + hour / 10);
    *p++ = static_cast<char>('0' + hour % 10);
    *p++ = ':';
    p = twoDigits(p, secondOfDay / 60 % 60);
    *p++ = ':';
    p = twoDigits(p, secondOfDay % 60);
    out.append(text, p - text);
}

void appendCardNumber(QByteArray &out, Prng &prng, char separator)
{
    // Digit-group layouts seen in card exports; 0 marks an unspaced number of that length.
    struct Layout { int groups[5]; };
    static const Layout layouts[] = {
        {{4, 4, 4, 4, 0}}, {{4, 4, 4, 4, 0}}, {{4, 6, 5, 0, 0}}, {{6, 10, 0, 0, 0}},
        {{16, 0, 0, 0, 0}}, {{16, 0, 0, 0, 0}}, {{15, 0, 0, 0, 0}}, {{19, 0, 0, 0, 0}},
        {{3, 5, 5, 3, 0}}, {{4, 4, 4, 4, 3}},
    };
    static const char leading[] = "4453562";
    const Layout &layout = layouts[prng.below(std::size(layouts))];
    bool first = true;
    for (const int group : layout.groups) {
        if (group == 0)
            break;
        if (!first)
            out.append(separator);
        for (int i = 0; i < group; ++i) {
            const char digit = first && i == 0 ? leading[prng.below(sizeof leading - 1)]
                                               : static_cast<char>('0' + prng.below(10));
            out.append(digit);
        }
        first = false;
    }
}

bool CsvSink::open(const QString &path, Error *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = Error::make(Error::Code::FileOpen, QStringLiteral("cannot create file: %1").arg(m_file.errorString()));
        error->file = path;
        return false;
    }
    m_buffer.clear();
    m_buffer.reserve(FlushAt + (64 << 10));
    m_buffer.append("\xEF\xBB\xBF", 3);   // UTF-8 BOM, as the spreadsheet exports write it
    return true;
}

bool CsvSink::flush(Error *error)
{
    if (!m_buffer.isEmpty() && m_file.write(m_buffer) != m_buffer.size()) {
        *error = Error::make(Error::Code::FileOpen, QStringLiteral("cannot write file: %1").arg(m_file.errorString()));
        error->file = m_file.fileName();
        return false;
    }
    m_buffer.resize(0);   // keeps the capacity: no reallocation per flush
    return true;
}

bool CsvSink::finish(Error *error)
{
    if (!flush(error))
        return false;
    m_file.close();
    if (m_file.error() != QFileDevice::NoError) {
        *error = Error::make(Error::Code::FileOpen, QStringLiteral("cannot write file: %1").arg(m_file.errorString()));
        error->file = m_file.fileName();
        return false;
    }
    return true;
}

void CsvSink::discard()
{
    m_file.close();
    if (!m_file.fileName().isEmpty())
        QFile::remove(m_file.fileName());
    m_buffer.clear();
    m_buffer.squeeze();
}

} // namespace cpm::gen
