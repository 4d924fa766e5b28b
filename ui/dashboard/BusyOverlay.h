// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace cpm {

/**
 * Dims the widget it covers and says why ("Computing…", "Loading 1,000,000 transactions…"),
 * while what is underneath stays visible and usable: the overlay lets every mouse event
 * through, so tables still scroll and sort and pages still switch while numbers are updated.
 */
class BusyOverlay : public QWidget
{
    Q_OBJECT

public:
    /** Covers @p covered (its parent) and follows its size; hidden until shown. */
    explicit BusyOverlay(QWidget *covered);

    /** @p title in bold, @p detail under it; @p veil from 0 (clear) to 255 (hides what is under). */
    void setMessage(const QString &title, const QString &detail, int veil);
    QString title() const { return m_title; }
    QString detail() const { return m_detail; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QString m_detail;
    int m_veil = 140;
};

} // namespace cpm
