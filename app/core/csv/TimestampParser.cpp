// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/TimestampParser.h"

#include "csv/TimestampFields.h"

// This runs for every timestamp of every imported row (tens of millions of calls), so it
// walks the bytes once with plain pointer arithmetic: no QDateTime, no regex, no allocation.

namespace cpm {

namespace TimestampFields {

namespace {

constexpr bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }

constexpr bool isDateSeparator(char c) { return c == '/' || c == '-' || c == '.'; }

constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

/** Reads a run of digits; returns its length, or maxDigits + 1 when it is longer. */
int readNumber(const char *&p, const char *end, int maxDigits, int *value)
{
    int digits = 0;
    int v = 0;
    while (p != end && isDigit(*p)) {
        if (digits == maxDigits)
            return maxDigits + 1; // stop before the value could overflow
        v = v * 10 + (*p - '0');
        ++p;
        ++digits;
    }
    *value = v;
    return digits;
}

bool expect(const char *&p, const char *end, char c)
{
    if (p == end || *p != c)
        return false;
    ++p;
    return true;
}

bool readWidth(const char *&p, const char *end, int minDigits, int maxDigits, int *value)
{
    const int digits = readNumber(p, end, maxDigits, value);
    return digits >= minDigits && digits <= maxDigits;
}

/** Exactly @p count digits, whatever follows them ("0530" is two 2-digit fields). */
bool readFixed(const char *&p, const char *end, int count)
{
    if (end - p < count)
        return false;
    for (int i = 0; i < count; ++i) {
        if (!isDigit(p[i]))
            return false;
    }
    p += count;
    return true;
}

/** Y-M-D with a 4-digit year first, or A-B-YYYY where A/B are month and day in some order. */
bool scanDate(const char *&p, const char *end, Fields *f)
{
    const int firstDigits = readNumber(p, end, 4, &f->part[0]);
    if (firstDigits < 1 || firstDigits > 4 || firstDigits == 3 || p == end || !isDateSeparator(*p))
        return false;
    const char separator = *p++;
    if (!readWidth(p, end, 1, 2, &f->part[1]) || !expect(p, end, separator))
        return false;
    f->yearFirst = firstDigits == 4;
    // Two-digit years are refused on purpose: "01/02/03" has no safe reading.
    return f->yearFirst ? readWidth(p, end, 1, 2, &f->part[2]) : readWidth(p, end, 4, 4, &f->part[2]);
}

/** H:MM or H:MM:SS, seconds optionally followed by a fraction that is dropped (truncated). */
bool scanClock(const char *&p, const char *end, Fields *f)
{
    if (!readWidth(p, end, 1, 2, &f->hour) || !expect(p, end, ':') || !readWidth(p, end, 2, 2, &f->minute))
        return false;
    f->hasTime = true;
    if (p == end || *p != ':')
        return true;
    ++p;
    if (!readWidth(p, end, 2, 2, &f->second))
        return false;
    f->hasSeconds = true;
    if (p != end && (*p == '.' || *p == ',') && p + 1 != end && isDigit(p[1])) {
        ++p;
        while (p != end && isDigit(*p))
            ++p;
    }
    return true;
}

void skipBlanks(const char *&p, const char *end)
{
    while (p != end && isBlank(*p))
        ++p;
}

/** An optional AM/PM marker (any case), possibly after blanks. */
void scanMeridiem(const char *&p, const char *end, Fields *f)
{
    const char *q = p;
    skipBlanks(q, end);
    if (end - q < 2 || lower(q[1]) != 'm')
        return;
    const char first = lower(q[0]);
    if (first != 'a' && first != 'p')
        return;
    f->meridiem = first == 'a' ? Meridiem::Am : Meridiem::Pm;
    p = q + 2;
}

/**
 * An optional 'Z' or +hh[:mm] / -hh[:mm] offset. It is accepted and deliberately ignored:
 * extracts hold local wall-clock times and shifting some rows but not others would make the
 * hour-of-day metrics disagree with what the business saw.
 */
bool scanZone(const char *&p, const char *end)
{
    skipBlanks(p, end);
    if (p == end)
        return true;
    if (*p == 'Z' || *p == 'z') {
        ++p;
        return true;
    }
    if (*p != '+' && *p != '-')
        return false;
    ++p;
    if (!readFixed(p, end, 2))
        return false;
    if (p == end)
        return true;
    if (*p == ':')
        ++p;
    return readFixed(p, end, 2);
}

bool scanTimePart(const char *&p, const char *end, Fields *f)
{
    if (p == end)
        return true; // date only: midnight
    if (*p == 'T' || *p == 't') {
        ++p;
    } else if (isBlank(*p)) {
        skipBlanks(p, end);
    } else {
        return false;
    }
    if (!scanClock(p, end, f))
        return false;
    scanMeridiem(p, end, f);
    return scanZone(p, end) && p == end;
}

} // namespace

Scan scan(const char *begin, const char *end, Fields *fields)
{
    while (begin != end && isBlank(*begin))
        ++begin;
    while (end != begin && isBlank(end[-1]))
        --end;
    if (begin == end)
        return Scan::Empty;
    *fields = Fields();
    const char *p = begin;
    if (!scanDate(p, end, fields) || !scanTimePart(p, end, fields))
        return Scan::BadSyntax;
    return Scan::Ok;
}

bool validDate(int year, int month, int day)
{
    static constexpr int monthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int limit = monthDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= limit;
}

int secondsOfDay(const Fields &f)
{
    if (!f.hasTime)
        return 0;
    int hour = f.hour;
    if (f.meridiem != Meridiem::None) {
        // On a 12-hour clock the hour runs 12, 1, ..., 11: 12 AM is midnight, 12 PM is noon.
        if (hour < 1 || hour > 12)
            return -1;
        hour = hour % 12 + (f.meridiem == Meridiem::Pm ? 12 : 0);
    }
    if (hour > 23 || f.minute > 59 || f.second > 59)
        return -1;
    return hour * 3600 + f.minute * 60 + f.second;
}

} // namespace TimestampFields

namespace TimestampParser {

namespace {

using TimestampFields::Fields;

/** Applies @p order to the written parts. A 4-digit first part is ISO whatever the order. */
bool resolveDate(const Fields &f, DateOrder order, int *year, int *month, int *day)
{
    if (f.yearFirst) {
        *year = f.part[0];
        *month = f.part[1];
        *day = f.part[2];
        return true;
    }
    if (order != DateOrder::MonthFirst && order != DateOrder::DayFirst)
        return false; // month and day cannot be told apart without an order
    *year = f.part[2];
    *month = order == DateOrder::MonthFirst ? f.part[0] : f.part[1];
    *day = order == DateOrder::MonthFirst ? f.part[1] : f.part[0];
    return true;
}

// Floor division: epoch seconds before 1970 must still land on the right day.
qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

void appendNumber(char *&out, qint64 value, int width)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int i = n; i < width; ++i)
        *out++ = '0';
    while (n > 0)
        *out++ = digits[--n];
}

} // namespace

Status parse(QByteArrayView text, DateOrder order, qint64 *secondsSinceEpoch)
{
    Fields f;
    const char *begin = text.data();
    switch (TimestampFields::scan(begin, begin + text.size(), &f)) {
    case TimestampFields::Scan::Empty:
        return Status::Empty;
    case TimestampFields::Scan::BadSyntax:
        return Status::BadSyntax;
    case TimestampFields::Scan::Ok:
        break;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    if (!resolveDate(f, order, &year, &month, &day))
        return Status::BadSyntax;
    if (!TimestampFields::validDate(year, month, day))
        return Status::BadDate;
    const int seconds = TimestampFields::secondsOfDay(f);
    if (seconds < 0)
        return Status::BadTime;
    if (secondsSinceEpoch)
        *secondsSinceEpoch = daysFromCivil(year, month, day) * 86400 + seconds;
    return Status::Ok;
}

QString expectedText(DateOrder order)
{
    switch (order) {
    case DateOrder::MonthFirst:
        return QStringLiteral("a date like MM/DD/YYYY H:MM[:SS]");
    case DateOrder::DayFirst:
        return QStringLiteral("a date like DD/MM/YYYY H:MM[:SS]");
    case DateOrder::YearFirst:
    case DateOrder::Unknown:
        break;
    }
    return QStringLiteral("a date like YYYY-MM-DD HH:MM:SS");
}

QString toIso(qint64 secondsSinceEpoch)
{
    const qint64 days = floorDiv(secondsSinceEpoch, 86400);
    const qint64 seconds = secondsSinceEpoch - days * 86400;
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    char buffer[40];
    char *out = buffer;
    if (year < 0)
        *out++ = '-';
    appendNumber(out, year < 0 ? -qint64(year) : qint64(year), 4);
    const qint64 parts[5] = {month, day, seconds / 3600, seconds / 60 % 60, seconds % 60};
    const char separators[5] = {'-', '-', 'T', ':', ':'};
    for (int i = 0; i < 5; ++i) {
        *out++ = separators[i];
        appendNumber(out, parts[i], 2);
    }
    return QString::fromLatin1(buffer, int(out - buffer));
}

// The calendar arithmetic counts years from March 1st: the leap day then falls at the very
// end of a year, so a day-of-year needs no leap correction. Years are grouped in 400-year
// cycles (146097 days each), inside which the Gregorian rules repeat exactly.
namespace {
constexpr qint64 kDaysPerCycle = 146097;
constexpr qint64 kEpochShift = 719468; // days from 0000-03-01 to 1970-01-01
} // namespace

qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 marchYear = qint64(year) - (month <= 2 ? 1 : 0);
    const qint64 cycle = floorDiv(marchYear, 400);
    const qint64 yearOfCycle = marchYear - cycle * 400;                    // 0..399
    const int monthFromMarch = month > 2 ? month - 3 : month + 9;          // 0..11
    const qint64 dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;     // 0..365
    const qint64 dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear;
    return cycle * kDaysPerCycle + dayOfCycle - kEpochShift;
}

void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    const qint64 shifted = days + kEpochShift;
    const qint64 cycle = floorDiv(shifted, kDaysPerCycle);
    const qint64 dayOfCycle = shifted - cycle * kDaysPerCycle;             // 0..146096
    // Remove the leap days so far in the cycle to find the year inside it.
    const qint64 yearOfCycle =
        (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36524 - dayOfCycle / 146096) / 365;
    const qint64 dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;               // 0..11
    *day = int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    *month = int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    *year = int(cycle * 400 + yearOfCycle + (*month <= 2 ? 1 : 0));
}

} // namespace TimestampParser
} // namespace cpm
