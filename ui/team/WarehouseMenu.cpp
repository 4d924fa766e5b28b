// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/WarehouseMenu.h"

#include "MainWindow.h"
#include "RecentWarehouses.h"
#include "WarehouseSession.h"
#include "team/OpenTeamWarehouseDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace cpm {

namespace {

bool isUri(const QString &location)
{
    return location.contains(QStringLiteral("://"));
}

} // namespace

WarehouseMenu::WarehouseMenu(MainWindow *window, QMenu *fileMenu)
    : QObject(window), m_window(window)
{
    fileMenu->addAction(tr("&New warehouse…"), QKeySequence::New, this, &WarehouseMenu::newWarehouse);
    fileMenu->addAction(tr("&Open warehouse file…"), QKeySequence::Open, this, &WarehouseMenu::openFile);
    QAction *team = fileMenu->addAction(tr("Open &team warehouse…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                                        &WarehouseMenu::openTeamDialog);
    team->setObjectName(QStringLiteral("openTeamWarehouseAction"));
    m_recent = fileMenu->addMenu(tr("Open &recent"));
    m_recent->setObjectName(QStringLiteral("recentWarehousesMenu"));
    connect(window, &MainWindow::warehouseOpened, this, [this](const QString &location) {
        RecentWarehouses().add(location);
        updateRecent();
    });
    updateRecent();
}

void WarehouseMenu::updateRecent()
{
    m_recent->clear();
    const QStringList entries = RecentWarehouses().entries();
    for (int i = 0; i < entries.size(); ++i) {
        const QString location = entries[i];
        // "&1 …" gives keyboard access; '&' in a path must not become a mnemonic.
        QString text = location;
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_recent->addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(text), this,
                                              [this, location] { openRecent(location); });
        action->setData(location);
        action->setToolTip(isUri(location) ? tr("Team warehouse") : tr("Warehouse file"));
    }
    if (!entries.isEmpty())
        m_recent->addSeparator();
    QAction *clear = m_recent->addAction(tr("&Clear list"), this, [this] {
        RecentWarehouses().clear();
        updateRecent();
    });
    clear->setObjectName(QStringLiteral("clearRecentWarehouses"));
    clear->setEnabled(!entries.isEmpty());
}

bool WarehouseMenu::openTeam(const QString &uri)
{
    QString error;
    if (m_window->switchWarehouse(uri, &error))
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Cannot open team warehouse"),
                    tr("<b>%1</b> could not be opened.").arg(RecentWarehouses::label(uri).toHtmlEscaped()),
                    QMessageBox::Ok, m_window);
    box.setInformativeText(error + QLatin1Char('\n') + tr("The warehouse on show stays open."));
    box.exec();
    return false;
}

bool WarehouseMenu::openRecent(const QString &location)
{
    QString error;
    // Opening a missing file would create an empty warehouse in its place: say it is gone.
    if (!isUri(location) && !QFileInfo::exists(location))
        error = tr("%1: the file no longer exists").arg(location);
    else if (m_window->switchWarehouse(location, &error))
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Cannot open warehouse"),
                    tr("<b>%1</b> could not be opened.").arg(RecentWarehouses::label(location).toHtmlEscaped()),
                    QMessageBox::NoButton, m_window);
    box.setInformativeText(error + QLatin1Char('\n') + tr("Remove it from the recent list?"));
    QPushButton *remove = box.addButton(tr("&Remove from list"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("removeRecent"));
    box.addButton(tr("&Keep"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == remove) {
        RecentWarehouses().remove(location);
        updateRecent();
    }
    return false;
}

void WarehouseMenu::openTeamDialog()
{
    OpenTeamWarehouseDialog dialog(m_window);
    dialog.setUri(suggestedTeamUri());
    // A failed open brings the dialog back with what was typed, to correct the user or port.
    while (dialog.exec() == QDialog::Accepted) {
        if (openTeam(dialog.uri()))
            return;
    }
}

QString WarehouseMenu::suggestedTeamUri() const
{
    if (m_window->session()->isTeamWarehouse())
        return m_window->session()->path();
    for (const QString &location : RecentWarehouses().entries()) {
        if (isUri(location))
            return location;
    }
    return QString();
}

void WarehouseMenu::newWarehouse()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("New warehouse"), QString(),
                                                      tr("SQLite warehouse (*.sqlite)"));
    if (!path.isEmpty() && m_window->openWarehouse(path))
        m_window->importFiles({});
}

void WarehouseMenu::openFile()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open warehouse file"), QString(),
                                                      tr("SQLite warehouse (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        m_window->openWarehouse(path);
}

} // namespace cpm
