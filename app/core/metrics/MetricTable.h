// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricRows.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace cpm {

/**
 * How a metric column's values are shown and exported (Probability: a p-value in [0, 1];
 * Flag: a warning raised on the row, a bool).
 */
enum class ValueKind { Text, Integer, Amount, Percent, Seconds, Days, Timestamp, Rank, Probability, Flag };

struct MetricColumn
{
    QString key;     ///< stable machine name, also the JSON/CSV key ("total_amount")
    QString header;  ///< what people read ("Total amount")
    ValueKind kind = ValueKind::Text;
};

/** Items that tie with the last one shown in a top list and were cut (ties are broken by key). */
struct TieAtCut
{
    QVariant value;        ///< the tied value (total amount, items sold)
    QStringList named;     ///< keys of the first tied items past the cut, in tie-break order
    qint64 beyondCut = 0;  ///< how many items past the cut share the value (≥ named.size())
    bool isEmpty() const { return beyondCut == 0; }
};

/** One metric's result: typed columns and rows of plain values, plus notes for the reader. */
struct MetricTable
{
    QString id;       ///< "top_stores", ...
    QString title;    ///< "Top 10 stores by transacted amount"
    QVector<MetricColumn> columns;
    MetricRows rows;   ///< read cell by cell with rows.cell(row, column): big tables keep typed columns
    QStringList notes; ///< ties at the cut, rows left out and why, ...
    TieAtCut tieAtCut; ///< top lists only

    int columnIndex(const QString &key) const;
    QVariant value(int row, const QString &key) const;
    bool isEmpty() const { return rows.isEmpty(); }
};

/** Display text of @p value (amounts with two decimals, seconds as "3d 04:05:06", ...). */
QString displayText(const QVariant &value, ValueKind kind);
/** Machine text (CSV): full precision, ISO timestamps, no thousands separators. */
QString exportText(const QVariant &value, ValueKind kind);
/** A p-value: "0.0123", or "3.4e-07" below 0.0001. */
QString formatProbability(double p);
/** "43d 10:15:32" for a duration in seconds; negative durations keep their sign. */
QString formatDuration(double seconds);

} // namespace cpm
