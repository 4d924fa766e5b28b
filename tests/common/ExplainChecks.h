// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the explain suites: every row of every metric table explained, and the numbers
// recomputed from the listed transactions compared with the numbers the metrics engine shows.
#pragma once

#include "explain/MetricExplainer.h"
#include "metrics/MetricsSnapshot.h"

#include <QHash>
#include <QRegularExpression>
#include <QTest>

namespace cpm::test {

inline bool nearly(double a, double b)
{
    return qAbs(a - b) <= 1e-6 * std::max(1.0, qAbs(b));
}

/**
 * Explains @p key of @p metric under @p filter (warns on an error: the figures are then
 * missing and the caller's checks fail). Answers are kept per connection, key and filter,
 * since a suite asks for most of them twice (against the engine, then against expected/).
 */
inline Explanation explainOrFail(QSqlDatabase db, const QString &metric, const QString &key, const MetricFilter &filter)
{
    static QHash<QString, Explanation> answers;
    const QString id = QStringList{db.connectionName(), metric, key, filter.describe()}.join(QLatin1Char('|'));
    if (const auto known = answers.constFind(id); known != answers.cend())
        return *known;
    MetricExplainer explainer(db);
    Explanation explanation;
    Error error;
    if (!explainer.explain(metric, key, filter, &explanation, &error))
        qWarning("explain %s %s: %s", qPrintable(metric), qPrintable(key), qPrintable(error.toString()));
    else
        answers.insert(id, explanation);
    return explanation;
}

/** Every listed card is "**** " and four digits (or empty): never more of the number. */
inline bool cardsMasked(const MetricTable &rows)
{
    static const QRegularExpression masked(QStringLiteral("^\\*\\*\\*\\* \\d{4}$"));
    const int card = rows.columnIndex(QStringLiteral("card"));
    for (int r = 0; r < rows.rows.size(); ++r) {
        const QVariant value = rows.rows.cell(r, card);
        if (!value.isNull() && !masked.match(value.toString()).hasMatch())
            return false;
    }
    return true;
}

/** The listed rows themselves, summed here (not by the explainer): count, sum, 1st → 5th. */
inline void checkRowsAddUp(const Explanation &e)
{
    const MetricTable &rows = e.transactions;
    QCOMPARE(qint64(rows.rows.size()), e.n);
    double sum = 0;
    for (int r = 0; r < rows.rows.size(); ++r)
        sum += rows.value(r, QStringLiteral("amount")).toDouble();
    if (const ExplainFigure *total = e.figure(QStringLiteral("total_amount")))
        QVERIFY(nearly(total->value.toDouble(), sum));
    if (const ExplainFigure *count = e.figure(QStringLiteral("transactions")))
        QCOMPARE(count->value.toLongLong(), qint64(rows.rows.size()));
    if (const ExplainFigure *seconds = e.figure(QStringLiteral("seconds")); seconds && rows.rows.size() == 5) {
        const QString clock = timeColumnName(e.filter.timeColumn);
        QCOMPARE(seconds->value.toLongLong(), rows.value(4, clock).toLongLong() - rows.value(0, clock).toLongLong());
    }
}

/** The figures @p keys of @p e equal row @p row of @p table (numbers to rounding, nulls as nulls). */
inline void compareFigures(const Explanation &e, const MetricTable &table, int row, const QStringList &keys)
{
    for (const QString &key : keys) {
        const ExplainFigure *figure = e.figure(key);
        QVERIFY2(figure, qPrintable(QStringLiteral("%1: no figure %2").arg(e.metricId, key)));
        const QVariant shown = table.value(row, key);
        const QString where = QStringLiteral("%1 %2 %3: explained %4, shown %5")
                                  .arg(e.metricId, e.key, key, figure->value.toString(), shown.toString());
        QVERIFY2(shown.isNull() == figure->value.isNull(), qPrintable(where));
        if (!shown.isNull())
            QVERIFY2(nearly(figure->value.toDouble(), shown.toDouble()), qPrintable(where));
    }
    QVERIFY2(cardsMasked(e.transactions), qPrintable(e.metricId + QLatin1Char(' ') + e.key));
    checkRowsAddUp(e);
}

/** The key explain takes for row @p row of @p table. */
inline QString rowKey(const MetricTable &table, int row)
{
    if (table.id == QLatin1String("top_products"))
        return table.value(row, QStringLiteral("product_sku")).toString();
    if (table.id == QLatin1String("avg_amount_by_typology_country"))
        return table.value(row, QStringLiteral("typology")).toString() + QLatin1Char('/')
            + table.value(row, QStringLiteral("country")).toString();
    if (table.id == QLatin1String("device_type_share"))
        return table.value(row, QStringLiteral("device_type")).toString();
    return table.value(row, QStringLiteral("store_id")).toString(); // per store, fewer than five
}

/** Explains every row of every table of @p s; the listed rows must add up to each number shown. */
inline void checkEveryRow(QSqlDatabase db, const MetricsSnapshot &s)
{
    const QVector<QPair<const MetricTable *, QStringList>> tables{
        {&s.topStores, {"total_amount", "transactions"}},
        {&s.topProducts, {"transactions", "total_amount"}},
        {&s.avgByTypologyCountry, {"transactions", "avg_amount", "avg_store_total", "stores", "stores_in_group", "total_amount"}},
        {&s.deviceTypeShare, {"transactions", "pct", "total_amount"}},
        {&s.timeToFifthPerStore, {"first_at", "fifth_at", "seconds", "seconds_from_store_created"}}};
    for (const auto &[table, keys] : tables) {
        for (int row = 0; row < table->rows.size(); ++row) {
            const Explanation e = explainOrFail(db, table->id, rowKey(*table, row), s.filter);
            QCOMPARE(e.metricId, table->id);
            compareFigures(e, *table, row, keys);
            if (QTest::currentTestFailed())
                return;
        }
    }
    const MetricTable &below = s.timeToFifthBelowFive;
    for (int row = 0; row < below.rows.size(); ++row) { // listed, not averaged: n below five, no time
        const Explanation e = explainOrFail(db, QStringLiteral("time_to_5th_transaction"), rowKey(below, row), s.filter);
        QCOMPARE(e.n, below.value(row, QStringLiteral("transactions")).toLongLong());
        QVERIFY(e.figure(QStringLiteral("seconds"))->value.isNull());
        QCOMPARE(e.figure(QStringLiteral("first_at"))->value.toLongLong(), below.value(row, QStringLiteral("first_at")).toLongLong());
    }
}

} // namespace cpm::test
