// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csv/DecimalMark.h"

#include <QByteArrayView>

namespace cpm {

/**
 * Learns an amount column's decimal mark from sample values (never from one row): a comma
 * when values like "749,00" or "1.234,56" occur, a point when "12.50" or "1,234.56" do, the
 * majority when both do, and ambiguous when only "1,234"-like values (and plain ones) occur.
 */
class DecimalMarkDetector
{
public:
    void add(QByteArrayView value);
    /** The guess; @p delimiter (';' files are usually European) only breaks an ambiguity. */
    DecimalMarkGuess result(char delimiter) const;

private:
    DecimalMarkGuess m_counts;
    QString m_pointExample;
    QString m_commaExample;
    QString m_ambiguousExample;
};

} // namespace cpm
