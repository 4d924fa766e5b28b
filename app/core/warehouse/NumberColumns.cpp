// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/NumberColumns.h"

#include <cstring>

namespace cpm {

namespace N = ValueNormalizer;

namespace {

bool contains(QByteArrayView value, char c)
{
    return !value.isEmpty() && std::memchr(value.data(), c, size_t(value.size())) != nullptr;
}

/** Only values with a separator can tell a decimal mark (plain digits read the same either way). */
bool hasSeparator(QByteArrayView value) { return contains(value, '.') || contains(value, ','); }

bool hasExponent(QByteArrayView value) { return contains(value, 'e') || contains(value, 'E'); }

QString count(qint64 n) { return QString::number(n); }

} // namespace

NumberColumns::NumberColumns(const ColumnMapping &mapping) : m_mapping(mapping) {}

DecimalMark NumberColumns::integerMark() const
{
    // "1,000" in an id column is 1 only where the amounts proved (or the user said) that a
    // comma is this file's decimal mark; elsewhere three digits after a comma are a question.
    return m_amount.mark == DecimalMark::Comma && (m_amount.settled || m_amount.forced) ? DecimalMark::Comma
                                                                                         : DecimalMark::Point;
}

QString NumberColumns::columnName(int canonical) const
{
    const QString written = m_mapping.header.value(m_mapping.field(canonical));
    return written.isEmpty() ? FileClassifier::canonicalColumns(m_mapping.role).value(canonical) : written;
}

WholeForm NumberColumns::whole(int canonical, QByteArrayView value, qint64 *out)
{
    const WholeForm form = N::parseWhole(value, out, integerMark());
    if (form == WholeForm::Float && m_floats[canonical]++ == 0)
        m_floatExamples[canonical] = QString::fromUtf8(N::trimmed(value)); // once per column
    return form;
}

NumberColumns::Amount NumberColumns::amount(QByteArrayView value, qint64 line, double *out)
{
    DecimalMarkGuess &guess = m_amount;
    if (!guess.forced && !guess.settled && hasSeparator(value)) {
        const DecimalEvidence evidence = N::decimalEvidence(value);
        if (evidence == DecimalEvidence::Ambiguous && m_ambiguousLine == 0) {
            m_ambiguousLine = line;
            m_ambiguousExample = QString::fromUtf8(N::trimmed(value));
        }
        if (evidence == DecimalEvidence::Point || evidence == DecimalEvidence::Comma) {
            const DecimalMark proven = evidence == DecimalEvidence::Comma ? DecimalMark::Comma : DecimalMark::Point;
            const bool contradicts = proven != guess.mark;
            guess.mark = proven;
            guess.settled = true;
            guess.example = QString::fromUtf8(N::trimmed(value));
            if (contradicts)
                return Amount::Contradiction; // rows read so far may have been misread: read again
        }
    }
    if (!N::parseDecimal(value, guess.mark, out))
        return Amount::Bad;
    m_scientificAmounts += hasExponent(value);
    return Amount::Ok;
}

QString NumberColumns::amountReason(QByteArrayView value) const
{
    const bool comma = m_amount.mark == DecimalMark::Comma;
    const QString expected =
        QStringLiteral("a number like 749 or ") + (comma ? QStringLiteral("12,50") : QStringLiteral("12.50"));
    const DecimalEvidence evidence = N::decimalEvidence(value);
    if ((evidence == DecimalEvidence::Point && comma) || (evidence == DecimalEvidence::Comma && !comma)) {
        const QString mine = comma ? QStringLiteral("comma") : QStringLiteral("point");
        const QString other = comma ? QStringLiteral("point") : QStringLiteral("comma");
        return QStringLiteral("written with a decimal %1, but this column's amounts use a decimal %2 (expected %3)")
            .arg(other, mine, expected);
    }
    return QStringLiteral("not an amount (expected %1)").arg(expected);
}

QByteArrayView NumberColumns::customerId(QByteArrayView value)
{
    if (!hasSeparator(value) && !hasExponent(value))
        return value;
    if (N::wholeDigits(value, &m_customer, integerMark()) != WholeForm::Float)
        return value;
    if (m_floats[Col::CustomerId]++ == 0)
        m_floatExamples[Col::CustomerId] = QString::fromUtf8(N::trimmed(value));
    return m_customer;
}

void NumberColumns::card(QByteArrayView value, QByteArray *out)
{
    WholeForm form = WholeForm::Plain;
    N::maskCardNumber(value, out, &form);
    m_floatCards += form == WholeForm::Float;
    m_lossyCards += form == WholeForm::Lossy;
}

bool NumberColumns::checkDecided(const QString &path, Error *error) const
{
    if (m_amount.forced || m_amount.settled || m_ambiguousLine == 0)
        return true;
    const int field = m_mapping.field(Col::Amount);
    *error = Error::make(Error::Code::Value, QStringLiteral("cannot tell whether the amounts use a decimal comma or a "
                                                            "thousands separator (no value in the file decides it)"));
    error->file = path;
    error->line = m_ambiguousLine;
    error->column = field + 1;
    error->columnName = columnName(Col::Amount);
    error->value = m_ambiguousExample;
    error->expected = QStringLiteral("a choice: --decimal comma (1,234 = 1.234) or --decimal point (1,234 = 1234)");
    return false;
}

QVector<ImportNote> NumberColumns::notes(qint64 rowsLoaded) const
{
    QVector<ImportNote> notes;
    auto add = [&notes](const char *kind, qint64 rows, const QString &message) {
        if (rows > 0)
            notes << ImportNote{QString::fromLatin1(kind), rows, message};
    };
    for (int canonical = 0; canonical < Col::TxCount; ++canonical)
        add("float_integer", m_floats[canonical],
            QStringLiteral("%1: %2 values written as floats (e.g. %3) were read as whole numbers")
                .arg(columnName(canonical), count(m_floats[canonical]), m_floatExamples[canonical]));
    add("float_sku", m_floatSkus,
        QStringLiteral("%1: %2 SKUs written as floats (e.g. 3770009015048.0) were read without the decimals")
            .arg(columnName(Col::ProductSku), count(m_floatSkus)));
    add("float_card", m_floatCards,
        QStringLiteral("%1: %2 card numbers written as floats: their last 4 digits are those before the decimal point")
            .arg(columnName(Col::CardNumber), count(m_floatCards)));
    add("lossy_card", m_lossyCards,
        QStringLiteral("%1: %2 card numbers rounded by a spreadsheet into scientific notation: their last digits "
                       "are lost, so none are kept")
            .arg(columnName(Col::CardNumber), count(m_lossyCards)));
    add("scientific_amount", m_scientificAmounts,
        QStringLiteral("%1: %2 amounts in scientific notation (e.g. 1.0E3) were read as numbers")
            .arg(columnName(Col::Amount), count(m_scientificAmounts)));
    if (m_mapping.role != FileRole::Transactions || m_amount.mark != DecimalMark::Comma)
        return notes;
    const QString how = m_amount.forced ? QStringLiteral("read with a decimal comma, as chosen")
                                        : QStringLiteral("the values use a decimal comma (e.g. %1), read as such")
                                              .arg(m_amount.example);
    add("decimal_comma", rowsLoaded,
        QStringLiteral("%1: %2 (1.234,56 = 1234.56)").arg(columnName(Col::Amount), how));
    return notes;
}

DecimalMarkGuess startingDecimalMark(const DecimalMarkGuess &detected, FileRole role, const ImportOptions &options)
{
    DecimalMarkGuess guess = detected;
    const DecimalMark chosen = options.fileDecimalMarks.value(roleName(role), options.decimalMark);
    if (chosen != DecimalMark::Auto) {
        guess.mark = chosen;
        guess.forced = true;
    }
    return guess;
}

} // namespace cpm
