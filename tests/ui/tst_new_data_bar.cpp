// SPDX-License-Identifier: GPL-3.0-or-later
// The "new data available" bar: another client's import (cpm-cli import, another process)
// into the warehouse on show brings the bar, not new numbers behind the reader's back;
// Refresh hides it and shows the new numbers (hand-computed from tests/fixtures/basic plus
// one-row extracts); × dismisses it until the next import; the window's own import (the
// wizard) is shown by its refresh and never announced. The same on a PostgreSQL team
// warehouse under scripts/with-postgres.sh (skipped, saying why, without a server).
#include "../common/CliProcess.h"
#include "../common/MainWindowProbe.h"
#include "../common/PgTestServer.h"
#include "../common/TestSupport.h"

#include "DemoData.h"
#include "MainWindow.h"
#include "MetricTableModel.h"
#include "WarehouseSession.h"
#include "import/CheckPage.h"
#include "import/ImportWizard.h"
#include "session/BatchWatcher.h"
#include "team/NewDataBar.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 60000;
constexpr int kIntervalMs = 100;

/** An extract of one accepted transaction @p id of @p amount on @p device (happened 2022-01-22). */
QString oneTransaction(const QTemporaryDir &dir, int id, int device, int amount)
{
    const QString path = dir.filePath(QStringLiteral("tx%1.csv").arg(id));
    test::writeFile(path, "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n"
                              + QByteArray::number(id) + ',' + QByteArray::number(device) + ",Apple,111,Fruit,"
                              + QByteArray::number(amount) + ",accepted,01/22/2022 8:00:05,01/22/2022 8:00:00\n");
    return path;
}

/** `cpm-cli import --db LOCATION FILE`: another client, another process. */
bool importElsewhere(const QString &location, const QString &file)
{
    const test::Run run = test::cli({QStringLiteral("import"), QStringLiteral("--db"), location, file});
    if (run.code != 0)
        qWarning("cpm-cli import failed (%d): %s", run.code, run.err.constData());
    return run.code == 0;
}

using Store = QPair<qint64, double>;

/** The top stores table as (store id, total amount) rows. */
QVector<Store> topStores(const MainWindow *window)
{
    const MetricTableModel *model = test::MainWindowProbe(window).metricPage(QStringLiteral("top_stores"))->model();
    const int id = model->table().columnIndex(QStringLiteral("store_id"));
    const int total = model->table().columnIndex(QStringLiteral("total_amount"));
    QVector<Store> rows;
    for (int row = 0; row < model->rowCount(); ++row)
        rows << Store(model->index(row, id).data(MetricTableModel::SortRole).toLongLong(),
                      model->index(row, total).data(MetricTableModel::SortRole).toDouble());
    return rows;
}

} // namespace

class TestNewDataBar : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_extracts;
    test::TempWarehouse m_w;
    std::unique_ptr<MainWindow> m_window;

    NewDataBar *bar() const { return m_window->findChild<NewDataBar *>(); }
    BatchWatcher *watcher() const { return m_window->session()->batchWatcher(); }
    bool shown() const { return test::MainWindowProbe(m_window.get()).waitUntilShown(kTimeoutMs); }
    /** Lets the watcher read the warehouse @p count more times. */
    bool readings(int count) const
    {
        const quint64 target = watcher()->readings() + quint64(count);
        return QTest::qWaitFor([this, target] { return watcher()->readings() >= target; }, kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_new_data_bar"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_extracts.isValid());
        QVERIFY(m_w.open());
        QVERIFY(m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded()); // batch 1
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWarehouse(m_w.path()));
        QCOMPARE(watcher()->interval(), BatchWatcher::kDefaultIntervalMs);
        watcher()->setInterval(kIntervalMs);
        QVERIFY(shown());
        // By hand from the fixture (accepted, all dates): store 2 has 500; store 1 100 + 50 +
        // 30 + 10 + 40 + 60 = 290; store 3 200 + 80 = 280; store 4 5 × 10 = 50.
        QCOMPARE(topStores(m_window.get()), QVector<Store>({{2, 500}, {1, 290}, {3, 280}, {4, 50}}));
    }

    void refreshShowsAnotherClientsImport()
    {
        QVERIFY(bar());
        QVERIFY(readings(3));
        QVERIFY(!bar()->isVisible()); // nothing new yet
        // Transaction 18: 300 on device 30, which is store 3's.
        QVERIFY(importElsewhere(m_w.path(), oneTransaction(m_extracts, 18, 30, 300))); // batch 2
        QTRY_VERIFY_WITH_TIMEOUT(bar()->isVisible(), kTimeoutMs);
        QCOMPARE(bar()->batchId(), 2);
        static const QRegularExpression text(QStringLiteral("^<b>New data available</b> — imported at \\d\\d:\\d\\d \\(batch 2\\)\\.$"));
        QVERIFY2(text.match(bar()->text()).hasMatch(), qPrintable(bar()->text()));
        // The numbers on show are not swapped behind the reader's back.
        QVERIFY(readings(2));
        QCOMPARE(topStores(m_window.get()).first(), Store(2, 500));

        QTest::mouseClick(bar()->refreshButton(), Qt::LeftButton);
        QVERIFY(!bar()->isVisible());
        QVERIFY(shown());
        // Store 3: 280 + 300 = 580, now first.
        QCOMPARE(topStores(m_window.get()), QVector<Store>({{3, 580}, {2, 500}, {1, 290}, {4, 50}}));
        QVERIFY(readings(3));
        QVERIFY(!bar()->isVisible()); // batch 2 is on show now
    }

    void dismissedUntilTheNextImport()
    {
        // Transaction 19: 1000 on device 40 (store 4).
        QVERIFY(importElsewhere(m_w.path(), oneTransaction(m_extracts, 19, 40, 1000))); // batch 3
        QTRY_VERIFY_WITH_TIMEOUT(bar()->isVisible(), kTimeoutMs);
        QCOMPARE(bar()->batchId(), 3);
        QTest::mouseClick(bar()->closeButton(), Qt::LeftButton);
        QVERIFY(!bar()->isVisible());
        QVERIFY(readings(3));
        QVERIFY(!bar()->isVisible()); // batch 3 stays dismissed
        QCOMPARE(topStores(m_window.get()).first(), Store(3, 580));
        // Transaction 20: 5 on device 10 (store 1): a newer batch brings the bar back.
        QVERIFY(importElsewhere(m_w.path(), oneTransaction(m_extracts, 20, 10, 5))); // batch 4
        QTRY_VERIFY_WITH_TIMEOUT(bar()->isVisible(), kTimeoutMs);
        QCOMPARE(bar()->batchId(), 4);
        QTest::mouseClick(bar()->refreshButton(), Qt::LeftButton);
        QVERIFY(shown());
        // Store 4: 50 + 1000 = 1050; store 1: 290 + 5 = 295.
        QCOMPARE(topStores(m_window.get()), QVector<Store>({{4, 1050}, {3, 580}, {2, 500}, {1, 295}}));
    }

    void ownImportIsNotAnnounced()
    {
        QSignalSpy announced(watcher(), &BatchWatcher::newDataAvailable);
        // Transaction 21: 2000 on device 20 (store 2), through this window's import wizard.
        m_window->importFiles({oneTransaction(m_extracts, 21, 20, 2000)});
        auto *wizard = m_window->findChild<ImportWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        QSignalSpy finished(wizard, &ImportWizard::importFinished);
        wizard->next();
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->findChild<CheckPage *>()->isComplete(), kTimeoutMs);
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QVERIFY(readings(3)); // read while the wizard is still open on its summary
        wizard->close();
        QVERIFY(shown());
        // Store 2: 500 + 2000 = 2500.
        QCOMPARE(topStores(m_window.get()).first(), Store(2, 2500));
        QVERIFY(readings(3));
        QCOMPARE(announced.count(), 0);
        QVERIFY(!bar()->isVisible());
        QCOMPARE(watcher()->shownBatch(), 5);
    }

    void anotherWarehouseDropsTheBar()
    {
        QVERIFY(importElsewhere(m_w.path(), oneTransaction(m_extracts, 22, 30, 1))); // batch 6
        QTRY_VERIFY_WITH_TIMEOUT(bar()->isVisible(), kTimeoutMs);
        test::TempWarehouse other;
        QVERIFY(other.open());
        QVERIFY(m_window->openWarehouse(other.path()));
        QVERIFY(!bar()->isVisible()); // batch 6 was news about the other file
        QCOMPARE(watcher()->location(), other.path());
        QVERIFY(m_window->openWarehouse(m_w.path()));
        QVERIFY(shown());
        QVERIFY(readings(3));
        QVERIFY(!bar()->isVisible()); // reopened: batch 6 is on show
    }

    void teamWarehouse()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QString why;
        const QString uri = test::PgTestServer::freshDatabase(QStringLiteral("cpm_new_data_bar"), &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        QStringList files;
        for (const char *name : {"stores.csv", "devices.csv", "transactions.csv"})
            files << test::fixture(QStringLiteral("basic/") + QString::fromLatin1(name));
        const test::Run first = test::cli(QStringList({QStringLiteral("import"), QStringLiteral("--db"), uri}) + files);
        QVERIFY2(first.code == 0, first.err.constData());
        MainWindow reader;
        reader.resize(1200, 800);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        QVERIFY(reader.openWarehouse(uri));
        reader.session()->batchWatcher()->setInterval(kIntervalMs);
        const test::MainWindowProbe probe(&reader);
        QVERIFY(probe.waitUntilShown(kTimeoutMs));
        QCOMPARE(topStores(&reader), QVector<Store>({{2, 500}, {1, 290}, {3, 280}, {4, 50}}));
        // A colleague's cpm-cli imports transaction 18: 300 for store 3 (device 30).
        QVERIFY(importElsewhere(uri, oneTransaction(m_extracts, 18, 30, 300)));
        auto *teamBar = reader.findChild<NewDataBar *>();
        QTRY_VERIFY_WITH_TIMEOUT(teamBar->isVisible(), kTimeoutMs);
        QCOMPARE(teamBar->batchId(), 2); // the fixture was batch 1
        QCOMPARE(topStores(&reader).first(), Store(2, 500));
        QTest::mouseClick(teamBar->refreshButton(), Qt::LeftButton);
        QVERIFY(!teamBar->isVisible());
        QVERIFY(probe.waitUntilShown(kTimeoutMs));
        QCOMPARE(topStores(&reader), QVector<Store>({{3, 580}, {2, 500}, {1, 290}, {4, 50}}));
    }

    /** The bar on the demo data (docs/screenshots/new-data-bar.png when CPM_SCREENSHOT_DIR is set). */
    void onTheDemoData()
    {
        QTemporaryDir dir;
        const QStringList extracts = DemoData::extractTo(dir.path());
        if (extracts.isEmpty())
            QSKIP("no demo extracts are bundled with this build");
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        QString error;
        QVERIFY2(WarehouseSession::importFiles(path, extracts, QStringLiteral("demo"), &error), qPrintable(error));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openWarehouse(path));
        window.session()->batchWatcher()->setInterval(kIntervalMs);
        QVERIFY(test::MainWindowProbe(&window).waitUntilShown(kTimeoutMs));
        QVERIFY(importElsewhere(path, oneTransaction(dir, 90001, 1, 250)));
        auto *demoBar = window.findChild<NewDataBar *>();
        QTRY_VERIFY_WITH_TIMEOUT(demoBar->isVisible(), kTimeoutMs);
        QCOMPARE(demoBar->batchId(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isCheckingData(), kTimeoutMs); // the status bar settled
        const QString shots = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QDir().mkpath(shots))
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("new-data-bar.png"))));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestNewDataBar)
#include "tst_new_data_bar.moc"
