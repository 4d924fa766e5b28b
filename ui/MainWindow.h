// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsSnapshot.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace cpm {

class AnomaliesPage;
class CompareView;
class BusyOverlay;
class FilterBar;
class ReportTask;
class MetricPage;
class NewDataBar;
class OverviewPage;
class WarehouseMenu;
class WarehouseSession;

/** The dashboard window: menus, filter bar, overview and metric pages, status bar, drop target for extracts. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens @p location (a file, created if needed, or a postgresql:// URI); false after telling the user why. */
    bool openWarehouse(const QString &location);
    /**
     * Switches the window to @p location without telling anyone of a failure: false with
     * @p error set (one line), and the warehouse on show stays open.
     */
    bool switchWarehouse(const QString &location, QString *error);
    /** First run / later runs: @p path if given, else the last warehouse, else the demo warehouse. */
    void openStartup(const QString &path, bool forceDemo);
    /** Opens the import wizard with @p files pre-assigned (empty: the wizard asks). */
    void importFiles(const QStringList &files);

    /** 0 = overview, 1..5 = the metric pages in metricIds() order, 6 = anomalies. */
    void showPage(int index);
    int pageCount() const;
    QWidget *page(int index) const;
    WarehouseSession *session() const { return m_session; }
    /** The numbers on show (they may be updating: see isUpdating()). */
    const MetricsSnapshot &snapshot() const { return m_snapshot; }
    bool isDemo() const { return m_demo; }

    /** The numbers for the current filter are still being loaded or computed (off this thread). */
    bool isUpdating() const;
    /**
     * What the numbers on show should answer: the filter bar's filter, with the anomaly rates
     * asked for only while their page is on show or a report waits for them.
     */
    MetricFilter requestedFilter() const;
    /**
     * File ▸ Export report… to @p path (PDF, XLSX or a folder) for the filter the bar shows:
     * at once when its numbers are on show, else once the metrics thread has computed them
     * (the pages show the busy state meanwhile). A PDF or XLSX is then written on the report
     * thread (a folder, with its chart images, here). reportExported() follows either way.
     * With @p withComparison, the comparison on show in the compare view (if any) ends it.
     */
    void exportReportTo(const QString &path, bool withComparison = false);
    /** The compare view (File ▸ Compare with…), once opened; null before. */
    CompareView *compareView() const { return m_compare; }

signals:
    /** The window switched to @p location (a file path, or a URI without password). */
    void warehouseOpened(const QString &location);
    /** The import wizard was opened with @p files. */
    void importWizardOpened(const QStringList &files);
    /** New numbers are on show (snapshot()). */
    void metricsShown();
    /** isUpdating() changed. */
    void updatingChanged(bool updating);
    /** A report asked for with exportReportTo() was written, or not: @p error says why. */
    void reportExported(const QString &path, const QString &error);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setupCentral();
    void setupMenus();
    void setupViewMenu(QMenu *menu);
    void setupStatusBar();
    void refresh();
    void reloadWarehouse();
    void onDomainChanged(const QString &error);
    void showSnapshot(const MetricsSnapshot &snapshot);
    void onMetricsFailed(const MetricFilter &filter, const QString &error);
    void setPagesSnapshot(const MetricsSnapshot &snapshot);
    void onBusyChanged(bool busy);
    void showBusy();
    void updateBusyText();
    void updateFilterBarEnabled();
    void updateStatusBar();
    void setDemo(bool demo);
    void exportReport();
    void compareImports();
    void showDataQuality();
    void showDefinitions();
    void restoreSettings();
    void saveSettings() const;

    WarehouseSession *m_session = nullptr;
    ReportTask *m_reports = nullptr;
    MetricsSnapshot m_snapshot;
    FilterBar *m_filterBar = nullptr;
    QWidget *m_banner = nullptr;
    NewDataBar *m_newData = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    OverviewPage *m_overview = nullptr;
    QVector<MetricPage *> m_metricPages;
    AnomaliesPage *m_anomalies = nullptr;
    CompareView *m_compare = nullptr;
    WarehouseMenu *m_warehouseMenu = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_rowsLabel = nullptr;
    QLabel *m_importLabel = nullptr;
    QPushButton *m_testsButton = nullptr;
    BusyOverlay *m_overlay = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_busyLabel = nullptr;
    QTimer *m_busyDelay = nullptr;
    bool m_demo = false;
};

} // namespace cpm
