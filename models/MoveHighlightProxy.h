// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIdentityProxyModel>

namespace cpm {

/**
 * Colours the "move" column of a comparison's rank tables (a MetricTableModel below it):
 * ▲ and "new" green, ▼ and "left" red, so a list of moves reads at a glance. Everything else
 * passes through unchanged.
 */
class MoveHighlightProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit MoveHighlightProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QColor upColor() { return QColor(0x1b, 0x7f, 0x3b); }
    static QColor downColor() { return QColor(0xb3, 0x26, 0x1e); }
};

} // namespace cpm
