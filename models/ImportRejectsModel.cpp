// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportRejectsModel.h"

#include "report/TableWriters.h"

#include <QFileInfo>

namespace cpm {

ImportRejectsModel::ImportRejectsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportRejectsModel::setSummary(const ImportSummary &summary)
{
    beginResetModel();
    m_rows.clear();
    for (const FileImportSummary &file : summary.files) {
        const QString name = QFileInfo(file.path).fileName();
        for (const RejectedRow &reject : file.rejectSamples)
            m_rows << Row{name, reject};
    }
    endResetModel();
}

void ImportRejectsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
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
        return row.reject.rawText; // the whole record, card data masked, shows the context
    if (role == Qt::TextAlignmentRole && index.column() == LineColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case FileColumn: return row.fileName;
    case LineColumn: return row.reject.line;
    case FieldColumn:
        return row.reject.columnName.isEmpty() ? QVariant(row.reject.column) : QVariant(row.reject.columnName);
    case ValueColumn: return row.reject.value;
    case ReasonColumn: return row.reject.reason;
    default: return QVariant();
    }
}

QVariant ImportRejectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn: return tr("File");
    case LineColumn: return tr("Line");
    case FieldColumn: return tr("Column");
    case ValueColumn: return tr("Value");
    case ReasonColumn: return tr("Reason");
    default: return QVariant();
    }
}

QByteArray ImportRejectsModel::toCsv() const
{
    const QChar comma = QLatin1Char(',');
    QString text = QStringLiteral("file,line,column,column_name,value,reason,raw_text\r\n");
    for (const Row &row : m_rows) {
        const QStringList fields = {row.fileName, QString::number(row.reject.line), QString::number(row.reject.column),
                                    row.reject.columnName, row.reject.value, row.reject.reason, row.reject.rawText};
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field, comma);
        text += quoted.join(comma) + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

} // namespace cpm
