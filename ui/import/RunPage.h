// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImportProgressTracker.h"
#include "warehouse/ImportTypes.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cpm {

class ImportSelection;
class ImportTask;

/**
 * Step 4: the real import on a worker thread, with progress, rows/s and time left, and a
 * Cancel that rolls everything back. The page completes when the import has committed.
 */
class RunPage : public QWizardPage
{
    Q_OBJECT

public:
    RunPage(const QString &warehousePath, ImportSelection *selection, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool isBusy() const;
    /** Asks the running import to stop; it rolls back and stopped() follows. */
    void cancelImport();
    /** The last finished import. */
    const ImportSummary &summary() const;

signals:
    /** The import committed; the warehouse holds the new data. */
    void importSucceeded();
    /** The import ended without committing (cancelled or failed). */
    void stopped();

private:
    void setupUi();
    void startImport();
    void onProgress(const QString &phase, qint64 done, qint64 total);
    void onFinished(const ImportSummary &summary);
    QString resultText(const ImportSummary &summary) const;

    QString m_warehousePath;
    ImportSelection *m_selection;
    ImportTask *m_task;
    ImportProgressTracker m_tracker;
    QLabel *m_phase = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    bool m_succeeded = false;
};

} // namespace cpm
