// SPDX-License-Identifier: GPL-3.0-or-later
#include "WarehouseSession.h"

#include "report/Provenance.h"
#include "import/ImportWorker.h"
#include "session/BatchWatcher.h"
#include "session/MetricsService.h"

#include "warehouse/SqlFile.h"
#include "warehouse/Warehouse.h"

#include <QLocale>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

namespace cpm {

static constexpr int kTestsDelayMs = 500;

WarehouseSession::WarehouseSession(QObject *parent)
    : QObject(parent), m_metrics(new MetricsService(this)), m_checks(new WarehouseChecks(this)),
      m_watcher(new BatchWatcher(this))
{
    connect(m_metrics, &MetricsService::domainReady, this, [this](const FilterDomain &domain, const QString &error) {
        m_domain = domain;
        if (!error.isEmpty())
            m_errorString = error;
        emit domainChanged(error);
    });
    connect(m_metrics, &MetricsService::computed, this, &WarehouseSession::metricsReady);
    connect(m_metrics, &MetricsService::loadingRowsKnown, this, &WarehouseSession::loadingTransactionsChanged);
    connect(m_metrics, &MetricsService::failed, this, [this](const MetricFilter &filter, const QString &error) {
        m_errorString = error;
        emit metricsFailed(filter, error);
    });
    connect(m_metrics, &MetricsService::busyChanged, this, [this](bool busy) {
        // The data tests scan every row: they start once the first numbers are on show and
        // painted, so they never compete with the load, the first computation or the paint.
        if (!busy && m_checkingData)
            QTimer::singleShot(kTestsDelayMs, m_checks, &WarehouseChecks::runTests);
        emit busyChanged(busy);
    });
    connect(m_checks, &WarehouseChecks::rowsCounted, this, [this](const RowCounts &counts) {
        m_rowCounts = counts;
        emit rowCountsChanged();
    });
    connect(m_checks, &WarehouseChecks::testsFinished, this, [this](const QVector<DataTestResult> &results) {
        m_tests = results;
        m_checkingData = false;
        emit dataTestsChanged();
    });
}

WarehouseSession::~WarehouseSession() = default;

bool WarehouseSession::open(const QString &location)
{
    if (m_project.root().isEmpty() && !m_project.load()) {
        m_errorString = m_project.error().toString();
        return false;
    }
    // Opened beside the current one, which is replaced only once this one is in: a stopped
    // server or a wrong password leaves the dashboard on the warehouse it was showing.
    auto warehouse = std::make_unique<Warehouse>();
    if (!warehouse->open(location, m_project)) {
        m_errorString = warehouse->error().toString();
        return false;
    }
    m_warehouse = std::move(warehouse);
    m_domain = FilterDomain(); // another file: nothing of the previous one applies
    m_watcher->watch(path(), 0);
    reload(); // tells the watcher which batch is on show
    return true;
}

bool WarehouseSession::isOpen() const
{
    return m_warehouse && m_warehouse->isOpen();
}

QString WarehouseSession::path() const
{
    return m_warehouse ? m_warehouse->path() : QString();
}

bool WarehouseSession::isTeamWarehouse() const
{
    return m_warehouse && m_warehouse->isPostgres();
}

void WarehouseSession::reload()
{
    m_tests.clear();
    m_rowCounts = RowCounts();
    m_hasData = isOpen() && MetricsEngine(m_warehouse->database()).hasData();
    m_checkingData = isOpen();
    if (!isOpen())
        return;
    // Read before the workers reopen it: an import landing in between is then announced
    // once more rather than missed.
    m_watcher->setShownBatch(m_warehouse->lastBatchId());
    m_checks->start(path());
    m_metrics->open(path());
    emit rowCountsChanged();
    emit dataTestsChanged();
}

bool WarehouseSession::isLoading() const
{
    return m_metrics->isLoading();
}

qint64 WarehouseSession::loadingTransactions() const
{
    return m_rowCounts.known() ? m_rowCounts.transactions : m_metrics->importedRows();
}

void WarehouseSession::request(const MetricFilter &filter)
{
    m_metrics->request(filter);
}

void WarehouseSession::cancelRequests()
{
    m_metrics->cancel();
}

bool WarehouseSession::isBusy() const
{
    return m_metrics->isBusy();
}

int WarehouseSession::failingDataTests() const
{
    return int(std::count_if(m_tests.begin(), m_tests.end(), [](const DataTestResult &r) { return !r.passed(); }));
}

QString WarehouseSession::rowCountsText() const
{
    if (!isOpen() || !m_rowCounts.known())
        return QString();
    const QLocale locale;
    return QStringLiteral("stores %1 · devices %2 · transactions %3")
        .arg(locale.toString(m_rowCounts.stores), locale.toString(m_rowCounts.devices),
             locale.toString(m_rowCounts.transactions));
}

ReportInfo WarehouseSession::reportInfo() const
{
    ReportInfo info;
    info.extraProvenance << qMakePair(QStringLiteral("Warehouse"), path());
    Error ignored; // a report without provenance lines is still worth writing
    if (m_warehouse)
        loadProvenance(m_warehouse->database(), m_project.root(), &info, &ignored);
    return info;
}

QString WarehouseSession::lastImport() const
{
    if (!isOpen())
        return QString();
    QSqlQuery query(m_warehouse->database());
    Error ignored; // the status bar then says "never imported"
    if (!SqlFile::exec(query, m_project.root(), QStringLiteral("session/last_import.sql"), {}, &ignored) || !query.next())
        return QString();
    return query.value(0).toString();
}

bool WarehouseSession::importFiles(const QString &path, const QStringList &files, const QString &source, QString *error)
{
    ImportOptions options = ImportWorker::options(false, source);
    for (const QString &file : files)
        options.files.push_back({file, FileRole::Unknown});
    const ImportSummary summary = ImportWorker(path, options).run();
    if (!summary.succeeded())
        *error = summary.error.toString();
    return summary.succeeded();
}

} // namespace cpm
