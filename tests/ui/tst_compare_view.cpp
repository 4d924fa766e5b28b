// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view (File ▸ Compare with…) offscreen on tests/fixtures/diff-a then diff-b: the
// dialog lists both imports with their files and rows and picks the newest two; the view,
// computed on its worker thread, shows the hand-known changes and moves (fixture README).
// Saves docs/screenshots/compare.png and compare-metrics.png when CPM_SCREENSHOT_DIR is set.
#include "../common/DiffFixture.h"

#include "../common/MainWindowProbe.h"

#include "MainWindow.h"
#include "MetricTableModel.h"
#include "compare/CompareDialog.h"
#include "compare/CompareView.h"
#include "xlsx/XlsxWorkbook.h"

#include <QMenuBar>

#include <QComboBox>
#include <QSignalSpy>
#include <QTabWidget>

using namespace cpm;
using namespace cpm::test;

namespace {

QString cell(const MetricTableModel *model, int row, const QString &key)
{
    const int column = model->table().columnIndex(key);
    return model->data(model->index(row, column)).toString();
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

    TempWarehouse m_w;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_compare_view"));
        QVERIFY(m_w.open());
        QVERIFY(m_w.import(diff::batchA()).succeeded());
        QVERIFY(m_w.import(diff::batchB()).succeeded());
    }

    void pickTwoImportsAndShowTheChanges()
    {
        CompareView view;
        QSignalSpy compared(&view, &CompareView::compared);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.start(m_w.path(), MetricFilter());
        CompareDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<CompareDialog *>()) != nullptr);
        // diff-a: 4 stores + 5 devices + 17 transactions; diff-b: 5 + 6 + 19.
        QCOMPARE(dialog->fromBox()->count(), 2);
        QVERIFY2(dialog->fromBox()->currentText().startsWith(QStringLiteral("Import 1 — ")), qPrintable(dialog->fromBox()->currentText()));
        QVERIFY2(dialog->fromBox()->currentText().endsWith(QStringLiteral("3 files, 26 rows")), qPrintable(dialog->fromBox()->currentText()));
        QVERIFY(dialog->toBox()->currentText().endsWith(QStringLiteral("3 files, 30 rows")));
        QCOMPARE(dialog->fromBatch(), 1);
        QCOMPARE(dialog->toBatch(), 2);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 30000);

        QVERIFY2(view.headerText().contains(QStringLiteral("batch 1")) && view.headerText().contains(QStringLiteral("batch 2")),
                 qPrintable(view.headerText()));
        const MetricTableModel *stores = view.model(QStringLiteral("changes_stores"));
        QCOMPARE(stores->rowCount(), 3);
        QCOMPARE(cell(stores, 0, QStringLiteral("id")), QStringLiteral("2"));
        QCOMPARE(cell(stores, 0, QStringLiteral("fields")), QStringLiteral("typology"));
        QCOMPARE(cell(stores, 0, QStringLiteral("before")), QStringLiteral("typology=Grocery"));
        QCOMPARE(cell(stores, 0, QStringLiteral("after")), QStringLiteral("typology=Beauty"));
        QCOMPARE(cell(stores, 2, QStringLiteral("change")), QStringLiteral("new"));
        QCOMPARE(view.changeTabs()->tabText(0), QStringLiteral("Stores (3)"));
        QCOMPARE(view.changeTabs()->tabText(2), QStringLiteral("Transactions (5)"));
        const MetricTableModel *transactions = view.model(QStringLiteral("changes_transactions"));
        QCOMPARE(cell(transactions, 0, QStringLiteral("before")), QStringLiteral("amount=30"));
        QCOMPARE(cell(transactions, 0, QStringLiteral("after")), QStringLiteral("amount=300"));

        // Store 1 moves up 3 → 1 (150 → 420); store 5 enters at 4; store 2 reaches its 5th.
        const MetricTableModel *top = view.model(QStringLiteral("top_stores_moves"));
        QCOMPARE(cell(top, 0, QStringLiteral("move")), QStringLiteral("▲ 2"));
        QCOMPARE(cell(top, 0, QStringLiteral("store_id")), QStringLiteral("1"));
        QCOMPARE(top->data(top->index(0, top->table().columnIndex(QStringLiteral("delta_total_amount"))), MetricTableModel::SortRole).toDouble(),
                 270.0);
        QCOMPARE(cell(top, 3, QStringLiteral("move")), QStringLiteral("new"));
        QCOMPARE(cell(top, 3, QStringLiteral("store_id")), QStringLiteral("5"));
        const MetricTableModel *reached = view.model(QStringLiteral("reached_5th"));
        QCOMPARE(reached->rowCount(), 1);
        QCOMPARE(cell(reached, 0, QStringLiteral("store_id")), QStringLiteral("2"));

        const QString shots = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            view.resize(1100, 640);
            view.changeTabs()->setCurrentIndex(0);
            QVERIFY(view.grab().save(QDir(shots).filePath(QStringLiteral("compare.png"))));
            view.tabs()->setCurrentIndex(1);
            QVERIFY(view.grab().save(QDir(shots).filePath(QStringLiteral("compare-metrics.png"))));
        }
    }

    void fromTheMainWindowIntoTheReport()
    {
        // File ▸ Compare with… opens the view on the warehouse on show; Export report… with
        // the comparison ends the workbook with a Comparison sheet (before About).
        MainWindow window;
        QVERIFY(window.openWarehouse(m_w.path()));
        window.show();
        QVERIFY(test::MainWindowProbe(&window).waitUntilShown(30000));
        QAction *compareAction = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *action : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
                if (action->text() == QStringLiteral("&Compare with…"))
                    compareAction = action;
            }
        }
        QVERIFY(compareAction);
        compareAction->trigger();
        QVERIFY(window.compareView());
        QSignalSpy compared(window.compareView(), &CompareView::compared);
        CompareDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.compareView()->findChild<CompareDialog *>()) != nullptr);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 30000);
        QVERIFY(window.compareView()->hasResult());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.xlsx"));
        QSignalSpy exported(&window, &MainWindow::reportExported);
        window.exportReportTo(path, true);
        QVERIFY(exported.count() == 1 || exported.wait(30000));
        QVERIFY2(exported.at(0).at(1).toString().isEmpty(), qPrintable(exported.at(0).at(1).toString()));
        XlsxWorkbook book;
        QVERIFY(book.open(path));
        QStringList names;
        for (const XlsxSheet &sheet : book.sheets())
            names << sheet.name;
        QCOMPARE(names.mid(names.size() - 2), (QStringList{QStringLiteral("Comparison"), QStringLiteral("About")}));
    }

    void oneImportSaysSo()
    {
        TempWarehouse single;
        QVERIFY(single.open());
        QVERIFY(single.import(diff::batchA()).succeeded());
        CompareView view;
        view.start(single.path(), MetricFilter());
        QTRY_VERIFY(view.headerText().contains(QStringLiteral("one import")));
        QVERIFY(!view.findChild<CompareDialog *>());
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compare_view.moc"
