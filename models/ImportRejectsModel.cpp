// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportRejectsModel.h"

#include <QFileInfo>
#include <QLocale>

namespace cpm {

ImportRejectsModel::ImportRejectsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportRejectsModel::setSummary(const ImportSummary &summary)
{
    beginResetModel();
    m_rows.clear();
    for (const FileImportSummary &file : summary.files) {
        const QString name = QFileInfo(file.path).fileName();
        for (const RejectGroup &group : file.rejectGroups.byCount())
            m_rows << Row{name, group};
    }
    endResetModel();
}

void ImportRejectsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

qint64 ImportRejectsModel::rejectedRows() const
{
    qint64 rows = 0;
    for (const Row &row : m_rows)
        rows += row.group.rows;
    return rows;
}

int ImportRejectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportRejectsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportRejectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return tr("%1: %2 rejected for this reason, %3").arg(row.fileName, QLocale().toString(row.group.rows),
                                                           RejectSummary::lines(row.group));
    if (role == Qt::TextAlignmentRole && index.column() == RowsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    return display(row.group, row.fileName, index.column());
}

QVariant ImportRejectsModel::display(const RejectGroup &group, const QString &fileName, int column) const
{
    switch (column) {
    case FileColumn: return fileName;
    case FieldColumn:
        if (!group.columnName.isEmpty())
            return group.columnName;
        return group.column == 0 ? QVariant(tr("(whole row)")) : QVariant(group.column);
    case ValueColumn: return group.firstValue;
    case ReasonColumn: return group.reason;
    case RowsColumn: return group.rows;
    case LinesColumn: return RejectSummary::lines(group);
    default: return QVariant();
    }
}

QVariant ImportRejectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn: return tr("File");
    case FieldColumn: return tr("Column");
    case ValueColumn: return tr("Value on the first line");
    case ReasonColumn: return tr("Reason");
    case RowsColumn: return tr("Rows");
    case LinesColumn: return tr("Lines");
    default: return QVariant();
    }
}

} // namespace cpm
