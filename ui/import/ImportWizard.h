// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWizard>

namespace cpm {

class CheckPage;
class FilesPage;
class ImportSelection;
class PreviewPage;
class RunPage;

/**
 * The import wizard: files → preview and formats → dry-run check → import. All reading and
 * writing of data happens in cpm_core on worker threads; the pages only show and ask.
 */
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    /**
     * Imports into the warehouse at @p warehousePath (created if missing). @p files (up to
     * three CSVs, e.g. dropped on the main window) are pre-assigned to their slots.
     */
    ImportWizard(const QString &warehousePath, const QStringList &files, QWidget *parent = nullptr);

    /**
     * Renders every page offscreen with @p files pre-assigned to DIR/wizard-<n>-<name>.png and
     * returns the paths written. The check and import run on a scratch copy of @p warehousePath,
     * so the warehouse itself is never modified.
     */
    static QStringList saveScreenshots(const QString &directory, const QStringList &files, const QString &warehousePath);

signals:
    /** The import committed: views of the warehouse should refresh. */
    void importFinished();

private:
    enum PageId { FilesPageId, PreviewPageId, CheckPageId, RunPageId };

    void done(int result) override;
    bool waitUntilIdle(int timeoutMs);

    ImportSelection *m_selection;
    FilesPage *m_filesPage;
    PreviewPage *m_previewPage;
    CheckPage *m_checkPage;
    RunPage *m_runPage;
};

} // namespace cpm
