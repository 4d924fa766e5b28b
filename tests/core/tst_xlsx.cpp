// SPDX-License-Identifier: GPL-3.0-or-later
// Opens the workbooks XlsxWriter wrote (unzip -p) and checks sheet names and typed cells.
#include "report/CsvExport.h"
#include "report/XlsxWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cpm;

namespace {

MetricTable storesTable()
{
    MetricTable t;
    t.id = QStringLiteral("top_stores");
    t.title = QStringLiteral("Top 10 stores by transacted amount");
    t.columns = {{QStringLiteral("rank"), QStringLiteral("Rank"), ValueKind::Rank},
                 {QStringLiteral("store_name"), QStringLiteral("Store"), ValueKind::Text},
                 {QStringLiteral("total_amount"), QStringLiteral("Total amount"), ValueKind::Amount},
                 {QStringLiteral("share"), QStringLiteral("Share"), ValueKind::Percent},
                 {QStringLiteral("first_at"), QStringLiteral("First transaction"), ValueKind::Timestamp}};
    // 2022-01-02T03:04:05 naive = 1641092645 s; Excel serial 44563.12783...
    t.rows = {{1, QStringLiteral("Café Nord, \"Main\""), 500, 62.5, qint64(1641092645)},
              {2, QStringLiteral("=cmd"), 300.25, 37.5, QVariant()}};
    t.notes = {QStringLiteral("ties at the cut are all shown")};
    return t;
}

MetricTable productsTable()
{
    MetricTable t;
    t.id = QStringLiteral("top_products");
    t.title = QStringLiteral("Top 10 products sold");
    t.columns = {{QStringLiteral("sku"), QStringLiteral("SKU"), ValueKind::Text},
                 {QStringLiteral("units"), QStringLiteral("Units"), ValueKind::Integer}};
    t.rows = {{QStringLiteral("3770012345678"), 42}};
    return t;
}

} // namespace

class TestXlsx : public QObject
{
    Q_OBJECT

private:
    QString unzip(const QString &archive, const QString &member)
    {
        QProcess p;
        p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), archive, member});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return QString();
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
            QSKIP("unzip is not installed (packaging/install-deps.sh installs it)");
    }

    void workbookHasSheetsAndTypedCells()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.xlsx"));
        const MetricTable stores = storesTable();
        const MetricTable products = productsTable();
        ReportInfo info;
        info.generated = QDateTime(QDate(2026, 11, 26), QTime(9, 30));
        info.files = {{QStringLiteral("/data/transactions.csv"), QStringLiteral("transactions"),
                       QStringLiteral("ab12"), 1000, 3, QDateTime()}};
        info.definitions = {{stores.title, QStringLiteral("Sum of amounts per store.")}};
        const Error error = XlsxWriter::write(path, {&stores, &products}, info);
        QVERIFY2(!error, qPrintable(error.toString()));

        const QString workbook = unzip(path, QStringLiteral("xl/workbook.xml"));
        QVERIFY(workbook.contains(QStringLiteral("name=\"top_stores\"")));
        QVERIFY(workbook.contains(QStringLiteral("name=\"top_products\"")));
        QVERIFY(workbook.contains(QStringLiteral("name=\"About\"")));
        QVERIFY(workbook.indexOf(QStringLiteral("top_stores")) < workbook.indexOf(QStringLiteral("About")));

        const QString sheet1 = unzip(path, QStringLiteral("xl/worksheets/sheet1.xml"));
        QVERIFY(sheet1.contains(QStringLiteral("<v>500</v>")));           // a number, not text
        QVERIFY(sheet1.contains(QStringLiteral("<v>300.25</v>")));
        QVERIFY(sheet1.contains(QStringLiteral("<v>62.5</v>")));
        QVERIFY(sheet1.contains(QStringLiteral("<v>44563.12783")));       // an Excel datetime
        QVERIFY(sheet1.contains(QStringLiteral("<pane ySplit=\"1\"")));   // frozen header row
        QVERIFY(sheet1.contains(QStringLiteral("<autoFilter ref=\"A1:E3\"")));
        QVERIFY(sheet1.contains(QStringLiteral("<cols>")));
        QVERIFY(sheet1.contains(QStringLiteral("t=\"s\"")));              // text goes to shared strings
        QVERIFY(!sheet1.contains(QStringLiteral("<c r=\"E3\"")));         // null stays an empty cell

        const QString strings = unzip(path, QStringLiteral("xl/sharedStrings.xml"));
        QVERIFY(strings.contains(QStringLiteral("Café Nord, &quot;Main&quot;"))
                || strings.contains(QStringLiteral("Café Nord, \"Main\"")));
        QVERIFY(strings.contains(QStringLiteral("=cmd")));  // a string cell never runs as a formula
        QVERIFY(strings.contains(QStringLiteral("Total amount")));
        QVERIFY(strings.contains(QStringLiteral("transactions.csv · 1,000 rows · 3 rejected · sha256 ab12"))
                || strings.contains(QStringLiteral("transactions.csv")));
        QVERIFY(strings.contains(QStringLiteral("Sum of amounts per store.")));
        QVERIFY(strings.contains(QStringLiteral("2026-11-26 09:30")));

        const QString sheet2 = unzip(path, QStringLiteral("xl/worksheets/sheet2.xml"));
        QVERIFY(sheet2.contains(QStringLiteral("<v>42</v>")));
        QVERIFY(strings.contains(QStringLiteral("3770012345678")));  // SKU stays text
        const QString styles = unzip(path, QStringLiteral("xl/styles.xml"));
        QVERIFY(styles.contains(QStringLiteral("formatCode=\"#,##0.00\"")));
        QVERIFY(styles.contains(QStringLiteral("<b/>")));
    }

    /** Metric 3's few_transactions flag is an Excel boolean (t="b"), not 1/0 or text. */
    void flagsAreBooleans()
    {
        MetricTable t;
        t.id = QStringLiteral("avg_amount_by_typology_country");
        t.columns = {{QStringLiteral("transactions"), QStringLiteral("Transactions"), ValueKind::Integer},
                     {QStringLiteral("few_transactions"), QStringLiteral("Fewer than 5"), ValueKind::Flag}};
        t.rows = {{32, false}, {2, true}};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("flags.xlsx"));
        QVERIFY(!XlsxWriter::writeTable(path, t));
        const QString sheet = unzip(path, QStringLiteral("xl/worksheets/sheet1.xml"));
        QVERIFY2(sheet.contains(QRegularExpression(QStringLiteral("<c r=\"B2\"[^>]*t=\"b\"[^>]*><v>0</v>"))), qPrintable(sheet));
        QVERIFY(sheet.contains(QRegularExpression(QStringLiteral("<c r=\"B3\"[^>]*t=\"b\"[^>]*><v>1</v>"))));
    }

    void failureLeavesOldFileAndNamesPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/report.xlsx"));
        const MetricTable stores = storesTable();
        const Error error = XlsxWriter::writeTable(path, stores);
        QVERIFY(error.isError());
        QCOMPARE(error.file, path);
        QVERIFY(!QFile::exists(path));

        // Overwriting: the new workbook replaces the old one and no temporary file is left.
        const QString good = dir.filePath(QStringLiteral("t.xlsx"));
        QVERIFY(!XlsxWriter::writeTable(good, stores));
        QVERIFY(!XlsxWriter::writeTable(good, productsTable()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("t.xlsx")});
        QVERIFY(unzip(good, QStringLiteral("xl/workbook.xml")).contains(QStringLiteral("name=\"top_products\"")));
        QVERIFY(QFileInfo(good).permissions() & QFile::ReadOther);
    }

    void sheetNamesAreValid()
    {
        QCOMPARE(XlsxWriter::sheetName(QStringLiteral("a[b]:c*d?e/f\\g"), {}), QStringLiteral("a_b__c_d_e_f_g"));
        const QString longName = QStringLiteral("avg_amount_by_typology_and_country_x");
        QCOMPARE(XlsxWriter::sheetName(longName, {}).size(), 31);
        const QString first = XlsxWriter::sheetName(longName, {});
        const QString second = XlsxWriter::sheetName(longName, {first});
        QCOMPARE(second.size(), 31);
        QVERIFY(second.endsWith(QStringLiteral("~2")));
        QCOMPARE(XlsxWriter::sheetName(QStringLiteral("'quoted'"), {}), QStringLiteral("quoted"));
        QCOMPARE(XlsxWriter::sheetName(QStringLiteral("about"), {QStringLiteral("About")}), QStringLiteral("about~2"));
        QCOMPARE(XlsxWriter::sheetName(QString(), {}), QStringLiteral("Sheet"));
    }

    void csvFileIsAtomicAndExact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        const MetricTable stores = storesTable();
        QVERIFY(!writeCsvFile(path, stores));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), toCsv(stores).toUtf8());
        QVERIFY(toTsv(stores).startsWith(QStringLiteral("Rank\tStore\tTotal amount\tShare\tFirst transaction\r\n")));
        const Error error = writeCsvFile(dir.filePath(QStringLiteral("no/such/dir/t.csv")), stores);
        QVERIFY(error.isError());
        QVERIFY(error.file.endsWith(QStringLiteral("no/such/dir/t.csv")));
    }

    void defaultFileNames()
    {
        MetricFilter filter;
        QCOMPARE(defaultExportFileName(QStringLiteral("top_stores"), filter, QStringLiteral("csv"), QDate(2026, 11, 26)),
                 QStringLiteral("cpm-top_stores-accepted-happened_at-2026-11-26.csv"));
        filter.statuses = {QStringLiteral("accepted"), QStringLiteral("refused")};
        filter.timeColumn = TimeColumn::CreatedAt;
        filter.from = QDate(2022, 1, 1);
        QCOMPARE(defaultExportFileName(QStringLiteral("report"), filter, QStringLiteral("pdf"), QDate(2026, 11, 26)),
                 QStringLiteral("cpm-report-accepted+refused-created_at-2022-01-01_to_end-2026-11-26.pdf"));
    }
};

QTEST_GUILESS_MAIN(TestXlsx)
#include "tst_xlsx.moc"
