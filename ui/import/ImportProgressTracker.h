// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/FileInspector.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace cpm {

/**
 * Turns the importer's (phase, done, total) reports into what people read: which step,
 * how far along, rows per second and time left. Loading reports bytes, so rows are
 * estimated from each file's average record size as measured by the inspection.
 */
class ImportProgressTracker
{
public:
    /** Resets for an import of @p files (sizes and row estimates come from their inspections). */
    void start(const QVector<FileInspection> &files);
    void update(const QString &phase, qint64 done, qint64 total);

    /** Progress of the current step, 0..1. */
    double stepFraction() const;
    QString phaseText() const { return m_phase; }
    /** "about 80,000 rows loaded · 12,345 rows/s · about 40 s left to load" while loading, else empty. */
    QString rateText() const;
    /** Rows loaded so far (estimated from bytes). */
    qint64 rowsDone() const;

    /** "1 h 2 min", "3 min 5 s", "40 s". */
    static QString formatDuration(qint64 seconds);

private:
    struct FileSize
    {
        qint64 bytes = 0;
        qint64 rows = 0;
    };

    void finishCurrentFile();

    QHash<QString, FileSize> m_files;
    qint64 m_totalBytes = 0;
    qint64 m_bytesBefore = 0; ///< of files loaded completely
    double m_rowsBefore = 0;
    QString m_currentFile;
    qint64 m_currentBytes = 0;
    QString m_phase;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QElapsedTimer m_loading; ///< runs from the first loading report
};

} // namespace cpm
