// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricTableModel.h"

#include <QColor>
#include <QLocale>

#include <cmath>

namespace cpm {

MetricTableModel::MetricTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MetricTableModel::setTable(const MetricTable &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

int MetricTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int MetricTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

bool MetricTableModel::isNumeric(ValueKind kind)
{
    return kind != ValueKind::Text && kind != ValueKind::Timestamp && kind != ValueKind::Flag;
}

bool MetricTableModel::rowIsFlagged(int row) const
{
    for (int column = 0; column < m_table.columns.size(); ++column) {
        if (m_table.columns[column].kind == ValueKind::Flag && m_table.rows.cell(row, column).toBool())
            return true;
    }
    return false;
}

bool MetricTableModel::isIdentifier(const MetricColumn &column)
{
    // An id names a row, it counts nothing: a thousands separator would make it a quantity
    // (and break a search for it in the warehouse or the extract).
    return column.kind == ValueKind::Integer && (column.key.endsWith(QLatin1String("_id")) || column.key == QLatin1String("id"));
}

QString MetricTableModel::humanDuration(double seconds)
{
    const QString sign = seconds < 0 ? QStringLiteral("−") : QString();
    const qint64 total = std::llround(std::fabs(seconds));
    const qint64 days = total / 86400;
    const qint64 hours = (total % 86400) / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 secs = total % 60;
    if (days > 0)
        return sign + QStringLiteral("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return sign + QStringLiteral("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return sign + QStringLiteral("%1 min %2 s").arg(minutes).arg(secs);
    return sign + QStringLiteral("%1 s").arg(secs);
}

QString MetricTableModel::formatValue(const QVariant &value, ValueKind kind)
{
    if (!value.isValid() || value.isNull())
        return displayText(value, kind);
    if (kind == ValueKind::Percent)
        return QLocale().toString(value.toDouble(), 'f', 1) + QStringLiteral(" %");
    if (kind == ValueKind::Seconds)
        return humanDuration(value.toDouble());
    return displayText(value, kind);
}

QVariant MetricTableModel::sortValue(const QVariant &value, ValueKind kind) const
{
    if (!value.isValid() || value.isNull())
        return QVariant();
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Rank:
    case ValueKind::Timestamp:
        return value.toLongLong();
    case ValueKind::Amount:
    case ValueKind::Percent:
    case ValueKind::Seconds:
    case ValueKind::Days:
    case ValueKind::Probability:
        return value.toDouble();
    case ValueKind::Flag:
        return value.toBool() ? 1 : 0;
    case ValueKind::Text:
        break;
    }
    return value.toString();
}

QVariant MetricTableModel::toolTip(const QVariant &value, ValueKind kind) const
{
    if (!value.isValid() || value.isNull())
        return QVariant();
    const QLocale locale;
    if (kind == ValueKind::Seconds) {
        const qint64 seconds = std::llround(value.toDouble());
        return QStringLiteral("%1 seconds (%2)").arg(locale.toString(seconds), formatDuration(value.toDouble()));
    }
    if (kind == ValueKind::Percent || kind == ValueKind::Amount || kind == ValueKind::Days || kind == ValueKind::Probability)
        return exportText(value, kind);
    return QVariant();
}

QVariant MetricTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const MetricColumn &column = m_table.columns[index.column()];
    const QVariant value = m_table.rows.cell(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (isIdentifier(column) && !value.isNull())
            return exportText(value, column.kind);
        return formatValue(value, column.kind);
    case Qt::ToolTipRole:
        return toolTip(value, column.kind);
    case Qt::TextAlignmentRole:
        return isNumeric(column.kind) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        // A pale amber row: the figures are there, but rest on too few transactions to trust.
        return rowIsFlagged(index.row()) ? QVariant(QColor(255, 236, 179)) : QVariant();
    case Qt::ForegroundRole: // dark text on the amber, whatever the palette
        return rowIsFlagged(index.row()) ? QVariant(QColor(Qt::black)) : QVariant();
    case SortRole:
        return sortValue(value, column.kind);
    case KindRole:
        return int(column.kind);
    case KeyRole:
        return column.key;
    default:
        return QVariant();
    }
}

QVariant MetricTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const MetricColumn &column = m_table.columns[section];
    if (role == Qt::DisplayRole)
        return column.header.isEmpty() ? column.key : column.header;
    if (role == Qt::TextAlignmentRole)
        return isNumeric(column.kind) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == KeyRole)
        return column.key;
    return QVariant();
}

} // namespace cpm
