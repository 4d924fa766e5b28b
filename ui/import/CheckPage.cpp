// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/CheckPage.h"

#include "ImportFileSummaryModel.h"
#include "ImportRejectsModel.h"
#include "import/ImportSelection.h"
#include "import/ImportTask.h"

#include <QAbstractButton>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace cpm {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

CheckPage::CheckPage(const QString &warehousePath, ImportSelection *selection, QWidget *parent)
    : QWizardPage(parent), m_warehousePath(warehousePath), m_selection(selection), m_task(new ImportTask(this)),
      m_summaryModel(new ImportFileSummaryModel(this)), m_rejectsModel(new ImportRejectsModel(this))
{
    setObjectName(QStringLiteral("checkPage"));
    setTitle(tr("Check"));
    setSubTitle(tr("A trial run: every row is read and validated, then everything is rolled back. "
                   "Nothing is imported until you press Import."));
    // Once committed there is no way back: the import itself cannot be half undone by Back.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Import"));
    setupUi();
    connect(m_task, &ImportTask::progressChanged, this, &CheckPage::onProgress);
    connect(m_task, &ImportTask::finished, this, &CheckPage::onFinished);
}

void CheckPage::setupUi()
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("checkProgress"));
    m_progress->setTextVisible(false);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("checkNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rejectsTitle = new QLabel(this);
    m_saveRejects = new QPushButton(tr("Save rejected rows as CSV…"), this);
    m_saveRejects->setObjectName(QStringLiteral("saveRejectsButton"));
    connect(m_saveRejects, &QPushButton::clicked, this, &CheckPage::chooseAndSaveRejects);

    auto *summaryTable = makeTable(m_summaryModel, QStringLiteral("checkSummaryTable"), this);
    summaryTable->setMaximumHeight(summaryTable->verticalHeader()->defaultSectionSize() * 3
                                   + summaryTable->horizontalHeader()->sizeHint().height() + 4);
    m_summaryTable = summaryTable;
    auto *rejectsTable = makeTable(m_rejectsModel, QStringLiteral("rejectsTable"), this);
    m_rejectsTable = rejectsTable;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(makeRejectLimitRow());
    layout->addWidget(m_progress);
    layout->addWidget(summaryTable);
    layout->addWidget(m_notes);
    auto *rejectsHeader = new QHBoxLayout;
    rejectsHeader->addWidget(m_rejectsTitle, 1);
    rejectsHeader->addWidget(m_saveRejects);
    layout->addLayout(rejectsHeader);
    layout->addWidget(rejectsTable, 1);
}

QLayout *CheckPage::makeRejectLimitRow()
{
    m_rejectLimit = new QSpinBox(this);
    m_rejectLimit->setObjectName(QStringLiteral("rejectLimit"));
    m_rejectLimit->setRange(0, 100);
    m_rejectLimit->setSuffix(QStringLiteral(" %"));
    m_rejectLimit->setValue(qRound(m_selection->maxRejectShare() * 100));
    m_rejectLimit->setToolTip(tr("A file whose rejected rows exceed this share of its rows is refused whole; "
                                 "a file that loads no row is always refused (cpm-cli: --max-reject-share)."));
    m_recheck = new QTimer(this);
    m_recheck->setSingleShot(true);
    m_recheck->setInterval(400);
    connect(m_rejectLimit, &QSpinBox::valueChanged, m_recheck, qOverload<>(&QTimer::start));
    connect(m_recheck, &QTimer::timeout, this, &CheckPage::onRejectLimitChanged);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Refuse a file when more than"), this));
    row->addWidget(m_rejectLimit);
    row->addWidget(new QLabel(tr("of its rows are rejected"), this));
    row->addStretch(1);
    return row;
}

void CheckPage::onRejectLimitChanged()
{
    const double share = m_rejectLimit->value() / 100.0;
    if (qFuzzyCompare(1.0 + share, 1.0 + m_selection->maxRejectShare()))
        return;
    m_selection->setMaxRejectShare(share);
    // The dry run applies the limit, so a new one means a new check (cheap: nothing is kept).
    stop();
    startCheck();
}

void CheckPage::initializePage()
{
    startCheck();
}

void CheckPage::startCheck()
{
    m_checked = false;
    m_summaryModel->clear();
    m_rejectsModel->clear();
    m_notes->clear();
    m_rejectsTitle->setText(tr("<b>Rejected rows</b>"));
    m_saveRejects->setEnabled(false);
    m_status->setText(tr("Checking…"));
    m_progress->setRange(0, 0); // busy until the first report says how much there is
    m_progress->show();
    setCommitToolTip(QString());
    emit completeChanged();
    ImportOptions options = m_selection->options(true);
    // Every rejected row goes to a scratch file, so "Save" offers all of them, not a sample.
    QFile::remove(rejectsPath());
    options.rejectsPath = m_scratch.isValid() ? rejectsPath() : QString();
    m_task->start(m_warehousePath, options);
}

QString CheckPage::rejectsPath() const
{
    return m_scratch.filePath(QStringLiteral("rejected-rows.csv"));
}

bool CheckPage::isRefused() const
{
    return m_checked && !m_task->isRunning() && m_task->summary().error.code == Error::Code::Rejected;
}

void CheckPage::setCommitToolTip(const QString &text)
{
    if (QAbstractButton *import = wizard() ? wizard()->button(QWizard::CommitButton) : nullptr)
        import->setToolTip(text);
}

void CheckPage::cleanupPage()
{
    stop();
}

void CheckPage::stop()
{
    m_task->stop();
}

bool CheckPage::isBusy() const
{
    return m_task->isRunning();
}

bool CheckPage::isComplete() const
{
    return m_checked && !m_task->isRunning() && m_task->summary().succeeded();
}

const ImportSummary &CheckPage::summary() const
{
    return m_task->summary();
}

void CheckPage::onProgress(const QString &phase, qint64 done, qint64 total)
{
    m_status->setText(tr("%1…").arg(phase));
    // Bytes can exceed int: show per mille instead of raw counts.
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(1000.0 * double(done) / double(total)) : 0);
}

void CheckPage::onFinished(const ImportSummary &summary)
{
    m_checked = true;
    m_progress->hide();
    m_summaryModel->setSummary(summary);
    m_rejectsModel->setSummary(summary);
    qint64 rows = 0;
    qint64 rejected = 0;
    for (const FileImportSummary &file : summary.files) {
        rows += file.rowsRead;
        rejected += file.rowsRejected;
    }
    showOutcome(summary, rows, rejected);
    m_notes->setText(notesHtml(summary));
    m_notes->setVisible(!m_notes->text().isEmpty());
    const QLocale locale;
    const int reasons = m_rejectsModel->rowCount();
    m_rejectsTitle->setText(rejected == 0 ? tr("<b>Rejected rows</b>")
                                          : tr("<b>Rejected rows</b>: %1, for %n reason(s)", nullptr, reasons)
                                                .arg(locale.toString(rejected)));
    m_saveRejects->setEnabled(rejected > 0 && QFileInfo::exists(rejectsPath()));
    m_summaryTable->resizeColumnsToContents();
    m_rejectsTable->resizeColumnsToContents(); // a handful of rows: the reasons are read whole
    emit completeChanged();
    emit checked();
}

void CheckPage::showOutcome(const ImportSummary &summary, qint64 rows, qint64 rejected)
{
    const QLocale locale;
    const bool allSeen = !summary.files.isEmpty()
        && std::all_of(summary.files.cbegin(), summary.files.cend(), [](const FileImportSummary &f) { return f.alreadyImported; });
    if (summary.succeeded() && allSeen) {
        m_status->setText(tr("Nothing new: every file was imported before, so importing again would change nothing."));
    } else if (summary.succeeded()) {
        m_status->setText(tr("Checked %1 rows: %2 would be imported, %3 rejected. Press Import to load them.")
                              .arg(locale.toString(rows), locale.toString(rows - rejected), locale.toString(rejected)));
    } else if (summary.error.code == Error::Code::Rejected) {
        // The same rule as the import itself: what it would refuse is never offered.
        Error shown = summary.error;
        shown.file = QFileInfo(shown.file).fileName();
        const QString reason = shown.toString();
        m_status->setText(QStringLiteral("<span style='color:#c0392b'><b>%1</b><br>%2</span><br>%3")
                              .arg(tr("Import is disabled: this file would be refused.").toHtmlEscaped(),
                                   reason.toHtmlEscaped(),
                                   tr("Check the rejected rows below, fix the file and go Back to pick it again, or raise the "
                                      "limit when leaving these rows out is acceptable.")
                                       .toHtmlEscaped()));
        setCommitToolTip(tr("Disabled: %1").arg(reason));
    } else {
        m_status->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>")
                              .arg(tr("The check failed: %1").arg(summary.error.toString()).toHtmlEscaped()));
    }
}

QString CheckPage::notesHtml(const ImportSummary &summary)
{
    QStringList items;
    const QLocale locale;
    for (const FileImportSummary &file : summary.files) {
        const QString name = QFileInfo(file.path).fileName().toHtmlEscaped();
        for (const ImportNote &note : file.notes)
            items << QStringLiteral("<li><b>%1</b>: %2 (%3)</li>")
                         .arg(name, note.message.toHtmlEscaped(),
                              note.rows == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(note.rows)));
    }
    for (const DataTestResult &test : summary.dataTests) {
        if (!test.passed())
            items << QStringLiteral("<li><b>%1</b>: %2 (%3)</li>")
                         .arg(tr("after import"), test.description.toHtmlEscaped(),
                              test.failingRows == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(test.failingRows)));
    }
    return items.isEmpty() ? QString() : tr("<b>Notes</b><ul style='margin-top:2px'>%1</ul>").arg(items.join(QString()));
}

bool CheckPage::saveRejects(const QString &path, QString *errorMessage)
{
    // Copied in pieces: a file with a million rejects need not fit in memory.
    QFile from(rejectsPath());
    QSaveFile to(path);
    bool ok = from.open(QIODevice::ReadOnly) && to.open(QIODevice::WriteOnly);
    QByteArray buffer(1 << 16, Qt::Uninitialized);
    for (qint64 n; ok && (n = from.read(buffer.data(), buffer.size())) > 0;)
        ok = to.write(buffer.constData(), n) == n;
    ok = ok && from.error() == QFileDevice::NoError && to.commit();
    if (!ok && errorMessage)
        *errorMessage = from.error() != QFileDevice::NoError ? from.errorString() : to.errorString();
    return ok;
}

void CheckPage::chooseAndSaveRejects()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save rejected rows"), QStringLiteral("rejected-rows.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveRejects(path, &error))
        QMessageBox::warning(this, tr("Save rejected rows"), tr("Could not save %1: %2").arg(path, error));
}

} // namespace cpm
