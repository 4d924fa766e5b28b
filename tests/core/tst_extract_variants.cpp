// SPDX-License-Identifier: GPL-3.0-or-later
// The real extracts of ../shared/data written again the ways they circulate, at test time
// into a temporary folder: as pandas saves them (every integer column "N.0", SKUs and card
// numbers "….0", cvv "169.0"; transaction ids float only for the first 501 rows) and as a
// European spreadsheet saves them (';', amounts "749,00", dates "16.10.2022 03:52:35").
// Each must give exactly the shared expected/ answers, for every filter combination.
// Skips when ../shared/data is absent.
#include "../common/ExpectedAnswers.h"
#include "../common/TestSupport.h"

#include <QDirIterator>
#include <QRegularExpression>

using namespace cpm;
using namespace cpm::test;

namespace {

const QStringList kRoles{QStringLiteral("stores"), QStringLiteral("devices"), QStringLiteral("transactions")};

bool isDigits(const QString &value)
{
    static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
    return digits.match(value).hasMatch();
}

/** The integer columns pandas turns into floats (a column with any blank becomes float). */
QStringList integerColumns(const QString &role)
{
    if (role == QLatin1String("stores"))
        return {QStringLiteral("id"), QStringLiteral("customer_id")};
    if (role == QLatin1String("devices"))
        return {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("store_id")};
    return {QStringLiteral("id"), QStringLiteral("device_id"), QStringLiteral("amount"), QStringLiteral("cvv")};
}

QString pandasValue(const QString &role, const QString &column, const QString &value, int row)
{
    // The copy: ids 1.0 … 501.0, then 502 … plain in the same column.
    if (role == QLatin1String("transactions") && column == QLatin1String("id") && row > 501)
        return value;
    const bool floated = integerColumns(role).contains(column) || column == QLatin1String("product_sku")
        || column == QLatin1String("card_number");
    return floated && isDigits(value) ? value + QStringLiteral(".0") : value;
}

/** "749" or "12.5" as a European spreadsheet writes it: "749,00", "1.234,50". */
QString europeanAmount(const QString &value)
{
    const QString fixed = QString::number(value.toDouble(), 'f', 2);
    QString whole = fixed.section(QLatin1Char('.'), 0, 0);
    for (int at = whole.size() - 3; at > (whole.startsWith(QLatin1Char('-')) ? 1 : 0); at -= 3)
        whole.insert(at, QLatin1Char('.'));
    return whole + QLatin1Char(',') + fixed.section(QLatin1Char('.'), 1, 1);
}

/** "10/16/2022 3:52:35" or "5/15/2022 8:10" as "16.10.2022 03:52:35" / "15.05.2022 08:10:00". */
QString europeanTimestamp(const QString &value)
{
    static const QRegularExpression us(QStringLiteral("^(\\d+)/(\\d+)/(\\d{4}) (\\d+):(\\d+)(?::(\\d+))?$"));
    const QRegularExpressionMatch m = us.match(value);
    if (!m.hasMatch())
        return value;
    auto two = [&m](int i) { return QStringLiteral("%1").arg(m.captured(i).toInt(), 2, 10, QLatin1Char('0')); };
    return QStringLiteral("%1.%2.%3 %4:%5:%6").arg(two(2), two(1), m.captured(3), two(4), two(5), two(6));
}

QString europeanValue(const QString &column, const QString &value)
{
    if (column == QLatin1String("amount"))
        return europeanAmount(value);
    if (column == QLatin1String("created_at") || column == QLatin1String("happened_at"))
        return europeanTimestamp(value);
    return value;
}

QString quoted(const QString &value, QChar delimiter)
{
    if (!value.contains(delimiter) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

/** Writes @p variant ("pandas" or "european") of the extract in @p from into @p to. */
void writeVariant(const QString &from, const QString &variant, const QString &to)
{
    const bool european = variant == QLatin1String("european");
    const QChar delimiter = european ? QLatin1Char(';') : QLatin1Char(',');
    for (const QString &role : kRoles) {
        const QVector<QStringList> records = readRecords(QDir(from).filePath(role + QStringLiteral(".csv")));
        QVERIFY(records.size() > 1);
        const QStringList header = records[0];
        QByteArray bytes;
        for (int r = 0; r < records.size(); ++r) {
            QStringList fields;
            for (int c = 0; c < records[r].size(); ++c) {
                const QString value = records[r][c];
                const QString written = r == 0 ? value
                    : european               ? europeanValue(header[c], value)
                                             : pandasValue(role, header[c], value, r);
                fields << quoted(written, delimiter);
            }
            bytes += fields.join(delimiter).toUtf8() + '\n';
        }
        writeFile(QDir(to).filePath(role + QStringLiteral(".csv")), bytes);
    }
}

const ImportNote *findNote(const FileImportSummary &file, const QString &kind, const QString &column)
{
    for (const ImportNote &note : file.notes) {
        if (note.kind == kind && note.message.startsWith(column + QLatin1Char(':')))
            return &note;
    }
    return nullptr;
}

} // namespace

class TestExtractVariants : public QObject
{
    Q_OBJECT

private slots:
    void variants_data()
    {
        QTest::addColumn<QString>("extract");
        QTest::addColumn<QString>("variant");
        for (const char *extract : {"extract-full", "extract-resaved"}) {
            for (const char *variant : {"pandas", "european"})
                QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(extract), QLatin1String(variant))))
                    << QString::fromLatin1(extract) << QString::fromLatin1(variant);
        }
    }

    void variants()
    {
        const QString shared = sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: the extract variants are skipped");
        QFETCH(QString, extract);
        QFETCH(QString, variant);
        const QString root = QDir(shared).filePath(extract);
        TempWarehouse w;
        QVERIFY(w.open());
        const QString copy = w.dir.filePath(variant);
        writeVariant(root, variant, copy);
        if (QTest::currentTestFailed())
            return;
        const ImportSummary summary = w.import(extractOptions(copy));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        QCOMPARE(summary.files.size(), 3);
        for (const FileImportSummary &file : summary.files)
            QVERIFY2(file.rowsRejected == 0, qPrintable(file.path + QStringLiteral(": rows rejected")));
        checkNotes(summary, variant);

        const QDir expected(QDir(root).filePath(QStringLiteral("expected")));
        const QStringList combinations = expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(combinations.size(), 6);
        for (const QString &combination : combinations) {
            checkCombination(w.warehouse, expected.filePath(combination));
            if (QTest::currentTestFailed())
                qWarning("while checking %s", qPrintable(combination));
            QVERIFY(!QTest::currentTestFailed());
        }
        if (variant == QLatin1String("pandas") && extract == QLatin1String("extract-full"))
            noFullCardNumberOnDisk(w, root);
    }

private:
    /** The notes name how many values were written as floats (counted from the writer above). */
    static void checkNotes(const ImportSummary &summary, const QString &variant)
    {
        const FileImportSummary &transactions = summary.files[2];
        if (variant == QLatin1String("european")) {
            QCOMPARE(transactions.amountFormat.mark, DecimalMark::Comma);
            QVERIFY(findNote(transactions, QStringLiteral("decimal_comma"), QStringLiteral("amount")));
            return;
        }
        const ImportNote *ids = findNote(transactions, QStringLiteral("float_integer"), QStringLiteral("id"));
        QVERIFY(ids);
        QCOMPARE(ids->rows, 501); // 1.0 … 501.0, then plain
        const ImportNote *devices = findNote(transactions, QStringLiteral("float_integer"), QStringLiteral("device_id"));
        QVERIFY(devices);
        QCOMPARE(devices->rows, 1500);
        const ImportNote *types = findNote(summary.files[1], QStringLiteral("float_integer"), QStringLiteral("type"));
        QVERIFY(types);
        QCOMPARE(types->rows, 200);
        const ImportNote *stores = findNote(summary.files[0], QStringLiteral("float_integer"), QStringLiteral("id"));
        QVERIFY(stores);
        QCOMPARE(stores->rows, 100);
    }

    /** Every card number of the original (12+ digits) is absent from the warehouse's files. */
    static void noFullCardNumberOnDisk(TempWarehouse &w, const QString &root)
    {
        const QVector<QStringList> records = readRecords(QDir(root).filePath(QStringLiteral("transactions.csv")));
        const int card = int(records[0].indexOf(QStringLiteral("card_number")));
        QVERIFY(card >= 0);
        QList<QByteArray> secrets;
        for (int r = 1; r < records.size(); ++r) {
            QString digits = records[r][card];
            digits.remove(QLatin1Char(' '));
            if (digits.size() >= 12)
                secrets << digits.toLatin1() << digits.left(digits.size() - 4).toLatin1();
        }
        QVERIFY(secrets.size() > 1000);
        w.warehouse.close();
        QDirIterator it(w.dir.path(), {QStringLiteral("w.sqlite*")}, QDir::Files);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName() + QStringLiteral(" holds a card number")));
        }
    }
};

QTEST_GUILESS_MAIN(TestExtractVariants)
#include "tst_extract_variants.moc"
