// SPDX-License-Identifier: GPL-3.0-or-later
// Spreadsheets that cannot be imported are refused in one line that names the format and
// says what would be read instead: .xls and encrypted workbooks (OLE files), macro-enabled
// and binary workbooks, a zip without worksheets or without a workbook, a truncated zip, a
// CSV named .xlsx. Through the inspector, the importer (warehouse unchanged) and cpm-cli.
#include "../common/TestSupport.h"
#include "../common/XlsxTestSupport.h"

#include "warehouse/FileInspector.h"

#include <QProcess>

using namespace cpm;

namespace {

const QByteArray kOleMagic = QByteArrayLiteral("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");

QMap<QString, QByteArray> oneSheetParts()
{
    const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>";
    return test::workbookParts({QStringLiteral("S")}, {{QStringLiteral("S"), test::sheetXml(rows)}});
}

} // namespace

class TestXlsxImportRefusals : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** Writes the input named @p name for case @p kind and returns its path. */
    QString makeInput(const QString &kind, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QMap<QString, QByteArray> parts = oneSheetParts();
        if (kind == QLatin1String("xls")) {
            test::writeFile(path, kOleMagic + QByteArray(1016, '\0'));
        } else if (kind == QLatin1String("encrypted")) {
            const QByteArray stream = QByteArrayLiteral("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0");
            test::writeFile(path, kOleMagic + QByteArray(504, '\0') + stream + QByteArray(480, '\0'));
        } else if (kind == QLatin1String("vba")) {
            parts.insert(QStringLiteral("xl/vbaProject.bin"), QByteArray(64, 'v'));
            test::writeZip(path, parts);
        } else if (kind == QLatin1String("macro type")) {
            parts[QStringLiteral("[Content_Types].xml")].replace("sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml");
            test::writeZip(path, parts);
        } else if (kind == QLatin1String("binary")) {
            parts[QStringLiteral("[Content_Types].xml")].replace("sheet.main+xml", "ms-excel.sheet.binary.macroEnabled.main");
            test::writeZip(path, parts);
        } else if (kind == QLatin1String("no worksheet")) {
            test::writeZip(path, test::workbookParts({}, {}));
        } else if (kind == QLatin1String("no workbook")) {
            test::writeZip(path, {{QStringLiteral("readme.txt"), QByteArray("not a workbook")}});
        } else if (kind == QLatin1String("csv named xlsx")) {
            test::writeFile(path, "id,type,store_id\n1,1,1\n");
        } else if (kind == QLatin1String("empty sheets")) {
            test::writeZip(path, test::workbookParts({QStringLiteral("A")}, {{QStringLiteral("A"), test::sheetXml("")}}));
        }
        return path;
    }

private slots:
    void refused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("xls") << "xls" << "old.xls"
                             << "an Excel 97-2003 workbook (.xls) cannot be read "
                                "(expected the workbook saved as .xlsx (Excel Workbook) or as CSV)";
        QTest::newRow("encrypted") << "encrypted" << "secret.xlsx"
                                   << "a password-protected (encrypted) Excel workbook cannot be read "
                                      "(expected the workbook saved again without a password, as .xlsx)";
        QTest::newRow("vbaProject.bin") << "vba" << "macros.xlsm"
                                        << "a macro-enabled workbook (.xlsm) is not imported "
                                           "(expected the workbook saved as .xlsx (Excel Workbook, without macros))";
        QTest::newRow("macro content type") << "macro type" << "macros2.xlsx"
                                            << "a macro-enabled workbook (.xlsm) is not imported "
                                               "(expected the workbook saved as .xlsx (Excel Workbook, without macros))";
        QTest::newRow("xlsb") << "binary" << "binary.xlsb"
                              << "a binary workbook (.xlsb) cannot be read (expected the workbook saved as .xlsx (Excel Workbook))";
        QTest::newRow("no worksheet") << "no worksheet" << "nosheets.xlsx"
                                      << "the workbook has no worksheet (expected a worksheet with a header row)";
        QTest::newRow("no workbook") << "no workbook" << "other.xlsx"
                                     << "not an Excel workbook: the zip archive holds no xl/workbook.xml (expected an .xlsx workbook)";
        QTest::newRow("not a zip") << "csv named xlsx" << "text.xlsx"
                                   << "not an .xlsx workbook: the file is not a zip archive "
                                      "(expected an .xlsx workbook (Excel Workbook) or CSV files)";
        QTest::newRow("every sheet empty") << "empty sheets" << "empty.xlsx"
                                           << "every sheet of the workbook is empty (expected a sheet with a header row and data rows)";
    }

    void refused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QFETCH(QString, message);
        const QString path = makeInput(kind, name);
        const QString line = path + QStringLiteral(": ") + message;
        const QVector<FileInspection> inspections = FileInspector::inspectAll(path);
        QCOMPARE(inspections.size(), 1);
        QCOMPARE(inspections[0].error.toString(), line);

        test::TempWarehouse w;
        QVERIFY(w.open());
        ImportOptions options;
        options.files << ImportSource(path);
        const ImportSummary summary = w.import(options);
        QCOMPARE(summary.error.toString(), line);
        QCOMPARE(w.count(QStringLiteral("import_batches")), 0);

        QProcess cli;
        cli.start(qEnvironmentVariable("CPM_CLI"), {QStringLiteral("import"), QStringLiteral("--db"), w.path(), path});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(cli.readAllStandardError()), QStringLiteral("cpm-cli import: ") + line + QLatin1Char('\n'));
        QCOMPARE(w.count(QStringLiteral("import_batches")), 0);
    }

    /** A workbook cut short: libzip finds no central directory; one line says it is damaged. */
    void truncated()
    {
        const QString whole = m_dir.filePath(QStringLiteral("whole.xlsx"));
        QVERIFY(test::writeZip(whole, oneSheetParts()));
        QFile file(whole);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString path = m_dir.filePath(QStringLiteral("cut.xlsx"));
        test::writeFile(path, file.readAll().left(int(file.size() / 2)));
        const Error error = FileInspector::inspect(path).error;
        const QString text = error.toString();
        QVERIFY2(text.startsWith(path + QStringLiteral(": the .xlsx workbook is damaged or truncated (zip: ")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral(") (expected a complete .xlsx file (copy or save it again))")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('\n')));
    }

    /** A sheet whose XML breaks off mid-row: the read fails with the sheet and row, nothing half-loaded. */
    void brokenSheetXml()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.xlsx"));
        const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>type</t>"
                                "</is></c><c r=\"C1\" t=\"inlineStr\"><is><t>store_id</t></is></c></row>"
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>1</v></c><c r=\"C2\"><v>1</v></c></row>"
                                "<row r=\"3\"><c r=\"A3\"><v>2</v>";
        QMap<QString, QByteArray> parts = test::workbookParts({QStringLiteral("D")}, {{QStringLiteral("D"), test::sheetXml(rows)}});
        parts[QStringLiteral("xl/worksheets/sheet1.xml")].chop(QByteArray("</sheetData></worksheet>").size());
        QVERIFY(test::writeZip(path, parts));
        test::TempWarehouse w;
        QVERIFY(w.open());
        ImportOptions options;
        options.files << ImportSource(path);
        const ImportSummary summary = w.import(options);
        QVERIFY(!summary.succeeded());
        QVERIFY2(summary.error.toString().startsWith(path + QStringLiteral(":3: sheet 'D': malformed XML: ")),
                 qPrintable(summary.error.toString()));
        QCOMPARE(w.count(QStringLiteral("raw_devices")), 0);
        QCOMPARE(w.count(QStringLiteral("import_batches")), 0);
    }
};

QTEST_GUILESS_MAIN(TestXlsxImportRefusals)
#include "tst_xlsx_import_refusals.moc"
