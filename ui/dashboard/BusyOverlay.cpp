// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/BusyOverlay.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace cpm {

BusyOverlay::BusyOverlay(QWidget *covered)
    : QWidget(covered)
{
    setObjectName(QStringLiteral("busyOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    covered->installEventFilter(this);
    setGeometry(covered->rect());
    hide();
}

void BusyOverlay::setMessage(const QString &title, const QString &detail, int veil)
{
    if (title == m_title && detail == m_detail && veil == m_veil)
        return;
    m_title = title;
    m_detail = detail;
    m_veil = veil;
    update();
}

bool BusyOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget()) {
        if (event->type() == QEvent::Resize)
            setGeometry(parentWidget()->rect());
        else if (event->type() == QEvent::ChildAdded || event->type() == QEvent::LayoutRequest)
            raise(); // stay above pages added or raised later
    }
    return QWidget::eventFilter(watched, event);
}

void BusyOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor veil = palette().color(QPalette::Window);
    veil.setAlpha(m_veil);
    painter.fillRect(rect(), veil);

    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics detailMetrics(font());
    const int padding = 14;
    const int textWidth = std::max(titleMetrics.horizontalAdvance(m_title),
                                   m_detail.isEmpty() ? 0 : detailMetrics.horizontalAdvance(m_detail));
    const int textHeight = titleMetrics.height() + (m_detail.isEmpty() ? 0 : detailMetrics.height() + 4);
    QRect box(0, 0, textWidth + 2 * padding, textHeight + 2 * padding);
    // Near the top, where the eye is after changing a filter, not in the middle of a chart.
    box.moveCenter(QPoint(width() / 2, std::min(height() / 3, 40 + box.height() / 2)));

    QPainterPath path;
    path.addRoundedRect(QRectF(box), 8, 8);
    painter.fillPath(path, palette().color(QPalette::Base));
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawPath(path);

    painter.setPen(palette().color(QPalette::Text));
    painter.setFont(titleFont);
    const QRect inner = box.adjusted(padding, padding, -padding, -padding);
    painter.drawText(QRect(inner.topLeft(), QSize(inner.width(), titleMetrics.height())), Qt::AlignCenter, m_title);
    if (!m_detail.isEmpty()) {
        painter.setFont(font());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(inner.left(), inner.top() + titleMetrics.height() + 4, inner.width(), detailMetrics.height()),
                         Qt::AlignCenter, m_detail);
    }
}

} // namespace cpm
