// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers as pandas ("42.0"), Excel ("4.2E+01", "3.77001E+12") and European locales
// ("1.234,56") write them. Called per field on the import hot path: nothing here allocates;
// digits are gathered in fixed stack buffers and converted with std::from_chars.
#include "csv/ValueNormalizer.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace cpm::ValueNormalizer {

namespace {

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isSeparator(char c) { return c == '.' || c == ','; }
constexpr bool isExponent(char c) { return c == 'e' || c == 'E'; }

/** Longest integral part gathered (a card number has 19 digits; more is not a number we use). */
constexpr int kMaxDigits = 40;
/** Excel's General format switches to scientific notation from 12 digits on. */
constexpr int kSpreadsheetDigits = 12;

/** A number split into its written parts: [sign] int [sep frac] [e exp]. */
struct Parts
{
    bool negative = false;
    QByteArrayView whole;     ///< digits before the separator
    QByteArrayView fraction;  ///< digits after it (empty: no separator)
    char separator = 0;
    int exponent = 0;
    bool hasExponent = false;
};

/** Splits @p s (trimmed) into Parts; false when it is not of that shape at all. */
bool split(QByteArrayView s, Parts *p)
{
    qsizetype i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        p->negative = s[i++] == '-';
    const qsizetype start = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    p->whole = s.sliced(start, i - start);
    if (p->whole.isEmpty())
        return false;
    if (i < s.size() && isSeparator(s[i])) {
        p->separator = s[i++];
        const qsizetype from = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        p->fraction = s.sliced(from, i - from);
        if (p->fraction.isEmpty())
            return false;
    }
    if (i < s.size() && isExponent(s[i])) {
        p->hasExponent = true;
        ++i;
        const bool minus = i < s.size() && s[i] == '-';
        i += i < s.size() && (s[i] == '+' || s[i] == '-');
        if (i == s.size() || !isDigit(s[i]))
            return false; // from_chars would take a second sign
        const auto [end, error] = std::from_chars(s.data() + i, s.data() + s.size(), p->exponent);
        if (error != std::errc() || end == s.data() + i || p->exponent > 400 || (end - s.data() - i) > 3)
            return false;
        i = end - s.data();
        p->exponent = minus ? -p->exponent : p->exponent;
    }
    return i == s.size();
}

/** Three digits after a separator could be a thousands group: only the column's mark may say. */
bool separatorAllowed(const Parts &p, DecimalMark mark)
{
    if (p.separator == 0 || p.fraction.size() != 3 || p.hasExponent)
        return true;
    return p.separator == (mark == DecimalMark::Comma ? ',' : '.');
}

/**
 * The integral digits of @p p into @p digits (no leading zeros, at least "0"), their count in
 * @p count; Fraction when a non-zero digit is left after the point, Lossy when an exponent
 * padded a long number with zeros.
 */
WholeForm integralDigits(const Parts &p, char *digits, int *count)
{
    const qsizetype mantissa = p.whole.size() + p.fraction.size();
    auto digitAt = [&p](qsizetype k) { return k < p.whole.size() ? p.whole[k] : p.fraction[k - p.whole.size()]; };
    const qsizetype point = p.whole.size() + p.exponent; // digits before the decimal point
    for (qsizetype k = std::max<qsizetype>(point, 0); k < mantissa; ++k) {
        if (digitAt(k) != '0')
            return WholeForm::Fraction;
    }
    int n = 0;
    for (qsizetype k = 0; k < point; ++k) {
        const char c = k < mantissa ? digitAt(k) : '0';
        if (n == 0 && c == '0')
            continue; // leading zeros
        if (n == kMaxDigits)
            return WholeForm::Invalid;
        digits[n++] = c;
    }
    if (n == 0)
        digits[n++] = '0';
    *count = n;
    const bool padded = point > mantissa;
    if (p.hasExponent && padded && n >= kSpreadsheetDigits)
        return WholeForm::Lossy;
    return p.separator == 0 && !p.hasExponent ? WholeForm::Plain : WholeForm::Float;
}

/** parseWhole/wholeDigits' shared slow path. */
WholeForm wholeParts(QByteArrayView in, DecimalMark mark, char *digits, int *count, bool *negative)
{
    Parts p;
    if (!split(trimmed(in), &p) || !separatorAllowed(p, mark))
        return WholeForm::Invalid;
    *negative = p.negative;
    return integralDigits(p, digits, count);
}

} // namespace

WholeForm parseWhole(QByteArrayView in, qint64 *out, DecimalMark mark)
{
    if (parseInteger(in, out))
        return WholeForm::Plain; // the fast path: every row of a well-kept extract
    char digits[kMaxDigits + 1];
    int count = 0;
    bool negative = false;
    const WholeForm form = wholeParts(in, mark, digits, &count, &negative);
    if (form != WholeForm::Float && form != WholeForm::Lossy)
        return form == WholeForm::Plain ? WholeForm::Invalid : form; // Plain here: out of range
    if (negative)
        std::memmove(digits + 1, digits, size_t(count)), digits[0] = '-', ++count;
    long long value = 0;
    const auto [end, error] = std::from_chars(digits, digits + count, value);
    if (error != std::errc() || end != digits + count)
        return WholeForm::Invalid;
    *out = value;
    return form;
}

WholeForm wholeDigits(QByteArrayView in, QByteArray *out, DecimalMark mark)
{
    char digits[kMaxDigits];
    int count = 0;
    bool negative = false;
    const WholeForm form = wholeParts(in, mark, digits, &count, &negative);
    if (form == WholeForm::Fraction || form == WholeForm::Invalid) {
        out->resize(0);
        return form;
    }
    out->resize(count + (negative ? 1 : 0));
    char *data = out->data();
    if (negative)
        *data++ = '-';
    std::memcpy(data, digits, size_t(count));
    return form;
}

bool integerFromDouble(double value, qint64 *out)
{
    // 2^63 is exactly representable; every double below it in magnitude converts exactly.
    constexpr double limit = 9223372036854775808.0;
    if (!(value >= -limit && value < limit) || value != static_cast<double>(static_cast<qint64>(value)))
        return false;
    *out = static_cast<qint64>(value);
    return true;
}

/** The last 4 digits of @p in (other characters skipped) into @p out; empty below 4 digits. */
static void lastFourDigits(QByteArrayView in, QByteArray *out)
{
    // Only a 4-digit window is ever held, so no full card number leaves this function.
    char last[4] = {0, 0, 0, 0};
    qsizetype digits = 0;
    for (const char c : in) {
        if (isDigit(c))
            last[digits++ % 4] = c;
    }
    out->resize(digits < 4 ? 0 : 4);
    for (int i = 0; i < out->size(); ++i)
        (*out)[i] = last[(digits + i) % 4];
}

void maskCardNumber(QByteArrayView in, QByteArray *out, WholeForm *form)
{
    const QByteArrayView card = trimmed(in);
    *form = WholeForm::Plain;
    const bool floatLike = !card.isEmpty()
        && std::any_of(card.begin(), card.end(), [](char c) { return isSeparator(c) || isExponent(c); });
    if (!floatLike || !isDigit(card.front()))
        return lastFourDigits(card, out);
    // Saved as a float ("201433236787273.0", "2.01433236787273E+14"): the last digits are
    // those of the integral part, gathered on the stack so that only 4 of them are copied out.
    char digits[kMaxDigits];
    int count = 0;
    bool negative = false;
    *form = wholeParts(card, DecimalMark::Point, digits, &count, &negative);
    if (*form == WholeForm::Invalid) { // e.g. "4111.1111.1111.1111": groups, as before
        *form = WholeForm::Plain;
        return lastFourDigits(card, out);
    }
    if (*form == WholeForm::Float)
        return lastFourDigits(QByteArrayView(digits, count), out);
    // Rounded by a spreadsheet (the last digits are zeros it made up) or no number at all:
    // no last 4 can be told, and nothing of the value is kept.
    out->resize(0);
}

} // namespace cpm::ValueNormalizer
