// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/EmptyWarehouseNotice.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpm {

EmptyWarehouseNotice::EmptyWarehouseNotice(QWidget *page)
    : QFrame(page)
{
    setObjectName(QStringLiteral("emptyWarehouseNotice"));
    setAutoFillBackground(true); // opaque: the empty charts underneath must not show through
    auto *title = new QLabel(tr("No transactions loaded"), this);
    title->setObjectName(QStringLiteral("emptyWarehouseTitle"));
    QFont font = title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.6);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto *hint = new QLabel(tr("This warehouse holds no transactions, so there is nothing to count or chart yet.<br>"
                               "Import the stores, devices and transactions extracts: <b>File ▸ Import extracts…</b> "
                               "(Ctrl+I), or drop the CSV or .xlsx files on this window."),
                            this);
    hint->setObjectName(QStringLiteral("emptyWarehouseHint"));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    // A wrapped label in an aligned layout item gets its one-line height: size it for its width.
    hint->setFixedWidth(560);
    hint->setFixedHeight(hint->heightForWidth(560));
    auto *button = new QPushButton(tr("Import extracts…"), this);
    button->setObjectName(QStringLiteral("emptyWarehouseImport"));
    connect(button, &QPushButton::clicked, this, &EmptyWarehouseNotice::importRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(hint, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    page->installEventFilter(this);
    setGeometry(page->rect());
    hide();
}

bool EmptyWarehouseNotice::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QFrame::eventFilter(watched, event);
}

} // namespace cpm
