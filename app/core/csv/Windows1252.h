// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace cpm {

/** True when @p bytes contains a byte >= 0x80 (anything that is not plain ASCII). */
bool hasNonAscii(QByteArrayView bytes);

/**
 * Writes @p source, read as Windows-1252, to @p out as UTF-8 and returns the end of what was
 * written. @p out must have room for 3 * source.size() bytes (U+20AC is the widest: 3 bytes).
 */
char *windows1252ToUtf8(QByteArrayView source, char *out);

} // namespace cpm
