// SPDX-License-Identifier: GPL-3.0-or-later
// The real extracts as the workbooks they circulate as: each ../shared/data extract is turned
// into .xlsx at test time with libxlsxwriter (timestamps as date cells with a date-time
// format, numbers as numbers), once as three one-sheet workbooks and once as one workbook
// with three sheets, imported, and held against the shared expected/ answers for every
// filter combination; and `cpm-cli import book.xlsx` as a process. Skips without the data
// (the CLI case on the hand-made `basic` fixture always runs).
#include "../common/ExpectedAnswers.h"
#include "../common/TestSupport.h"

#include <QProcess>
#include <QRegularExpression>

#include <xlsxwriter.h>

using namespace cpm;

namespace {

const char *const kExtracts[] = {"extract-full", "extract-resaved"};
const char *const kFiles[] = {"stores", "devices", "transactions"};

/** Writes one CSV's records into @p sheet: dates as date cells, plain numbers as numbers, the rest as text. */
void writeSheet(lxw_worksheet *sheet, const QVector<QStringList> &records, lxw_format *dateTime)
{
    // Both copies write month-first timestamps, with or without seconds.
    static const QRegularExpression timestamp(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2})(?::(\\d{2}))?$"));
    // Up to 15 significant digits (what a double holds exactly), no leading zeros, no exponent.
    static const QRegularExpression number(QStringLiteral("^-?(0|[1-9]\\d{0,14})(\\.\\d+)?$"));
    for (int r = 0; r < records.size(); ++r) {
        for (int c = 0; c < records[r].size(); ++c) {
            const QString &value = records[r][c];
            const auto row = lxw_row_t(r);
            const auto col = lxw_col_t(c);
            const QRegularExpressionMatch date = timestamp.match(value);
            if (value.isEmpty()) {
                continue; // a missing cell, as a spreadsheet leaves it
            } else if (r > 0 && date.hasMatch()) {
                lxw_datetime when = {date.captured(3).toInt(), date.captured(1).toInt(), date.captured(2).toInt(),
                                     date.captured(4).toInt(), date.captured(5).toInt(), date.captured(6).toDouble()};
                worksheet_write_datetime(sheet, row, col, &when, dateTime);
            } else if (r > 0 && number.match(value).hasMatch()) {
                worksheet_write_number(sheet, row, col, value.toDouble(), nullptr);
            } else {
                worksheet_write_string(sheet, row, col, value.toUtf8().constData(), nullptr);
            }
        }
    }
}

/** The extracts in @p from as workbook @p path with one sheet per name in @p sheets (paired with @p files). */
bool writeWorkbook(const QString &path, const QString &from, const QStringList &files, const QStringList &sheets)
{
    lxw_workbook *book = workbook_new(QFile::encodeName(path).constData());
    if (!book)
        return false;
    lxw_format *dateTime = workbook_add_format(book);
    format_set_num_format(dateTime, "m/d/yyyy h:mm:ss");
    for (int i = 0; i < files.size(); ++i) {
        lxw_worksheet *sheet = workbook_add_worksheet(book, sheets[i].toUtf8().constData());
        writeSheet(sheet, test::readRecords(QDir(from).filePath(files[i] + QStringLiteral(".csv"))), dateTime);
    }
    return workbook_close(book) == LXW_NO_ERROR;
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("CPM_CLI"), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestXlsxImportExtracts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** The workbooks of @p extract in @p layout ("split": three files, "book": one with three sheets). */
    QStringList workbooks(const QString &extract, const QString &layout) const
    {
        const QString dir = m_dir.filePath(extract);
        if (layout == QLatin1String("book"))
            return {QDir(dir).filePath(QStringLiteral("book.xlsx"))};
        QStringList paths;
        for (const char *file : kFiles)
            paths << QDir(dir).filePath(QString::fromLatin1(file) + QStringLiteral(".xlsx"));
        return paths;
    }

private slots:
    void initTestCase()
    {
        const QString shared = test::sharedData();
        for (const char *extract : kExtracts) {
            if (shared.isEmpty())
                break;
            const QString from = QDir(shared).filePath(QString::fromLatin1(extract));
            const QString to = m_dir.filePath(QString::fromLatin1(extract));
            QVERIFY(QDir().mkpath(to));
            for (const char *file : kFiles) {
                const QString name = QString::fromLatin1(file);
                QVERIFY(writeWorkbook(QDir(to).filePath(name + QStringLiteral(".xlsx")), from, {name}, {name}));
            }
            // Sheet names that say nothing, in another order: each sheet is known by its header.
            QVERIFY(writeWorkbook(QDir(to).filePath(QStringLiteral("book.xlsx")), from,
                                  {QStringLiteral("transactions"), QStringLiteral("stores"), QStringLiteral("devices")},
                                  {QStringLiteral("Sheet1"), QStringLiteral("Sheet2"), QStringLiteral("Sheet3")}));
        }
    }

    void extracts_data()
    {
        QTest::addColumn<QString>("extract");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("combination");
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            return;
        for (const char *extract : kExtracts) {
            QDir expected(QDir(shared).filePath(QString::fromLatin1(extract) + QStringLiteral("/expected")));
            for (const QString &combination : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                for (const char *layout : {"split", "book"}) {
                    const QString tag = QStringLiteral("%1/%2/%3").arg(QString::fromLatin1(extract), QString::fromLatin1(layout), combination);
                    QTest::newRow(qPrintable(tag)) << QString::fromLatin1(extract) << QString::fromLatin1(layout) << combination;
                }
            }
        }
    }

    void extracts()
    {
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: the workbook comparison is skipped");
        QFETCH(QString, extract);
        QFETCH(QString, layout);
        QFETCH(QString, combination);
        test::TempWarehouse w;
        QVERIFY(w.open());
        ImportOptions options;
        for (const QString &path : workbooks(extract, layout))
            options.files << ImportSource(path);
        const ImportSummary summary = w.import(options);
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        QCOMPARE(summary.files.size(), 3);
        const QStringList sheets = layout == QLatin1String("book")
            ? QStringList{QStringLiteral("Sheet2"), QStringLiteral("Sheet3"), QStringLiteral("Sheet1")}
            : QStringList{QStringLiteral("stores"), QStringLiteral("devices"), QStringLiteral("transactions")};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(summary.files[i].role, FileRole(i));
            QCOMPARE(summary.files[i].dialect.sheet, sheets[i]);
            QCOMPARE(summary.files[i].rowsRejected, 0);
        }
        QCOMPARE(summary.files[0].rowsLoaded, 100);
        QCOMPARE(summary.files[1].rowsLoaded, 200);
        QCOMPARE(summary.files[2].rowsLoaded, 1500);
        test::checkCombination(w.warehouse, QDir(shared).filePath(extract + QStringLiteral("/expected/") + combination));
    }

    /** `cpm-cli import book.xlsx`: three sheets, three sources; the top stores as the expected answer. */
    void cliImportsWorkbook()
    {
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: the workbook CLI import is skipped");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("w.sqlite"));
        const QString book = workbooks(QStringLiteral("extract-full"), QStringLiteral("book")).first();
        const Run imported = cli({QStringLiteral("import"), QStringLiteral("--db"), db, book});
        QCOMPARE(imported.code, 0);
        QVERIFY2(imported.out.contains(QStringLiteral("format: xlsx workbook, sheet 'Sheet1'")), qPrintable(imported.out));
        QVERIFY(imported.out.contains(QStringLiteral("read 1500, loaded 1500 (1500 new), rejected 0")));
        QVERIFY(imported.out.contains(QStringLiteral("read 100, loaded 100 (100 new), rejected 0")));
        const Run metrics = cli({QStringLiteral("metrics"), QStringLiteral("--db"), db, QStringLiteral("--metric"),
                                 QStringLiteral("top_stores"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(metrics.code, 0);
        const QString csv = dir.filePath(QStringLiteral("top.csv"));
        test::writeFile(csv, metrics.out.toUtf8());
        const test::Rows got = test::readExpected(csv);
        const test::Rows want = test::readExpected(
            QDir(shared).filePath(QStringLiteral("extract-full/expected/accepted__happened_at/top_stores.csv")));
        QCOMPARE(got.size(), want.size());
        for (int i = 0; i < want.size(); ++i) {
            QCOMPARE(got[i].value(QStringLiteral("store_id")), want[i].value(QStringLiteral("store_id")));
            QCOMPARE(got[i].value(QStringLiteral("store_name")), want[i].value(QStringLiteral("store_name")));
            QVERIFY(test::near(got[i].value(QStringLiteral("total_amount")).toDouble(),
                               want[i].value(QStringLiteral("total_amount")).toDouble()));
            QCOMPARE(got[i].value(QStringLiteral("transactions")), want[i].value(QStringLiteral("transactions")));
        }
    }

    /**
     * The hand-made `basic` fixture as a three-sheet workbook through cpm-cli: 4 stores, 5
     * devices, 17 transactions (README of the fixture), and a second import of the same
     * bytes is recognised per sheet and changes nothing.
     */
    void cliImportsBasicWorkbook()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("w.sqlite"));
        const QString book = dir.filePath(QStringLiteral("basic.xlsx"));
        QVERIFY(writeWorkbook(book, test::fixture(QStringLiteral("basic")),
                              {QStringLiteral("stores"), QStringLiteral("devices"), QStringLiteral("transactions")},
                              {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
        const Run first = cli({QStringLiteral("import"), QStringLiteral("--db"), db, book});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY(first.out.contains(QStringLiteral("stores: %1\n  format: xlsx workbook, sheet 'A'\n").arg(book)));
        QVERIFY(first.out.contains(QStringLiteral("read 4, loaded 4 (4 new), rejected 0")));
        QVERIFY(first.out.contains(QStringLiteral("read 5, loaded 5 (5 new), rejected 0")));
        QVERIFY(first.out.contains(QStringLiteral("read 17, loaded 17 (17 new), rejected 0")));
        const Run again = cli({QStringLiteral("import"), QStringLiteral("--db"), db, book});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out.count(QStringLiteral("already imported in batch 1: nothing changed")), 3);
    }
};

QTEST_GUILESS_MAIN(TestXlsxImportExtracts)
#include "tst_xlsx_import_extracts.moc"
