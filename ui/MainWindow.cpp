// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "base/BuildInfo.h"

#include "DataQualityPanel.h"
#include "DemoData.h"
#include "FilterBar.h"
#include "MetricDefinitions.h"
#include "RecentWarehouses.h"
#include "export/ReportTask.h"
#include "WarehouseSession.h"
#include "compare/CompareView.h"
#include "dashboard/AnomaliesPage.h"
#include "dashboard/BusyOverlay.h"
#include "dashboard/MetricPage.h"
#include "dashboard/OverviewPage.h"
#include "dashboard/PageExport.h"
#include "explain/ExplainController.h"
#include "import/ImportWizard.h"
#include "report/ReportInfo.h"
#include "session/BatchWatcher.h"
#include "team/NewDataBar.h"
#include "team/WarehouseMenu.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QCloseEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace cpm {

namespace {

/** The page list: the overview, one page per metric in metricIds() order, the anomalies. */
QStringList pageTitles()
{
    QStringList titles{MainWindow::tr("Overview")};
    for (const QString &id : metricIds())
        titles << metricShortTitle(id);
    return titles << MainWindow::tr("Anomalies");
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime)
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    return files;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new WarehouseSession(this))
    , m_reports(new ReportTask(m_session, this))
{
    setWindowTitle(tr("Customer Performance Metrics"));
    setAcceptDrops(true);
    setupCentral();
    setupMenus();
    setupStatusBar();
    restoreSettings();
    connect(m_filterBar, &FilterBar::filterChanged, this, &MainWindow::refresh);
    connect(m_session, &WarehouseSession::domainChanged, this, &MainWindow::onDomainChanged);
    connect(m_session, &WarehouseSession::metricsReady, this, &MainWindow::showSnapshot);
    connect(m_session, &WarehouseSession::metricsFailed, this, &MainWindow::onMetricsFailed);
    connect(m_session, &WarehouseSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_session, &WarehouseSession::rowCountsChanged, this, [this] {
        updateStatusBar();
        updateBusyText();
    });
    connect(m_session, &WarehouseSession::dataTestsChanged, this, &MainWindow::updateStatusBar);
    connect(m_session, &WarehouseSession::loadingTransactionsChanged, this, &MainWindow::updateBusyText);
    connect(m_reports, &ReportTask::status, statusBar(), &QStatusBar::showMessage);
    connect(m_reports, &ReportTask::failed, this, [this](const QString &error) {
        QMessageBox::warning(this, tr("Export failed"), error);
    });
    connect(m_reports, &ReportTask::finished, this, &MainWindow::reportExported);
}

MainWindow::~MainWindow() = default;

void MainWindow::setupCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setStyleSheet(QStringLiteral("#demoBanner { background: #fff3cd; } #demoBanner QLabel { color: #664d03; }"));
    auto *bannerRow = new QHBoxLayout(m_banner);
    bannerRow->addWidget(new QLabel(tr("<b>Demo data — import your extracts</b>"), m_banner), 1);
    auto *importButton = new QPushButton(tr("Import extracts…"), m_banner);
    connect(importButton, &QPushButton::clicked, this, [this] { importFiles({}); });
    bannerRow->addWidget(importButton);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_newData = new NewDataBar(central);
    connect(m_newData, &NewDataBar::refreshRequested, this, &MainWindow::reloadWarehouse);
    connect(m_session->batchWatcher(), &BatchWatcher::newDataAvailable, m_newData, &NewDataBar::announce);
    layout->addWidget(m_newData);
    m_filterBar = new FilterBar(central);
    layout->addWidget(m_filterBar);
    auto *body = new QHBoxLayout;
    m_nav = new QListWidget(central);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->addItems(pageTitles());
    m_nav->setFixedWidth(m_nav->sizeHintForColumn(0) + 24);
    body->addWidget(m_nav);
    m_stack = new QStackedWidget(central);
    m_overview = new OverviewPage(m_stack);
    m_stack->addWidget(m_overview);
    const QStringList ids = metricIds();
    for (const QString &id : ids) {
        auto *page = new MetricPage(id, m_stack);
        m_metricPages << page;
        connect(page->exporter(), &PageExport::message, this, [this](const QString &text) {
            statusBar()->showMessage(text, 5000);
        });
        connect(page, &MetricPage::importRequested, this, [this] { importFiles({}); });
        connect(page, &MetricPage::storeVersionChanged, m_filterBar, &FilterBar::setStoreVersion);
        m_stack->addWidget(page);
    }
    m_anomalies = new AnomaliesPage(m_stack);
    connect(m_anomalies->exporter(), &PageExport::message, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    m_stack->addWidget(m_anomalies);
    auto *explain = new ExplainController(this, [this] { return m_session->path(); });
    for (MetricPage *page : std::as_const(m_metricPages))
        explain->attach(page);
    explain->attachAnomalies(m_anomalies, [this] {
        QStringList statuses;
        for (const FilterDomain::Status &status : m_session->domain().statuses)
            statuses << status.name;
        return statuses;
    });
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);
    setCentralWidget(central);
    m_overlay = new BusyOverlay(m_stack);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_stack, &QStackedWidget::currentChanged, m_overlay, &QWidget::raise);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        if (m_stack->currentWidget() == m_anomalies && !m_snapshot.filter.anomalies && m_session->hasData())
            refresh(); // the rates were not computed for the other pages
    });
    connect(m_overview, &OverviewPage::importRequested, this, [this] { importFiles({}); });
    connect(m_overview, &OverviewPage::metricActivated, this, [this](const QString &id) {
        showPage(int(metricIds().indexOf(id)) + 1);
    });
    m_nav->setCurrentRow(0);
}

void MainWindow::setupMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_warehouseMenu = new WarehouseMenu(this, file);
    file->addSeparator();
    file->addAction(tr("&Import extracts…"), QKeySequence(tr("Ctrl+I")), this, [this] { importFiles({}); });
    file->addAction(tr("&Export report…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportReport);
    file->addAction(tr("&Compare with…"), QKeySequence(tr("Ctrl+Shift+D")), this, &MainWindow::compareImports);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);
    setupViewMenu(menuBar()->addMenu(tr("&View")));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Metric definitions"), QKeySequence::HelpContents, this, &MainWindow::showDefinitions);
    help->addAction(tr("&Data quality…"), this, &MainWindow::showDataQuality);
    help->addAction(tr("&About cpm"), this, [this] {
        QMessageBox::about(this, tr("About cpm"),
                           tr("<b>Customer Performance Metrics</b><br>%1<br><br>"
                              "Licensed under the GNU General Public License, version 3 or later. "
                              "Built with Qt (Qt Charts under GPL-3.0) and SQLite.")
                               .arg(versionLine(QStringLiteral("cpm")).toHtmlEscaped()));
    });
}

void MainWindow::setupViewMenu(QMenu *menu)
{
    const QStringList titles = pageTitles();
    for (int i = 0; i < titles.size(); ++i)
        menu->addAction(titles[i], QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this, [this, i] { showPage(i); });
    menu->addSeparator();
    menu->addAction(tr("&Reset filters"), QKeySequence(tr("Ctrl+R")), m_filterBar, &FilterBar::reset);
    menu->addAction(tr("Re&fresh"), QKeySequence::Refresh, this, &MainWindow::reloadWarehouse);
    QAction *full = menu->addAction(tr("&Full screen"), QKeySequence::FullScreen, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    full->setCheckable(true);
}

void MainWindow::setupStatusBar()
{
    m_fileLabel = new QLabel(this);
    m_rowsLabel = new QLabel(this);
    m_importLabel = new QLabel(this);
    m_testsButton = new QPushButton(this);
    m_testsButton->setObjectName(QStringLiteral("dataTestsButton"));
    m_testsButton->setFlat(true);
    m_testsButton->setCursor(Qt::PointingHandCursor);
    m_testsButton->setToolTip(tr("Open the data-quality panel"));
    connect(m_testsButton, &QPushButton::clicked, this, &MainWindow::showDataQuality);
    // Shown only when an update takes long enough to notice, so quick ones do not flicker.
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setRange(0, 0); // no known end: the bar animates
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedWidth(90);
    m_busyBar->setMaximumHeight(m_busyLabel->sizeHint().height());
    m_busyLabel->hide();
    m_busyBar->hide();
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(150);
    connect(m_busyDelay, &QTimer::timeout, this, &MainWindow::showBusy);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_rowsLabel);
    statusBar()->addPermanentWidget(m_importLabel);
    statusBar()->addPermanentWidget(m_testsButton);
}

bool MainWindow::openWarehouse(const QString &location)
{
    QString error;
    if (switchWarehouse(location, &error))
        return true;
    QMessageBox::warning(this, tr("Cannot open warehouse"), tr("%1 could not be opened:\n%2").arg(location, error));
    return false;
}

bool MainWindow::switchWarehouse(const QString &location, QString *error)
{
    const bool same = m_session->isOpen() && RecentWarehouses::normalized(location) == RecentWarehouses::normalized(m_session->path());
    if (!m_session->open(location)) {
        *error = m_session->errorString();
        return false;
    }
    const QString path = m_session->path(); // a URI as rebuilt, without password
    setDemo(path == DemoData::warehousePath());
    m_newData->hide(); // what it announced belongs to the warehouse before
    if (!same) { // nothing of another warehouse stays on show under "Loading…"
        m_reports->drop(tr("another warehouse was opened"));
        setPagesSnapshot(MetricsSnapshot());
    }
    // The worker loads the snapshot and reads the domain (domainChanged → the filter bar →
    // refresh); asking for the current filter now lets it compute straight after the load.
    refresh();
    updateFilterBarEnabled();
    updateBusyText();
    updateStatusBar();
    setWindowFilePath(m_session->isTeamWarehouse() ? QString() : path);
    setWindowTitle(tr("%1 — Customer Performance Metrics").arg(RecentWarehouses::label(path)));
    emit warehouseOpened(path);
    return true;
}

void MainWindow::openStartup(const QString &path, bool forceDemo)
{
    if (!path.isEmpty()) {
        openWarehouse(path);
        return;
    }
    // The last warehouse again, unless its file is gone or its server does not answer: then
    // the demo, and the status bar says why (a message box would greet every start).
    const QString last = RecentWarehouses().last();
    QString error;
    const bool team = last.contains(QStringLiteral("://"));
    if (!forceDemo && !last.isEmpty() && (team || QFileInfo::exists(last))) {
        if (switchWarehouse(last, &error))
            return;
        statusBar()->showMessage(tr("%1 could not be opened: %2").arg(RecentWarehouses::label(last), error));
    }
    const QString demo = DemoData::ensureWarehouse(&error);
    if (demo.isEmpty())
        statusBar()->showMessage(tr("The demo warehouse could not be built: %1").arg(error));
    else
        openWarehouse(demo);
}

void MainWindow::importFiles(const QStringList &files)
{
    if (!m_session->isOpen()) {
        statusBar()->showMessage(tr("Open or create a warehouse first (File ▸ New warehouse)."), 5000);
        return;
    }
    auto *wizard = new ImportWizard(m_session->path(), files, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::importFinished, this, &MainWindow::reloadWarehouse);
    // This window's own import is shown by the refresh that follows it, never announced as new data.
    BatchWatcher *watcher = m_session->batchWatcher();
    watcher->setPaused(true);
    connect(wizard, &QObject::destroyed, watcher, [watcher] { watcher->setPaused(false); });
    wizard->open();
    emit importWizardOpened(files);
}

void MainWindow::reloadWarehouse()
{
    m_newData->hide(); // the reload shows whatever it announced
    m_session->reload(); // the previous numbers stay on show, marked as updating
    refresh();
    updateBusyText();
    updateStatusBar();
}

void MainWindow::onDomainChanged(const QString &error)
{
    updateFilterBarEnabled();
    // No statuses in the domain: the marts hold no transaction at all, whatever the filter.
    const bool none = !m_session->hasData() || (error.isEmpty() && m_session->domain().isEmpty());
    m_overview->setNoTransactions(none);
    for (MetricPage *page : std::as_const(m_metricPages))
        page->setNoTransactions(none);
    m_filterBar->setDomain(m_session->domain()); // emits filterChanged → refresh
    if (!error.isEmpty())
        m_filterBar->setMessage(error);
}

MetricFilter MainWindow::requestedFilter() const
{
    MetricFilter filter = m_filterBar->filter();
    // The anomaly rates are SQL over the marts, seconds on millions of rows: computed only
    // while their page is on show or a report waits for them, never for the other pages.
    filter.anomalies = m_stack->currentWidget() == m_anomalies || m_reports->isWaiting();
    return filter;
}

void MainWindow::refresh()
{
    const MetricFilter filter = requestedFilter();
    m_reports->filterChanged(filter);
    const Error invalid = filter.validate();
    if (invalid.isError() || !m_session->hasData()) {
        m_session->cancelRequests(); // the numbers on show stay; nothing older replaces them
        m_filterBar->setMessage(invalid.isError() ? invalid.message : tr("The warehouse holds no data yet: import extracts."));
        return;
    }
    m_filterBar->setMessage(QString());
    m_session->request(filter); // computed on the metrics thread: showSnapshot() follows
}

void MainWindow::showSnapshot(const MetricsSnapshot &snapshot)
{
    setPagesSnapshot(snapshot);
    emit metricsShown();
    m_reports->numbersShown(snapshot);
}

void MainWindow::onMetricsFailed(const MetricFilter &filter, const QString &error)
{
    m_filterBar->setMessage(error);
    m_reports->numbersFailed(filter, error);
}

void MainWindow::setPagesSnapshot(const MetricsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_overview->setSnapshot(m_snapshot);
    for (MetricPage *page : std::as_const(m_metricPages))
        page->setSnapshot(m_snapshot);
    m_anomalies->setReport(m_snapshot.anomalies);
    m_filterBar->descriptionLabel()->setToolTip(
        snapshot.milliseconds > 0 ? tr("Computed in %1 ms").arg(QString::number(snapshot.milliseconds, 'f', 0)) : QString());
}

bool MainWindow::isUpdating() const
{
    return m_session->isBusy();
}

void MainWindow::onBusyChanged(bool busy)
{
    updateFilterBarEnabled();
    if (busy) {
        if (!m_overlay->isVisible() && !m_busyDelay->isActive())
            m_busyDelay->start();
    } else {
        m_busyDelay->stop();
        m_overlay->hide();
        m_busyBar->hide();
        m_busyLabel->hide();
    }
    emit updatingChanged(busy);
}

void MainWindow::showBusy()
{
    if (!isUpdating())
        return;
    updateBusyText();
    m_overlay->setGeometry(m_stack->rect());
    m_overlay->raise();
    m_overlay->show();
    m_busyBar->show();
    m_busyLabel->show();
}

void MainWindow::updateBusyText()
{
    QString title;
    QString detail;
    int veil = 140;
    if (m_session->isLoading()) {
        const qint64 rows = m_session->loadingTransactions();
        title = rows > 0 ? tr("Loading %1 transactions…").arg(QLocale().toString(rows)) : tr("Loading the transactions…");
        detail = tr("The dashboard appears as soon as they are in memory.");
        veil = m_snapshot.coverage.transactions > 0 ? 140 : 215; // an empty dashboard is hidden, not dimmed
    } else {
        title = tr("Computing…");
        if (m_snapshot.coverage.transactions > 0 || !m_snapshot.topStores.isEmpty())
            detail = tr("Showing the numbers for %1 until then.").arg(m_snapshot.filter.describe());
    }
    m_overlay->setMessage(title, detail, veil);
    m_busyLabel->setText(title);
}

void MainWindow::updateFilterBarEnabled()
{
    // Before the first domain of a file arrives the bar has no statuses or days to offer.
    m_filterBar->setEnabled(!(m_session->isLoading() && m_session->domain().isEmpty()));
}

void MainWindow::updateStatusBar()
{
    m_fileLabel->setText(RecentWarehouses::label(m_session->path()));
    m_fileLabel->setToolTip(m_session->path());
    const QString rows = m_session->rowCountsText();
    m_rowsLabel->setText(rows.isEmpty() && m_session->isOpen() ? tr("counting rows…") : rows);
    const QDateTime last = QDateTime::fromString(m_session->lastImport(), Qt::ISODate);
    m_importLabel->setText(last.isValid() ? tr("last import %1").arg(QLocale().toString(last, QLocale::ShortFormat))
                                          : tr("never imported"));
    const int failing = m_session->failingDataTests();
    if (m_session->isCheckingData())
        m_testsButton->setText(m_session->isOpen() ? tr("data tests running…") : QString());
    else
        m_testsButton->setText(failing == 0 ? tr("✔ data tests pass") : tr("⚠ %n data-test warning(s)", nullptr, failing));
}

void MainWindow::setDemo(bool demo)
{
    m_demo = demo;
    m_banner->setVisible(demo);
}

void MainWindow::exportReport()
{
    const QString name = defaultExportFileName(QStringLiteral("report"), m_filterBar->filter(), QStringLiteral("pdf"));
    QFileDialog dialog(this, tr("Export report"), name, tr("PDF report (*.pdf);;Excel workbook (*.xlsx)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    QCheckBox *withComparison = nullptr;
    if (m_compare && m_compare->hasResult()) {
        // The platform's own dialog takes no extra widgets: Qt's does, under its file list.
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        withComparison = new QCheckBox(tr("Include the comparison on show (%1)").arg(m_compare->resultTitle()), &dialog);
        withComparison->setChecked(m_compare->isVisible());
        if (auto *grid = qobject_cast<QGridLayout *>(dialog.layout()))
            grid->addWidget(withComparison, grid->rowCount(), 0, 1, grid->columnCount());
    }
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    exportReportTo(dialog.selectedFiles().first(), withComparison && withComparison->isChecked());
}

void MainWindow::exportReportTo(const QString &path, bool withComparison)
{
    if (withComparison && m_compare && m_compare->hasResult())
        m_reports->setComparison(m_compare->reportTables(), m_compare->resultTitle());
    MetricFilter wanted = m_filterBar->filter();
    wanted.anomalies = true; // the report has the anomalies page too
    // Nothing can be computed for what the bar shows: the numbers on show, as they are.
    const bool computable = !wanted.validate().isError() && m_session->hasData();
    const bool upToDate = !computable || (!isUpdating() && m_snapshot.filter == wanted);
    m_reports->start(path, computable ? wanted : m_snapshot.filter, m_snapshot, upToDate);
    // Computed on the metrics thread like any other update (usually asked for already, so
    // this request changes nothing); the report is written once they are on show.
    if (!upToDate)
        m_session->request(wanted);
}

void MainWindow::compareImports()
{
    // One compare window per main window: asking again picks two other imports in it.
    if (!m_compare)
        m_compare = new CompareView(this);
    m_compare->show();
    m_compare->raise();
    m_compare->start(m_session->path(), m_filterBar->filter());
}

void MainWindow::showDataQuality()
{
    auto *panel = new DataQualityPanel(this);
    panel->setAttribute(Qt::WA_DeleteOnClose);
    panel->setResults(m_session->dataTests());
    panel->show();
}

void MainWindow::showDefinitions()
{
    QMessageBox box(QMessageBox::Information, tr("Metric definitions"), metricDefinitionsHtml(), QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::showPage(int index)
{
    m_nav->setCurrentRow(index);
}

int MainWindow::pageCount() const
{
    return m_stack->count();
}

QWidget *MainWindow::page(int index) const
{
    return m_stack->widget(index);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(files);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    MetricFilter filter;
    const QStringList statuses = settings.value(QStringLiteral("filter/statuses")).toStringList();
    if (!statuses.isEmpty())
        filter.statuses = statuses;
    parseTimeColumn(settings.value(QStringLiteral("filter/timeColumn")).toString(), &filter.timeColumn);
    filter.from = settings.value(QStringLiteral("filter/from")).toDate();
    filter.to = settings.value(QStringLiteral("filter/to")).toDate();
    m_filterBar->setFilter(filter);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    const MetricFilter filter = m_filterBar->filter();
    settings.setValue(QStringLiteral("filter/statuses"), filter.statuses);
    settings.setValue(QStringLiteral("filter/timeColumn"), timeColumnName(filter.timeColumn));
    settings.setValue(QStringLiteral("filter/from"), filter.from);
    settings.setValue(QStringLiteral("filter/to"), filter.to);
}

} // namespace cpm
