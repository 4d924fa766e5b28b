// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/** The decimal separator of a number column. */
enum class DecimalMark {
    Auto = 0,  ///< detect from the values (an option's default only)
    Point = 1, ///< 1,234.56
    Comma = 2, ///< 1.234,56
};

/** "auto", "point", "comma". */
QString decimalMarkName(DecimalMark mark);
/** Inverse of decimalMarkName (case-insensitive); false when @p name is none of them. */
bool decimalMarkFromName(const QString &name, DecimalMark *mark);

/**
 * What is known about the decimal mark of a file's amount column: detected from a sample,
 * forced by the user, or learnt while loading (a guess the data contradicted is flipped).
 */
struct DecimalMarkGuess
{
    DecimalMark mark = DecimalMark::Point;
    bool forced = false;       ///< chosen by the user: never re-guessed
    bool settled = false;      ///< a value proved the mark (e.g. "749,00"): a contradiction is a bad row
    bool ambiguous = false;    ///< only values like "1,234" (and plain ones) were seen
    qint64 pointValues = 0;    ///< sample values that only read with a decimal point
    qint64 commaValues = 0;    ///< sample values that only read with a decimal comma
    qint64 ambiguousValues = 0;///< sample values like "1,234"
    QString example;           ///< the first telling value (an ambiguous one when ambiguous)

    /** "decimal comma (e.g. 749,00)" style description. */
    QString describe() const;
};

} // namespace cpm
