// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/FileInspector.h"

#include <QAbstractTableModel>

namespace cpm {

/**
 * The first records of one extract as parsed (card data already masked by the inspector),
 * with each column's detected type in the header.
 */
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /** Header role carrying the column's detected type ("integer", "decimal (comma)", "timestamp", ...). */
    static constexpr int ColumnTypeRole = Qt::UserRole + 1;

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setInspection(const FileInspection &inspection);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The detected type of field @p column, from its role in the extract and the sample values. */
    QString columnType(int column) const;
    /** The canonical name the field @p column is loaded as, empty when it is not loaded. */
    QString canonicalName(int column) const;

private:
    /** The mark integer columns are read with ("1,000" is 1 only in a proven decimal-comma file). */
    DecimalMark integerMark() const;
    /** The type the import's number readers give the sample values of @p column. */
    QString inferredType(int column) const;

    FileInspection m_inspection;
    QStringList m_types;
};

} // namespace cpm
