// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricSortProxy.h"

#include "MetricTableModel.h"

namespace cpm {

MetricSortProxy::MetricSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MetricTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

bool MetricSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Empty values ("—") sort before every value so they gather at one end in both orders.
    if (!a.isValid() || !b.isValid())
        return !a.isValid() && b.isValid();
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    return a.toDouble() < b.toDouble();
}

} // namespace cpm
