// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/Windows1252.h"

namespace cpm {

namespace {

// 0x80..0x9F are the only bytes where Windows-1252 differs from Latin-1. The five unassigned
// ones map to the C1 control of the same value, as the WHATWG encoding standard does: nothing
// is lost and the output stays valid UTF-8.
constexpr char16_t kHighControls[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char *putUtf8(char16_t cp, char *out)
{
    if (cp < 0x80) {
        *out++ = char(cp);
    } else if (cp < 0x800) {
        *out++ = char(0xC0 | (cp >> 6));
        *out++ = char(0x80 | (cp & 0x3F));
    } else {
        *out++ = char(0xE0 | (cp >> 12));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    }
    return out;
}

} // namespace

bool hasNonAscii(QByteArrayView bytes)
{
    unsigned char seen = 0;
    for (const char c : bytes)
        seen |= static_cast<unsigned char>(c);
    return seen & 0x80;
}

char *windows1252ToUtf8(QByteArrayView source, char *out)
{
    for (const char c : source) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80)
            *out++ = c;
        else if (byte < 0xA0)
            out = putUtf8(kHighControls[byte - 0x80], out);
        else
            out = putUtf8(char16_t(byte), out);
    }
    return out;
}

} // namespace cpm
