// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csv/CsvReader.h"

#include <QByteArrayView>

namespace cpm {

/**
 * Guesses delimiter, encoding and line ends from the first bytes of a file. @p complete says
 * the sample is the whole file (so its last line counts even without a line end, and its last
 * bytes cannot be a UTF-8 sequence cut in half).
 */
CsvDialect sniffDialect(QByteArrayView sample, bool complete);

/** The UTF-8 byte order mark. */
inline constexpr QByteArrayView kUtf8Bom("\xEF\xBB\xBF", 3);

} // namespace cpm
