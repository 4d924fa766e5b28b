// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QMenu;

namespace cpm {

class MainWindow;

/**
 * The File menu's warehouse entries and what they do: New warehouse…, Open warehouse file…,
 * Open team warehouse…, and Open recent (files and team warehouses, Clear list). A warehouse
 * that cannot be opened is reported in a message box with its one-line reason, and the one
 * on show stays open; a recent entry that fails can be removed from the list there.
 */
class WarehouseMenu : public QObject
{
    Q_OBJECT

public:
    /** Adds the entries to @p fileMenu of @p window and keeps the recent list of what it opens. */
    WarehouseMenu(MainWindow *window, QMenu *fileMenu);

    QMenu *recentMenu() const { return m_recent; }
    /** Rebuilds Open recent from the list in QSettings. */
    void updateRecent();

    /** Opens the team warehouse @p uri; false after telling the user why (the current one stays). */
    bool openTeam(const QString &uri);
    /**
     * Opens recent entry @p location; when it is gone or unreachable, says why and offers to
     * remove it from the list. False when it was not opened.
     */
    bool openRecent(const QString &location);
    /** File ▸ Open team warehouse…: the dialog, until a warehouse opens or it is cancelled. */
    void openTeamDialog();

private:
    void newWarehouse();
    void openFile();
    /** The team warehouse to offer first: the open one, else the newest in the recent list. */
    QString suggestedTeamUri() const;

    MainWindow *m_window;
    QMenu *m_recent = nullptr;
};

} // namespace cpm
