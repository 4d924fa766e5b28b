// SPDX-License-Identifier: GPL-3.0-or-later
// Payment data after an aborted import: cpm-cli is killed (SIGKILL) in the middle of loading
// an extract with card numbers and CVVs, and the warehouse, its -wal, -shm and -journal are
// scanned byte for byte, before and after the next open recovers them, for any full card
// number and any CVV. A completed import and cpm-cli's own output are scanned too.
#include "CliSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cpm::test;

namespace {

constexpr int kRows = 120000;

/**
 * Secrets must be findable without false alarms in binary SQLite pages. So every number the
 * warehouse may legitimately hold as text (ids, SKUs, card_last4, line numbers in rejects)
 * is written with the digits 0-6 only, and every CVV with the digits 7-9 only: a CVV found
 * in the files can then only be a CVV.
 */
const QList<QByteArray> kCvvs = {"7897", "9879", "8798", "7988", "9787", "8977", "7799", "9898", "8889"};

QByteArray base7(qint64 n, int width)
{
    return QByteArray::number(n, 7).rightJustified(width, '0');
}

QByteArray cardNumber(int i)
{
    return "4000" + base7(i, 12);
}

/** How the extract writes the card: plain, spaced or dashed, like real exports. */
QByteArray writtenCard(int i)
{
    const QByteArray digits = cardNumber(i);
    if (i % 3 == 0)
        return digits;
    const char sep = i % 3 == 1 ? ' ' : '-';
    return digits.mid(0, 4) + sep + digits.mid(4, 4) + sep + digits.mid(8, 4) + sep + digits.mid(12, 4);
}

/** Transactions with card data; every 10th amount is bad and every 25th row ragged, so rejects hold raw text. */
QByteArray cardExtract()
{
    QByteArray out = "id,device_id,product_name,product_sku,category_name,amount,status,card_number,cvv,created_at,happened_at\n";
    out.reserve(kRows * 100);
    for (int i = 1; i <= kRows; ++i) {
        const QByteArray amount = i % 10 == 0 ? "oops" : "12.50";
        const QByteArray product = i % 25 == 0 ? QByteArray() : QByteArray("Tea,");
        out += base7(i, 1) + ',' + base7(i % 50, 1) + ',' + product + 'P' + base7(i % 300, 1) + ",Drinks," + amount
            + ",accepted," + writtenCard(i) + ',' + kCvvs.at(i % kCvvs.size()) + ",01/10/2022 1:00:00,01/10/2022 1:00:00\n";
    }
    return out;
}

/** Card numbers found in @p bytes: digit runs (spaces and dashes inside them dropped) holding one. */
int cardNumbersIn(const QByteArray &bytes, const QSet<QByteArray> &cards)
{
    int found = 0;
    QByteArray run;
    auto check = [&] {
        for (qsizetype at = 0; at + 16 <= run.size(); ++at)
            found += cards.contains(run.mid(at, 16));
        run.clear();
    };
    for (const char c : bytes) {
        if (c >= '0' && c <= '9')
            run += c;
        else if ((c != ' ' && c != '-') || run.isEmpty())
            check();
    }
    check();
    return found;
}

} // namespace

class TestCardDataAfterKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedMidImportLeavesNoCardData();

private:
    void scanWarehouseFiles(const QString &db, const QString &when);
    void scanBytes(const QByteArray &bytes, const QString &what);

    QTemporaryDir m_dir;
    QSet<QByteArray> m_cards;
    qint64 m_importMs = 0;
    int m_scannedFiles = 0;
};

void TestCardDataAfterKill::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), "CPM_CLI must name the cpm-cli binary");
    QVERIFY(m_dir.isValid());
    QFile out(m_dir.filePath(QStringLiteral("transactions.csv")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    const QByteArray extract = cardExtract();
    out.write(extract);
    out.close();
    for (int i = 1; i <= kRows; ++i)
        m_cards.insert(cardNumber(i));
    // The file itself must trip the scanner, or a clean scan proves nothing.
    QCOMPARE(cardNumbersIn(extract, m_cards), kRows);
    for (const QByteArray &cvv : kCvvs)
        QVERIFY(extract.contains(cvv));
}

void TestCardDataAfterKill::scanBytes(const QByteArray &bytes, const QString &what)
{
    const int cards = cardNumbersIn(bytes, m_cards);
    QVERIFY2(cards == 0, qPrintable(QStringLiteral("%1 holds %2 full card numbers").arg(what).arg(cards)));
    for (const QByteArray &cvv : kCvvs)
        QVERIFY2(!bytes.contains(cvv), qPrintable(QStringLiteral("%1 holds CVV %2").arg(what, QString::fromLatin1(cvv))));
}

void TestCardDataAfterKill::scanWarehouseFiles(const QString &db, const QString &when)
{
    QDirIterator it(QFileInfo(db).absolutePath(), {QFileInfo(db).fileName() + QLatin1Char('*')}, QDir::Files);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        scanBytes(file.readAll(), QStringLiteral("%1 (%2)").arg(QFileInfo(file).fileName(), when));
        ++files;
    }
    QVERIFY(files >= 1);
    m_scannedFiles += files;
}

void TestCardDataAfterKill::killedMidImportLeavesNoCardData()
{
    const QString input = m_dir.filePath(QStringLiteral("transactions.csv"));
    const QString complete = m_dir.filePath(QStringLiteral("complete.sqlite"));
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli({"import", "--db", complete, "--transactions", input});
    m_importMs = timer.elapsed();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("rejected 14400")), qPrintable(run.out.left(2000)));
    scanBytes(run.out.toUtf8() + run.err.toUtf8(), QStringLiteral("cpm-cli output"));
    scanWarehouseFiles(complete, QStringLiteral("completed import"));

    // Kill while rows (and rejects with their raw text) are being written to the WAL.
    for (const int percent : {15, 30, 45, 60, 75}) {
        const QString db = m_dir.filePath(QStringLiteral("killed-%1.sqlite").arg(percent));
        QProcess process;
        process.start(cliPath(), {"import", "--db", db, "--transactions", input});
        QVERIFY(process.waitForStarted());
        // Count the kill time from the warehouse file's creation: on a loaded machine process
        // start-up alone can outlast 15 % of the measured import, and nothing is then scanned.
        bool finished = false;
        while (!QFileInfo::exists(db) && !finished)
            finished = process.waitForFinished(5);
        finished = finished || process.waitForFinished(int(m_importMs * percent / 100));
        if (!finished) {
            process.kill();
            QVERIFY(process.waitForFinished());
        }
        const qint64 walBytes = QFileInfo(db + QStringLiteral("-wal")).size();
        scanWarehouseFiles(db, QStringLiteral("killed at %1%, before reopening").arg(percent));
        {
            ScopedDb reopened(db); // recovery: the uncommitted WAL frames are ignored
            QVERIFY(reopened.isOpen());
            QCOMPARE(reopened.scalar(QStringLiteral("pragma integrity_check")).toString(), QStringLiteral("ok"));
        }
        scanWarehouseFiles(db, QStringLiteral("killed at %1%, after reopening").arg(percent));
        qInfo("killed at %d%% of %lld ms: %s, %lld bytes of WAL scanned", percent, m_importMs,
              finished ? "had finished" : "killed mid-import", walBytes);
    }
    qInfo("%d warehouse files scanned for %d card numbers and %lld CVVs: none found", m_scannedFiles, kRows,
          qint64(kCvvs.size()));
}

QTEST_GUILESS_MAIN(TestCardDataAfterKill)
#include "tst_card_data_after_kill.moc"
