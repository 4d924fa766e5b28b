// SPDX-License-Identifier: GPL-3.0-or-later
// MetricRows read the same whether they hold QVariant rows or typed columns (a RowSource),
// and the exports see the same text either way.
#include "metrics/MetricTable.h"
#include "report/TableWriters.h"

#include <QTest>

using namespace cpm;

namespace {

/** Three stores in typed columns: id, name, and a duration that is null for the second. */
class StoreRows final : public RowSource
{
public:
    qsizetype rowCount() const override { return 3; }
    int columnCount() const override { return 3; }
    QVariant cell(qsizetype row, int column) const override
    {
        static const qint64 ids[] = {7, 8, 9};
        static const char *names[] = {"Alpha", "Beta, \"B\"", "Gamma"};
        static const qint64 seconds[] = {86400, 0, 90061};
        switch (column) {
        case 0: return ids[row];
        case 1: return QString::fromLatin1(names[row]);
        default: return row == 1 ? QVariant() : QVariant(seconds[row]);
        }
    }
};

/** The same three rows written out by hand as QVariant rows. */
MetricRows plainRows()
{
    return {{qint64(7), QStringLiteral("Alpha"), qint64(86400)},
            {qint64(8), QStringLiteral("Beta, \"B\""), QVariant()},
            {qint64(9), QStringLiteral("Gamma"), qint64(90061)}};
}

MetricRows typedRows()
{
    return MetricRows(std::make_shared<StoreRows>());
}

MetricTable table(MetricRows rows)
{
    MetricTable t;
    t.columns = {{QStringLiteral("store_id"), QStringLiteral("Store id"), ValueKind::Integer},
                 {QStringLiteral("store_name"), QStringLiteral("Store"), ValueKind::Text},
                 {QStringLiteral("seconds"), QStringLiteral("1st → 5th"), ValueKind::Seconds}};
    t.rows = std::move(rows);
    return t;
}

} // namespace

class TestMetricRows : public QObject
{
    Q_OBJECT

private slots:
    void typedRowsReadLikePlainRows()
    {
        const MetricRows typed = typedRows();
        QVERIFY(typed.isTyped());
        QVERIFY(!plainRows().isTyped());
        QCOMPARE(typed.size(), 3);
        QCOMPARE(typed.cell(0, 0).toLongLong(), 7);
        QCOMPARE(typed.cell(1, 1).toString(), QStringLiteral("Beta, \"B\""));
        QVERIFY(typed.cell(1, 2).isNull());
        QCOMPARE(typed.cell(2, 2).toLongLong(), 90061);
        QCOMPARE(typed[2], (QVariantList{qint64(9), QStringLiteral("Gamma"), qint64(90061)}));
        QCOMPARE(typed.last(), typed.at(2));
        QVERIFY(typed == plainRows());
        QVERIFY(plainRows() == typed);
        QVERIFY((typed != MetricRows{{qint64(7), QStringLiteral("Alpha"), qint64(86400)}}));
    }

    void outsideTheTableIsNull()
    {
        for (const MetricRows &rows : {typedRows(), plainRows()}) {
            QVERIFY(!rows.cell(3, 0).isValid());
            QVERIFY(!rows.cell(-1, 0).isValid());
            QVERIFY(!rows.cell(0, 3).isValid());
            QVERIFY(rows.value(3).isEmpty());
        }
    }

    void iterationVisitsEveryRowInOrder()
    {
        QStringList names;
        for (const QVariantList &row : typedRows())
            names << row.value(1).toString();
        QCOMPARE(names, (QStringList{"Alpha", "Beta, \"B\"", "Gamma"}));
    }

    void midCopiesARange()
    {
        const MetricRows middle = typedRows().mid(1, 1);
        QVERIFY(!middle.isTyped());
        QCOMPARE(middle.size(), 1);
        QCOMPARE(middle.cell(0, 0).toLongLong(), 8);
        QCOMPARE(typedRows().mid(1).size(), 2);
        QCOMPARE(typedRows().mid(2, 10), plainRows().mid(2, 10));
    }

    void editingTurnsTypedRowsIntoPlainRows()
    {
        MetricRows rows = typedRows();
        const MetricRows shared = rows; // a copy keeps its typed rows
        rows << QVariantList{qint64(10), QStringLiteral("Delta"), qint64(1)};
        QVERIFY(!rows.isTyped());
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.cell(3, 1).toString(), QStringLiteral("Delta"));
        QCOMPARE(rows.cell(1, 1).toString(), QStringLiteral("Beta, \"B\""));
        QVERIFY(shared.isTyped());
        QCOMPARE(shared.size(), 3);
        rows.resize(1);
        QCOMPARE(rows, (MetricRows{{qint64(7), QStringLiteral("Alpha"), qint64(86400)}}));
        rows.clear();
        QVERIFY(rows.isEmpty());
    }

    void tableValueFindsTheColumn()
    {
        const MetricTable t = table(typedRows());
        QCOMPARE(t.value(2, QStringLiteral("store_name")).toString(), QStringLiteral("Gamma"));
        QVERIFY(!t.value(0, QStringLiteral("nope")).isValid());
    }

    void csvIsTheSameFromEitherStorage()
    {
        // 90061 s = 1 day 01:01:01; the null duration is an empty field.
        const QString expected = QStringLiteral("store_id,store_name,seconds\r\n"
                                                "7,Alpha,86400\r\n"
                                                "8,\"Beta, \"\"B\"\"\",\r\n"
                                                "9,Gamma,90061\r\n");
        QCOMPARE(toCsv(table(typedRows())), expected);
        QCOMPARE(toCsv(table(plainRows())), expected);
    }
};

QTEST_GUILESS_MAIN(TestMetricRows)
#include "tst_metric_rows.moc"
