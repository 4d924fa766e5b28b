// SPDX-License-Identifier: GPL-3.0-or-later
// ImportPreviewModel's column types come from the import's own number readers: pandas-style
// "1.0" ids are integers, European "749,00" amounts decimals with a comma. Expectations are
// written by hand from the fixtures' rows (tests/fixtures/basic-pandas, basic-european).
#include "ImportPreviewModel.h"

#include "../common/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cpm;

namespace {

/** The type line of every column header, in file order. */
QStringList columnTypes(const QAbstractItemModel &model)
{
    QStringList types;
    for (int column = 0; column < model.columnCount(); ++column)
        types << model.headerData(column, Qt::Horizontal, ImportPreviewModel::ColumnTypeRole).toString();
    return types;
}

Qt::Alignment alignment(const QAbstractItemModel &model, int column)
{
    return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt());
}

} // namespace

class TestImportPreviewModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** A model over @p path as the wizard's preview shows it, checked by QAbstractItemModelTester. */
    static void inspect(ImportPreviewModel *model, const QString &path)
    {
        const FileInspection inspection = FileInspector::inspect(path);
        QVERIFY2(inspection.ok(), qPrintable(inspection.error.message));
        model->setInspection(inspection);
    }

private slots:
    void pandasFloatIdsAreIntegers()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        inspect(&model, test::fixture(QStringLiteral("basic-pandas/devices.csv")));
        // 10.0,1.0,1.0 ... : every column is whole.
        QCOMPARE(columnTypes(model), (QStringList{"integer", "integer", "integer"}));

        inspect(&model, test::fixture(QStringLiteral("basic-pandas/stores.csv")));
        QCOMPARE(columnTypes(model), (QStringList{"integer", "text", "text", "text", "text", "timestamp", "text",
                                                  "integer"})); // id 1.0, customer_id 100.0
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id\ninteger"));
        QCOMPARE(alignment(model, 0) & Qt::AlignHorizontal_Mask, Qt::AlignRight);
    }

    void pandasTransactions()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        inspect(&model, test::fixture(QStringLiteral("basic-pandas/transactions.csv")));
        QCOMPARE(model.rowCount(), 18);
        // id: 1.0 ... 9.0, 10 ... 17 and 18.5 (the one row the import rejects): not all whole.
        // device_id: 1.0E1, 11.0, ...: whole. product_sku: v111 is no number. amount: 100.0 ... 1.0E3.
        QCOMPARE(columnTypes(model), (QStringList{"decimal", "integer", "text", "text", "text", "decimal", "text",
                                                  "card, last 4 kept", "never read", "timestamp", "timestamp"}));
    }

    void europeanAmountsUseAComma()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        inspect(&model, test::fixture(QStringLiteral("basic-european/transactions.csv")));
        // amount: 100,00 ... 1.000,00 (a thousands point and a decimal comma).
        QCOMPARE(columnTypes(model), (QStringList{"integer", "integer", "text", "text", "text", "decimal (comma)",
                                                  "text", "timestamp", "timestamp"}));
        QCOMPARE(alignment(model, 5) & Qt::AlignHorizontal_Mask, Qt::AlignRight);
        QCOMPARE(alignment(model, 2) & Qt::AlignHorizontal_Mask, Qt::AlignLeft);
        QCOMPARE(model.headerData(5, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("amount: loaded as amount (decimal (comma))"));
    }

    void idsFollowTheFilesDecimalComma()
    {
        // In a file whose amounts prove a decimal comma, "10,0" is a whole device id (10) and
        // "1,000" the id 1; amounts that are all whole are still loaded as decimals.
        const QString path = m_dir.filePath(QStringLiteral("comma.csv"));
        test::writeFile(path, "id;device_id;product_sku;amount;status;created_at;happened_at;note\n"
                              "\"1,000\";10,0;111;749,00;accepted;10.01.2022 10:00:05;10.01.2022 10:00:00;\n"
                              "2;11;222;12,50;accepted;10.01.2022 11:00:05;10.01.2022 11:00:00;\n");
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        inspect(&model, path);
        QCOMPARE(columnTypes(model), (QStringList{"integer", "integer", "integer", "decimal (comma)", "text",
                                                  "timestamp", "timestamp", "ignored"}));

        const QString whole = m_dir.filePath(QStringLiteral("whole.csv"));
        test::writeFile(whole, "id,device_id,product_sku,amount,status,created_at,happened_at\n"
                               "1,10,111,749,accepted,2022-01-10 10:00:05,2022-01-10 10:00:00\n"
                               "2,11,222,,accepted,2022-01-10 11:00:05,2022-01-10 11:00:00\n");
        inspect(&model, whole);
        QCOMPARE(columnTypes(model).value(3), QStringLiteral("decimal")); // 749 and a blank
    }
};

QTEST_GUILESS_MAIN(TestImportPreviewModel)
#include "tst_importpreviewmodel.moc"
