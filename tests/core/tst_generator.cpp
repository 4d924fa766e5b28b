// SPDX-License-Identifier: GPL-3.0-or-later
#include "generate/ExtractGenerator.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cpm;

namespace {

/** A generated file split by hand (CRLF lines, RFC 4180 quotes): independent of src/csv. */
struct Table
{
    QByteArray raw;
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows;
};

QList<QByteArray> splitFields(const QByteArray &line)
{
    QList<QByteArray> fields(1);
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quoted && c == '"' && i + 1 < line.size() && line.at(i + 1) == '"') {
            fields.last() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.append(QByteArray());
        } else {
            fields.last() += c;
        }
    }
    return fields;
}

Table readTable(const QString &path)
{
    Table table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return table;
    table.raw = file.readAll();
    QByteArray text = table.raw.startsWith("\xEF\xBB\xBF") ? table.raw.mid(3) : table.raw;
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines) {
        line.chop(line.endsWith('\r') ? 1 : 0);
        if (table.header.isEmpty())
            table.header = splitFields(line);
        else
            table.rows.append(splitFields(line));
    }
    return table;
}

/** "MM/DD/YYYY H:MM:SS" as UTC seconds; -1 when it does not match the format. */
qint64 parseTimestamp(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split(' ');
    if (parts.size() != 2 || parts[0].size() != 10)
        return -1;
    const QDate date = QDate::fromString(QString::fromLatin1(parts[0]), QStringLiteral("MM/dd/yyyy"));
    const QTime time = QTime::fromString(QString::fromLatin1(parts[1]), QStringLiteral("H:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return -1;
    return QDateTime(date, time, Qt::UTC).toSecsSinceEpoch();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QStringList fileNames = {QStringLiteral("stores.csv"), QStringLiteral("devices.csv"),
                               QStringLiteral("transactions.csv")};

} // namespace

class TestGenerator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;        // 5000 transactions, 60 stores, 100 devices, card data
    Table m_stores, m_devices, m_transactions;

    QString generate(const QString &name, const GeneratorOptions &options)
    {
        const QString dir = m_tmp.filePath(name);
        ExtractGenerator generator;
        if (!generator.write(dir, options))
            qWarning("%s", qPrintable(generator.error().toString()));
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        GeneratorOptions options;
        options.transactions = 5000;
        options.stores = 60;
        options.devices = 100;
        m_dir = generate(QStringLiteral("main"), options);
        m_stores = readTable(m_dir + QStringLiteral("/stores.csv"));
        m_devices = readTable(m_dir + QStringLiteral("/devices.csv"));
        m_transactions = readTable(m_dir + QStringLiteral("/transactions.csv"));
    }

    void sameSeedSameBytes()
    {
        GeneratorOptions options;
        options.transactions = 3000;
        const QString a = generate(QStringLiteral("a"), options);
        const QString b = generate(QStringLiteral("b"), options);
        options.seed += 1;
        const QString c = generate(QStringLiteral("c"), options);
        for (const QString &name : fileNames) {
            const QByteArray first = readAll(a + QLatin1Char('/') + name);
            QVERIFY(!first.isEmpty());
            QCOMPARE(readAll(b + QLatin1Char('/') + name), first);
            QVERIFY2(readAll(c + QLatin1Char('/') + name) != first, qPrintable(name));
        }
    }

    void rowCountsAndHeaders()
    {
        QCOMPARE(m_stores.rows.size(), 60);
        QCOMPARE(m_devices.rows.size(), 100);
        QCOMPARE(m_transactions.rows.size(), 5000);
        QCOMPARE(m_stores.header.join(','), QByteArray("id,name,address,city,country,created_at,typology,customer_id"));
        QCOMPARE(m_devices.header.join(','), QByteArray("id,type,store_id"));
        QCOMPARE(m_transactions.header.join(','),
                 QByteArray("id,device_id,product_name,product_sku,category_name,amount,status,card_number,cvv,created_at,happened_at"));
        for (const Table *table : {&m_stores, &m_devices, &m_transactions}) {
            for (const auto &row : table->rows)
                QCOMPARE(row.size(), table->header.size());
        }
    }

    void bomCrlfAndQuoting()
    {
        for (const Table *table : {&m_stores, &m_devices, &m_transactions}) {
            QVERIFY(table->raw.startsWith("\xEF\xBB\xBF"));
            QVERIFY(table->raw.endsWith("\r\n"));
            QCOMPARE(table->raw.count('\n'), table->raw.count("\r\n"));
        }
        QVERIFY(m_stores.raw.contains(",\""));         // an address or name with a comma
        QVERIFY(m_transactions.raw.contains(",\""));   // a product or category with a comma
    }

    void referencesResolve()
    {
        QSet<QByteArray> storeIds, deviceIds, storesWithDevices;
        for (const auto &row : m_stores.rows)
            storeIds.insert(row[0]);
        for (const auto &row : m_devices.rows) {
            deviceIds.insert(row[0]);
            QVERIFY2(storeIds.contains(row[2]), row[2].constData());
            storesWithDevices.insert(row[2]);
            const int type = row[1].toInt();
            QVERIFY(type >= 1 && type <= 5);
        }
        QVERIFY(storesWithDevices.size() < storeIds.size());   // a few stores have no device
        for (const auto &row : m_transactions.rows)
            QVERIFY2(deviceIds.contains(row[1]), row[1].constData());
    }

    void timestampsAreOrdered()
    {
        QHash<QByteArray, qint64> storeCreated;
        for (const auto &row : m_stores.rows) {
            storeCreated.insert(row[0], parseTimestamp(row[5]));
            QVERIFY2(storeCreated.value(row[0]) > 0, row[5].constData());
        }
        QHash<QByteArray, QByteArray> deviceStore;
        for (const auto &row : m_devices.rows)
            deviceStore.insert(row[0], row[2]);
        for (const auto &row : m_transactions.rows) {
            const qint64 created = parseTimestamp(row[9]);
            const qint64 happened = parseTimestamp(row[10]);
            QVERIFY2(created > 0 && happened > 0, row[0].constData());
            QVERIFY2(happened <= created, row[0].constData());
            QVERIFY2(created - happened <= 3600, row[0].constData());
            QVERIFY2(happened > storeCreated.value(deviceStore.value(row[1])), row[0].constData());
        }
    }

    void valuesLookReal()
    {
        int prefixed = 0;
        QSet<QByteArray> statuses;
        for (const auto &row : m_transactions.rows) {
            const QByteArray sku = row[3].startsWith('v') ? row[3].mid(1) : row[3];
            prefixed += row[3].startsWith('v') ? 1 : 0;
            QCOMPARE(sku.size(), 13);
            QVERIFY(row[5].toInt() >= 1);
            statuses.insert(row[6]);
            QVERIFY(row[7].size() >= 15);
            QCOMPARE(row[8].size(), 3);
        }
        QVERIFY(prefixed > 0 && prefixed < m_transactions.rows.size() / 5);
        QCOMPARE(statuses, (QSet<QByteArray>{"accepted", "refused", "cancelled"}));
    }

    void topProductsHaveNoTies_data()
    {
        QTest::addColumn<bool>("acceptedOnly");
        QTest::newRow("all statuses") << false;
        QTest::newRow("accepted") << true;
    }

    void topProductsHaveNoTies()
    {
        QFETCH(bool, acceptedOnly);
        QHash<QByteArray, int> counts;
        for (const auto &row : m_transactions.rows) {
            if (!acceptedOnly || row[6] == "accepted")
                ++counts[row[3].startsWith('v') ? row[3].mid(1) : row[3]];
        }
        QList<int> sorted = counts.values();
        std::sort(sorted.begin(), sorted.end(), std::greater<int>());
        QVERIFY(sorted.size() > 11);
        for (int i = 0; i < 11; ++i)
            QVERIFY2(sorted[i] > sorted[i + 1], qPrintable(QString::number(i)));
        QVERIFY(sorted[0] > 3 * sorted[10]);   // skewed: the top seller dominates
    }

    void wideProfileIsHighCardinality()
    {
        GeneratorOptions options;
        options.transactions = 20000;
        options.profile = GeneratorProfile::Wide;
        const Table tx = readTable(generate(QStringLiteral("wide"), options) + QStringLiteral("/transactions.csv"));
        QCOMPARE(tx.rows.size(), 20000);
        const auto column = [&](const char *name) { return tx.header.indexOf(QByteArray(name)); };
        QSet<QByteArray> names, skus;
        int quoted = 0, withComma = 0, dashed = 0, spaced = 0;
        for (const QList<QByteArray> &row : tx.rows) {
            const QByteArray &name = row[column("product_name")];
            QByteArray sku = row[column("product_sku")];
            names.insert(name);
            skus.insert(sku.startsWith('v') ? sku.mid(1) : sku);
            quoted += name.contains('"');
            withComma += name.contains(',');
            dashed += row[column("card_number")].contains('-');
            spaced += row[column("card_number")].contains(' ');
            QCOMPARE(sku.size(), sku.startsWith('v') ? 14 : 13);
        }
        // One product per 20 transactions, every one sold (Zipf totals give each at least one).
        QCOMPARE(names.size(), 1000);
        QCOMPARE(skus.size(), 1000);
        QVERIFY2(quoted > 1000 && withComma > 1000, qPrintable(QStringLiteral("%1 %2").arg(quoted).arg(withComma)));
        QVERIFY(dashed > 2000 && spaced > 2000);
    }

    void withoutCardData()
    {
        GeneratorOptions options;
        options.transactions = 500;
        options.cardData = false;
        const Table table = readTable(generate(QStringLiteral("nocard"), options) + QStringLiteral("/transactions.csv"));
        QCOMPARE(table.header.join(','),
                 QByteArray("id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at"));
        QCOMPARE(table.rows.size(), 500);
        QVERIFY(!table.header.contains("cvv"));
        for (const auto &row : table.rows)
            QCOMPARE(row.size(), 9);
    }

    void laterExtractContinuesTheIds()
    {
        GeneratorOptions options;
        options.transactions = 300;
        options.stores = 60;
        options.devices = 100;
        options.firstId = 5001;
        const Table table = readTable(generate(QStringLiteral("later"), options) + QStringLiteral("/transactions.csv"));
        QCOMPARE(table.rows.size(), 300);
        QCOMPARE(table.rows.first().first(), QByteArray("5001"));
        QCOMPARE(table.rows.last().first(), QByteArray("5300"));
        for (const auto &row : table.rows)
            QVERIFY(row[1].toInt() >= 1 && row[1].toInt() <= 100); // the same devices as the first extract
    }

    void progressAndCancel()
    {
        GeneratorOptions options;
        options.transactions = 200000;
        qint64 calls = 0, last = 0, total = 0;
        ExtractGenerator generator;
        const QString dir = m_tmp.filePath(QStringLiteral("progress"));
        QVERIFY(generator.write(dir, options, [&](qint64 done, qint64 all) {
            ++calls;
            last = done;
            total = all;
            return true;
        }));
        QVERIFY(calls >= 3);
        QCOMPARE(last, total);

        const QString cancelled = m_tmp.filePath(QStringLiteral("cancelled"));
        QVERIFY(!generator.write(cancelled, options, [](qint64 done, qint64) { return done < 100000; }));
        QCOMPARE(generator.error().code, Error::Code::Cancelled);
        for (const QString &name : fileNames)
            QVERIFY2(!QFile::exists(cancelled + QLatin1Char('/') + name), qPrintable(name));
    }

    void reportsErrors()
    {
        const QString blocker = m_tmp.filePath(QStringLiteral("a-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ExtractGenerator generator;
        QVERIFY(!generator.write(blocker + QStringLiteral("/out"), GeneratorOptions()));
        QCOMPARE(generator.error().code, Error::Code::FileOpen);
        QVERIFY(!generator.error().file.isEmpty());

        GeneratorOptions negative;
        negative.transactions = -1;
        QVERIFY(!generator.write(m_tmp.filePath(QStringLiteral("neg")), negative));
        QCOMPARE(generator.error().code, Error::Code::Usage);
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
