// SPDX-License-Identifier: GPL-3.0-or-later
// MoveHighlightProxy over a comparison's rank-move table (built by DiffTables from hand-made
// moves): the move column is green for ▲ and new, red for ▼ and left, untouched otherwise,
// and every other role and column passes through; checked by QAbstractItemModelTester.
#include "MetricTableModel.h"
#include "MoveHighlightProxy.h"

#include "diff/DiffTables.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cpm;

class TestMoveHighlightProxy : public QObject
{
    Q_OBJECT

private slots:
    void coloursTheMoveColumnOnly()
    {
        MetricMoves moves;
        moves.topStores = {RankMove{QStringLiteral("1"), QStringLiteral("Alpha"), 3, 1, 150.0, 420.0, RankMovement::Up},
                           RankMove{QStringLiteral("2"), QStringLiteral("Beta"), 1, 2, 300.0, 395.0, RankMovement::Down},
                           RankMove{QStringLiteral("5"), QStringLiteral("Epsilon"), 0, 3, QVariant(), 200.0, RankMovement::Entered},
                           RankMove{QStringLiteral("4"), QStringLiteral("Delta"), 4, 4, 90.0, 90.0, RankMovement::Same},
                           RankMove{QStringLiteral("3"), QStringLiteral("Gamma"), 2, 0, 250.0, QVariant(), RankMovement::Left}};
        MetricTableModel model;
        MoveHighlightProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(difftables::topStoreMoves(moves));
        const int move = model.table().columnIndex(QStringLiteral("move"));
        const int name = model.table().columnIndex(QStringLiteral("store_name"));
        QCOMPARE(proxy.rowCount(), 5);
        const auto colour = [&](int row, int column) { return proxy.index(row, column).data(Qt::ForegroundRole); };
        QCOMPARE(proxy.index(0, move).data().toString(), QStringLiteral("▲ 2"));
        QCOMPARE(colour(0, move).value<QColor>(), MoveHighlightProxy::upColor());
        QCOMPARE(proxy.index(1, move).data().toString(), QStringLiteral("▼ 1"));
        QCOMPARE(colour(1, move).value<QColor>(), MoveHighlightProxy::downColor());
        QCOMPARE(colour(2, move).value<QColor>(), MoveHighlightProxy::upColor());   // new
        QVERIFY(!colour(3, move).isValid());                                        // =
        QCOMPARE(colour(4, move).value<QColor>(), MoveHighlightProxy::downColor()); // left
        QVERIFY(!colour(0, name).isValid());
        QCOMPARE(proxy.index(0, name).data().toString(), QStringLiteral("Alpha"));
        QCOMPARE(proxy.index(0, model.table().columnIndex(QStringLiteral("delta_total_amount"))).data(MetricTableModel::SortRole).toDouble(),
                 270.0);
    }
};

QTEST_MAIN(TestMoveHighlightProxy)
#include "tst_move_highlight_proxy.moc"
