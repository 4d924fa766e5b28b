// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace cpm {

/** Order of the date parts in a timestamp. */
enum class DateOrder { Unknown, MonthFirst, DayFirst, YearFirst };

/**
 * Byte-level timestamp parsing without QDateTime (fast enough for 10M rows).
 * Dates: Y-M-D (ISO), M/D/Y or D/M/Y with '/', '-' or '.' between parts, 4-digit years.
 * Times (optional): H:MM, H:MM:SS, with fractions, after ' ' or 'T'; optional AM/PM;
 * an optional trailing 'Z' or +hh:mm offset is accepted and ignored (values stay naive).
 * Results are naive seconds since 1970-01-01T00:00:00 (no time-zone shift).
 */
namespace TimestampParser {

enum class Status { Ok, Empty, BadSyntax, BadDate, BadTime };

/** Parses @p text with @p order (Unknown means: ISO year-first only). */
Status parse(QByteArrayView text, DateOrder order, qint64 *secondsSinceEpoch);

/** What a failed parse expected, for error messages, e.g. "a date like MM/DD/YYYY H:MM:SS". */
QString expectedText(DateOrder order);

/** ISO 8601 "YYYY-MM-DDTHH:MM:SS" for a naive epoch-seconds value. */
QString toIso(qint64 secondsSinceEpoch);

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), and the inverse. */
qint64 daysFromCivil(int year, int month, int day);
void civilFromDays(qint64 days, int *year, int *month, int *day);

} // namespace TimestampParser
} // namespace cpm
