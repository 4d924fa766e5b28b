// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportPreviewModel.h"

#include "csv/ValueNormalizer.h"

namespace cpm {

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setInspection(const FileInspection &inspection)
{
    beginResetModel();
    m_inspection = inspection;
    m_types.clear();
    for (int column = 0; column < columnCount(); ++column)
        m_types << columnType(column);
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_inspection.previewRows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int columns = int(m_inspection.mapping.header.size());
    for (const QStringList &row : m_inspection.previewRows)
        columns = std::max(columns, int(row.size()));
    return columns;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const QString value = m_inspection.previewRows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return value;
    case Qt::TextAlignmentRole: {
        const QString type = m_types.value(index.column());
        const bool numeric = type == tr("integer") || type.startsWith(tr("decimal"));
        return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
    }
    default:
        return QVariant();
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        // The header is line 1, so the first data record is line 2 (as rejects are reported).
        return role == Qt::DisplayRole ? QVariant(section + 2) : QVariant();
    }
    if (section < 0 || section >= columnCount())
        return QVariant();
    const QString name = m_inspection.mapping.header.value(section, tr("column %1").arg(section + 1));
    const QString type = m_types.value(section);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(name, type);
    case Qt::ToolTipRole: {
        const QString canonical = canonicalName(section);
        return canonical.isEmpty() ? tr("%1: not loaded").arg(name)
                                   : tr("%1: loaded as %2 (%3)").arg(name, canonical, type);
    }
    case ColumnTypeRole:
        return type;
    default:
        return QVariant();
    }
}

QString ImportPreviewModel::canonicalName(int column) const
{
    const ColumnMapping &mapping = m_inspection.mapping;
    const int canonical = int(mapping.index.indexOf(column));
    return canonical < 0 ? QString() : FileClassifier::canonicalColumns(mapping.role).value(canonical);
}

QString ImportPreviewModel::columnType(int column) const
{
    const QString canonical = canonicalName(column);
    if (canonical.isEmpty())
        return tr("ignored");
    if (m_inspection.timestampFormats.contains(canonical))
        return tr("timestamp");
    if (m_inspection.role() == FileRole::Transactions) {
        if (canonical == QLatin1String("cvv"))
            return tr("never read");
        if (canonical == QLatin1String("card_number"))
            return tr("card, last 4 kept");
    }
    return inferredType(column);
}

DecimalMark ImportPreviewModel::integerMark() const
{
    // As the importer reads integer columns: "1,000" is 1 only where the amounts proved (or
    // the user said) that a comma is this file's decimal mark.
    const DecimalMarkGuess &amounts = m_inspection.amountFormat;
    const bool comma = m_inspection.role() == FileRole::Transactions && amounts.mark == DecimalMark::Comma
        && (amounts.settled || amounts.forced);
    return comma ? DecimalMark::Comma : DecimalMark::Point;
}

QString ImportPreviewModel::inferredType(int column) const
{
    // The import's own readers decide, so "1.0" ids read as integers and "749,00" amounts as
    // decimals with a comma, as the import will load them.
    const bool amount = m_inspection.role() == FileRole::Transactions && canonicalName(column) == QLatin1String("amount");
    const DecimalMark wholeMark = integerMark();
    const DecimalMark decimalMark = amount && m_inspection.amountFormat.mark == DecimalMark::Comma ? DecimalMark::Comma
                                                                                                   : wholeMark;
    bool allWhole = !amount; // amounts are loaded as decimals even when they are whole
    bool allNumber = true;
    bool anyValue = false;
    for (const QStringList &row : m_inspection.previewRows) {
        const QByteArray value = row.value(column).toUtf8();
        if (ValueNormalizer::trimmed(value).isEmpty())
            continue;
        anyValue = true;
        qint64 whole = 0;
        const WholeForm form = allWhole ? ValueNormalizer::parseWhole(value, &whole, wholeMark) : WholeForm::Invalid;
        allWhole = form == WholeForm::Plain || form == WholeForm::Float;
        double number = 0;
        allNumber = allNumber && ValueNormalizer::parseDecimal(value, decimalMark, &number);
    }
    if (!anyValue)
        return tr("empty");
    if (allWhole)
        return tr("integer");
    if (!allNumber)
        return tr("text");
    return decimalMark == DecimalMark::Comma ? tr("decimal (comma)") : tr("decimal");
}

} // namespace cpm
