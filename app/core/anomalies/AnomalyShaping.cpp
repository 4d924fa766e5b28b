// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalies/AnomalyQuery.h"
#include "anomalies/BinomialTail.h"

#include <QDate>
#include <QLocale>

#include <algorithm>

namespace cpm::anomalies {

namespace {

MetricColumn col(const char *key, const char *header, ValueKind kind)
{
    return {QString::fromLatin1(key), QString::fromUtf8(header), kind};
}

QVector<MetricColumn> rateColumns()
{
    return {col("transactions", "Transactions", ValueKind::Integer), col("refused", "Refused", ValueKind::Integer),
            col("refused_rate", "Refused rate", ValueKind::Percent), col("cancelled", "Cancelled", ValueKind::Integer),
            col("cancelled_rate", "Cancelled rate", ValueKind::Percent)};
}

QVariant rate(qint64 part, qint64 whole)
{
    return whole > 0 ? QVariant(100.0 * double(part) / double(whole)) : QVariant();
}

/** n, refused, refused %, cancelled, cancelled % from the last three values of @p raw. */
QVariantList rates(const QVariantList &raw)
{
    const qsizetype at = raw.size() - 3;
    const qint64 n = raw.value(at).toLongLong();
    const qint64 refused = raw.value(at + 1).toLongLong();
    const qint64 cancelled = raw.value(at + 2).toLongLong();
    return {n, refused, rate(refused, n), cancelled, rate(cancelled, n)};
}

/** The one-sided test of one store's count against the rest of the network. */
struct Test
{
    QVariant peerRate; ///< percent
    QVariant pValue;
    bool flagged = false;
};

Test test(qint64 count, qint64 n, qint64 networkCount, qint64 networkN)
{
    Test result;
    const qint64 peerN = networkN - n;
    if (peerN <= 0 || n <= 0)
        return result; // no peers to compare with
    const double p0 = double(networkCount - count) / double(peerN);
    const double p = binomialUpperTail(count, n, p0);
    result.peerRate = 100.0 * p0;
    result.pValue = p;
    result.flagged = n >= AnomalyRule::minTransactions && p < AnomalyRule::maxPValue;
    return result;
}

void shapeStores(const CountRows &stores, AnomalyReport *report)
{
    MetricTable &table = report->byStore;
    table.id = QStringLiteral("anomaly_rates_by_store");
    table.title = QStringLiteral("Refused and cancelled rates per store");
    table.columns = {col("store_id", "Store id", ValueKind::Integer), col("store_name", "Store", ValueKind::Text),
                     col("typology", "Typology", ValueKind::Text), col("country", "Country", ValueKind::Text),
                     col("flag", "Flag", ValueKind::Text)};
    table.columns << rateColumns();
    table.columns.insert(8, col("refused_peer_rate", "Refused rate, other stores", ValueKind::Percent));
    table.columns.insert(9, col("refused_p", "Refused p-value", ValueKind::Probability));
    table.columns << col("cancelled_peer_rate", "Cancelled rate, other stores", ValueKind::Percent)
                  << col("cancelled_p", "Cancelled p-value", ValueKind::Probability);
    for (const QVariantList &raw : stores) {
        report->storeTransactions += raw.value(4).toLongLong();
        report->storeRefused += raw.value(5).toLongLong();
        report->storeCancelled += raw.value(6).toLongLong();
    }
    QVector<QVariantList> rows;
    for (const QVariantList &raw : stores) {
        const qint64 n = raw.value(4).toLongLong();
        const Test refused = test(raw.value(5).toLongLong(), n, report->storeRefused, report->storeTransactions);
        const Test cancelled = test(raw.value(6).toLongLong(), n, report->storeCancelled, report->storeTransactions);
        QStringList flags;
        if (refused.flagged)
            flags << QStringLiteral("refused");
        if (cancelled.flagged)
            flags << QStringLiteral("cancelled");
        report->flaggedStores += flags.isEmpty() ? 0 : 1;
        const QVariantList r = rates(raw);
        rows << QVariantList{raw.value(0), raw.value(1), raw.value(2), raw.value(3), flags.join(QStringLiteral(", ")),
                             r[0], r[1], r[2], refused.peerRate, refused.pValue, r[3], r[4],
                             cancelled.peerRate, cancelled.pValue};
    }
    // Most unusual first: smallest refused p-value (stores without peers last), then store id.
    const int p = table.columnIndex(QStringLiteral("refused_p"));
    std::stable_sort(rows.begin(), rows.end(), [p](const QVariantList &a, const QVariantList &b) {
        if (a[p].isNull() != b[p].isNull())
            return b[p].isNull();
        return !a[p].isNull() && a[p].toDouble() < b[p].toDouble();
    });
    for (const QVariantList &row : std::as_const(rows))
        table.rows << row;
}

void shapeGroups(const CountRows &deviceTypes, const CountRows &groups, const CountRows &days, AnomalyReport *report)
{
    MetricTable &device = report->byDeviceType;
    device.id = QStringLiteral("anomaly_rates_by_device_type");
    device.title = QStringLiteral("Refused and cancelled rates per device type");
    device.columns = QVector<MetricColumn>{col("device_type", "Device type", ValueKind::Text)} + rateColumns();
    for (const QVariantList &raw : deviceTypes) {
        // Transactions whose device is unknown have no device type: "unknown", as in metric 4's explain key.
        const QVariant type = raw.value(0).isNull() ? QVariant(QStringLiteral("unknown")) : QVariant(raw.value(0).toString());
        device.rows << (QVariantList{type} + rates(raw));
    }
    MetricTable &group = report->byTypologyCountry;
    group.id = QStringLiteral("anomaly_rates_by_typology_country");
    group.title = QStringLiteral("Refused and cancelled rates per typology and country");
    group.columns = QVector<MetricColumn>{col("typology", "Typology", ValueKind::Text),
                                          col("country", "Country", ValueKind::Text),
                                          col("stores", "Stores with transactions", ValueKind::Integer)}
        + rateColumns();
    for (const QVariantList &raw : groups)
        group.rows << (QVariantList{raw.value(0), raw.value(1), raw.value(2)} + rates(raw));
    MetricTable &day = report->byDay;
    day.id = QStringLiteral("anomaly_rates_by_day");
    day.title = QStringLiteral("Refused and cancelled rates per day");
    day.columns = QVector<MetricColumn>{col("day", "Day", ValueKind::Text)} + rateColumns();
    const QDate epoch(1970, 1, 1);
    for (const QVariantList &raw : days)
        day.rows << (QVariantList{epoch.addDays(raw.value(0).toLongLong()).toString(Qt::ISODate)} + rates(raw));
}

void addNotes(const CountRows &days, AnomalyReport *report)
{
    qint64 all = 0;
    for (const QVariantList &raw : days)
        all += raw.value(1).toLongLong();
    const QLocale locale;
    auto pct = [&](qint64 part) {
        return locale.toString(report->storeTransactions > 0 ? 100.0 * double(part) / double(report->storeTransactions) : 0.0,
                               'f', 2);
    };
    QStringList &notes = report->byStore.notes;
    notes << QStringLiteral("Network: %1 transactions of known stores, %2 refused (%3 %), %4 cancelled (%5 %).")
                 .arg(locale.toString(report->storeTransactions), locale.toString(report->storeRefused),
                      pct(report->storeRefused), locale.toString(report->storeCancelled), pct(report->storeCancelled));
    notes << (report->flaggedStores == 1 ? QStringLiteral("1 store flagged.")
                                         : QStringLiteral("%1 stores flagged.").arg(locale.toString(report->flaggedStores)));
    const qint64 placeless = all - report->storeTransactions;
    if (placeless == 1)
        notes << QStringLiteral("1 transaction whose device or store is unknown is in the per-day and per-device-type "
                                "tables only.");
    else if (placeless > 1)
        notes << QStringLiteral("%1 transactions whose device or store is unknown are in the per-day and "
                                "per-device-type tables only.")
                     .arg(locale.toString(placeless));
}

} // namespace

void shapeReport(const CountRows &stores, const CountRows &deviceTypes, const CountRows &groups, const CountRows &days,
                 AnomalyReport *report)
{
    shapeStores(stores, report);
    shapeGroups(deviceTypes, groups, days, report);
    addNotes(days, report);
}

} // namespace cpm::anomalies
