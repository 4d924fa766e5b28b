// SPDX-License-Identifier: GPL-3.0-or-later
// The answers in ../shared/data/<extract>/expected/ and how a warehouse's metrics are held
// against them (both engines, cell by cell), for every suite that imports the real extracts
// in some form (CSV as given, converted to workbooks, ...). Header-only, like TestSupport.h.
#pragma once

#include "metrics/MetricsEngine.h"
#include "warehouse/Warehouse.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTest>

namespace cpm::test {

using Rows = QVector<QMap<QString, QString>>;

/** Minimal quote-aware CSV reader (independent of CsvReader): every record, header first; a BOM is dropped. */
inline QVector<QStringList> readCsvRecords(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QVector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                field += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field, field.clear();
        } else if (c == QLatin1Char('\n')) {
            record << field, field.clear();
            records << record, record.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

/** An expected answer file as rows keyed by its header. */
inline Rows readExpected(const QString &path)
{
    const QVector<QStringList> records = readCsvRecords(path);
    Rows rows;
    for (int r = 1; r < records.size(); ++r) {
        QMap<QString, QString> row;
        for (int c = 0; c < records[0].size(); ++c)
            row.insert(records[0][c], records[r].value(c));
        rows << row;
    }
    return rows;
}

inline MetricFilter filterFromName(const QString &name)
{
    const QStringList parts = name.split(QStringLiteral("__"));
    MetricFilter filter;
    filter.statuses = parts[0].split(QLatin1Char('+'));
    parseTimeColumn(parts[1], &filter.timeColumn);
    if (parts.size() > 2) {
        const QStringList range = parts[2].split(QLatin1Char('_'));
        filter.from = QDate::fromString(range[0], Qt::ISODate);
        filter.to = QDate::fromString(range[1], Qt::ISODate);
    }
    return filter;
}

inline bool near(double a, double b)
{
    return qAbs(a - b) <= 1e-4 * std::max(1.0, qAbs(b));
}

inline void compareTable(const MetricTable &actual, const Rows &expected, const QString &expectedKey,
                  const QString &actualKey, const QStringList &numbers, const QStringList &actualNumbers)
{
    QCOMPARE(actual.rows.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual.value(i, actualKey).toString(), expected[i].value(expectedKey));
        for (int n = 0; n < numbers.size(); ++n) {
            const double want = expected[i].value(numbers[n]).toDouble();
            const double got = actual.value(i, actualNumbers[n]).toDouble();
            QVERIFY2(near(got, want), qPrintable(QStringLiteral("row %1 %2: got %3, expected %4")
                                                     .arg(i).arg(numbers[n]).arg(got, 0, 'f', 6).arg(want, 0, 'f', 6)));
        }
    }
}

/** Both engines must agree cell by cell (numbers to rounding), notes included. */
inline void compareSnapshots(const MetricsSnapshot &a, const MetricsSnapshot &b)
{
    const QVector<QPair<const MetricTable *, const MetricTable *>> tables{
        {&a.topStores, &b.topStores}, {&a.topProducts, &b.topProducts},
        {&a.avgByTypologyCountry, &b.avgByTypologyCountry}, {&a.deviceTypeShare, &b.deviceTypeShare},
        {&a.timeToFifthPerStore, &b.timeToFifthPerStore}, {&a.timeToFifthPerCustomer, &b.timeToFifthPerCustomer}};
    for (const auto &pair : tables) {
        QCOMPARE(pair.first->rows.size(), pair.second->rows.size());
        QCOMPARE(pair.first->notes, pair.second->notes);
        for (int r = 0; r < pair.first->rows.size(); ++r) {
            for (int c = 0; c < pair.first->columns.size(); ++c) {
                const QVariant x = pair.first->rows[r].value(c), y = pair.second->rows[r].value(c);
                const bool same = x.typeId() == QMetaType::Double || y.typeId() == QMetaType::Double
                    ? near(x.toDouble(), y.toDouble()) : x == y;
                QVERIFY2(same, qPrintable(QStringLiteral("%1 row %2 %3: %4 vs %5").arg(pair.first->id).arg(r)
                                              .arg(pair.first->columns[c].key, x.toString(), y.toString())));
            }
        }
    }
    QCOMPARE(a.coverage.transactions, b.coverage.transactions);
    QVERIFY(near(a.coverage.totalAmount, b.coverage.totalAmount));
    QCOMPARE(a.coverage.withoutDevice, b.coverage.withoutDevice);
    QCOMPARE(a.coverage.withoutStore, b.coverage.withoutStore);
    QCOMPARE(a.coverage.lossySku, b.coverage.lossySku);
    QCOMPARE(a.coverage.storesWithTransactions, b.coverage.storesWithTransactions);
    QCOMPARE(a.coverage.storesTotal, b.coverage.storesTotal);
    QCOMPARE(a.timeToFifth.storesWithAny, b.timeToFifth.storesWithAny);
    QCOMPARE(a.timeToFifth.fifthBeforeStoreCreated, b.timeToFifth.fifthBeforeStoreCreated);
}

inline void checkSnapshot(const MetricsSnapshot &s, const QString &dir);

/** The metrics of @p warehouse for the filter named by @p dir (a folder of expected/) against its answers. */
inline void checkCombination(Warehouse &warehouse, const QString &dir)
{
    const MetricFilter filter = filterFromName(QFileInfo(dir).fileName());
    MetricsSnapshot byBackend[2];
    int i = 0;
    for (const auto backend : {MetricsEngine::Backend::Columnar, MetricsEngine::Backend::Sql}) {
        MetricsEngine engine(warehouse.database(), QStringLiteral(":/sql"), backend);
        Error error;
        QVERIFY2(engine.compute(filter, &byBackend[i], &error), qPrintable(error.toString()));
        checkSnapshot(byBackend[i++], dir);
        if (QTest::currentTestFailed())
            return;
    }
    compareSnapshots(byBackend[0], byBackend[1]);
}

inline void checkSnapshot(const MetricsSnapshot &s, const QString &dir)
{
    auto file = [&](const char *name) { return readExpected(QDir(dir).filePath(QString::fromLatin1(name))); };

    compareTable(s.topStores, file("top_stores.csv"), "store_id", "store_id", {"total_amount", "transactions"},
                 {"total_amount", "transactions"});
    compareTable(s.topProducts, file("top_products.csv"), "sku", "product_sku", {"transactions", "total_amount"},
                 {"transactions", "total_amount"});
    compareTable(s.avgByTypologyCountry, file("avg_amount_by_typology_country.csv"), "country", "country",
                 {"transactions", "avg_amount", "total_amount"}, {"transactions", "avg_amount", "total_amount"});
    compareTable(s.avgByTypologyCountry, file("avg_store_total_by_typology_country.csv"), "typology", "typology",
                 {"stores", "avg_store_total", "stores_in_group"}, {"stores", "avg_store_total", "stores_in_group"});
    compareTable(s.deviceTypeShare, file("device_type_share.csv"), "device_type", "device_type",
                 {"transactions", "pct"}, {"transactions", "pct"});
    compareTable(s.timeToFifthPerStore, file("time_to_5.csv"), "store_id", "store_id",
                 {"seconds_1st_to_5th", "seconds_store_created_to_5th"}, {"seconds", "seconds_from_store_created"});

    const auto summary = file("time_to_5_summary.csv").value(0);
    QCOMPARE(s.timeToFifth.storesWith5, summary.value("stores_with_5").toLongLong());
    QCOMPARE(s.timeToFifth.storesWithAny, summary.value("stores_with_any").toLongLong());
    QCOMPARE(s.timeToFifth.storesTotal, summary.value("stores_total").toLongLong());
    QVERIFY(near(s.timeToFifth.avgSeconds.value_or(0), summary.value("avg_seconds").toDouble()));
    QVERIFY(near(s.timeToFifth.avgDays().value_or(0), summary.value("avg_days").toDouble()));
    QVERIFY(near(s.timeToFifth.avgSecondsFromStoreCreated.value_or(0),
                 summary.value("avg_seconds_from_store_created").toDouble()));
}

} // namespace cpm::test
