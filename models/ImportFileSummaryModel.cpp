// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportFileSummaryModel.h"

#include <QFileInfo>
#include <QLocale>

namespace cpm {

ImportFileSummaryModel::ImportFileSummaryModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportFileSummaryModel::setSummary(const ImportSummary &summary)
{
    beginResetModel();
    m_files = summary.files;
    endResetModel();
}

void ImportFileSummaryModel::clear()
{
    beginResetModel();
    m_files.clear();
    endResetModel();
}

int ImportFileSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int ImportFileSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportFileSummaryModel::display(const FileImportSummary &file, int column) const
{
    const QLocale locale;
    // Skipped files were not read at all: blank counts say so better than zeros.
    if (file.alreadyImported && column >= ReadColumn && column <= RejectedColumn)
        return QString();
    switch (column) {
    case KindColumn: return roleName(file.role);
    case FileColumn: return QFileInfo(file.path).fileName();
    case ReadColumn: return locale.toString(file.rowsRead);
    case OkColumn: return locale.toString(file.rowsLoaded);
    case RejectedColumn: return locale.toString(file.rowsRejected);
    case NotesColumn:
        if (file.alreadyImported)
            return tr("already imported (batch %1): skipped").arg(file.previousBatch);
        return file.notes.isEmpty() ? QString() : tr("%n note(s)", nullptr, int(file.notes.size()));
    default: return QVariant();
    }
}

QVariant ImportFileSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const FileImportSummary &file = m_files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(file, index.column());
    case Qt::EditRole: // raw numbers, for sorting and for tests
        switch (index.column()) {
        case ReadColumn: return file.rowsRead;
        case OkColumn: return file.rowsLoaded;
        case RejectedColumn: return file.rowsRejected;
        case NotesColumn: return int(file.notes.size());
        default: return display(file, index.column());
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= ReadColumn && index.column() <= RejectedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::ToolTipRole:
        return index.column() == FileColumn ? file.path : QVariant();
    default:
        return QVariant();
    }
}

QVariant ImportFileSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn: return tr("Kind");
    case FileColumn: return tr("File");
    case ReadColumn: return tr("Rows");
    case OkColumn: return tr("OK");
    case RejectedColumn: return tr("Rejected");
    case NotesColumn: return tr("Notes");
    default: return QVariant();
    }
}

} // namespace cpm
