// SPDX-License-Identifier: GPL-3.0-or-later
// The recent-warehouses list (File ▸ Open recent) without widgets: most recent first, each
// warehouse once however it was spelled, at most 8, and never a password in what is stored.
#include "RecentWarehouses.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cpm;

class TestRecentWarehouses : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    QString file(const QString &name) const { return m_dir.filePath(name); }
    /** Everything written to the settings file, as bytes on disk. */
    QByteArray storedBytes() const
    {
        m_settings->sync();
        QFile ini(file(QStringLiteral("recent.ini")));
        return ini.open(QIODevice::ReadOnly) ? ini.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(file(QStringLiteral("recent.ini")));
        m_settings = std::make_unique<QSettings>(file(QStringLiteral("recent.ini")), QSettings::IniFormat);
    }

    void mostRecentFirst()
    {
        RecentWarehouses recent(m_settings.get());
        QVERIFY(recent.entries().isEmpty());
        QVERIFY(recent.add(file(QStringLiteral("a.sqlite"))));
        QVERIFY(recent.add(QStringLiteral("postgresql://ana@db.example:5432/sales")));
        QVERIFY(recent.add(file(QStringLiteral("b.sqlite"))));
        QCOMPARE(recent.entries(), QStringList({file(QStringLiteral("b.sqlite")), QStringLiteral("postgresql://ana@db.example:5432/sales"),
                                                file(QStringLiteral("a.sqlite"))}));
        // Opening one again moves it to the top instead of listing it twice.
        QVERIFY(recent.add(file(QStringLiteral("a.sqlite"))));
        QCOMPARE(recent.entries(), QStringList({file(QStringLiteral("a.sqlite")), file(QStringLiteral("b.sqlite")),
                                                QStringLiteral("postgresql://ana@db.example:5432/sales")}));
        QCOMPARE(recent.last(), file(QStringLiteral("a.sqlite")));
        // Another RecentWarehouses over the same settings (another window) sees the same list.
        QCOMPARE(RecentWarehouses(m_settings.get()).entries().size(), 3);
    }

    void spellingsOfOneWarehouseAreOneEntry()
    {
        RecentWarehouses recent(m_settings.get());
        QVERIFY(recent.add(m_dir.path() + QStringLiteral("/sub/../w.sqlite")));
        QVERIFY(recent.add(m_dir.path() + QStringLiteral("/./w.sqlite")));
        QVERIFY(recent.add(QStringLiteral("postgres://ana@db.example:5432/sales")));
        QVERIFY(recent.add(QStringLiteral("postgresql://ana@db.example:5432/sales")));
        QVERIFY(recent.add(QStringLiteral("  postgresql://ana@db.example:5432/sales ")));
        QCOMPARE(recent.entries(), QStringList({QStringLiteral("postgresql://ana@db.example:5432/sales"), file(QStringLiteral("w.sqlite"))}));
    }

    void keepsTheNewestEight()
    {
        RecentWarehouses recent(m_settings.get());
        QCOMPARE(RecentWarehouses::maxEntries(), 8);
        for (int i = 1; i <= 10; ++i)
            QVERIFY(recent.add(file(QStringLiteral("w%1.sqlite").arg(i))));
        QStringList expected;
        for (int i = 10; i >= 3; --i) // w1 and w2 fell off the end
            expected << file(QStringLiteral("w%1.sqlite").arg(i));
        QCOMPARE(recent.entries(), expected);
        QCOMPARE(m_settings->value(QStringLiteral("recentWarehouses")).toStringList().size(), 8);
    }

    void withoutPassword_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("stored");
        QTest::newRow("user:password@") << "postgresql://ana:s3cret@db.example:5432/sales"
                                        << "postgresql://ana@db.example:5432/sales";
        QTest::newRow("password with @ and :") << "postgresql://ana:p@ss:w0rd@db.example/sales"
                                               << "postgresql://ana@db.example/sales";
        QTest::newRow("?password=") << "postgresql://ana@db.example/sales?password=s3cret&sslmode=require"
                                    << "postgresql://ana@db.example/sales?sslmode=require";
        QTest::newRow("only ?password=") << "postgres://db.example/sales?password=s3cret"
                                         << "postgresql://db.example/sales";
        QTest::newRow("both") << "postgresql://ana:s3cret@db.example/sales?sslmode=require&password=s3cret"
                              << "postgresql://ana@db.example/sales?sslmode=require";
        QTest::newRow("IPv6 without user") << "postgresql://[::1]:6543/sales" << "postgresql://[::1]:6543/sales";
    }

    void withoutPassword()
    {
        QFETCH(QString, given);
        QFETCH(QString, stored);
        RecentWarehouses recent(m_settings.get());
        QVERIFY(recent.add(given));
        QCOMPARE(recent.entries(), QStringList({stored}));
        QCOMPARE(recent.last(), stored);
        QVERIFY2(!storedBytes().contains("s3cret") && !storedBytes().contains("w0rd"), storedBytes().constData());
    }

    void passwordWrittenByHandIsNeverShownAndDropped()
    {
        // A list edited by hand (or by an older build) with a password in it.
        m_settings->setValue(QStringLiteral("recentWarehouses"),
                             QStringList({QStringLiteral("postgresql://ana:s3cret@db.example/sales"), file(QStringLiteral("a.sqlite"))}));
        RecentWarehouses recent(m_settings.get());
        QCOMPARE(recent.entries(), QStringList({QStringLiteral("postgresql://ana@db.example/sales"), file(QStringLiteral("a.sqlite"))}));
        QVERIFY(recent.add(file(QStringLiteral("b.sqlite"))));
        QVERIFY2(!storedBytes().contains("s3cret"), storedBytes().constData());
        QCOMPARE(recent.entries().size(), 3);
    }

    void refusesWhatIsNoWarehouse()
    {
        RecentWarehouses recent(m_settings.get());
        QVERIFY(!recent.add(QString()));
        QVERIFY(!recent.add(QStringLiteral("mysql://db.example/sales")));
        QVERIFY(!recent.add(QStringLiteral("postgresql://db.example:99999/sales")));
        QVERIFY(!recent.add(QStringLiteral("postgresql:///sales"))); // no host
        QVERIFY(recent.entries().isEmpty());
        QVERIFY(!m_settings->contains(QStringLiteral("recentWarehouses")));
    }

    void removeAndClear()
    {
        RecentWarehouses recent(m_settings.get());
        recent.add(file(QStringLiteral("a.sqlite")));
        recent.add(QStringLiteral("postgresql://ana@db.example/sales"));
        recent.add(file(QStringLiteral("b.sqlite")));
        recent.remove(QStringLiteral("postgres://ana@db.example/sales")); // another spelling of the entry
        QCOMPARE(recent.entries(), QStringList({file(QStringLiteral("b.sqlite")), file(QStringLiteral("a.sqlite"))}));
        QCOMPARE(recent.last(), file(QStringLiteral("b.sqlite")));
        recent.remove(file(QStringLiteral("b.sqlite"))); // the last one: startup must not try it again
        QCOMPARE(recent.last(), QString());
        recent.add(file(QStringLiteral("c.sqlite")));
        recent.clear();
        QVERIFY(recent.entries().isEmpty());
        QCOMPARE(recent.last(), file(QStringLiteral("c.sqlite"))); // clearing the menu keeps the startup choice
    }

    void labels()
    {
        QCOMPARE(RecentWarehouses::label(QStringLiteral("/srv/cpm/sales.sqlite")), QStringLiteral("sales.sqlite"));
        QCOMPARE(RecentWarehouses::label(QStringLiteral("postgresql://ana@db.example:6543/sales")),
                 QStringLiteral("sales on db.example:6543"));
        QCOMPARE(RecentWarehouses::label(QStringLiteral("postgresql://ana:s3cret@db.example:6543/sales")),
                 QStringLiteral("sales on db.example:6543"));
        QCOMPARE(RecentWarehouses::label(QStringLiteral("mysql://x/y")), QString());
    }
};

QTEST_GUILESS_MAIN(TestRecentWarehouses)
#include "tst_recent_warehouses.moc"
