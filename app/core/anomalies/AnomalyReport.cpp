// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalies/AnomalyReport.h"

#include <QLocale>

namespace cpm {

QString AnomalyRule::text()
{
    return QStringLiteral(
               "A store is flagged when its refused (or cancelled) rate is far above the rest of the network: "
               "its count k of n transactions is tested against the rate p0 of all other stores together with an "
               "exact one-sided binomial test, p-value = P(X ≥ k) for X ~ Binomial(n, p0) (regularized incomplete "
               "beta, no normal approximation), and the store is flagged when p < %1 and n ≥ %2. The threshold is "
               "a simple one, not Bonferroni-corrected: with many stores, expect about one false flag per %3 "
               "stores tested.")
        .arg(QString::number(maxPValue))
        .arg(minTransactions)
        .arg(QLocale().toString(qRound(1.0 / maxPValue)));
}

QString AnomalyRule::statusNote()
{
    return QStringLiteral("Rates count transactions of every status (refused / all), so the status filter does "
                          "not apply here; the time column and the date range do.");
}

QVector<const MetricTable *> AnomalyReport::tables() const
{
    return {&byStore, &byDeviceType, &byTypologyCountry, &byDay};
}

QStringList AnomalyReport::groupings()
{
    return {QStringLiteral("store"), QStringLiteral("device_type"), QStringLiteral("typology_country"),
            QStringLiteral("day")};
}

const MetricTable *AnomalyReport::table(const QString &by) const
{
    const int index = int(groupings().indexOf(by));
    return index < 0 ? nullptr : tables().at(index);
}

} // namespace cpm
