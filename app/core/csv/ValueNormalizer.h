// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csv/DecimalMark.h"

#include <QByteArray>
#include <QByteArrayView>

namespace cpm {

/** How a product SKU was written in the extract. */
enum class SkuKind {
    Plain = 0,     ///< kept as written (trimmed)
    VPrefix = 1,   ///< "v3770009015048": the v/V was stripped, same product
    Lossy = 2,     ///< spreadsheet scientific notation ("3.77001E+12"): digits lost, kept as written
    Empty = 3,     ///< blank
    Float = 4,     ///< "3770009015048.0": a numeric SKU saved as a float; the ".0" was dropped
};

/** How a value of an integer column was written. */
enum class WholeForm {
    Plain,    ///< digits: "42"
    Float,    ///< an integral float: "42.0", "42,00", "4.2E1" (read as 42)
    Lossy,    ///< spreadsheet-rounded ("3.77001E+12", 12+ digits padded with zeros): digits lost
    Fraction, ///< a number that is not whole: "1.5"
    Invalid,  ///< not a number, or out of range
};

/** What one amount says about its column's decimal mark. */
enum class DecimalEvidence {
    None,      ///< no separator ("749"), or one that reads the same either way as far as we can tell
    Point,     ///< "749.00", "1,234.56", "1,234,567"
    Comma,     ///< "749,00", "1.234,56", "1.234.567"
    Ambiguous, ///< "1,234": a decimal comma (1.234) or a thousands group (1234)
    Invalid,   ///< not a number under either mark
};

/** Cleans individual field values on the import hot path (no allocations when avoidable). */
namespace ValueNormalizer {

/** Trims ASCII white space on both ends. */
QByteArrayView trimmed(QByteArrayView in);

/** Normalises a SKU into @p out (trim; one leading v/V before all digits stripped). */
SkuKind normaliseSku(QByteArrayView in, QByteArray *out);

/** Trimmed, ASCII lower-cased status into @p out. */
void normaliseStatus(QByteArrayView in, QByteArray *out);
/** accepted, refused or cancelled (already normalised input). */
bool isKnownStatus(QByteArrayView normalised);

/** Integer or decimal with a dot, optional sign, surrounding blanks allowed. */
bool parseAmount(QByteArrayView in, double *out);
/** Decimal integer, optional sign, surrounding blanks allowed, must fit 64 bits. */
bool parseInteger(QByteArrayView in, qint64 *out);

/**
 * The only form of a card number that may be stored: its last 4 digits (spaces and dashes
 * ignored). Returns an empty array when there are fewer than 4 digits.
 */
QByteArray maskCardNumber(QByteArrayView in);

// Numbers as pandas, Excel and European locales write them (ValueNormalizerNumbers.cpp).

/**
 * A value of an integer column: plain digits first (the fast path), then integral floats
 * ("42.0", "42,00", "1.0E3"). A ',' followed by exactly three digits is only a decimal
 * separator when @p mark is Comma (otherwise it could be a thousands group); likewise '.' with
 * three digits under Comma. @p out is set for Plain and Float (and Lossy when it fits).
 */
WholeForm parseWhole(QByteArrayView in, qint64 *out, DecimalMark mark = DecimalMark::Point);
/**
 * The same as text: the integral digits (with a leading '-') of a Plain, Float or Lossy value
 * into @p out, for values that must stay text (SKUs, customer ids) or are masked (card numbers).
 * Any length (no 64-bit limit). @p out is left empty for Fraction and Invalid.
 */
WholeForm wholeDigits(QByteArrayView in, QByteArray *out, DecimalMark mark = DecimalMark::Point);
/** A double that holds a whole number within 64 bits (e.g. an XLSX number cell) as an integer. */
bool integerFromDouble(double value, qint64 *out);

/** What @p in says about the decimal mark of its column (see DecimalEvidence). */
DecimalEvidence decimalEvidence(QByteArrayView in);
/**
 * An amount under @p mark (Auto reads as Point): optional sign, digits optionally in groups of
 * three ("1,234.56" / "1.234,56"), optional fraction, optional exponent ("1.0E3"). No "inf",
 * "nan", hex or currency. @p out is untouched on failure.
 */
bool parseDecimal(QByteArrayView in, DecimalMark mark, double *out);

/**
 * The card number's last 4 integral digits into @p out (empty when there are fewer than 4, or
 * when a spreadsheet rounded the number and its last digits are lost). "201433236787273.0"
 * gives "7273", not "2730". @p form says how it was written (Plain for digits with spaces or
 * dashes). Only a 4-digit window of the number is ever copied out.
 */
void maskCardNumber(QByteArrayView in, QByteArray *out, WholeForm *form);

} // namespace ValueNormalizer
} // namespace cpm
