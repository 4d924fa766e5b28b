// SPDX-License-Identifier: GPL-3.0-or-later
// `cpm-cli report --compare-from` on tests/fixtures/diff-a then diff-b: the XLSX gains a
// "Comparison" sheet (read back with the importer's own workbook reader) holding the
// hand-known changes and moves of the fixture README, the PDF gains its section; a bad batch
// is a usage error.
#include "../common/CliProcess.h"
#include "../common/TestSupport.h"

#include "source/RecordSource.h"
#include "xlsx/XlsxWorkbook.h"

using namespace cpm;

using cpm::test::cli;
using cpm::test::Run;

namespace {

/** Every row of @p sheet of the workbook at @p path, cells as text joined by '|'. */
QStringList sheetRows(const QString &path, const QString &sheet)
{
    QStringList rows;
    const std::unique_ptr<RecordSource> source = RecordSource::create(path, sheet);
    if (!source->open())
        return {source->error().toString()};
    source->read([&rows](const CsvRecord &record) {
        QStringList cells;
        for (int i = 0; i < record.size(); ++i)
            cells << QString::fromUtf8(record.field(i));
        while (!cells.isEmpty() && cells.last().isEmpty())
            cells.removeLast();
        rows << cells.join(QLatin1Char('|'));
        return true;
    });
    return rows;
}

} // namespace

class TestCliReportCompare : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(QStringLiteral("w.sqlite")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *name : {"diff-a", "diff-b"}) {
            const QString dir = test::fixture(QString::fromLatin1(name));
            const Run r = cli({"import", "--db", db(), dir + "/stores.csv", dir + "/devices.csv", dir + "/transactions.csv"});
            QVERIFY2(r.code == 0, r.err.constData());
        }
    }

    void workbookHasTheComparisonSheet()
    {
        const QString xlsx = m_dir.filePath(QStringLiteral("report.xlsx"));
        const Run r = cli({"report", "--db", db(), "--out", xlsx, "--compare-from", "1"});
        QVERIFY2(r.code == 0, r.err.constData());
        XlsxWorkbook book;
        QVERIFY(book.open(xlsx));
        QStringList names;
        for (const XlsxSheet &sheet : book.sheets())
            names << sheet.name;
        QVERIFY2(names.contains(QStringLiteral("Comparison")) && names.last() == QLatin1String("About"), qPrintable(names.join(',')));
        const QStringList rows = sheetRows(xlsx, QStringLiteral("Comparison"));
        QVERIFY2(!rows.isEmpty() && rows.first() == QStringLiteral("Comparison of imports 1 → 2"), qPrintable(rows.value(0)));
        // The fixture README: 1 new and 2 changed stores; store 2's typology; transaction 3's
        // amount; store 1 up from 3rd to 1st, +270; store 2 reaches its 5th accepted transaction.
        QVERIFY2(rows.contains(QStringLiteral("stores|1|2|0|3")), qPrintable(rows.join('\n')));
        QVERIFY(rows.contains(QStringLiteral("transactions|3|2|0|5")));
        QVERIFY(rows.contains(QStringLiteral("2|changed|typology|typology=Grocery|typology=Beauty")));
        QVERIFY(rows.contains(QStringLiteral("3|changed|amount|amount=30|amount=300")));
        QVERIFY(rows.contains(QStringLiteral("▲ 2|up|2|1|Alpha|3|1|150|420|270")));
        QVERIFY(rows.contains(QStringLiteral("new|entered||5|Epsilon||4||200")));
        const qsizetype reached = rows.indexOf(QStringLiteral("Stores that reached their 5th transaction"));
        QVERIFY(reached > 0);
        QVERIFY2(rows.value(reached + 2).startsWith(QStringLiteral("2|Beta|")), qPrintable(rows.value(reached + 2)));
    }

    void pdfHasTheComparisonSection()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.pdf"));
        const QString compared = m_dir.filePath(QStringLiteral("compared.pdf"));
        QCOMPARE(cli({"report", "--db", db(), "--out", plain}).code, 0);
        const Run r = cli({"report", "--db", db(), "--out", compared, "--compare-from", "1", "--compare-to", "2"});
        QVERIFY2(r.code == 0, r.err.constData());
        // One more section: at least one more page (/Type /Page objects, not /Pages).
        const auto pages = [](const QString &path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return qsizetype(-1);
            const QByteArray bytes = file.readAll();
            return bytes.count("/Type /Page\n") + bytes.count("/Type /Page ") + bytes.count("/Type /Page/");
        };
        QVERIFY2(pages(compared) > pages(plain), qPrintable(QStringLiteral("%1 vs %2").arg(pages(compared)).arg(pages(plain))));
    }

    void badBatchIsAUsageError()
    {
        const Run r = cli({"report", "--db", db(), "--out", m_dir.filePath(QStringLiteral("x.xlsx")), "--compare-from", "5"});
        QCOMPARE(r.code, 2);
        // The last line says why (a report run may print Qt's platform warnings before it).
        QVERIFY2(r.err.trimmed().split('\n').last().startsWith("cpm-cli report: ") && r.err.contains("no import batch 5"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliReportCompare)
#include "tst_cli_report_compare.moc"
