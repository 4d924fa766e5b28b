// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ReportTask.h"

#include "WarehouseSession.h"
#include "export/ReportExport.h"
#include "session/JobThread.h"

#include <QFileInfo>

#include <utility>

namespace cpm {

ReportTask::ReportTask(WarehouseSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_jobs(new JobThread(QStringLiteral("cpm-report"), true, this))
{
}

ReportTask::~ReportTask()
{
    m_jobs->finish(); // a report being written is finished; nothing is delivered after
}

void ReportTask::start(const QString &path, const MetricFilter &filter, const MetricsSnapshot &shown, bool upToDate)
{
    drop(tr("a newer report was asked for"));
    m_path = path;
    m_filter = filter;
    m_waitingComparison = std::exchange(m_comparison, {});
    m_waitingComparisonTitle = std::exchange(m_comparisonTitle, {});
    if (upToDate)
        write(shown);
    else
        emit status(tr("Computing the numbers of the report…"), 0);
}

void ReportTask::setComparison(const QVector<MetricTable> &tables, const QString &title)
{
    m_comparison = tables;
    m_comparisonTitle = title;
}

void ReportTask::numbersShown(const MetricsSnapshot &snapshot)
{
    if (isWaiting() && snapshot.filter == m_filter)
        write(snapshot);
}

void ReportTask::numbersFailed(const MetricFilter &filter, const QString &error)
{
    if (!isWaiting() || filter != m_filter)
        return;
    drop(error);
    emit failed(error);
}

void ReportTask::filterChanged(const MetricFilter &filter)
{
    if (isWaiting() && filter != m_filter)
        drop(tr("the filter changed before its numbers were computed"));
}

void ReportTask::drop(const QString &why)
{
    if (!isWaiting())
        return;
    const QString path = std::exchange(m_path, QString());
    emit status(tr("The report %1 was not written: %2").arg(QFileInfo(path).fileName(), why), 10000);
    emit finished(path, why);
}

void ReportTask::write(const MetricsSnapshot &snapshot)
{
    const QString path = std::exchange(m_path, QString());
    ReportInfo info = m_session->reportInfo();
    info.comparison = std::exchange(m_waitingComparison, {});
    info.comparisonTitle = std::exchange(m_waitingComparisonTitle, {});
    ReportWriter writer = reportWriter(snapshot, info);
    if (ReportWriter::isDirectory(path)) { // its PNG and SVG files need the charts: written here
        onWritten(path, writer.write(path));
        return;
    }
    // Qt Charts lives on this thread: the charts are drawn here, the pages (long tables, seconds
    // at millions of rows) are written on the report thread while the window goes on working.
    writer.drawChartsNow();
    emit status(tr("Writing the report…"), 0);
    m_jobs->post([this, writer = std::move(writer), path] {
        const Error error = writer.write(path);
        m_jobs->deliver([this, path, error] { onWritten(path, error); });
    });
}

void ReportTask::onWritten(const QString &path, const Error &error)
{
    if (error.isError())
        emit failed(error.toString());
    else
        emit status(tr("Report written to %1").arg(path), 5000);
    emit finished(path, error.isError() ? error.toString() : QString());
}

} // namespace cpm
