// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard with one .xlsx workbook: tests/fixtures/basic written at test time by the
// project's own XlsxWriter as one workbook (a sheet per extract, in the order transactions,
// stores, devices, plus the writer's About sheet), added to the wizard, each sheet placed in
// its slot by its header, the About sheet listed as not an extract, then check and import.
// The counts are the fixture README's: 4 stores, 5 devices, 17 transactions.
#include "../common/ExpectedAnswers.h"
#include "../common/TestSupport.h"

#include "import/CheckPage.h"
#include "import/ImportWizard.h"
#include "report/XlsxWriter.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 120000;

/** @p text as the typed cell a spreadsheet would hold; @p kind says which reading is tried. */
QVariant cellValue(const QString &text, ValueKind kind)
{
    if (text.isEmpty())
        return QVariant(); // a blank cell
    switch (kind) {
    case ValueKind::Timestamp: {
        // The fixture writes month-first "01/10/2022 10:00:05": an Excel date cell.
        const QStringList parts = text.split(QLatin1Char(' '));
        const QDate day = QDate::fromString(parts.value(0), QStringLiteral("MM/dd/yyyy"));
        const QTime time = QTime::fromString(parts.value(1), QStringLiteral("H:mm:ss"));
        return day.isValid() && time.isValid() ? QVariant(QDateTime(day, time, Qt::UTC).toSecsSinceEpoch()) : QVariant();
    }
    case ValueKind::Integer: {
        // Up to 15 digits: what a number cell (a double) holds exactly.
        static const QRegularExpression whole(QStringLiteral("^-?[0-9]{1,15}$"));
        return whole.match(text).hasMatch() ? QVariant(text.toLongLong()) : QVariant();
    }
    case ValueKind::Amount: {
        bool ok = false;
        const double number = text.toDouble(&ok);
        return ok ? QVariant(number) : QVariant();
    }
    default:
        return text;
    }
}

/** The column's cells as the first of timestamp, integer, amount that reads every value, else text. */
MetricColumn typedColumn(const QVector<QStringList> &records, int column)
{
    const QString name = records[0].value(column);
    for (ValueKind kind : {ValueKind::Timestamp, ValueKind::Integer, ValueKind::Amount}) {
        bool all = true;
        for (int r = 1; r < records.size() && all; ++r) {
            const QString text = records[r].value(column);
            all = text.isEmpty() || cellValue(text, kind).isValid();
        }
        if (all)
            return {name, name, kind};
    }
    return {name, name, ValueKind::Text};
}

/** The CSV @p path as a table named @p id (the sheet's name), its values typed cells. */
MetricTable tableOf(const QString &path, const QString &id)
{
    const QVector<QStringList> records = test::readRecords(path);
    MetricTable table;
    table.id = id;
    for (int c = 0; !records.isEmpty() && c < records[0].size(); ++c)
        table.columns << typedColumn(records, c);
    for (int r = 1; r < records.size(); ++r) {
        QVariantList row;
        for (int c = 0; c < table.columns.size(); ++c)
            row << cellValue(records[r].value(c), table.columns[c].kind);
        table.rows.append(row);
    }
    return table;
}

/** Keeps a picture of @p widget when CPM_SCREENSHOT_DIR is set (docs/screenshots is made this way). */
void keepShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

qint64 count(const QString &warehousePath, const char *table)
{
    SqlProject project;
    Warehouse warehouse;
    if (!project.load() || !warehouse.open(warehousePath, project))
        return -1;
    return warehouse.scalar(QStringLiteral("select count(*) from ") + QLatin1String(table)).toLongLong();
}

} // namespace

class TestImportWizardXlsx : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_book;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString basic = test::fixture(QStringLiteral("basic"));
        QVERIFY2(QFileInfo::exists(QDir(basic).filePath(QStringLiteral("stores.csv"))),
                 "CPM_FIXTURES must point at tests/fixtures");
        const MetricTable transactions = tableOf(QDir(basic).filePath(QStringLiteral("transactions.csv")), QStringLiteral("transactions"));
        const MetricTable stores = tableOf(QDir(basic).filePath(QStringLiteral("stores.csv")), QStringLiteral("stores"));
        const MetricTable devices = tableOf(QDir(basic).filePath(QStringLiteral("devices.csv")), QStringLiteral("devices"));
        // The sheets really are typed: ids as numbers, timestamps as date cells.
        QCOMPARE(transactions.columns.value(0).kind, ValueKind::Integer);
        QCOMPARE(transactions.columns.value(5).kind, ValueKind::Integer); // amounts 100, 50, ... all whole
        QCOMPARE(transactions.columns.value(7).kind, ValueKind::Timestamp);
        QCOMPARE(transactions.columns.value(2).kind, ValueKind::Text);
        m_book = m_dir.filePath(QStringLiteral("basic.xlsx"));
        const Error error = XlsxWriter::write(m_book, {&transactions, &stores, &devices}, ReportInfo());
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
    }

    void sheetsLandInTheirSlots()
    {
        const QString db = m_dir.filePath(QStringLiteral("w.sqlite"));
        ImportWizard wizard(db, {m_book});
        wizard.resize(900, 640);
        wizard.show(); // QWizard has no current page until shown
        QSignalSpy finished(&wizard, &ImportWizard::importFinished);
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        for (const char *role : {"stores", "devices", "transactions"}) {
            const auto *label = wizard.findChild<QLabel *>(QStringLiteral("slotLabel_") + QLatin1String(role));
            QVERIFY(label);
            QVERIFY2(label->text().contains(QStringLiteral("basic.xlsx · sheet %1").arg(QLatin1String(role))),
                     qPrintable(label->text()));
        }
        // The writer's About sheet is no extract: listed, and it does not hold the import back.
        const auto *misfits = wizard.findChild<QLabel *>(QStringLiteral("misfitsLabel"));
        QVERIFY(misfits);
        QVERIFY2(misfits->text().contains(QStringLiteral("About")), qPrintable(misfits->text()));
        QVERIFY(wizard.currentPage()->isComplete());
        keepShot(&wizard, QStringLiteral("wizard-xlsx"));
        wizard.next();

        auto *tabs = wizard.findChild<QTabWidget *>(QStringLiteral("previewTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 3);
        wizard.next();
        auto *check = wizard.findChild<CheckPage *>(QStringLiteral("checkPage"));
        QVERIFY(check);
        QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), kTimeoutMs);
        QCOMPARE(check->summary().files.size(), 3);
        QCOMPARE(count(db, "raw_transactions"), 0); // the dry run rolled back
        wizard.next();

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QVERIFY(wizard.currentPage()->isComplete());
        // tests/fixtures/basic/README.md: four stores, five devices, seventeen transactions.
        QCOMPARE(count(db, "raw_stores"), 4);
        QCOMPARE(count(db, "raw_devices"), 5);
        QCOMPARE(count(db, "raw_transactions"), 17);
    }
};

QTEST_MAIN(TestImportWizardXlsx)
#include "tst_importwizard_xlsx.moc"
