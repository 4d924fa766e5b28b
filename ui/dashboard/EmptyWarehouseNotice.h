// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

namespace cpm {

/**
 * Covers a dashboard page whose warehouse holds no transactions with "No transactions
 * loaded" and how to import them, instead of empty charts that look like a broken filter.
 */
class EmptyWarehouseNotice : public QFrame
{
    Q_OBJECT

public:
    /** Covers @p page (following its size); hidden until shown. */
    explicit EmptyWarehouseNotice(QWidget *page);

signals:
    /** The user pressed "Import extracts…". */
    void importRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace cpm
