// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the csv/ timestamp code: the order-independent shape of one timestamp, shared
// by TimestampParser (which then applies a known date order) and TimestampDetector (which
// tries both orders to learn which one the column uses). Not part of the public API.

namespace cpm::TimestampFields {

enum class Meridiem { None, Am, Pm };

/** The numbers of a timestamp exactly as written, before any date order is applied. */
struct Fields
{
    int part[3] = {0, 0, 0};   ///< date parts in written order
    bool yearFirst = false;    ///< part[0] has 4 digits: Y-M-D
    bool hasTime = false;
    bool hasSeconds = false;
    int hour = 0;              ///< as written, before AM/PM is applied
    int minute = 0;
    int second = 0;
    Meridiem meridiem = Meridiem::None;
};

enum class Scan { Ok, Empty, BadSyntax };

/** Splits [begin, end) into fields; surrounding ASCII blanks are ignored. */
Scan scan(const char *begin, const char *end, Fields *fields);

/** True when year/month/day name a real day of the proleptic Gregorian calendar. */
bool validDate(int year, int month, int day);

/** Seconds since midnight, or -1 when the clock fields are impossible. */
int secondsOfDay(const Fields &fields);

} // namespace cpm::TimestampFields
