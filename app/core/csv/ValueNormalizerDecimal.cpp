// SPDX-License-Identifier: GPL-3.0-or-later
// Amounts with a decimal point or a decimal comma, with or without thousands groups. On the
// import hot path: the value is rewritten into a stack buffer as "[-]digits[.digits][e±n]"
// and converted with std::from_chars (locale-independent); nothing is allocated.
#include "csv/ValueNormalizer.h"

#include <charconv>

namespace cpm::ValueNormalizer {

namespace {

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr int kMaxLength = 64;

/** Where the separators of a (trimmed, unsigned) number are. */
struct Shape
{
    int dots = 0;
    int commas = 0;
    qsizetype lastDot = -1;
    qsizetype lastComma = -1;
    qsizetype end = 0;          ///< end of the mantissa (start of the exponent, or size)
    bool other = false;         ///< a character that belongs in no number
};

Shape shapeOf(QByteArrayView s)
{
    Shape shape;
    shape.end = s.size();
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == 'e' || c == 'E') {
            shape.end = i;
            break;
        }
        if (c == '.')
            ++shape.dots, shape.lastDot = i;
        else if (c == ',')
            ++shape.commas, shape.lastComma = i;
        else if (!isDigit(c))
            shape.other = true;
    }
    return shape;
}

QByteArrayView unsignedPart(QByteArrayView s)
{
    return !s.isEmpty() && (s[0] == '+' || s[0] == '-') ? s.sliced(1) : s;
}

/**
 * Copies the integral digits of @p s from @p i on into @p buf at @p n, dropping @p group
 * separators between groups of three (the first group 1-3 digits, not starting with 0).
 * Returns where the digits end, or -1 when they are not of that form.
 */
qsizetype copyWhole(QByteArrayView s, qsizetype i, char group, char *buf, int *n)
{
    const qsizetype digitsFrom = i;
    qsizetype groupStart = i;
    bool grouped = false;
    for (; i < s.size() && (isDigit(s[i]) || s[i] == group); ++i) {
        if (s[i] != group) {
            buf[(*n)++] = s[i];
            continue;
        }
        const qsizetype run = i - groupStart;
        if (grouped ? run != 3 : (run < 1 || run > 3 || s[digitsFrom] == '0'))
            return -1;
        grouped = true;
        groupStart = i + 1;
    }
    return i == digitsFrom || (grouped && i - groupStart != 3) ? -1 : i;
}

/** Copies "@p mark digits" from @p i on (as '.' for @p decimal), or nothing; -1 when bare. */
qsizetype copyPart(QByteArrayView s, qsizetype i, char mark, bool isExponent, char *buf, int *n)
{
    if (i == s.size() || (isExponent ? (s[i] != 'e' && s[i] != 'E') : s[i] != mark))
        return i;
    buf[(*n)++] = isExponent ? 'e' : '.';
    ++i;
    if (isExponent && i < s.size() && (s[i] == '+' || s[i] == '-'))
        buf[(*n)++] = s[i++];
    const qsizetype from = i;
    while (i < s.size() && isDigit(s[i]))
        buf[(*n)++] = s[i++];
    return i == from ? -1 : i;
}

/**
 * Copies @p s into @p buf as a from_chars number: grouped digits (see copyWhole), @p decimal
 * as '.', an exponent. Returns the length, or -1 when the value is not a number of that form.
 */
int canonical(QByteArrayView s, char decimal, char group, char *buf)
{
    if (s.size() >= kMaxLength)
        return -1;
    int n = 0;
    qsizetype i = 0;
    if (s[0] == '-' || s[0] == '+')
        buf[n] = '-', n += s[0] == '-', ++i;
    i = copyWhole(s, i, group, buf, &n);
    if (i >= 0)
        i = copyPart(s, i, decimal, false, buf, &n);
    if (i >= 0)
        i = copyPart(s, i, decimal, true, buf, &n);
    return i == s.size() ? n : -1;
}

/** One separator: which mark it must be, or Ambiguous/None for a possible thousands group. */
DecimalEvidence singleSeparator(QByteArrayView s, const Shape &shape, bool comma)
{
    const qsizetype at = comma ? shape.lastComma : shape.lastDot;
    const qsizetype after = shape.end - at - 1;
    const bool groupLike = after == 3 && at >= 1 && at <= 3 && s[0] != '0' && shape.end == s.size();
    if (!groupLike)
        return comma ? DecimalEvidence::Comma : DecimalEvidence::Point;
    // "1.234" is read with a decimal point unless the column proves a comma: that is how
    // such files were always read, so it is not a question.
    return comma ? DecimalEvidence::Ambiguous : DecimalEvidence::None;
}

} // namespace

DecimalEvidence decimalEvidence(QByteArrayView in)
{
    const QByteArrayView s = unsignedPart(trimmed(in));
    const Shape shape = shapeOf(s);
    if (s.isEmpty() || shape.other)
        return DecimalEvidence::Invalid;
    DecimalEvidence evidence = DecimalEvidence::None;
    if (shape.dots > 0 && shape.commas > 0)
        evidence = shape.lastComma > shape.lastDot ? DecimalEvidence::Comma : DecimalEvidence::Point;
    else if (shape.commas > 1)
        evidence = DecimalEvidence::Point; // 1,234,567: thousands commas
    else if (shape.dots > 1)
        evidence = DecimalEvidence::Comma; // 1.234.567: thousands dots
    else if (shape.commas == 1)
        evidence = singleSeparator(s, shape, true);
    else if (shape.dots == 1)
        evidence = singleSeparator(s, shape, false);
    // The guess must also read: "1.2.3,4" has the shape of a comma number but is none.
    double ignored = 0;
    const DecimalMark mark = evidence == DecimalEvidence::Comma ? DecimalMark::Comma : DecimalMark::Point;
    if (!parseDecimal(in, mark, &ignored)
        && !(evidence == DecimalEvidence::Ambiguous && parseDecimal(in, DecimalMark::Comma, &ignored)))
        return DecimalEvidence::Invalid;
    return evidence;
}

bool parseDecimal(QByteArrayView in, DecimalMark mark, double *out)
{
    const QByteArrayView s = trimmed(in);
    if (s.isEmpty())
        return false;
    const bool comma = mark == DecimalMark::Comma;
    char buf[kMaxLength];
    const int n = canonical(s, comma ? ',' : '.', comma ? '.' : ',', buf);
    if (n <= 0)
        return false;
    double value = 0;
    const auto [end, error] = std::from_chars(buf, buf + n, value);
    if (error != std::errc() || end != buf + n)
        return false;
    *out = value;
    return true;
}

} // namespace cpm::ValueNormalizer
