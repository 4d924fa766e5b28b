// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace cpm {

/**
 * How cell values of a worksheet become the text a CSV export would hold: numbers in
 * shortest round-trip form, date serials as naive timestamps, cell references both ways.
 */
class XlsxValues
{
public:
    /**
     * @p value as the shortest text that reads back as the same double, integers without a
     * fraction or exponent ("3770009015048", not "3.770009015048E12"), "749.5", "-0" as "0".
     */
    static QByteArray numberText(double value);

    /**
     * A date serial as "YYYY-MM-DD HH:MM:SS", rounded to the nearest second as Excel displays
     * it. 1900 system (@p date1904 false): serial 1 is 1900-01-01 and 60 the 1900-02-29 Excel
     * believes in, so serials from 61 on count from 1899-12-30; both that day and serial 0
     * ("1900-01-00") come out as the impossible dates they are. 1904 system: 0 is 1904-01-01.
     * Outside Excel's range (negative, after 9999) the number itself is returned.
     */
    static QByteArray dateText(double serial, bool date1904);

    /** Parses "C5" / "AB12" (an optional "$" before each part): 0-based column and 1-based row; false when malformed. */
    static bool parseCellReference(QStringView ref, int *column, qint64 *row);
    /** 0-based column index as letters: 0 → "A", 27 → "AB". */
    static QString columnLetters(int column);
};

} // namespace cpm
