// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv/DecimalMarkDetector.h"

#include "csv/ValueNormalizer.h"

namespace cpm {

static void keepFirst(QString *example, QByteArrayView value)
{
    if (example->isEmpty())
        *example = QString::fromUtf8(ValueNormalizer::trimmed(value));
}

void DecimalMarkDetector::add(QByteArrayView value)
{
    switch (ValueNormalizer::decimalEvidence(value)) {
    case DecimalEvidence::Point:
        ++m_counts.pointValues;
        keepFirst(&m_pointExample, value);
        break;
    case DecimalEvidence::Comma:
        ++m_counts.commaValues;
        keepFirst(&m_commaExample, value);
        break;
    case DecimalEvidence::Ambiguous:
        ++m_counts.ambiguousValues;
        keepFirst(&m_ambiguousExample, value);
        break;
    case DecimalEvidence::None:
    case DecimalEvidence::Invalid:
        break;
    }
}

DecimalMarkGuess DecimalMarkDetector::result(char delimiter) const
{
    DecimalMarkGuess guess = m_counts;
    if (guess.commaValues > 0 && guess.commaValues >= guess.pointValues) {
        guess.mark = DecimalMark::Comma;
        guess.settled = true;
        guess.example = m_commaExample;
    } else if (guess.pointValues > 0) {
        guess.mark = DecimalMark::Point;
        guess.settled = true;
        guess.example = m_pointExample;
    } else if (guess.ambiguousValues > 0) {
        // A guess only: the import asks (or stops) unless a later value decides it.
        guess.mark = delimiter == ';' ? DecimalMark::Comma : DecimalMark::Point;
        guess.ambiguous = true;
        guess.example = m_ambiguousExample;
    }
    return guess;
}

} // namespace cpm
