// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricsSnapshot.h"

#include <QObject>

namespace cpm {

class JobThread;
class WarehouseSession;

/**
 * File ▸ Export report… for the main window: waits for the numbers of the report's filter
 * (computed on the metrics thread like any other update), draws the charts on the GUI thread
 * and writes a PDF or XLSX on its own report thread, so the window never freezes for it.
 */
class ReportTask : public QObject
{
    Q_OBJECT

public:
    explicit ReportTask(WarehouseSession *session, QObject *parent = nullptr);
    /** Waits for a report being written; one still waiting for its numbers is dropped. */
    ~ReportTask() override;

    /**
     * Exports to @p path (PDF, XLSX or a folder) the numbers for @p filter: @p shown when
     * @p upToDate, else the next numbers for @p filter passed to numbersShown(). A report
     * still waiting is dropped first. finished() follows, unless dropped without a word.
     */
    void start(const QString &path, const MetricFilter &filter, const MetricsSnapshot &shown, bool upToDate);
    /**
     * The comparison of two imports the next report includes (ReportInfo::comparison; empty:
     * none), with its title. Taken by start(): set it before each report that wants it.
     */
    void setComparison(const QVector<MetricTable> &tables, const QString &title);
    /** A report is waiting for the numbers of its filter. */
    bool isWaiting() const { return !m_path.isEmpty(); }

    /** New numbers are on show: the waiting report is written if they are for its filter. */
    void numbersShown(const MetricsSnapshot &snapshot);
    /** The numbers for @p filter failed: a report waiting for them fails with @p error. */
    void numbersFailed(const MetricFilter &filter, const QString &error);
    /** The filter asked for is now @p filter: a report waiting for another one is dropped. */
    void filterChanged(const MetricFilter &filter);
    /** Drops the report waiting for its numbers (not one being written), saying @p why. */
    void drop(const QString &why);

signals:
    /** For the status bar; @p timeoutMs 0 keeps it until the next message. */
    void status(const QString &text, int timeoutMs);
    /** Writing failed (@p error), or the numbers could not be computed: worth a message box. */
    void failed(const QString &error);
    /** The report for @p path was written, or not: @p error says why. */
    void finished(const QString &path, const QString &error);

private:
    void write(const MetricsSnapshot &snapshot);
    void onWritten(const QString &path, const cpm::Error &error);

    WarehouseSession *m_session;
    JobThread *m_jobs;
    QString m_path; ///< a report waiting for the numbers of m_filter
    MetricFilter m_filter;
    QVector<MetricTable> m_comparison;      ///< for the next report to start
    QString m_comparisonTitle;
    QVector<MetricTable> m_waitingComparison; ///< the waiting report's
    QString m_waitingComparisonTitle;
};

} // namespace cpm
