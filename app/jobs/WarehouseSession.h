// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsEngine.h"
#include "report/ReportInfo.h"
#include "session/WarehouseChecks.h"
#include "transform/DataTestRunner.h"
#include "transform/SqlProject.h"

#include <QObject>

#include <memory>

namespace cpm {

class BatchWatcher;
class MetricsService;
class Warehouse;

/**
 * The open warehouse of the desktop app: its filter domain, metrics, data tests and
 * bookkeeping. Everything that reads many rows — the filter domain (which loads the columnar
 * snapshot), the metrics, the row counts and the data tests — runs on worker threads with
 * their own connections and arrives through signals; this thread keeps one connection for
 * quick bookkeeping reads (the last import, a report's provenance).
 */
class WarehouseSession : public QObject
{
    Q_OBJECT

public:
    explicit WarehouseSession(QObject *parent = nullptr);
    ~WarehouseSession() override;

    /**
     * Opens @p location — a warehouse file (created if needed) or a postgresql:// URI — and
     * starts reading it (see reload()) and watching it for imports by others (batchWatcher()).
     * False: see errorString(); the warehouse open before stays open, untouched.
     */
    bool open(const QString &location);
    bool isOpen() const;
    /** The open warehouse: its file path, or its URI (never with a password). */
    QString path() const;
    /** Whether the open warehouse is a team warehouse on a PostgreSQL server. */
    bool isTeamWarehouse() const;
    QString errorString() const { return m_errorString; }

    /**
     * Starts re-reading the warehouse (after an import): pending metric requests are dropped,
     * domainChanged() follows, then the row counts and, once the first numbers are in, the data tests.
     */
    void reload();
    /** Whether the models exist (anything was imported); known right after open() / reload(). */
    bool hasData() const { return m_hasData; }
    /** The filter choices; empty until domainChanged() after an open() or reload(). */
    const FilterDomain &domain() const { return m_domain; }
    /** The domain of the current state is not read yet (the snapshot is loading). */
    bool isLoading() const;
    /**
     * How many transactions are loading, for the loading message: the exact count once the
     * checks thread has it, else the rows the imports loaded; 0 while neither is known.
     */
    qint64 loadingTransactions() const;

    /** Asks for the five metrics under @p filter: metricsReady() or metricsFailed() follows unless superseded. */
    void request(const MetricFilter &filter);
    /** Drops requested metrics not delivered yet. */
    void cancelRequests();
    /** Requested metrics (or the domain) are not delivered yet. */
    bool isBusy() const;
    MetricsService *metricsService() const { return m_metrics; }
    /** Announces batches imported by others after the one the last open() / reload() read. */
    BatchWatcher *batchWatcher() const { return m_watcher; }

    const QVector<DataTestResult> &dataTests() const { return m_tests; }
    int failingDataTests() const;
    /** The data tests of the current state are not in yet. */
    bool isCheckingData() const { return m_checkingData; }
    const RowCounts &rowCounts() const { return m_rowCounts; }
    /** "stores 100 · devices 200 · transactions 3,000"; empty while counting. */
    QString rowCountsText() const;
    /** When the newest import finished, or an empty string. */
    QString lastImport() const;

    /** Provenance for a report: imported files with hashes and counts, last import, this file. */
    ReportInfo reportInfo() const;

    /** Imports @p files into a new or existing warehouse at @p path (first-run demo data). */
    static bool importFiles(const QString &path, const QStringList &files, const QString &source, QString *error);

signals:
    /** The domain of the current state was read (or failed: @p error). */
    void domainChanged(const QString &error);
    void metricsReady(const cpm::MetricsSnapshot &snapshot);
    void metricsFailed(const cpm::MetricFilter &filter, const QString &error);
    void busyChanged(bool busy);
    /** loadingTransactions() changed. */
    void loadingTransactionsChanged();
    void rowCountsChanged();
    void dataTestsChanged();

private:
    SqlProject m_project;
    std::unique_ptr<Warehouse> m_warehouse;
    MetricsService *m_metrics = nullptr;
    WarehouseChecks *m_checks = nullptr;
    BatchWatcher *m_watcher = nullptr;
    FilterDomain m_domain;
    bool m_hasData = false;
    QVector<DataTestResult> m_tests;
    bool m_checkingData = false;
    RowCounts m_rowCounts;
    QString m_errorString;
};

} // namespace cpm
