// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/NewDataBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cpm {

NewDataBar::NewDataBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("newDataBar"));
    // The colours of a browser's info bar, fixed like the demo banner's so it reads the same in a dark theme.
    setStyleSheet(QStringLiteral("#newDataBar { background: #dbeafe; border-bottom: 1px solid #93c5fd; }"
                                 "#newDataBar QLabel { color: #1e3a8a; }"
                                 "#newDataBar QToolButton { border: none; color: #1e3a8a; font-size: 15px; padding: 0 6px; }"
                                 "#newDataBar QToolButton:hover { background: #bfdbfe; border-radius: 3px; }"));
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(18, 18));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("newDataText"));
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("newDataRefresh"));
    m_refresh->setToolTip(tr("Recompute the dashboard from the warehouse as it is now"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("newDataClose"));
    m_close->setText(QStringLiteral("×"));
    m_close->setToolTip(tr("Keep showing the current numbers"));
    m_close->setAutoRaise(true);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(10, 4, 6, 4);
    row->addWidget(icon);
    row->addWidget(m_text, 1);
    row->addWidget(m_refresh);
    row->addWidget(m_close);
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        hide();
        emit refreshRequested();
    });
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NewDataBar::announce(qint64 batchId, const QDateTime &importedAt)
{
    m_batchId = batchId;
    const QString batch = QLocale().toString(batchId);
    // The day only when it is not today (a reader who left the window open overnight).
    const QString when = importedAt.date() == QDate::currentDate() ? importedAt.toString(QStringLiteral("HH:mm"))
                                                                   : importedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    // Who imported it is not recorded; when and which batch is what a reader can check against.
    m_text->setText(importedAt.isValid()
                        ? tr("<b>New data available</b> — imported at %1 (batch %2).")
                              .arg(when, batch)
                        : tr("<b>New data available</b> (batch %1).").arg(batch));
    m_text->setToolTip(importedAt.isValid() ? QLocale().toString(importedAt, QLocale::LongFormat) : QString());
    show();
}

QString NewDataBar::text() const
{
    return m_text->text();
}

} // namespace cpm
