// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricFilter.h"
#include "metrics/MetricTable.h"

#include <QDate>
#include <QDateTime>
#include <QPair>
#include <QString>
#include <QVector>

namespace cpm {

/** Ordered "label → text" lines, as shown on a report's title page and About sheet. */
using KeyValueList = QVector<QPair<QString, QString>>;

/** One imported file the numbers come from. */
struct ProvenanceFile
{
    QString path;        ///< as imported (only the file name is shown)
    QString role;        ///< "transactions", "stores", "devices"
    QString sha256;      ///< hex digest of the bytes imported
    qint64 rows = 0;     ///< data rows loaded
    qint64 rejected = 0; ///< rows rejected
    QDateTime importedAt;
};

/** What a report says about itself: title, date, filters and where the data came from. */
struct ReportInfo
{
    QString title = QStringLiteral("Customer Performance Metrics");
    QDateTime generated;              ///< invalid: the moment of writing
    MetricFilter filter;
    QVector<ProvenanceFile> files;
    QDateTime lastImport;             ///< invalid: not shown
    KeyValueList extraProvenance;     ///< anything else the caller wants on record (warehouse path, ...)
    KeyValueList definitions;         ///< metric title → how it is computed (About sheet)
    /**
     * When not empty, the report ends with a comparison of two imports (DiffTables): a
     * "Comparison" sheet with the tables one under another, and a last PDF section.
     */
    QVector<MetricTable> comparison;
    QString comparisonTitle;          ///< "Comparison: batch 1 (…) → batch 2 (…)"

    /** generated, or now when it is unset. */
    QDateTime generatedAt() const;
    /** The filter in words: "Statuses" → "accepted, refused", ... */
    KeyValueList filterLines() const;
    /** Files (name, role, rows, rejected, hash), last import, then extraProvenance. */
    KeyValueList provenanceLines() const;
};

/** The filter in words, one line per dimension (statuses, time column, period). */
KeyValueList describeFilterInWords(const MetricFilter &filter);

/**
 * A meaningful default file name: "cpm-<subject>-<statuses>-<time column>[-<from>_to_<to>]-<day>.<extension>",
 * e.g. "cpm-top_stores-accepted-happened_at-2026-11-26.csv". Characters that are awkward in
 * file names become '_'. @p extension is given without the dot.
 */
QString defaultExportFileName(const QString &subject, const MetricFilter &filter, const QString &extension,
                              const QDate &day = QDate::currentDate());

} // namespace cpm
