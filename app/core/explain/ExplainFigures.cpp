// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainFigures.h"

#include <QSet>

namespace cpm::explain {

namespace {

struct Totals
{
    qint64 count = 0;
    double amount = 0;
    qint64 stores = 0;
};

Totals totals(const MetricTable &rows)
{
    Totals t;
    const int amount = rows.columnIndex(QStringLiteral("amount"));
    const int store = rows.columnIndex(QStringLiteral("store_id"));
    QSet<qint64> stores;
    for (int r = 0; r < rows.rows.size(); ++r) {
        ++t.count;
        t.amount += rows.rows.cell(r, amount).toDouble();
        const QVariant id = rows.rows.cell(r, store);
        if (!id.isNull())
            stores.insert(id.toLongLong());
    }
    t.stores = stores.size();
    return t;
}

ExplainFigure figure(const char *key, const char *label, const QVariant &value, ValueKind kind, const QString &how)
{
    return ExplainFigure{QString::fromLatin1(key), QString::fromUtf8(label), value, kind, how};
}

QVariant ratio(double numerator, qint64 denominator)
{
    return denominator > 0 ? QVariant(numerator / double(denominator)) : QVariant();
}

void storeFigures(const Totals &t, Explanation *e)
{
    e->figures << figure("total_amount", "Total amount", t.amount, ValueKind::Amount,
                         QStringLiteral("sum(amount) of the %1 transactions listed").arg(t.count))
               << figure("transactions", "Transactions", t.count, ValueKind::Integer,
                         QStringLiteral("count(*) of the transactions listed"));
}

void productFigures(const Totals &t, Explanation *e)
{
    e->figures << figure("transactions", "Items sold", t.count, ValueKind::Integer,
                         QStringLiteral("count(*) of the transactions listed (one transaction = one item)"))
               << figure("total_amount", "Total amount", t.amount, ValueKind::Amount,
                         QStringLiteral("sum(amount) of the %1 transactions listed").arg(t.count));
}

void groupFigures(const Totals &t, const FigureContext &c, Explanation *e)
{
    e->figures << figure("transactions", "Transactions", t.count, ValueKind::Integer, QStringLiteral("count(*) of the rows listed"))
               << figure("avg_amount", "Avg amount / transaction", ratio(t.amount, t.count), ValueKind::Amount,
                         QStringLiteral("sum(amount) / count(*) = %1 / %2").arg(t.amount, 0, 'f', 2).arg(t.count))
               << figure("avg_store_total", "Avg store total", ratio(t.amount, t.stores), ValueKind::Amount,
                         QStringLiteral("sum(amount) / distinct stores = %1 / %2").arg(t.amount, 0, 'f', 2).arg(t.stores))
               << figure("stores", "Stores with transactions", t.stores, ValueKind::Integer,
                         QStringLiteral("distinct store ids among the rows listed"))
               << figure("stores_in_group", "Stores in group", c.storesInGroup, ValueKind::Integer,
                         QStringLiteral("stores of this typology and country in stores.csv"))
               << figure("total_amount", "Total amount", t.amount, ValueKind::Amount, QStringLiteral("sum(amount) of the rows listed"));
}

void deviceFigures(const Totals &t, const FigureContext &c, Explanation *e)
{
    const QVariant pct = c.allMatching > 0 ? QVariant(100.0 * double(t.count) / double(c.allMatching)) : QVariant();
    e->figures << figure("transactions", "Transactions", t.count, ValueKind::Integer, QStringLiteral("count(*) of the rows listed"))
               << figure("pct", "Share", pct, ValueKind::Percent,
                         QStringLiteral("100 × %1 / %2 matching transactions of every device type").arg(t.count).arg(c.allMatching))
               << figure("total_amount", "Total amount", t.amount, ValueKind::Amount, QStringLiteral("sum(amount) of the rows listed"));
}

void fifthFigures(const FigureContext &c, Explanation *e)
{
    const MetricTable &rows = e->transactions;
    const QString clock = timeColumnName(e->filter.timeColumn);
    const QVariant first = rows.value(0, clock);
    const QVariant fifth = rows.rows.size() >= 5 ? rows.value(4, clock) : QVariant();
    const bool five = !fifth.isNull() && fifth.isValid();
    e->figures << figure("first_at", "1st transaction", first, ValueKind::Timestamp, QStringLiteral("%1 of row #1").arg(clock))
               << figure("fifth_at", "5th transaction", fifth, ValueKind::Timestamp, QStringLiteral("%1 of row #5").arg(clock))
               << figure("seconds", "1st → 5th", five ? QVariant(fifth.toLongLong() - first.toLongLong()) : QVariant(),
                         ValueKind::Seconds, QStringLiteral("%1 of #5 − %1 of #1").arg(clock))
               << figure("seconds_from_store_created", "Store created → 5th",
                         five && !c.storeCreatedAt.isNull() ? QVariant(fifth.toLongLong() - c.storeCreatedAt.toLongLong())
                                                            : QVariant(),
                         ValueKind::Seconds, QStringLiteral("%1 of #5 − the store's created_at").arg(clock));
}

} // namespace

void computeFigures(const FigureContext &context, Explanation *explanation)
{
    const Totals t = totals(explanation->transactions);
    const QString &id = explanation->metricId;
    if (id == QLatin1String("top_stores"))
        storeFigures(t, explanation);
    else if (id == QLatin1String("top_products"))
        productFigures(t, explanation);
    else if (id == QLatin1String("avg_amount_by_typology_country"))
        groupFigures(t, context, explanation);
    else if (id == QLatin1String("device_type_share"))
        deviceFigures(t, context, explanation);
    else
        fifthFigures(context, explanation);
}

} // namespace cpm::explain
