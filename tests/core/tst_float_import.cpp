// SPDX-License-Identifier: GPL-3.0-or-later
// Importing numbers as pandas, Excel and European locales write them: the hand-made fixtures
// basic-pandas and basic-european (answers worked by hand in their READMEs), the reasons of
// the rows still rejected, card numbers written as floats (never on disk in full), the
// decimal-mark question and the re-read when a late value contradicts a guessed mark.
#include "../common/TestSupport.h"

#include "metrics/MetricsEngine.h"

#include <QDirIterator>

using namespace cpm;

namespace {

const QByteArray kTxHeader = "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n";
const QByteArray kWhen = "01/10/2022 1:00:00,01/10/2022 1:00:00";

const ImportNote *note(const FileImportSummary &file, const QString &kind, const QString &column = QString())
{
    for (const ImportNote &n : file.notes) {
        if (n.kind == kind && (column.isEmpty() || n.message.startsWith(column + QLatin1Char(':'))))
            return &n;
    }
    return nullptr;
}

QVariant at(const MetricTable &table, int row, const char *key)
{
    return table.value(row, QString::fromLatin1(key));
}

/** A transactions-only import of @p body (after the header) with @p options' decimal choices. */
ImportSummary importTransactions(test::TempWarehouse &w, const QByteArray &body, ImportOptions options = {})
{
    const QString path = w.dir.filePath(QStringLiteral("t.csv"));
    test::writeFile(path, kTxHeader + body);
    options.files = {{path, FileRole::Transactions}};
    return w.import(options);
}

} // namespace

class TestFloatImport : public QObject
{
    Q_OBJECT

private:
    /** The answers of tests/fixtures/basic, worked by hand in the variants' READMEs. */
    static void checkBasicAnswers(test::TempWarehouse &w)
    {
        MetricsEngine engine(w.warehouse.database());
        MetricFilter filter; // accepted, by happened_at
        MetricsSnapshot s;
        Error error;
        QVERIFY2(engine.compute(filter, &s, &error), qPrintable(error.toString()));
        const QList<int> stores{2, 1, 3, 4};
        const QList<double> storeTotals{500, 290, 280, 50};
        QCOMPARE(s.topStores.rows.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(at(s.topStores, i, "store_id").toInt(), stores[i]);
            QCOMPARE(at(s.topStores, i, "total_amount").toDouble(), storeTotals[i]);
        }
        const QStringList skus{"444", "111", "222", "333", "555"};
        const QList<int> counts{6, 4, 2, 2, 1};
        const QList<double> totals{130, 390, 90, 510, 1000};
        QCOMPARE(s.topProducts.rows.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(at(s.topProducts, i, "product_sku").toString(), skus[i]);
            QCOMPARE(at(s.topProducts, i, "transactions").toInt(), counts[i]);
            QCOMPARE(at(s.topProducts, i, "total_amount").toDouble(), totals[i]);
        }
        QCOMPARE(at(s.topProducts, 1, "product_name").toString(), QStringLiteral("Apple"));
        QCOMPARE(at(s.deviceTypeShare, 0, "device_type").toString(), QStringLiteral("1"));
        QVERIFY(qAbs(at(s.deviceTypeShare, 0, "pct").toDouble() - 60.0) < 1e-9);
        QVERIFY(qAbs(at(s.avgByTypologyCountry, 0, "avg_amount").toDouble() - 330.0 / 7) < 1e-9);
        QVERIFY(qAbs(at(s.avgByTypologyCountry, 1, "avg_amount").toDouble() - 790.0 / 7) < 1e-9);
        QCOMPARE(s.timeToFifth.storesWith5, 2);
        QCOMPARE(s.timeToFifth.avgSeconds.value_or(0), 172800.0); // (259,200 + 86,400) / 2
    }

private slots:
    void pandasFixture()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary s = w.import(test::extractOptions(test::fixture(QStringLiteral("basic-pandas"))));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        const FileImportSummary &stores = s.files[0], &devices = s.files[1], &tx = s.files[2];
        QCOMPARE(tx.rowsRead, 18);
        QCOMPARE(tx.rowsLoaded, 17);
        QCOMPARE(tx.rowsRejected, 1);
        QCOMPARE(tx.rejectSamples[0].line, 19);
        QCOMPARE(tx.rejectSamples[0].column, 1);
        QCOMPARE(tx.rejectSamples[0].value, QStringLiteral("18.5"));
        QVERIFY2(tx.rejectSamples[0].reason.startsWith(QStringLiteral("not a whole number")),
                 qPrintable(tx.rejectSamples[0].reason));
        const QVector<QPair<const FileImportSummary *, QPair<QString, qint64>>> floats{
            {&stores, {"id", 4}}, {&stores, {"customer_id", 4}}, {&devices, {"id", 5}}, {&devices, {"type", 5}},
            {&devices, {"store_id", 5}}, {&tx, {"id", 9}}, {&tx, {"device_id", 17}}};
        for (const auto &[file, expected] : floats) {
            const ImportNote *n = note(*file, QStringLiteral("float_integer"), expected.first);
            QVERIFY2(n, qPrintable(expected.first));
            QCOMPARE(n->rows, expected.second);
        }
        QCOMPARE(note(tx, QStringLiteral("float_sku"))->rows, 16);
        QCOMPARE(note(tx, QStringLiteral("float_card"))->rows, 1);
        QCOMPARE(note(tx, QStringLiteral("lossy_card"))->rows, 1);
        QCOMPARE(note(tx, QStringLiteral("scientific_amount"))->rows, 1);
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select customer_id from raw_stores where id = 3")).toString(),
                 QStringLiteral("200"));
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select group_concat(coalesce(card_last4, ''), '|') from "
                                                   "(select card_last4 from raw_transactions where id <= 4 order by id)"))
                     .toString(),
                 QStringLiteral("7812|7813||9876"));
        checkBasicAnswers(w);
    }

    void europeanFixture()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const ImportSummary s = w.import(test::extractOptions(test::fixture(QStringLiteral("basic-european"))));
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        const FileImportSummary &tx = s.files[2];
        QCOMPARE(tx.dialect.delimiter, ';');
        QCOMPARE(tx.rowsLoaded, 17);
        QCOMPARE(tx.rowsRejected, 0);
        QCOMPARE(tx.amountFormat.mark, DecimalMark::Comma);
        QVERIFY(note(tx, QStringLiteral("decimal_comma")));
        QCOMPARE(tx.timestampFormats.value(QStringLiteral("happened_at")).order, DateOrder::DayFirst);
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select amount from raw_transactions where id = 17")).toDouble(), 1000.0);
        // The stores' dotted dates fit both orders; dots are read day first (noted as assumed):
        // store 3's 02.01.2022 is 2 January, as basic/'s month-first 01/02/2022 (1641081600 s).
        const TimestampFormatGuess stores = s.files[0].timestampFormats.value(QStringLiteral("created_at"));
        QCOMPARE(stores.order, DateOrder::DayFirst);
        QVERIFY(stores.ambiguous);
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select created_at from raw_stores where id = 3")).toLongLong(),
                 qint64(1641081600));
        checkBasicAnswers(w);
    }

    void rejectedRowsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");
        QTest::newRow("id with a fraction") << QByteArray("2.5,10,Tea,1,D,5,accepted,") << 1 << "not a whole number";
        QTest::newRow("rounded device") << QByteArray("2,3.77001E+12,Tea,1,D,5,accepted,") << 2 << "rounded by a spreadsheet";
        QTest::newRow("text id") << QByteArray("two,10,Tea,1,D,5,accepted,") << 1 << "not an integer";
        QTest::newRow("point among commas") << QByteArray("2,10,Tea,1,D,\"12.50\",accepted,") << 6
                                            << "written with a decimal point, but this column's amounts use a decimal comma";
    }

    void rejectedRowsSayWhy()
    {
        QFETCH(QByteArray, row);
        QFETCH(int, column);
        QFETCH(QString, reason);
        test::TempWarehouse w;
        QVERIFY(w.open());
        // Row 1 settles the amounts' mark as a comma ("749,50"); row 2 is the case under test.
        const ImportSummary s = importTransactions(w, "1,10,Tea,1,D,\"749,50\",accepted," + kWhen + '\n' + row + kWhen + '\n');
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[0].rowsRejected, 1);
        QCOMPARE(s.files[0].rejectSamples[0].line, 3);
        QCOMPARE(s.files[0].rejectSamples[0].column, column);
        QVERIFY2(s.files[0].rejectSamples[0].reason.startsWith(reason), qPrintable(s.files[0].rejectSamples[0].reason));
    }

    void floatCardNumbersNeverReachTheDisk()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString path = w.dir.filePath(QStringLiteral("in/t.csv"));
        test::writeFile(path, "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at,card_number,cvv\n"
                              "1.0,10.0,Tea,1.0,Drinks,5.0,accepted," + kWhen + ",4929561234567812.0,8642.0\n"
                              "2.0,10.0,Tea,1.0,Drinks,oops,accepted," + kWhen + ",5185123412349876.0,9731.0\n"
                              "3.0,10.0,Tea,1.0,Drinks,5.0,accepted,01/10/2022 1:00:00,4716999988887777.0,6204.0\n"
                              "4.0,10.0,Tea,1.0,Drinks,5.0,accepted," + kWhen + ",2.01433E+14,5317.0\n"
                              "5.5,10.0,Tea,1.0,Drinks,5.0,accepted," + kWhen + ",3714496353984312.0,7093.0\n");
        ImportOptions options;
        options.files = {{path, FileRole::Transactions}};
        options.maxRejectShare = 1.0; // 3 of 5 rows are rejected on purpose: their raw text must be masked too
        const ImportSummary s = w.import(options);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[0].rowsRejected, 3); // a bad amount, a ragged row, an id with a fraction
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select card_last4 from raw_transactions where id = 1")).toString(),
                 QStringLiteral("7812"));
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select coalesce(card_last4, '') from raw_transactions where id = 4")).toString(),
                 QString());
        for (const ImportNote &n : s.files[0].notes)
            QVERIFY2(!n.message.contains(QStringLiteral("4929561234")), qPrintable(n.message));
        w.warehouse.close();
        const QList<QByteArray> secrets = {"4929561234567812", "5185123412349876", "4716999988887777", "3714496353984312",
                                           "492956123456", "518512341234", "471699998888", "371449635398",
                                           "2.01433E+14", "8642", "9731", "6204", "5317", "7093"};
        QDirIterator it(w.dir.path(), {"w.sqlite*"}, QDir::Files);
        int scanned = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++scanned;
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName() + " holds " + secret));
        }
        QVERIFY(scanned >= 1);
    }

    void ambiguousAmountsAreAQuestion()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QByteArray body = "1,10,Tea,1,D,\"1,234\",accepted," + kWhen + "\n2,10,Tea,1,D,5,accepted," + kWhen + '\n';
        const ImportSummary asked = importTransactions(w, body);
        QVERIFY(!asked.succeeded());
        const QString line = asked.error.toString();
        QVERIFY2(line.contains(QStringLiteral("t.csv:2:6 (amount)")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("'1,234'")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("--decimal comma")) && line.contains(QStringLiteral("--decimal point")), qPrintable(line));
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QCOMPARE(w.count(QStringLiteral("import_batches")), 0); // nothing written
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 0);

        ImportOptions comma;
        comma.decimalMark = DecimalMark::Comma;
        QVERIFY(importTransactions(w, body, comma).succeeded());
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select amount from raw_transactions where id = 1")).toDouble(), 1.234);

        ImportOptions point; // the wizard's per-file answer wins over the all-files option
        point.decimalMark = DecimalMark::Comma;
        point.fileDecimalMarks.insert(QStringLiteral("transactions"), DecimalMark::Point);
        QVERIFY(importTransactions(w, body + "3,10,Tea,1,D,1,accepted," + kWhen + '\n', point).succeeded());
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select amount from raw_transactions where id = 1")).toDouble(), 1234.0);
    }

    void aLateValueDecidesAnAmbiguity()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        // "1,234" then, past the inspection's sample, "12.50": a decimal point after all.
        QByteArray body = "1,10,Tea,1,D,\"1,234\",accepted," + kWhen + '\n';
        for (int id = 2; id <= 5200; ++id)
            body += QByteArray::number(id) + ",10,Tea,1,D,1,accepted," + kWhen + '\n';
        body += "5201,10,Tea,1,D,12.50,accepted," + kWhen + '\n';
        const ImportSummary s = importTransactions(w, body);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[0].amountFormat.mark, DecimalMark::Point);
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select sum(amount) from raw_transactions")).toDouble(),
                 1234.0 + 5199.0 + 12.5);
    }

    void aLateValueContradictsAGuess()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        // Plain amounts and "1.500" (a decimal point as far as the sample can tell), then, past
        // the sample, "12,50": the file is read again with a decimal comma, so 1.500 is 1500.
        QByteArray body;
        for (int id = 1; id <= 5200; ++id)
            body += QByteArray::number(id) + ",10,Tea,1,D," + (id == 3 ? "1.500" : "2") + ",accepted," + kWhen + '\n';
        body += "5201,10,Tea,1,D,\"12,50\",accepted," + kWhen + '\n';
        const ImportSummary s = importTransactions(w, body);
        QVERIFY2(s.succeeded(), qPrintable(s.error.toString()));
        QCOMPARE(s.files[0].rowsRejected, 0);
        QCOMPARE(s.files[0].amountFormat.mark, DecimalMark::Comma);
        QVERIFY(note(s.files[0], QStringLiteral("decimal_comma")));
        QCOMPARE(w.warehouse.scalar(QStringLiteral("select sum(amount) from raw_transactions")).toDouble(),
                 5199 * 2.0 + 1500.0 + 12.5);
        QCOMPARE(w.count(QStringLiteral("raw_transactions")), 5201); // read twice, loaded once
    }
};

QTEST_GUILESS_MAIN(TestFloatImport)
#include "tst_float_import.moc"
