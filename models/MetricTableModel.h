// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricTable.h"

#include <QAbstractTableModel>

namespace cpm {

/** A read-only item model over one MetricTable: formatted text for people, raw numbers for sorting. */
class MetricTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the raw value: a number for numeric kinds, text otherwise
        KindRole,                    ///< the column's ValueKind as int
        KeyRole                      ///< the column's machine key
    };

    explicit MetricTableModel(QObject *parent = nullptr);

    /** Replaces the table (a model reset). */
    void setTable(const MetricTable &table);
    const MetricTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Text shown for @p value: percentages with one decimal, durations as "3 d 4 h". */
    static QString formatValue(const QVariant &value, ValueKind kind);
    /** "3 d 4 h", "4 h 5 min", "5 min 3 s", "42 s"; negative durations keep their sign. */
    static QString humanDuration(double seconds);
    /** Whether values of @p kind are numbers (right-aligned, sorted numerically). */
    static bool isNumeric(ValueKind kind);
    /** Whether @p column holds ids ("store_id", "transaction_id"): shown plain, "1066" not "1,066". */
    static bool isIdentifier(const MetricColumn &column);

private:
    /** Whether a Flag column of @p row is set (the row is then painted as a warning). */
    bool rowIsFlagged(int row) const;
    QVariant sortValue(const QVariant &value, ValueKind kind) const;
    QVariant toolTip(const QVariant &value, ValueKind kind) const;

    MetricTable m_table;
};

} // namespace cpm
