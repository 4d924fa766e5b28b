// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/ImportTypes.h"

#include <QTemporaryDir>
#include <QWizardPage>

class QLabel;
class QLayout;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QTableView;

namespace cpm {

class ImportFileSummaryModel;
class ImportRejectsModel;
class ImportSelection;
class ImportTask;

/**
 * Step 3: a dry run of the whole import on a worker thread (loaded, counted, rolled back):
 * per file ok / rejected / notes, the rejects once per reason with their counts and first
 * lines, and a way to save every rejected row as CSV. A file the import would refuse (it
 * loads nothing, or rejects more than the allowed share, which the user can raise or lower
 * here like `cpm-cli import --max-reject-share`) disables Import, saying why.
 * Committing this page starts the real import.
 */
class CheckPage : public QWizardPage
{
    Q_OBJECT

public:
    CheckPage(const QString &warehousePath, ImportSelection *selection, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    bool isBusy() const;
    /** Stops a running dry run and waits for it (it changes nothing either way). */
    void stop();
    /** The last finished dry run. */
    const ImportSummary &summary() const;
    /** The import would be refused for its rejects (RejectPolicy): Import stays disabled. */
    bool isRefused() const;
    /** The reject limit control (percent of a file's rows); changing it checks again. */
    QSpinBox *rejectLimit() const { return m_rejectLimit; }
    /** Writes every rejected row of the dry run as CSV to @p path (atomically). False: nothing written. */
    bool saveRejects(const QString &path, QString *errorMessage = nullptr);

signals:
    /** A dry run finished (successfully or not). */
    void checked();

private:
    void setupUi();
    QLayout *makeRejectLimitRow();
    void startCheck();
    void onRejectLimitChanged();
    void onProgress(const QString &phase, qint64 done, qint64 total);
    void onFinished(const ImportSummary &summary);
    void chooseAndSaveRejects();
    void setCommitToolTip(const QString &text);
    void showOutcome(const ImportSummary &summary, qint64 rows, qint64 rejected);
    static QString notesHtml(const ImportSummary &summary);
    QString rejectsPath() const;

    QString m_warehousePath;
    ImportSelection *m_selection;
    ImportTask *m_task;
    ImportFileSummaryModel *m_summaryModel;
    ImportRejectsModel *m_rejectsModel;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_summaryTable = nullptr;
    QTableView *m_rejectsTable = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_rejectsTitle = nullptr;
    QPushButton *m_saveRejects = nullptr;
    QSpinBox *m_rejectLimit = nullptr;
    QTimer *m_recheck = nullptr; ///< waits for the typing in the limit box to settle
    bool m_checked = false;
    QTemporaryDir m_scratch; ///< holds the dry run's rejected rows until saved or the page goes
};

} // namespace cpm
