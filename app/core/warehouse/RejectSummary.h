// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

namespace cpm {

/** One reason a file's rows were rejected for: how many rows, and where the first ones are. */
struct RejectGroup
{
    int column = 0;          ///< 1-based field number, 0 for the whole row
    QString columnName;      ///< header name of that column, empty for the whole row
    QString reason;          ///< what was wrong and what was expected
    qint64 rows = 0;
    QVector<qint64> firstLines; ///< the first few lines, ascending
    QString firstValue;      ///< the value on the first line (card data already masked)
};

/**
 * The rejects of one file grouped by reason (column and reason text), so that 1,800 rows
 * rejected for the same thing read as one line with its count and first line numbers.
 */
class RejectSummary
{
public:
    static constexpr int kFirstLines = 5;

    /** Counts one rejected row. */
    void add(qint64 line, int column, const QString &columnName, const QString &value, const QString &reason);
    void clear();

    bool isEmpty() const { return m_groups.isEmpty(); }
    qint64 rows() const { return m_rows; }
    /** The groups, most rows first (ties: the one seen first). */
    QVector<RejectGroup> byCount() const;
    /** The group with the most rows, or nullptr when nothing was rejected. */
    const RejectGroup *mostCommon() const;

    /** "column id: not an integer (...)", or just the reason for a whole-row problem. */
    static QString what(const RejectGroup &group);
    /** "line 2" or "lines 2, 3, 4, 5, 6, …" (an ellipsis when there are more rows than lines listed). */
    static QString lines(const RejectGroup &group);

private:
    QVector<RejectGroup> m_groups; ///< in order of first appearance
    qint64 m_rows = 0;
};

} // namespace cpm
