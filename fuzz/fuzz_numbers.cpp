// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the number readers of the import (integral floats, decimal commas, float card
// numbers), one value per line. Whatever reads as a whole number must read the same as text;
// a mark a value proves must read it; a masked card number is at most 4 digits.
#include "csv/DecimalMarkDetector.h"
#include "csv/ValueNormalizer.h"

#include <QByteArrayList>

#include <cstdint>
#include <cstdlib>

using namespace cpm;
namespace N = ValueNormalizer;

static void checkWhole(QByteArrayView line, DecimalMark mark)
{
    qint64 value = 0;
    const WholeForm form = N::parseWhole(line, &value, mark);
    if (form != WholeForm::Plain && form != WholeForm::Float)
        return;
    QByteArray digits;
    const WholeForm again = N::wholeDigits(line, &digits, mark);
    if (digits == "-0")
        digits = "0";
    if (again != form || digits != QByteArray::number(value))
        abort();
}

static void checkDecimal(QByteArrayView line)
{
    double value = 0;
    const bool point = N::parseDecimal(line, DecimalMark::Point, &value);
    const bool comma = N::parseDecimal(line, DecimalMark::Comma, &value);
    switch (N::decimalEvidence(line)) {
    case DecimalEvidence::Point: if (!point) abort(); break;
    case DecimalEvidence::Comma: if (!comma) abort(); break;
    case DecimalEvidence::Ambiguous: if (!point || !comma) abort(); break;
    case DecimalEvidence::None: if (!point) abort(); break;
    case DecimalEvidence::Invalid: break;
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    DecimalMarkDetector detector;
    QByteArray masked;
    for (const QByteArrayView line : QByteArray::fromRawData(input.data(), input.size()).split('\n')) {
        checkWhole(line, DecimalMark::Point);
        checkWhole(line, DecimalMark::Comma);
        checkDecimal(line);
        detector.add(line);
        WholeForm form = WholeForm::Plain;
        N::maskCardNumber(line, &masked, &form);
        if (masked.size() != 0 && masked.size() != 4)
            abort();
        for (const char c : masked) {
            if (c < '0' || c > '9')
                abort();
        }
    }
    (void)detector.result(';').describe();
    return 0;
}
