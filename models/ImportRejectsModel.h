// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <QAbstractTableModel>

namespace cpm {

/**
 * The rejected rows of an import (or dry run) grouped by reason: one table row per file and
 * reason, with its count, its first few line numbers and the value on the first of them.
 */
class ImportRejectsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FileColumn, RowsColumn, FieldColumn, ReasonColumn, LinesColumn, ValueColumn, ColumnCount };

    explicit ImportRejectsModel(QObject *parent = nullptr);

    /** Shows the reject groups of every file in @p summary, most rows first within a file. */
    void setSummary(const ImportSummary &summary);
    void clear();

    /** Rejected rows over all groups (a group stands for many rows). */
    qint64 rejectedRows() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const RejectGroup &group, const QString &fileName, int column) const;

    struct Row
    {
        QString fileName;
        RejectGroup group;
    };
    QVector<Row> m_rows;
};

} // namespace cpm
