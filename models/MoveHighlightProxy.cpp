// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoveHighlightProxy.h"

#include "MetricTableModel.h"

namespace cpm {

MoveHighlightProxy::MoveHighlightProxy(QObject *parent) : QIdentityProxyModel(parent) {}

QVariant MoveHighlightProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::ForegroundRole || !index.isValid()
        || index.data(MetricTableModel::KeyRole).toString() != QLatin1String("move"))
        return QIdentityProxyModel::data(index, role);
    const QString move = index.data(Qt::DisplayRole).toString();
    if (move.startsWith(QChar(0x25B2)) || move == QLatin1String("new")) // ▲
        return upColor();
    if (move.startsWith(QChar(0x25BC)) || move == QLatin1String("left")) // ▼
        return downColor();
    return QIdentityProxyModel::data(index, role);
}

} // namespace cpm
