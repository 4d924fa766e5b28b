// SPDX-License-Identifier: GPL-3.0-or-later
// MetricTableModel and MetricSortProxy over a hand-built table (no warehouse needed).
#include "MetricSortProxy.h"
#include "MetricTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace cpm;

class TestMetricTableModel : public QObject
{
    Q_OBJECT

private:
    static MetricTable table()
    {
        MetricTable t;
        t.id = QStringLiteral("top_stores");
        t.columns = {{QStringLiteral("store_name"), QStringLiteral("Store"), ValueKind::Text},
                     {QStringLiteral("total_amount"), QStringLiteral("Total amount"), ValueKind::Amount},
                     {QStringLiteral("pct"), QStringLiteral("Share"), ValueKind::Percent},
                     {QStringLiteral("seconds"), QStringLiteral("1st → 5th"), ValueKind::Seconds}};
        t.rows = {{QStringLiteral("Beta"), 500.0, 60.0, 273600.0},
                  {QStringLiteral("alpha"), 9.5, 200.0 / 15, 42.0},
                  {QStringLiteral("Gamma"), 1234567.891, 6.66667, QVariant()},
                  {QStringLiteral("delta"), 80.0, 20.0, 3700.0}};
        return t;
    }

    static QStringList column(const QAbstractItemModel &model, int column)
    {
        QStringList texts;
        for (int row = 0; row < model.rowCount(); ++row)
            texts << model.index(row, column).data().toString();
        return texts;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void passesModelTester()
    {
        MetricTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        MetricSortProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(table());
        proxy.sort(1);
        model.setTable(MetricTable());
        QCOMPARE(proxy.rowCount(), 0);
    }

    void displayText()
    {
        MetricTableModel model;
        model.setTable(table());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Total amount"));
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("1,234,567.89"));
        QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("13.3 %"));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("60.0 %"));
        QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("3 d 4 h"));
        QCOMPARE(model.index(3, 3).data().toString(), QStringLiteral("1 h 1 min"));
        QCOMPARE(model.index(1, 3).data().toString(), QStringLiteral("42 s"));
        QCOMPARE(model.index(2, 3).data().toString(), QStringLiteral("—"));
        QVERIFY(model.index(0, 3).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("273,600 seconds")));
        QCOMPARE(model.index(0, 1).data(MetricTableModel::SortRole).toDouble(), 500.0);
    }

    void humanDuration()
    {
        QCOMPARE(MetricTableModel::humanDuration(3 * 86400 + 4 * 3600 + 59), QStringLiteral("3 d 4 h"));
        QCOMPARE(MetricTableModel::humanDuration(-86400), QStringLiteral("−1 d 0 h"));
        QCOMPARE(MetricTableModel::humanDuration(0), QStringLiteral("0 s"));
    }

    void alignment()
    {
        MetricTableModel model;
        model.setTable(table());
        const auto align = [&](int c) { return Qt::Alignment(model.index(0, c).data(Qt::TextAlignmentRole).toInt()); };
        QVERIFY(align(0) & Qt::AlignLeft);
        for (int c = 1; c < 4; ++c)
            QVERIFY(align(c) & Qt::AlignRight);
    }

    void numericSortThroughProxy()
    {
        MetricTableModel model;
        model.setTable(table());
        MetricSortProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(1, Qt::AscendingOrder); // text order would put "1,234,567.89" first and "9.50" last
        QCOMPARE(column(proxy, 0), (QStringList{"alpha", "delta", "Beta", "Gamma"}));
        proxy.sort(1, Qt::DescendingOrder);
        QCOMPARE(column(proxy, 0), (QStringList{"Gamma", "Beta", "delta", "alpha"}));
        proxy.sort(2, Qt::AscendingOrder);
        QCOMPARE(column(proxy, 0), (QStringList{"Gamma", "alpha", "delta", "Beta"}));
        proxy.sort(3, Qt::AscendingOrder); // the empty duration first
        QCOMPARE(column(proxy, 0), (QStringList{"Gamma", "alpha", "delta", "Beta"}));
        proxy.sort(0, Qt::AscendingOrder); // text: case-insensitive
        QCOMPARE(column(proxy, 0), (QStringList{"alpha", "Beta", "delta", "Gamma"}));
    }
};

QTEST_GUILESS_MAIN(TestMetricTableModel)
#include "tst_metrictablemodel.moc"
