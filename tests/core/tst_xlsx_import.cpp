// SPDX-License-Identifier: GPL-3.0-or-later
// Reading .xlsx worksheets as records: cell values as a CSV export would hold them, a
// workbook written by the project's own XlsxWriter (libxlsxwriter) and one whose parts are
// written by hand as another producer would, and rejects named by sheet row and cell.
// Every expectation is written out by hand.
#include "../common/TestSupport.h"
#include "../common/XlsxTestSupport.h"

#include "report/XlsxWriter.h"
#include "source/RecordSource.h"
#include "warehouse/FileInspector.h"
#include "xlsx/XlsxStyles.h"
#include "xlsx/XlsxValues.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace cpm;

namespace {

/** Every record of @p sheet in @p path as "line:field|field|...", or the error's line. */
QStringList records(const QString &path, const QString &sheet = QString())
{
    QStringList out;
    const std::unique_ptr<RecordSource> source = RecordSource::create(path, sheet);
    if (!source->open())
        return {source->error().toString()};
    const auto result = source->read([&out](const CsvRecord &record) {
        QStringList fields;
        for (int i = 0; i < record.size(); ++i)
            fields << QString::fromUtf8(record.field(i));
        out << QString::number(record.lineNumber()) + QLatin1Char(':') + fields.join(QLatin1Char('|'));
        return true;
    });
    if (result == RecordSource::Result::Error)
        out << source->error().toString();
    return out;
}

qint64 epoch(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toSecsSinceEpoch();
}

// Style 0 general, 1 a custom date-time format, 2 built-in date 14, 3 built-in "#,##0.00",
// 4 a custom number format whose quoted text holds date letters ("days": not a date).
const QByteArray kStyles = "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                           "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"[$-409]d/m/yyyy\\ h:mm:ss;@\"/>"
                           "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; days&quot;\"/></numFmts>"
                           "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                           "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/>"
                           "<xf numFmtId=\"14\"/><xf numFmtId=\"4\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

const QByteArray kSharedStrings =
    "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"5\" uniqueCount=\"4\">"
    "<si><t>id</t></si><si><t>name</t></si>"
    "<si><r><t>Nec </t></r><r><rPr><b/></rPr><t>Ante</t></r><r><t xml:space=\"preserve\"> Ltd</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>ne</t></rPh></si>"
    "<si><t>when</t></si></sst>";

// Row 1: shared and inline strings, a styled empty F1 (a blank trailing column). Row 2: rich
// text, a custom date format. Row 3: sparse (no B3), "1E3", built-in date 14. Row 4: cells
// without references, a formula's string, a boolean, an error. Row 5 missing. Row 6: a
// double that is not 0.3, a quoted "days" format, the 1900-02-29 Excel believes in.
// Rows 7 and 8: blank (styled cells, a valueless shared string, an empty inline string).
const QByteArray kDataRows =
    "<row r=\"1\" spans=\"1:6\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>amount</t></is></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"F1\" s=\"3\"/></row>"
    "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c><c r=\"C2\" s=\"3\"><v>749</v></c>"
    "<c r=\"D2\" s=\"1\"><v>44850.161516203705</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"n\"><v>2</v></c><c r=\"C3\"><v>1E3</v></c><c r=\"D3\" s=\"2\"><v>45000</v></c></row>"
    "<row r=\"4\"><c><v>3</v></c><c t=\"str\"><f>UPPER(\"x\")</f><v>X</v></c><c t=\"b\"><v>1</v></c>"
    "<c t=\"e\"><v>#N/A</v></c></row>"
    "<row r=\"6\"><c r=\"A6\"><v>4</v></c><c r=\"B6\" t=\"inlineStr\"><is><r><t>a,</t></r><r><t>\"b\"</t></r></is></c>"
    "<c r=\"C6\" s=\"4\"><v>0.30000000000000004</v></c><c r=\"D6\" s=\"1\"><v>60</v></c></row>"
    "<row r=\"7\"><c r=\"A7\" s=\"3\"/><c r=\"B7\" t=\"s\"/></row>"
    "<row r=\"8\" spans=\"1:6\"><c r=\"C8\" t=\"inlineStr\"><is><t></t></is></c></row>";

} // namespace

class TestXlsxImport : public QObject
{
    Q_OBJECT

private slots:
    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("integral") << 3770009015048.0 << QByteArray("3770009015048");
        QTest::newRow("card-sized") << 201433236787273.0 << QByteArray("201433236787273");
        QTest::newRow("one") << 1.0 << QByteArray("1");
        QTest::newRow("negative") << -7.0 << QByteArray("-7");
        QTest::newRow("negative zero") << -0.0 << QByteArray("0");
        QTest::newRow("fraction") << 749.5 << QByteArray("749.5");
        QTest::newRow("shortest") << 0.1 << QByteArray("0.1");
        QTest::newRow("not 0.3") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
        QTest::newRow("small") << 0.000125 << QByteArray("0.000125");
        QTest::newRow("tiny") << 1.5e-9 << QByteArray("1.5e-09");
        QTest::newRow("huge") << 1e20 << QByteArray("1e+20");
    }

    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(XlsxValues::numberText(value), text);
    }

    void dates_data()
    {
        QTest::addColumn<double>("serial");
        QTest::addColumn<bool>("date1904");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("2022-10-16") << 44850.161516203705 << false << QByteArray("2022-10-16 03:52:35");
        QTest::newRow("date only") << 45000.0 << false << QByteArray("2023-03-15 00:00:00");
        QTest::newRow("0.6 s rounds up") << 44957.99999537037 << false << QByteArray("2023-02-01 00:00:00");
        QTest::newRow("0.4 s rounds down") << 44957.99999305556 << false << QByteArray("2023-01-31 23:59:59");
        QTest::newRow("serial 1") << 1.0 << false << QByteArray("1900-01-01 00:00:00");
        QTest::newRow("serial 59") << 59.5 << false << QByteArray("1900-02-28 12:00:00");
        QTest::newRow("leap-year bug") << 60.0 << false << QByteArray("1900-02-29 00:00:00");
        QTest::newRow("serial 61") << 61.0 << false << QByteArray("1900-03-01 00:00:00");
        QTest::newRow("serial 0") << 0.25 << false << QByteArray("1900-01-00 06:00:00");
        QTest::newRow("1904 zero") << 0.0 << true << QByteArray("1904-01-01 00:00:00");
        QTest::newRow("1904 system") << 43388.161516203705 << true << QByteArray("2022-10-16 03:52:35");
        QTest::newRow("negative") << -1.0 << false << QByteArray("-1");
    }

    void dates()
    {
        QFETCH(double, serial);
        QFETCH(bool, date1904);
        QFETCH(QByteArray, text);
        QCOMPARE(XlsxValues::dateText(serial, date1904), text);
    }

    void dateFormats_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("date");
        QTest::newRow("14") << 14 << QString() << true;
        QTest::newRow("22") << 22 << QString() << true;
        QTest::newRow("45") << 45 << QString() << true;
        QTest::newRow("47") << 47 << QString() << true;
        QTest::newRow("general") << 0 << QString() << false;
        QTest::newRow("4") << 4 << QString() << false;
        QTest::newRow("23") << 23 << QString() << false;
        QTest::newRow("48") << 48 << QString() << false;
        QTest::newRow("iso") << 164 << QStringLiteral("yyyy-mm-dd hh:mm:ss") << true;
        QTest::newRow("locale") << 164 << QStringLiteral("[$-409]d/m/yyyy\\ h:mm:ss;@") << true;
        QTest::newRow("elapsed") << 164 << QStringLiteral("[h]:mm") << true;
        QTest::newRow("quoted days") << 165 << QStringLiteral("0.00\" days\"") << false;
        QTest::newRow("escaped d") << 165 << QStringLiteral("0\\d") << false;
        QTest::newRow("colour") << 165 << QStringLiteral("[Red]#,##0.00") << false;
        QTest::newRow("General text") << 165 << QStringLiteral("General") << false;
        QTest::newRow("scientific") << 165 << QStringLiteral("0.00E+00") << false;
    }

    void dateFormats()
    {
        QFETCH(int, id);
        QFETCH(QString, code);
        QFETCH(bool, date);
        QCOMPARE(XlsxStyles::isDateFormat(id, code), date);
    }

    void cellReferences()
    {
        int column = -1;
        qint64 row = 0;
        QVERIFY(XlsxValues::parseCellReference(u"C5", &column, &row));
        QCOMPARE(column, 2);
        QCOMPARE(row, 5);
        QVERIFY(XlsxValues::parseCellReference(u"$AB$12", &column, &row));
        QCOMPARE(column, 27);
        QCOMPARE(row, 12);
        QVERIFY(XlsxValues::parseCellReference(u"XFD1048576", &column, &row));
        QCOMPARE(column, 16383);
        QVERIFY(!XlsxValues::parseCellReference(u"5C", &column, &row));
        QVERIFY(!XlsxValues::parseCellReference(u"C0", &column, &row));
        QVERIFY(!XlsxValues::parseCellReference(u"XFE1", &column, &row));
        QCOMPARE(XlsxValues::columnLetters(0), QStringLiteral("A"));
        QCOMPARE(XlsxValues::columnLetters(25), QStringLiteral("Z"));
        QCOMPARE(XlsxValues::columnLetters(27), QStringLiteral("AB"));
        QCOMPARE(XlsxValues::columnLetters(16383), QStringLiteral("XFD"));
    }

    /** The project's own writer: strings, integral and fractional doubles, date cells, a blank last row. */
    void ownWriter()
    {
        QTemporaryDir dir;
        MetricTable table;
        table.id = QStringLiteral("sample");
        table.columns = {{QStringLiteral("name"), QStringLiteral("Name"), ValueKind::Text},
                         {QStringLiteral("count"), QStringLiteral("Count"), ValueKind::Integer},
                         {QStringLiteral("amount"), QStringLiteral("Amount"), ValueKind::Amount},
                         {QStringLiteral("at"), QStringLiteral("At"), ValueKind::Timestamp}};
        table.rows.append({QStringLiteral("Nec Ante Ltd"), 20, 9383.0, epoch(2022, 10, 16, 3, 52, 35)});
        table.rows.append({QStringLiteral("a,b \"q\""), 3770009015048.0, 749.5, epoch(2023, 1, 31, 23, 59, 59)});
        table.rows.append({QStringLiteral("Ünïcode"), -7, 0.1, epoch(2022, 2, 28, 12, 0, 0)});
        table.rows.append({QVariant(), QVariant(), QVariant(), QVariant()});
        const QString path = dir.filePath(QStringLiteral("own.xlsx"));
        const Error error = XlsxWriter::writeTable(path, table);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        const QStringList expected{QStringLiteral("1:Name|Count|Amount|At"),
                                   QStringLiteral("2:Nec Ante Ltd|20|9383|2022-10-16 03:52:35"),
                                   QStringLiteral("3:a,b \"q\"|3770009015048|749.5|2023-01-31 23:59:59"),
                                   QStringLiteral("4:Ünïcode|-7|0.1|2022-02-28 12:00:00")};
        QCOMPARE(records(path), expected);
    }

    /** Parts written by hand: shared, rich and inline strings, sparse cells, custom formats, blanks. */
    void otherProducer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.xlsx"));
        const QStringList order{QStringLiteral("Notes"), QStringLiteral("Data")};
        QVERIFY(test::writeZip(path, test::workbookParts(order, {{order[0], test::sheetXml("")}, {order[1], test::sheetXml(kDataRows)}},
                                                         kSharedStrings, kStyles,
                                                         "<workbookPr defaultThemeVersion=\"124226\"/>")));
        const QStringList expected{QStringLiteral("1:id|name|amount|when"),
                                   QStringLiteral("2:1|Nec Ante Ltd|749|2022-10-16 03:52:35"),
                                   QStringLiteral("3:2||1000|2023-03-15 00:00:00"),
                                   QStringLiteral("4:3|X|TRUE|#N/A"),
                                   QStringLiteral("6:4|a,\"b\"|0.30000000000000004|1900-02-29 00:00:00")};
        QCOMPARE(records(path, QStringLiteral("data")), expected);
        QCOMPARE(records(path), QStringList()); // the first sheet, "Notes", is empty
        QCOMPARE(records(path, QStringLiteral("Sheet9")),
                 QStringList{path + QStringLiteral(": the workbook has no sheet named 'Sheet9'")});
        // The raw text of a record (what rejects keep) is the row as CSV.
        const std::unique_ptr<RecordSource> source = RecordSource::create(path, QStringLiteral("Data"));
        QVERIFY(source->open());
        QStringList raw;
        source->read([&raw](const CsvRecord &record) { raw << QString::fromUtf8(record.raw()); return true; });
        QCOMPARE(raw.last(), QStringLiteral("4,\"a,\"\"b\"\"\",0.30000000000000004,1900-02-29 00:00:00"));
        QCOMPARE(source->dialect().describe(), QStringLiteral("xlsx workbook, sheet 'Data'"));
    }

    /** A table that starts in column B: fields count from B, cells left of it are ignored. */
    void tableOffset()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("offset.xlsx"));
        const QByteArray rows = "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>id</t></is></c>"
                                "<c r=\"C2\" t=\"inlineStr\"><is><t>type</t></is></c></row>"
                                "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>label</t></is></c><c r=\"C3\"><v>5</v></c></row>";
        QVERIFY(test::writeZip(path, test::workbookParts({QStringLiteral("S")}, {{QStringLiteral("S"), test::sheetXml(rows)}})));
        QCOMPARE(records(path), (QStringList{QStringLiteral("2:id|type"), QStringLiteral("3:|5")}));
    }

    /**
     * What the wizard and the importer see of a workbook: one inspection per sheet holding
     * cells, each classified by its own header whatever the sheet is called; empty sheets
     * left out; a forced role only for a one-sheet workbook.
     */
    void sheetsAreSources()
    {
        QTemporaryDir dir;
        auto header = [](const QStringList &names) {
            QByteArray row = "<row r=\"1\">";
            for (const QString &name : names)
                row += "<c t=\"inlineStr\"><is><t>" + name.toUtf8() + "</t></is></c>";
            return test::sheetXml(row + "</row><row r=\"2\"><c><v>1</v></c></row>");
        };
        const QStringList order{QStringLiteral("b"), QStringLiteral("empty"), QStringLiteral("a")};
        const QString path = dir.filePath(QStringLiteral("book.xlsx"));
        QVERIFY(test::writeZip(path, test::workbookParts(order, {{order[0], header({QStringLiteral("id"), QStringLiteral("type"),
                                                                                        QStringLiteral("store_id")})},
                                                                 {order[1], test::sheetXml("<row r=\"3\"><c r=\"B3\" s=\"0\"/></row>")},
                                                                 {order[2], header(FileClassifier::requiredColumns(FileRole::Stores))}})));
        const QVector<FileInspection> found = FileInspector::inspectAll(path);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].sheet(), QStringLiteral("b"));
        QCOMPARE(found[0].role(), FileRole::Devices);
        QCOMPARE(found[0].estimatedRows, 1);
        QCOMPARE(found[1].sheet(), QStringLiteral("a"));
        QCOMPARE(found[1].role(), FileRole::Stores);
        QCOMPARE(FileInspector::readHeader(path, QStringLiteral("b")),
                 (QStringList{QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("store_id")}));
        const QVector<FileInspection> forced = FileInspector::inspectAll(path, FileRole::Devices);
        QCOMPARE(forced.size(), 1);
        QCOMPARE(forced[0].error.toString(),
                 path + QStringLiteral(": a role can only be given for a one-sheet workbook; this one has sheets b, a "
                                       "(expected the workbook without a role: each sheet is recognised by its header)"));
        const QVector<FileInspection> named = FileInspector::inspectAll(path, FileRole::Devices, QStringLiteral("b"));
        QCOMPARE(named.size(), 1);
        QVERIFY2(named[0].ok(), qPrintable(named[0].error.toString()));
        QCOMPARE(named[0].role(), FileRole::Devices);
    }

    /** A rejected value is reported by sheet row and named by its cell. */
    void rejectsNameTheCell()
    {
        test::TempWarehouse w;
        QVERIFY(w.open());
        const QString path = w.dir.filePath(QStringLiteral("devices.xlsx"));
        const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>type</t></is></c>"
                                "<c r=\"C1\" t=\"inlineStr\"><is><t>store_id</t></is></c></row>"
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>1</v></c><c r=\"C2\"><v>52</v></c></row>"
                                "<row r=\"4\"><c r=\"A4\"><v>2</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"C4\"><v>7</v></c></row>";
        QVERIFY(test::writeZip(path, test::workbookParts({QStringLiteral("devices")}, {{QStringLiteral("devices"), test::sheetXml(rows)}})));
        ImportOptions options;
        options.files << ImportSource(path);
        const ImportSummary summary = w.import(options);
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        QCOMPARE(summary.files.size(), 1);
        const FileImportSummary &file = summary.files[0];
        QCOMPARE(file.role, FileRole::Devices);
        QCOMPARE(file.dialect.describe(), QStringLiteral("xlsx workbook, sheet 'devices'"));
        QCOMPARE(file.rowsRead, 2);
        QCOMPARE(file.rowsLoaded, 1);
        QCOMPARE(file.rejectSamples.size(), 1);
        QCOMPARE(file.rejectSamples[0].line, 4);
        QCOMPARE(file.rejectSamples[0].column, 2);
        QCOMPARE(file.rejectSamples[0].columnName, QStringLiteral("type (B4)"));
        QCOMPARE(file.rejectSamples[0].value, QStringLiteral("x"));
        QCOMPARE(file.rejectSamples[0].rawText, QStringLiteral("2,x,7"));
        QCOMPARE(w.count(QStringLiteral("raw_devices")), 1);
    }
};

QTEST_GUILESS_MAIN(TestXlsxImport)
#include "tst_xlsx_import.moc"
