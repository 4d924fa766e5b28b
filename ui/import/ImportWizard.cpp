// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportWizard.h"

#include "import/CheckPage.h"
#include "import/FilesPage.h"
#include "import/ImportSelection.h"
#include "import/PreviewPage.h"
#include "import/RunPage.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPixmap>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTimer>

namespace cpm {

ImportWizard::ImportWizard(const QString &warehousePath, const QStringList &files, QWidget *parent)
    : QWizard(parent), m_selection(new ImportSelection(this)), m_filesPage(new FilesPage(m_selection, this)),
      m_previewPage(new PreviewPage(m_selection, this)), m_checkPage(new CheckPage(warehousePath, m_selection, this)),
      m_runPage(new RunPage(warehousePath, m_selection, this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import extracts"));
    // The same look on every platform, so the screenshots match what people see.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(FilesPageId, m_filesPage);
    setPage(PreviewPageId, m_previewPage);
    setPage(CheckPageId, m_checkPage);
    setPage(RunPageId, m_runPage);
    setStartId(FilesPageId);
    resize(900, 640);
    connect(m_runPage, &RunPage::importSucceeded, this, &ImportWizard::importFinished);
    if (!files.isEmpty())
        m_selection->addFiles(files);
}

void ImportWizard::done(int result)
{
    if (result == QDialog::Rejected && m_runPage->isBusy()) {
        // Close only after the import has rolled back, so no work outlives the window unseen.
        const auto close = [this] { QWizard::done(QDialog::Rejected); };
        connect(m_runPage, &RunPage::stopped, this, close, Qt::SingleShotConnection);
        connect(m_runPage, &RunPage::importSucceeded, this, close, Qt::SingleShotConnection);
        m_runPage->cancelImport();
        return;
    }
    m_checkPage->stop();
    QWizard::done(result);
}

bool ImportWizard::waitUntilIdle(int timeoutMs)
{
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(m_checkPage, &CheckPage::checked, &loop, &QEventLoop::quit);
    connect(m_runPage, &RunPage::importSucceeded, &loop, &QEventLoop::quit);
    connect(m_runPage, &RunPage::stopped, &loop, &QEventLoop::quit);
    if (m_checkPage->isBusy() || m_runPage->isBusy())
        loop.exec();
    return !m_checkPage->isBusy() && !m_runPage->isBusy();
}

static bool copyWarehouse(const QString &from, const QString &to)
{
    if (!QFileInfo::exists(from))
        return true; // the wizard creates a fresh one
    // SQLite keeps committed pages in the -wal file until a checkpoint: copy it along.
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFileInfo::exists(from + suffix) && !QFile::copy(from + suffix, to + suffix))
            return false;
    }
    return true;
}

QStringList ImportWizard::saveScreenshots(const QString &directory, const QStringList &files,
                                          const QString &warehousePath)
{
    QStringList written;
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(QStringLiteral("warehouse.sqlite"));
    if (!scratch.isValid() || !copyWarehouse(warehousePath, copy) || !QDir().mkpath(directory))
        return written;
    ImportWizard wizard(copy, files);
    wizard.setAttribute(Qt::WA_DontShowOnScreen);
    wizard.show();
    const QStringList names = {QStringLiteral("files"), QStringLiteral("preview"), QStringLiteral("check"),
                               QStringLiteral("import")};
    for (int n = 0; n < names.size(); ++n) {
        wizard.waitUntilIdle(120000);
        QCoreApplication::sendPostedEvents(); // pending layout requests of the page just shown
        const QString path = QDir(directory).filePath(QStringLiteral("wizard-%1-%2.png").arg(n + 1).arg(names.at(n)));
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && wizard.grab().save(&file, "PNG") && file.commit())
            written << path;
        if (n + 1 == names.size() || !wizard.currentPage()->isComplete())
            break; // the last page, or no usable files: later pages would show nothing real
        wizard.next();
    }
    return written;
}

} // namespace cpm
