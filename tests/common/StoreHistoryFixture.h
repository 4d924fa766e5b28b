// SPDX-License-Identifier: GPL-3.0-or-later
// The store history fixture (tests/fixtures/scd2-week1, scd2-week2) and its hand-computed
// answers, shared by the SQLite suite (tst_store_history) and the PostgreSQL one
// (tst_pg_store_history). The working is in the comments and the fixtures' README.
#pragma once

#include "TestSupport.h"

#include "metrics/MetricsEngine.h"

#include <QSqlQuery>

namespace cpm::test::scd2 {

constexpr qint64 jan1 = 1640995200;        // 2022-01-01T00:00:00, naive seconds
constexpr qint64 jan2 = jan1 + 86400;      // store 3's created_at
constexpr qint64 feb5 = jan1 + 35 * 86400; // the week-2 stores extract

/** @p files of fixture folder @p dir, imported as one batch with extract time @p extractTime. */
inline ImportOptions only(const QString &dir, const QStringList &files, const QString &extractTime)
{
    ImportOptions options;
    for (const QString &name : files)
        options.files.push_back({QDir(fixture(dir)).filePath(name), FileRole::Unknown});
    options.extractTime = QDateTime::fromString(extractTime, Qt::ISODate);
    return options;
}

/** Batch 1: all of week 1 (extract 2022-02-01T00:00:05). */
inline ImportOptions weekOne()
{
    return only(QStringLiteral("scd2-week1"), {QStringLiteral("stores.csv"), QStringLiteral("devices.csv"), QStringLiteral("transactions.csv")},
                QStringLiteral("2022-02-01T00:00:05"));
}

/** The three batches: week 1, week 2's stores (2022-02-05), week 2's transactions (2022-03-03). */
inline QVector<ImportOptions> threeBatches()
{
    return {weekOne(), only(QStringLiteral("scd2-week2"), {QStringLiteral("stores.csv")}, QStringLiteral("2022-02-05T00:00:00")),
            only(QStringLiteral("scd2-week2"), {QStringLiteral("transactions.csv")}, QStringLiteral("2022-03-03T00:00:00"))};
}

/** One row per version: "store|version|name|typology|valid_from|valid_to|current|batch|closed_by". */
inline QStringList historyRows(const Warehouse &warehouse)
{
    QStringList rows;
    QSqlQuery query(warehouse.database());
    query.exec(QStringLiteral("select store_id, version_no, store_name, typology, valid_from, valid_to, is_current, "
                              "batch_id, closed_by_batch from dim_stores_history order by store_id, version_no"));
    while (query.next()) {
        QStringList cells;
        for (int i = 0; i < 9; ++i)
            cells << (query.value(i).isNull() ? QStringLiteral("-") : query.value(i).toString());
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

/**
 * After the three batches. Store 2 changed typology and store 3 its name in batch 2 (extract
 * 2022-02-05): each old version closes there and the new one starts there. Stores 1 and 4
 * came again unchanged: no new version. First versions start at the store's created_at.
 */
inline QStringList expectedHistory()
{
    return {QStringLiteral("1|1|Alpha|Grocery|%1|-|1|1|-").arg(jan1),
            QStringLiteral("2|1|Beta|Grocery|%1|%2|0|1|2").arg(jan1).arg(feb5),
            QStringLiteral("2|2|Beta|Beauty|%1|-|1|2|-").arg(feb5),
            QStringLiteral("3|1|Gamma|Beauty|%1|%2|0|1|2").arg(jan2).arg(feb5),
            QStringLiteral("3|2|Gamma Two|Beauty|%1|-|1|2|-").arg(feb5),
            QStringLiteral("4|1|Delta|Beauty|%1|-|1|1|-").arg(jan1)};
}

/** Metric 3 (accepted, happened_at, up to @p to) read with @p version on @p backend. */
inline MetricTable metric3(const Warehouse &warehouse, MetricsEngine::Backend backend, StoreVersion version, QDate to = {})
{
    MetricsEngine engine(warehouse.database(), QStringLiteral(":/sql"), backend);
    MetricFilter filter;
    filter.storeVersion = version;
    filter.to = to;
    MetricsSnapshot snapshot;
    Error error;
    if (!engine.compute(filter, &snapshot, &error))
        qWarning("%s", qPrintable(error.toString()));
    return snapshot.avgByTypologyCountry;
}

/** "typology/country: transactions total avg_amount stores stores_in_group" per row. */
inline QStringList cells(const MetricTable &t)
{
    QStringList rows;
    for (int i = 0; i < t.rows.size(); ++i) {
        rows << QStringLiteral("%1/%2: %3 %4 %5 %6 %7")
                    .arg(t.value(i, QStringLiteral("typology")).toString(), t.value(i, QStringLiteral("country")).toString())
                    .arg(t.value(i, QStringLiteral("transactions")).toLongLong())
                    .arg(t.value(i, QStringLiteral("total_amount")).toDouble())
                    .arg(t.value(i, QStringLiteral("avg_amount")).toDouble(), 0, 'f', 4)
                    .arg(t.value(i, QStringLiteral("stores")).toLongLong())
                    .arg(t.value(i, QStringLiteral("stores_in_group")).toLongLong());
    }
    return rows;
}

/**
 * Metric 3, accepted, happened_at, all days. Store 1 (Grocery/Portugal): 100+50+30+10+40+60 =
 * 290 in 6; store 2: tx 8 = 500 (Jan 15, before its change), 18 = 100 and 19 = 300 (Feb 10, 11:
 * after); store 3: 200+80 = 280 in 2; store 4: 5 × 10 = 50; tx 17 has no device.
 * Current: store 2 is Beauty/Portugal for all three (900 in 3).
 */
inline QStringList expectedCurrent()
{
    return {QStringLiteral("Beauty/France: 7 330 47.1429 2 2"), QStringLiteral("Beauty/Portugal: 3 900 300.0000 1 1"),
            QStringLiteral("Grocery/Portugal: 6 290 48.3333 1 1")};
}

/**
 * At each transaction: tx 8 stays Grocery/Portugal (290+500 = 790 in 7 at stores 1 and 2),
 * 18 and 19 are Beauty/Portugal (400 in 2); store 2 was in both groups.
 */
inline QStringList expectedAtTransaction()
{
    return {QStringLiteral("Beauty/France: 7 330 47.1429 2 2"), QStringLiteral("Beauty/Portugal: 2 400 200.0000 1 1"),
            QStringLiteral("Grocery/Portugal: 7 790 112.8571 2 2")};
}

} // namespace cpm::test::scd2
