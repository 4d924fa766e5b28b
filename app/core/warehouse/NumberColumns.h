// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "csv/DecimalMark.h"
#include "csv/FileClassifier.h"
#include "csv/ValueNormalizer.h"
#include "warehouse/ImportTypes.h"

#include <QByteArray>
#include <QVector>

#include <array>

namespace cpm {

/**
 * The number columns of one file while it loads: integer columns written as floats ("42.0"),
 * the amount column's decimal mark (a guess that a later value may contradict, which makes
 * the importer read the file again with the other mark), float-written SKUs, customer ids and
 * card numbers; counts what the notes say and whether an ambiguity is left.
 */
class NumberColumns
{
public:
    enum class Amount { Ok, Bad, Contradiction };

    explicit NumberColumns(const ColumnMapping &mapping);

    void setAmountFormat(const DecimalMarkGuess &guess) { m_amount = guess; }
    /** The amount column's mark as it stands (flipped after a Contradiction). */
    const DecimalMarkGuess &amountFormat() const { return m_amount; }

    /** An integer column's value (see ValueNormalizer::parseWhole); integral floats are counted. */
    WholeForm whole(int canonical, QByteArrayView value, qint64 *out);
    /** An amount under the column's mark; Contradiction when it proves a guessed mark wrong. */
    Amount amount(QByteArrayView value, qint64 line, double *out);
    /** Why @p value is not an amount of this column, in words, with what was expected. */
    QString amountReason(QByteArrayView value) const;
    /** A customer id: "29.0" becomes "29" (counted); anything else as written. */
    QByteArrayView customerId(QByteArrayView value);
    /** The card number's last 4 into @p out (floats read by their integral digits; counted). */
    void card(QByteArrayView value, QByteArray *out);
    void countSku(SkuKind kind) { m_floatSkus += kind == SkuKind::Float; }

    /** False (with the one-line error) when auto detection was left with only ambiguous amounts. */
    bool checkDecided(const QString &path, Error *error) const;
    /** One note per column with float-written values, and the amount column's decimal comma. */
    QVector<ImportNote> notes(qint64 rowsLoaded) const;

private:
    DecimalMark integerMark() const;
    QString columnName(int canonical) const;

    ColumnMapping m_mapping;
    DecimalMarkGuess m_amount;
    std::array<qint64, Col::TxCount> m_floats{};
    std::array<QString, Col::TxCount> m_floatExamples;
    qint64 m_ambiguousLine = 0;
    QString m_ambiguousExample;
    qint64 m_scientificAmounts = 0;
    qint64 m_floatSkus = 0;
    qint64 m_floatCards = 0;
    qint64 m_lossyCards = 0;
    QByteArray m_customer;
};

/**
 * The decimal mark a file's amounts start with: the user's choice for this file or for all
 * (options), else what the inspection's sample showed.
 */
DecimalMarkGuess startingDecimalMark(const DecimalMarkGuess &detected, FileRole role, const ImportOptions &options);

} // namespace cpm
