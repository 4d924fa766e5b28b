// SPDX-License-Identifier: GPL-3.0-or-later
// Spread on the pages (issue #13 item 5): the items tied with the 10th of a top list are named
// under the table, thin metric 3 cells are marked, and metric 5's histogram carries a box plot
// of the quartiles with the median next to the average. Hand-computed answers:
// tests/fixtures/ties-at-cut/README.md. Saves docs/screenshots/spread.png, thin-cells.png and
// ties-at-cut.png
// when CPM_SCREENSHOT_DIR is set.
#include "../common/MainWindowProbe.h"
#include "../common/TestSupport.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "dashboard/MetricPage.h"
#include "generate/ExtractGenerator.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QStandardPaths>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 30000;

void saveShot(QWidget *window, const char *name)
{
    const QString shots = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
    if (!shots.isEmpty() && QDir().mkpath(shots))
        QVERIFY(window->grab().save(QDir(shots).filePath(QString::fromLatin1(name))));
}

} // namespace

class TestSpreadPages : public QObject
{
    Q_OBJECT

    test::TempWarehouse m_ties;
    test::TempWarehouse m_network;

    /** Opens @p path and shows the page of @p metric once its numbers are on show. */
    MetricPage *showPage(MainWindow &window, const QString &path, const QString &metric)
    {
        test::MainWindowProbe ui(&window);
        ui.filterBar()->reset();
        if (!window.openWarehouse(path))
            return nullptr;
        window.show();
        if (!QTest::qWaitForWindowExposed(&window) || !ui.waitUntilShown(kTimeoutMs))
            return nullptr;
        window.showPage(1 + int(metricIds().indexOf(metric)));
        return ui.metricPage(metric);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_spread_pages"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_ties.open());
        QVERIFY(m_ties.import(test::extractOptions(test::fixture(QStringLiteral("ties-at-cut")))).succeeded());
        QVERIFY(m_network.open());
        GeneratorOptions options;
        options.transactions = 3000;
        options.stores = 60;
        options.devices = 90;
        const QString dir = m_network.dir.filePath(QStringLiteral("extract"));
        ExtractGenerator generator;
        QVERIFY2(generator.write(dir, options), qPrintable(generator.error().toString()));
        QVERIFY(m_network.import(test::extractOptions(dir)).succeeded());
    }

    void tiesAtTheCutAreNamed()
    {
        MainWindow window;
        window.resize(1300, 850);
        MetricPage *stores = showPage(window, m_ties.path(), QStringLiteral("top_stores"));
        QVERIFY(stores);
        QCOMPARE(stores->model()->rowCount(), 10);
        QVERIFY2(stores->notesLabel()->text().contains(
                     QStringLiteral("3 more with the same total amount as rank 10 (100.00) are not shown: 11, 12, 13")),
                 qPrintable(stores->notesLabel()->text()));
        window.showPage(1 + int(metricIds().indexOf(QStringLiteral("top_products"))));
        MetricPage *products = test::MainWindowProbe(&window).metricPage(QStringLiteral("top_products"));
        QVERIFY2(products->notesLabel()->text().contains(QStringLiteral("24 more with the same items sold as rank 10 (1)")),
                 qPrintable(products->notesLabel()->text()));
        QVERIFY(products->notesLabel()->text().contains(QStringLiteral("1000000000030 and 4 more")));
        saveShot(&window, "ties-at-cut.png");
    }

    void thinCellsAreMarked()
    {
        MainWindow window;
        window.resize(1300, 850);
        MetricPage *page = showPage(window, m_ties.path(), QStringLiteral("avg_amount_by_typology_country"));
        QVERIFY(page);
        const MetricTableModel *model = page->model();
        const int flag = model->table().columnIndex(QStringLiteral("few_transactions"));
        QVERIFY(flag >= 0);
        QCOMPARE(model->headerData(flag, Qt::Horizontal).toString(), QStringLiteral("Fewer than 5"));
        QStringList marked;
        for (int row = 0; row < model->rowCount(); ++row) {
            const bool amber = model->data(model->index(row, 0), Qt::BackgroundRole).isValid();
            const QString shown = model->data(model->index(row, flag)).toString();
            QCOMPARE(amber, shown == QStringLiteral("⚠ yes"));
            if (amber)
                marked << model->table().value(row, QStringLiteral("typology")).toString() + QLatin1Char('/')
                        + model->table().value(row, QStringLiteral("country")).toString();
        }
        marked.sort();
        QCOMPARE(marked, (QStringList{QStringLiteral("Bakery/Spain"), QStringLiteral("Kiosk/Spain")}));
        QVERIFY(page->notesLabel()->text().contains(QStringLiteral("2 of 4 typology × country cells")));
        saveShot(&window, "thin-cells.png");
    }

    void metricFiveShowsTheBoxAndTheMedian()
    {
        MainWindow window;
        window.resize(1300, 850);
        MetricPage *page = showPage(window, m_network.path(), QStringLiteral("time_to_5th_transaction"));
        QVERIFY(page);
        const std::optional<Spread> spread = window.snapshot().timeToFifth.spread;
        QVERIFY(spread && spread->n > 10);
        const QLocale locale;
        auto days = [&](double seconds) { return locale.toString(seconds / 86400.0, 'f', 1); };
        QStringList names;
        bool hasBox = false;
        for (QAbstractSeries *series : page->chartView()->chart()->series()) {
            names << series->name();
            hasBox = hasBox || qobject_cast<QAreaSeries *>(series);
        }
        QVERIFY(hasBox);
        QVERIFY2(names.contains(QStringLiteral("Quartiles: %1 – %2 days").arg(days(spread->q1), days(spread->q3))),
                 qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY(names.contains(QStringLiteral("Median: %1 days").arg(days(spread->median))));
        QVERIFY(names.filter(QStringLiteral("Average:")).size() == 1);
        const QString notes = page->notesLabel()->text();
        QVERIFY2(notes.contains(QStringLiteral("median %1 days").arg(locale.toString(spread->median / 86400.0, 'f', 2))),
                 qPrintable(notes));
        QVERIFY(notes.contains(QStringLiteral("Spread of 1st → 5th transaction: median")));
        saveShot(&window, "spread.png");
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(TestSpreadPages)
#include "tst_spread_pages.moc"
