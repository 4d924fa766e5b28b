// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportProgressTracker.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace cpm {

static const QString kLoadingPrefix = QStringLiteral("Loading ");

void ImportProgressTracker::start(const QVector<FileInspection> &files)
{
    *this = ImportProgressTracker();
    for (const FileInspection &file : files) {
        m_files.insert(QFileInfo(file.path).fileName(), FileSize{file.fileSize, file.estimatedRows});
        m_totalBytes += file.fileSize;
    }
}

void ImportProgressTracker::finishCurrentFile()
{
    if (m_currentFile.isEmpty())
        return;
    const FileSize size = m_files.value(m_currentFile);
    m_bytesBefore += size.bytes;
    m_rowsBefore += double(size.rows);
    m_currentFile.clear();
    m_currentBytes = 0;
}

void ImportProgressTracker::update(const QString &phase, qint64 done, qint64 total)
{
    m_phase = phase;
    m_done = done;
    m_total = total;
    const QString file = phase.startsWith(kLoadingPrefix) ? phase.mid(kLoadingPrefix.size()) : QString();
    if (file != m_currentFile)
        finishCurrentFile();
    if (file.isEmpty())
        return;
    if (!m_loading.isValid())
        m_loading.start();
    m_currentFile = file;
    m_currentBytes = done;
}

double ImportProgressTracker::stepFraction() const
{
    return m_total > 0 ? std::clamp(double(m_done) / double(m_total), 0.0, 1.0) : 0.0;
}

qint64 ImportProgressTracker::rowsDone() const
{
    double rows = m_rowsBefore;
    const FileSize current = m_files.value(m_currentFile);
    if (current.bytes > 0)
        rows += double(current.rows) * double(m_currentBytes) / double(current.bytes);
    return qint64(rows);
}

QString ImportProgressTracker::rateText() const
{
    if (m_currentFile.isEmpty() || !m_loading.isValid())
        return QString();
    const QLocale locale;
    QString text = QCoreApplication::translate("cpm::ImportProgressTracker", "about %1 rows loaded")
                       .arg(locale.toString(rowsDone()));
    // Under half a second the rate is mostly noise.
    if (m_loading.elapsed() < 500)
        return text;
    const double seconds = double(m_loading.elapsed()) / 1000.0;
    const double bytesDone = double(m_bytesBefore + m_currentBytes);
    const double bytesPerSecond = bytesDone / seconds;
    text += QCoreApplication::translate("cpm::ImportProgressTracker", " · %1 rows/s")
                .arg(locale.toString(qint64(double(rowsDone()) / seconds)));
    if (bytesPerSecond > 0) {
        const qint64 left = qint64((double(m_totalBytes) - bytesDone) / bytesPerSecond + 0.5);
        text += QCoreApplication::translate("cpm::ImportProgressTracker", " · about %1 left to load")
                    .arg(formatDuration(std::max<qint64>(left, 0)));
    }
    return text;
}

QString ImportProgressTracker::formatDuration(qint64 seconds)
{
    if (seconds >= 3600)
        return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    if (seconds >= 60)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1 s").arg(seconds);
}

} // namespace cpm
