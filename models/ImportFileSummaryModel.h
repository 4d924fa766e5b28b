// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <QAbstractTableModel>

namespace cpm {

/** Per-file counts of an import or dry run: rows read, ok, rejected, notes. */
class ImportFileSummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, FileColumn, ReadColumn, OkColumn, RejectedColumn, NotesColumn, ColumnCount };

    explicit ImportFileSummaryModel(QObject *parent = nullptr);

    void setSummary(const ImportSummary &summary);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const FileImportSummary &file, int column) const;

    QVector<FileImportSummary> m_files;
};

} // namespace cpm
