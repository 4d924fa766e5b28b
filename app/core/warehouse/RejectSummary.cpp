// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/RejectSummary.h"

#include <QStringList>

#include <algorithm>

namespace cpm {

void RejectSummary::add(qint64 line, int column, const QString &columnName, const QString &value, const QString &reason)
{
    ++m_rows;
    // A file has a handful of distinct reasons (they name the column and the expectation, not
    // the value), so a linear search beats hashing two strings per rejected row.
    for (RejectGroup &group : m_groups) {
        if (group.column == column && group.reason == reason && group.columnName == columnName) {
            ++group.rows;
            if (group.firstLines.size() < kFirstLines)
                group.firstLines << line;
            return;
        }
    }
    RejectGroup group;
    group.column = column;
    group.columnName = columnName;
    group.reason = reason;
    group.rows = 1;
    group.firstLines << line;
    group.firstValue = value;
    m_groups << group;
}

void RejectSummary::clear()
{
    m_groups.clear();
    m_rows = 0;
}

QVector<RejectGroup> RejectSummary::byCount() const
{
    QVector<RejectGroup> sorted = m_groups;
    std::stable_sort(sorted.begin(), sorted.end(), [](const RejectGroup &a, const RejectGroup &b) { return a.rows > b.rows; });
    return sorted;
}

const RejectGroup *RejectSummary::mostCommon() const
{
    const RejectGroup *best = nullptr;
    for (const RejectGroup &group : m_groups) {
        if (!best || group.rows > best->rows)
            best = &group;
    }
    return best;
}

QString RejectSummary::what(const RejectGroup &group)
{
    if (group.columnName.isEmpty() && group.column == 0)
        return group.reason;
    const QString column = group.columnName.isEmpty() ? QString::number(group.column) : group.columnName;
    return QStringLiteral("column %1: %2").arg(column, group.reason);
}

QString RejectSummary::lines(const RejectGroup &group)
{
    QStringList numbers;
    for (qint64 line : group.firstLines)
        numbers << QString::number(line);
    if (group.rows > group.firstLines.size())
        numbers << QStringLiteral("…");
    return (numbers.size() == 1 ? QStringLiteral("line ") : QStringLiteral("lines ")) + numbers.join(QStringLiteral(", "));
}

} // namespace cpm
