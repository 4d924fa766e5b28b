// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricTable.h"

#include "csv/TimestampParser.h"

#include <QLocale>

#include <cmath>

namespace cpm {

int MetricTable::columnIndex(const QString &key) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key)
            return i;
    }
    return -1;
}

QVariant MetricTable::value(int row, const QString &key) const
{
    const int column = columnIndex(key);
    if (row < 0 || row >= rows.size() || column < 0)
        return QVariant();
    return rows.cell(row, column);
}

QString formatDuration(double seconds)
{
    const bool negative = seconds < 0;
    qint64 left = std::llround(std::fabs(seconds));
    const qint64 days = left / 86400;
    left %= 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg(left / 3600, 2, 10, QLatin1Char('0'))
                              .arg((left % 3600) / 60, 2, 10, QLatin1Char('0'))
                              .arg(left % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1%2d %3").arg(negative ? QStringLiteral("-") : QString()).arg(days).arg(clock);
}

QString formatProbability(double p)
{
    // Tiny p-values are the interesting ones: keep two significant digits instead of "0.0000".
    if (p > 0 && p < 0.0001)
        return QString::number(p, 'e', 1);
    return QLocale().toString(p, 'f', 4);
}

QString displayText(const QVariant &value, ValueKind kind)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("—");
    const QLocale locale;
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Rank:
        return locale.toString(value.toLongLong());
    case ValueKind::Amount:
        return locale.toString(value.toDouble(), 'f', 2);
    case ValueKind::Percent:
        return locale.toString(value.toDouble(), 'f', 2) + QStringLiteral(" %");
    case ValueKind::Seconds:
        return formatDuration(value.toDouble());
    case ValueKind::Days:
        return locale.toString(value.toDouble(), 'f', 2);
    case ValueKind::Probability:
        return formatProbability(value.toDouble());
    case ValueKind::Flag:
        return value.toBool() ? QStringLiteral("⚠ yes") : QString();
    case ValueKind::Timestamp:
        return TimestampParser::toIso(value.toLongLong()).replace(QLatin1Char('T'), QLatin1Char(' '));
    case ValueKind::Text:
        break;
    }
    return value.toString();
}

QString exportText(const QVariant &value, ValueKind kind)
{
    if (!value.isValid() || value.isNull())
        return QString();
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Rank:
        return QString::number(value.toLongLong());
    case ValueKind::Amount:
    case ValueKind::Percent:
    case ValueKind::Seconds:
    case ValueKind::Days:
    case ValueKind::Probability:
        return QString::number(value.toDouble(), 'g', 15);
    case ValueKind::Flag:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case ValueKind::Timestamp:
        return TimestampParser::toIso(value.toLongLong());
    case ValueKind::Text:
        break;
    }
    return value.toString();
}

} // namespace cpm
