// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricFilter.h"

#include <limits>

namespace cpm {

namespace {
// Open ends of the day range are bound as far-away days so every query keeps one shape
// ("day between :from_day and :to_day") and SQLite can use the marts' index.
constexpr qint64 openStartDay = -10'000'000;
constexpr qint64 openEndDay = 10'000'000;
} // namespace

QString timeColumnName(TimeColumn column)
{
    return column == TimeColumn::CreatedAt ? QStringLiteral("created_at") : QStringLiteral("happened_at");
}

bool parseTimeColumn(const QString &text, TimeColumn *column)
{
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("happened_at"))
        *column = TimeColumn::HappenedAt;
    else if (name == QLatin1String("created_at"))
        *column = TimeColumn::CreatedAt;
    else
        return false;
    return true;
}

QString storeVersionName(StoreVersion version)
{
    return version == StoreVersion::AtTransaction ? QStringLiteral("at-transaction") : QStringLiteral("current");
}

bool parseStoreVersion(const QString &text, StoreVersion *version)
{
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("current"))
        *version = StoreVersion::Current;
    else if (name == QLatin1String("at-transaction"))
        *version = StoreVersion::AtTransaction;
    else
        return false;
    return true;
}

qint64 epochDay(const QDate &date)
{
    return QDate(1970, 1, 1).daysTo(date);
}

QVariantMap MetricFilter::sqlParameters() const
{
    QVariantMap values;
    values.insert(QStringLiteral(":time_col"), timeColumnName(timeColumn));
    values.insert(QStringLiteral(":from_day"), from.isValid() ? epochDay(from) : openStartDay);
    values.insert(QStringLiteral(":to_day"), to.isValid() ? epochDay(to) : openEndDay);
    return values;
}

QString MetricFilter::describe() const
{
    QString range;
    if (from.isValid() || to.isValid()) {
        range = QStringLiteral(" · %1 – %2")
                    .arg(from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("…"),
                         to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("…"));
    }
    // The default reading goes unsaid, so titles and reports made before store history read the same.
    const QString stores = storeVersion == StoreVersion::AtTransaction ? QStringLiteral(" · stores as they were at each transaction") : QString();
    return QStringLiteral("%1 · %2%3%4").arg(statuses.join(QLatin1Char('+')), timeColumnName(timeColumn), range, stores);
}

Error MetricFilter::validate() const
{
    if (statuses.isEmpty())
        return Error::make(Error::Code::Usage, QStringLiteral("no transaction status selected"));
    if (from.isValid() && to.isValid() && from > to) {
        Error error = Error::make(Error::Code::Usage, QStringLiteral("the date range ends before it starts"));
        error.value = QStringLiteral("%1 – %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        error.expected = QStringLiteral("a start date on or before the end date");
        return error;
    }
    return Error();
}

bool MetricFilter::operator==(const MetricFilter &other) const
{
    return statuses == other.statuses && timeColumn == other.timeColumn && from == other.from && to == other.to
        && storeVersion == other.storeVersion && anomalies == other.anomalies;
}

} // namespace cpm
