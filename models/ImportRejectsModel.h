// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <QAbstractTableModel>

namespace cpm {

/** The rejected rows of an import (or dry run), one table row each, with file and line. */
class ImportRejectsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FileColumn, LineColumn, FieldColumn, ValueColumn, ReasonColumn, ColumnCount };

    explicit ImportRejectsModel(QObject *parent = nullptr);

    /** Shows the reject samples of every file in @p summary. */
    void setSummary(const ImportSummary &summary);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** RFC 4180 text of all rows (file, line, column, column_name, value, reason, raw_text). */
    QByteArray toCsv() const;

private:
    struct Row
    {
        QString fileName;
        RejectedRow reject;
    };
    QVector<Row> m_rows;
};

} // namespace cpm
