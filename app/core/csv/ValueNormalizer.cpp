// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/ValueNormalizer.h"

#include <charconv>
#include <cstring>

// Called for several fields of every imported row: output buffers are reused (resize keeps
// their capacity) and numbers are converted with std::from_chars, which is locale-independent.

namespace cpm::ValueNormalizer {

namespace {

constexpr bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }

constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

void assign(QByteArray *out, QByteArrayView value)
{
    out->resize(value.size());
    if (!value.isEmpty())
        std::memcpy(out->data(), value.data(), size_t(value.size()));
}

/** Number of leading digits of @p s. */
qsizetype digitRun(QByteArrayView s)
{
    qsizetype n = 0;
    while (n < s.size() && isDigit(s[n]))
        ++n;
    return n;
}

bool allDigits(QByteArrayView s) { return !s.isEmpty() && digitRun(s) == s.size(); }

/**
 * "3.77001E+12" or "3,77001E+12": what a spreadsheet writes after turning a long numeric SKU
 * into a float. The trailing digits are gone, so the value cannot be repaired.
 */
bool isScientific(QByteArrayView s)
{
    qsizetype i = digitRun(s);
    if (i == 0)
        return false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        i += digitRun(s.sliced(i));
    }
    if (i == s.size() || (s[i] != 'E' && s[i] != 'e'))
        return false;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    return allDigits(s.sliced(i));
}

/** Drops a leading '+', which std::from_chars does not accept ('-' it handles itself). */
QByteArrayView withoutPlus(QByteArrayView s)
{
    return !s.isEmpty() && s[0] == '+' ? s.sliced(1) : s;
}

/** digits, or digits '.' digits, after an optional sign: no exponent, no separators. */
bool isPlainDecimal(QByteArrayView s)
{
    if (!s.isEmpty() && (s[0] == '+' || s[0] == '-'))
        s = s.sliced(1);
    const qsizetype whole = digitRun(s);
    if (whole == 0)
        return false;
    if (whole == s.size())
        return true;
    return s[whole] == '.' && allDigits(s.sliced(whole + 1));
}

} // namespace

QByteArrayView trimmed(QByteArrayView in)
{
    qsizetype begin = 0;
    qsizetype end = in.size();
    while (begin < end && isBlank(in[begin]))
        ++begin;
    while (end > begin && isBlank(in[end - 1]))
        --end;
    return in.sliced(begin, end - begin);
}

SkuKind normaliseSku(QByteArrayView in, QByteArray *out)
{
    const QByteArrayView sku = trimmed(in);
    if (sku.isEmpty()) {
        out->resize(0);
        return SkuKind::Empty;
    }
    // Some systems export the same product as "v3770009015048"; the digits are the identity.
    if ((sku[0] == 'v' || sku[0] == 'V') && allDigits(sku.sliced(1))) {
        assign(out, sku.sliced(1));
        return SkuKind::VPrefix;
    }
    if (isScientific(sku)) {
        assign(out, sku);
        return SkuKind::Lossy;
    }
    // pandas writes a numeric SKU column as floats: "3770009015048.0" is 3770009015048.
    if (isDigit(sku[0]) && !allDigits(sku) && wholeDigits(sku, out) == WholeForm::Float)
        return SkuKind::Float;
    assign(out, sku);
    return SkuKind::Plain;
}

void normaliseStatus(QByteArrayView in, QByteArray *out)
{
    const QByteArrayView status = trimmed(in);
    assign(out, status);
    char *data = out->data();
    for (qsizetype i = 0; i < status.size(); ++i)
        data[i] = lower(data[i]);
}

bool isKnownStatus(QByteArrayView normalised)
{
    return normalised == "accepted" || normalised == "refused" || normalised == "cancelled";
}

bool parseAmount(QByteArrayView in, double *out)
{
    const QByteArrayView s = trimmed(in);
    // Checked by hand first: from_chars alone would accept "1e5", "inf" or stop at a ','.
    if (!isPlainDecimal(s))
        return false;
    const QByteArrayView number = withoutPlus(s);
    double value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size())
        return false;
    *out = value;
    return true;
}

bool parseInteger(QByteArrayView in, qint64 *out)
{
    const QByteArrayView s = trimmed(in);
    const QByteArrayView number = withoutPlus(s);
    // Reject "+-5": the sign left after dropping '+' must not be another one.
    if (number.isEmpty() || (number.size() != s.size() && number[0] == '-'))
        return false;
    long long value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size())
        return false;
    *out = value;
    return true;
}

QByteArray maskCardNumber(QByteArrayView in)
{
    QByteArray masked;
    WholeForm form = WholeForm::Plain;
    maskCardNumber(in, &masked, &form);
    return masked;
}

} // namespace cpm::ValueNormalizer
