// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/XlsxValues.h"

#include "csv/TimestampParser.h"

#include <charconv>
#include <cmath>

namespace cpm {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
constexpr double kLastSerial = 2958466.0; // 10000-01-01, the first day Excel cannot show

void appendTwoDigits(QByteArray &out, int value)
{
    out.append(char('0' + value / 10)).append(char('0' + value % 10));
}

QByteArray civilText(int year, int month, int day, qint64 seconds)
{
    QByteArray out = QByteArray::number(year).rightJustified(4, '0');
    out.append('-');
    appendTwoDigits(out, month);
    out.append('-');
    appendTwoDigits(out, day);
    out.append(' ');
    appendTwoDigits(out, int(seconds / 3600));
    out.append(':');
    appendTwoDigits(out, int(seconds / 60 % 60));
    out.append(':');
    appendTwoDigits(out, int(seconds % 60));
    return out;
}

} // namespace

QByteArray XlsxValues::numberText(double value)
{
    if (!std::isfinite(value))
        return QByteArray::number(value);
    if (value == 0)
        return QByteArrayLiteral("0");
    const double magnitude = std::fabs(value);
    // Exact as an integer below 2^63; 1e17 keeps well inside and covers any 15-digit code.
    if (magnitude < 1e17 && value == std::trunc(value))
        return QByteArray::number(qint64(value));
    char buffer[64];
    // Fixed notation where a spreadsheet would show plain digits; shortest general otherwise.
    const auto format = magnitude >= 1e-6 && magnitude < 1e17 ? std::chars_format::fixed : std::chars_format::general;
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    return QByteArray(buffer, int(result.ptr - buffer));
}

QByteArray XlsxValues::dateText(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial >= kLastSerial)
        return numberText(serial);
    const qint64 total = std::llround(serial * double(kSecondsPerDay));
    const qint64 day = total / kSecondsPerDay;
    const qint64 seconds = total % kSecondsPerDay;
    if (!date1904 && day == 0)
        return civilText(1900, 1, 0, seconds);
    if (!date1904 && day == 60)
        return civilText(1900, 2, 29, seconds);
    qint64 epochDays = 0;
    if (date1904)
        epochDays = TimestampParser::daysFromCivil(1904, 1, 1) + day;
    else
        epochDays = TimestampParser::daysFromCivil(1899, 12, day < 60 ? 31 : 30) + day;
    int year = 0, month = 0, dayOfMonth = 0;
    TimestampParser::civilFromDays(epochDays, &year, &month, &dayOfMonth);
    return civilText(year, month, dayOfMonth, seconds);
}

bool XlsxValues::parseCellReference(QStringView ref, int *column, qint64 *row)
{
    qsizetype i = 0;
    if (i < ref.size() && ref[i] == u'$')
        ++i;
    qint64 col = 0;
    const qsizetype lettersStart = i;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref[i].unicode();
        const int letter = c >= u'A' && c <= u'Z' ? c - u'A' : c >= u'a' && c <= u'z' ? c - u'a' : -1;
        if (letter < 0)
            break;
        col = col * 26 + letter + 1;
        if (col > 16384) // XFD, Excel's last column
            return false;
    }
    if (i == lettersStart)
        return false;
    if (i < ref.size() && ref[i] == u'$')
        ++i;
    qint64 number = 0;
    const qsizetype digitsStart = i;
    for (; i < ref.size() && ref[i] >= u'0' && ref[i] <= u'9'; ++i) {
        number = number * 10 + (ref[i].unicode() - u'0');
        if (number > 1048576) // Excel's last row
            return false;
    }
    if (i != ref.size() || i == digitsStart || number == 0)
        return false;
    *column = int(col - 1);
    *row = number;
    return true;
}

QString XlsxValues::columnLetters(int column)
{
    QString letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters;
}

} // namespace cpm
