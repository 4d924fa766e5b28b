// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the columnar module: the constants the payload's encoder (ColumnarEncode.cpp)
// and decoder (ColumnarDecode.cpp) share. The payload: dimensions as length-prefixed UTF-8,
// row columns through the integer codec (bit-packed, delta or plain varints, whichever is
// smallest). The per-status aggregates are not stored: at ~100k stores they would cost more
// bytes than the rows, and recomputing them is one pass over the rows on both cores.
#pragma once

#include <QtGlobal>

#include <cstddef>
#include <limits>

namespace cpm::columnar::persist::format {

/** How the amount column is stored. */
constexpr quint8 kAmountDoubles = 0, kAmountCents = 1, kAmountDictionary = 2;
constexpr std::size_t kMaxAmountDictionary = 1 << 16;
constexpr std::size_t kMaxRows = std::numeric_limits<quint32>::max(); // idRank is 32-bit

} // namespace cpm::columnar::persist::format
