// SPDX-License-Identifier: GPL-3.0-or-later
// Metric 3's page with store history (tests/fixtures/scd2-*): the box states the default
// (current typology and country), choosing "at each transaction" recomputes the numbers with
// that reading (hand-computed answers in tests/common/StoreHistoryFixture.h), and the filter
// bar keeps the choice. Saves docs/screenshots/store-history.png when CPM_SCREENSHOT_DIR is set.
#include "../common/MainWindowProbe.h"
#include "../common/StoreHistoryFixture.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "dashboard/MetricPage.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>

using namespace cpm;
using namespace cpm::test::scd2;

namespace {

constexpr int kTimeoutMs = 30000;
const QString kMetric = QStringLiteral("avg_amount_by_typology_country");

// "typology/country: transactions total" per row of the page's table, as on show.
QStringList shownRows(const MetricTableModel *model)
{
    QStringList rows;
    const MetricTable &t = model->table();
    for (int i = 0; i < t.rows.size(); ++i)
        rows << QStringLiteral("%1/%2: %3 %4")
                    .arg(t.value(i, QStringLiteral("typology")).toString(), t.value(i, QStringLiteral("country")).toString())
                    .arg(t.value(i, QStringLiteral("transactions")).toLongLong())
                    .arg(t.value(i, QStringLiteral("total_amount")).toDouble());
    return rows;
}

} // namespace

class TestStoreHistoryPage : public QObject
{
    Q_OBJECT

    test::TempWarehouse m_w;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_store_history_page"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_w.open());
        for (const ImportOptions &options : threeBatches())
            QVERIFY(m_w.import(options).succeeded());
    }

    void toggleRecomputesMetricThree()
    {
        MainWindow window;
        window.resize(1300, 850);
        test::MainWindowProbe ui(&window);
        ui.filterBar()->reset();
        QVERIFY(window.openWarehouse(m_w.path()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(ui.waitUntilShown(kTimeoutMs));
        window.showPage(1 + int(metricIds().indexOf(kMetric)));
        MetricPage *page = ui.metricPage(kMetric);
        QComboBox *box = page->storeVersionBox();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->currentText().contains(QStringLiteral("current")));
        QVERIFY(box->currentText().contains(QStringLiteral("default")));
        QCOMPARE(shownRows(page->model()), (QStringList{QStringLiteral("Beauty/France: 7 330"), QStringLiteral("Beauty/Portugal: 3 900"),
                                                        QStringLiteral("Grocery/Portugal: 6 290")}));

        box->setCurrentIndex(1);
        emit box->activated(1); // what a user's pick sends
        QTRY_COMPARE_WITH_TIMEOUT(window.snapshot().filter.storeVersion, StoreVersion::AtTransaction, kTimeoutMs);
        QVERIFY(ui.waitUntilShown(kTimeoutMs));
        QCOMPARE(ui.filterBar()->filter().storeVersion, StoreVersion::AtTransaction);
        QVERIFY(ui.filterBar()->descriptionLabel()->text().contains(QStringLiteral("at each transaction")));
        QCOMPARE(shownRows(page->model()), (QStringList{QStringLiteral("Beauty/France: 7 330"), QStringLiteral("Beauty/Portugal: 2 400"),
                                                        QStringLiteral("Grocery/Portugal: 7 790")}));
        QVERIFY(page->notesLabel()->text().contains(QStringLiteral("when it happened")));
        const QString shots = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QDir().mkpath(shots))
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("store-history.png"))));

        // Reset brings the default reading back, and the box says so again.
        ui.filterBar()->reset();
        QTRY_COMPARE_WITH_TIMEOUT(window.snapshot().filter.storeVersion, StoreVersion::Current, kTimeoutMs);
        QVERIFY(ui.waitUntilShown(kTimeoutMs));
        QCOMPARE(box->currentIndex(), 0);
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(TestStoreHistoryPage)
#include "tst_store_history_page.moc"
