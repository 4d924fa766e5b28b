// SPDX-License-Identifier: GPL-3.0-or-later
// BatchWatcher: another client's import (cpm-cli import, a separate process with its own
// connection) into the warehouse on show is announced with its batch id, once, and only when
// newer than what is shown; the reads never block this thread. An SQLite file always; a
// PostgreSQL team warehouse under scripts/with-postgres.sh (skipped, saying why, without one).
#include "../common/CliProcess.h"
#include "../common/PgTestServer.h"
#include "../common/TestSupport.h"

#include "session/BatchWatcher.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr int kIntervalMs = 50;

/** One more transaction for store 3 (device 30), as another analyst's extract. */
QByteArray extraTransaction(int id)
{
    return "id,device_id,product_name,product_sku,category_name,amount,status,created_at,happened_at\n"
        + QByteArray::number(id) + ",30,Apple,111,Fruit,300,accepted,01/22/2022 8:00:05,01/22/2022 8:00:00\n";
}

QStringList basicFiles()
{
    QStringList files;
    for (const char *name : {"stores.csv", "devices.csv", "transactions.csv"})
        files << test::fixture(QStringLiteral("basic/") + QString::fromLatin1(name));
    return files;
}

/** `cpm-cli import --db LOCATION FILES`, as another client would run it. */
bool importElsewhere(const QString &location, const QStringList &files)
{
    const test::Run run = test::cli(QStringList({QStringLiteral("import"), QStringLiteral("--db"), location}) + files);
    if (run.code != 0)
        qWarning("cpm-cli import failed (%d): %s", run.code, run.err.constData());
    return run.code == 0;
}

/** Polls until @p watcher has delivered @p more readings after now. */
bool waitForReadings(BatchWatcher &watcher, quint64 more)
{
    const quint64 target = watcher.readings() + more;
    return QTest::qWaitFor([&] { return watcher.readings() >= target; }, kTimeoutMs);
}

} // namespace

class TestBatchWatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** The watcher's whole story on @p location, which holds the basic fixture as batch 1. */
    void announcesImportsByOthers(const QString &location)
    {
        BatchWatcher watcher;
        QCOMPARE(watcher.interval(), BatchWatcher::kDefaultIntervalMs);
        watcher.setInterval(kIntervalMs);
        QSignalSpy announced(&watcher, &BatchWatcher::newDataAvailable);
        watcher.watch(location, 1);
        // Nothing new yet: several readings, no announcement.
        QVERIFY(waitForReadings(watcher, 3));
        QVERIFY2(watcher.lastError().isEmpty(), qPrintable(watcher.lastError()));
        QCOMPARE(announced.count(), 0);

        const QString extra = m_dir.filePath(QStringLiteral("extra18.csv"));
        test::writeFile(extra, extraTransaction(18));
        const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
        QVERIFY(importElsewhere(location, {extra}));
        QTRY_COMPARE_WITH_TIMEOUT(announced.count(), 1, kTimeoutMs);
        // The fixture's import was batch 1, so the other client's is batch 2, stamped when it finished.
        QCOMPARE(announced[0][0].toLongLong(), 2);
        const QDateTime importedAt = announced[0][1].toDateTime();
        QVERIFY2(importedAt >= before.addSecs(-1) && importedAt <= QDateTime::currentDateTime().addSecs(1),
                 qPrintable(importedAt.toString(Qt::ISODate)));

        // Announced once, not at every reading.
        QVERIFY(waitForReadings(watcher, 3));
        QCOMPARE(announced.count(), 1);

        // The reader refreshes (the dashboard shows batch 2), then a third import lands.
        watcher.setShownBatch(2);
        const QString extra19 = m_dir.filePath(QStringLiteral("extra19.csv"));
        test::writeFile(extra19, extraTransaction(19));
        // While paused (this window's own import is running) nothing is announced...
        watcher.setPaused(true);
        QVERIFY(importElsewhere(location, {extra19}));
        QVERIFY(waitForReadings(watcher, 3));
        QCOMPARE(announced.count(), 1);
        // ...and once the refresh after it shows batch 3, there is nothing to announce either.
        watcher.setShownBatch(3);
        watcher.setPaused(false);
        QVERIFY(waitForReadings(watcher, 3));
        QCOMPARE(announced.count(), 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CPM_CLI")), "CPM_CLI must name the cpm-cli binary");
    }

    void sqliteFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        QVERIFY(importElsewhere(path, basicFiles()));
        announcesImportsByOthers(path);
    }

    void postgresTeamWarehouse()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QString why;
        const QString uri = test::PgTestServer::freshDatabase(QStringLiteral("cpm_batchwatcher"), &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        QVERIFY(importElsewhere(uri, basicFiles()));
        announcesImportsByOthers(uri);
    }

    void missingFileIsAnErrorAndStaysMissing()
    {
        BatchWatcher watcher;
        const QString gone = m_dir.filePath(QStringLiteral("gone.sqlite"));
        watcher.watch(gone, 0);
        watcher.pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(watcher.readings() == 1, kTimeoutMs);
        QVERIFY2(watcher.lastError().contains(QStringLiteral("gone")), qPrintable(watcher.lastError()));
        QVERIFY(!QFileInfo::exists(gone)); // reading never creates an empty warehouse in its place
    }

    void unreachableServerNeverBlocksThisThread()
    {
        BatchWatcher watcher;
        QSignalSpy announced(&watcher, &BatchWatcher::newDataAvailable);
        // A non-routable address: connecting takes until the timeout (or fails at once when
        // the network says so); either way this thread only posts the read.
        watcher.watch(QStringLiteral("postgresql://cpm@10.255.255.1:5432/cpm?connect_timeout=3"), 0);
        QElapsedTimer clock;
        clock.start();
        watcher.pollNow();
        watcher.pollNow(); // one read at a time: this one is dropped, not queued
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(watcher.readings() == 1, kTimeoutMs);
        QVERIFY(!watcher.lastError().isEmpty());
        QCOMPARE(announced.count(), 0);
        // Another warehouse: the reading of the one before is dropped, not counted as this one's.
        watcher.watch(QString(), 0);
        QCOMPARE(watcher.location(), QString());
    }
};

QTEST_GUILESS_MAIN(TestBatchWatcher)
#include "tst_batchwatcher.moc"
