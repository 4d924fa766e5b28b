// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csv/TimestampParser.h"

#include <QByteArrayView>
#include <QMap>
#include <QString>

namespace cpm {

/** What the detector concluded about one timestamp column. */
struct TimestampFormatGuess
{
    DateOrder order = DateOrder::Unknown;
    bool ambiguous = false;        ///< month-first and day-first both fit every sample
    bool hoursOnly1To12 = false;   ///< hours never 0 or >12 and no AM/PM: clock half lost
    bool hasAmPm = false;
    qint64 samples = 0;            ///< non-empty values seen
    qint64 unparsable = 0;         ///< values that fit no order (includes contradicting)
    qint64 contradicting = 0;      ///< values that only fit the date order the majority rejects
    QMap<QString, qint64> patterns;///< shape counts, digits as 9: "99/99/9999 9:99:99" -> n
    QString example;               ///< first sample as written

    /** "MM/DD/YYYY H:MM:SS" style description of the dominant pattern and order. */
    QString describe() const;
};

/**
 * Learns a timestamp column's date order from sample values: day-first when a first part
 * exceeds 12, month-first when a second part does, ambiguous when neither ever happens.
 */
class TimestampDetector
{
public:
    void add(QByteArrayView value);
    TimestampFormatGuess result() const;

private:
    void recordClock(bool hasTime, int hour, bool hasMeridiem);

    TimestampFormatGuess m_guess;
    qint64 m_firstOver12 = 0;      ///< values that only fit day-first
    qint64 m_secondOver12 = 0;     ///< values that only fit month-first
    qint64 m_undecided = 0;        ///< non-ISO values that fit both orders
    qint64 m_undecidedDotted = 0;  ///< of those, written with dots (16.10.2022): the day-first convention
    bool m_yearFirst = false;
    int m_maxHour = -1;
    int m_minHour = 99;
};

} // namespace cpm
