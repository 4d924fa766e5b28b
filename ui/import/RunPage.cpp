// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/RunPage.h"

#include "import/ImportSelection.h"
#include "import/ImportTask.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace cpm {

RunPage::RunPage(const QString &warehousePath, ImportSelection *selection, QWidget *parent)
    : QWizardPage(parent), m_warehousePath(warehousePath), m_selection(selection), m_task(new ImportTask(this))
{
    setObjectName(QStringLiteral("runPage"));
    setTitle(tr("Import"));
    setSubTitle(tr("Loading into the warehouse and rebuilding its tables. Cancel leaves the warehouse exactly as it was."));
    setupUi();
    connect(m_task, &ImportTask::progressChanged, this, &RunPage::onProgress);
    connect(m_task, &ImportTask::finished, this, &RunPage::onFinished);
}

void RunPage::setupUi()
{
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("runPhase"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000); // per mille: byte counts overflow int
    m_progress->setFormat(QStringLiteral("%p%"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("runRate"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("runResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel = new QPushButton(tr("Cancel import"), this);
    m_cancel->setObjectName(QStringLiteral("cancelImportButton"));
    connect(m_cancel, &QPushButton::clicked, this, &RunPage::cancelImport);
    m_retry = new QPushButton(tr("Import again"), this);
    m_retry->setObjectName(QStringLiteral("retryImportButton"));
    connect(m_retry, &QPushButton::clicked, this, &RunPage::startImport);

    // Rate and Cancel sit right under the bar they are about.
    auto *underBar = new QHBoxLayout;
    underBar->addWidget(m_rate, 1);
    underBar->addWidget(m_retry);
    underBar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_phase);
    layout->addWidget(m_progress);
    layout->addLayout(underBar);
    layout->addSpacing(12);
    layout->addWidget(m_result);
    layout->addStretch(1);
}

void RunPage::initializePage()
{
    startImport();
}

void RunPage::startImport()
{
    m_succeeded = false;
    QVector<FileInspection> files;
    for (FileRole role : m_selection->assignedRoles())
        files << m_selection->slot(role);
    m_tracker.start(files);
    m_phase->setText(tr("Starting…"));
    m_progress->setValue(0);
    m_rate->clear();
    m_result->clear();
    m_cancel->setEnabled(true);
    m_cancel->show();
    if (wizard())
        wizard()->button(QWizard::CancelButton)->setEnabled(true);
    m_retry->hide();
    emit completeChanged();
    m_task->start(m_warehousePath, m_selection->options(false));
}

void RunPage::cancelImport()
{
    if (!m_task->isRunning())
        return;
    m_task->cancel();
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Cancelling… rolling back"));
}

bool RunPage::isBusy() const
{
    return m_task->isRunning();
}

bool RunPage::isComplete() const
{
    return m_succeeded;
}

const ImportSummary &RunPage::summary() const
{
    return m_task->summary();
}

void RunPage::onProgress(const QString &phase, qint64 done, qint64 total)
{
    if (!m_cancel->isEnabled())
        return; // a cancel is under way; keep saying so
    m_tracker.update(phase, done, total);
    m_phase->setText(phase);
    const QString rate = m_tracker.rateText();
    if (!rate.isEmpty())
        m_rate->setText(rate);
    m_progress->setValue(int(1000.0 * m_tracker.stepFraction()));
}

void RunPage::onFinished(const ImportSummary &summary)
{
    m_succeeded = summary.succeeded();
    m_cancel->hide();
    m_retry->setVisible(!m_succeeded);
    m_rate->clear();
    m_result->setText(resultText(summary));
    if (m_succeeded) {
        m_phase->setText(tr("Done"));
        m_progress->setValue(m_progress->maximum());
    } else {
        m_phase->setText(summary.error.code == Error::Code::Cancelled ? tr("Cancelled") : tr("Failed"));
        m_progress->setValue(0);
    }
    // Committed work cannot be cancelled any more; leave only Finish.
    if (m_succeeded && wizard())
        wizard()->button(QWizard::CancelButton)->setEnabled(false);
    emit completeChanged();
    if (m_succeeded)
        emit importSucceeded();
    else
        emit stopped();
}

QString RunPage::resultText(const ImportSummary &summary) const
{
    if (summary.error.code == Error::Code::Cancelled)
        return tr("Import cancelled. The warehouse is unchanged.");
    if (!summary.succeeded())
        return tr("The import failed and was rolled back; the warehouse is unchanged.\n%1").arg(summary.error.toString());
    const QLocale locale;
    QStringList lines;
    for (const FileImportSummary &file : summary.files) {
        const QString name = QFileInfo(file.path).fileName();
        if (file.alreadyImported)
            lines << tr("%1: already imported (batch %2), skipped").arg(name).arg(file.previousBatch);
        else
            lines << tr("%1: %2 rows loaded (%3 new), %4 rejected")
                         .arg(name, locale.toString(file.rowsLoaded), locale.toString(file.rowsInserted),
                              locale.toString(file.rowsRejected));
    }
    const QString head = summary.batchId > 0
        ? tr("Imported as batch %1 in %2 s (loading %3 s, rebuilding tables %4 s).")
              .arg(summary.batchId)
              .arg(locale.toString(summary.loadSeconds + summary.refreshSeconds, 'f', 1),
                   locale.toString(summary.loadSeconds, 'f', 1), locale.toString(summary.refreshSeconds, 'f', 1))
        : tr("Nothing new: every file had been imported before. The warehouse is unchanged.");
    return head + QLatin1Char('\n') + lines.join(QLatin1Char('\n')) + tr("\n\nPress Finish to see the dashboard.");
}

} // namespace cpm
