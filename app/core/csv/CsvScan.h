// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The byte-level inner loops of CsvParser, inline because they run for every field.

#include <QByteArrayView>
#include <QtEndian>

#include <cstring>

namespace cpm::csvscan {

/**
 * Copies a quoted field without its quotes, turning each doubled quote into one. Text after
 * the closing quote is kept, as the scanner keeps it. A byte loop: fields are short.
 */
inline char *unescapeQuoted(QByteArrayView field, char *out)
{
    const char *p = field.data() + 1; // after the opening quote
    const char *const end = field.data() + field.size();
    bool quoted = true;
    while (p < end) {
        if (*p != '"' || !quoted) {
            *out++ = *p++;
        } else if (p + 1 < end && p[1] == '"') {
            *out++ = '"';
            p += 2;
        } else {
            quoted = false; // the closing quote
            ++p;
        }
    }
    return out;
}

constexpr quint64 kOnes = 0x0101010101010101ULL;
constexpr quint64 kHighBits = 0x8080808080808080ULL;

/** Bit 7 of each byte of the result is set exactly where @p word has a zero byte. */
constexpr quint64 zeroBytes(quint64 word)
{
    constexpr quint64 low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((word & low7) + low7) | word | low7);
}

/**
 * The first @p delimiter, line feed or NUL from @p p, or @p end; looks at 8 bytes at a time
 * since nearly every byte of a large extract goes through here (inside quotes the "delimiter"
 * is the quote). Sets bit 7 of @p seen when a byte it passed over is not ASCII.
 */
inline const char *findStop(const char *p, const char *end, char delimiter, unsigned char *seen)
{
    const quint64 delimiters = kOnes * static_cast<unsigned char>(delimiter);
    constexpr quint64 lineFeeds = kOnes * '\n';
    quint64 passed = 0;
    for (; end - p >= 8; p += 8) {
        const auto word = qFromLittleEndian<quint64>(p); // byte 0 in the low bits
        const quint64 stops = zeroBytes(word ^ delimiters) | zeroBytes(word ^ lineFeeds) | zeroBytes(word);
        if (stops) {
            const int offset = qCountTrailingZeroBits(stops) / 8;
            passed |= word & ((quint64(1) << (8 * offset)) - 1);
            p += offset;
            end = p; // found: skip the byte loop
            break;
        }
        passed |= word;
    }
    for (; p < end && *p != delimiter && *p != '\n' && *p != '\0'; ++p)
        passed |= static_cast<unsigned char>(*p);
    if (passed & kHighBits)
        *seen |= 0x80;
    return p;
}

} // namespace cpm::csvscan
