// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace cpm {

/** Sorts a MetricTableModel by its SortRole, so numbers sort numerically and empty values sort first. */
class MetricSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MetricSortProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace cpm
