// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace cpm {

/** How a product SKU was written in the extract. */
enum class SkuKind {
    Plain = 0,     ///< kept as written (trimmed)
    VPrefix = 1,   ///< "v3770009015048": the v/V was stripped, same product
    Lossy = 2,     ///< spreadsheet scientific notation ("3.77001E+12"): digits lost, kept as written
    Empty = 3,     ///< blank
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

} // namespace ValueNormalizer
} // namespace cpm
