// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Open team warehouse… and Open recent: the dialog's fields and its URI line kept in
// sync, WarehouseLocation's refusals shown inline (a password above all), a warehouse that
// cannot be opened reported in one line with the one on show kept open, failing recent
// entries offered for removal. With CPM_TEST_PG_URI (scripts/with-postgres.sh): the dialog's
// location opened for real shows the fixture's hand-computed numbers; a wrong password and a
// read-only role on an empty database are refused in one line each.
#include "../common/CliProcess.h"
#include "../common/MainWindowProbe.h"
#include "../common/MessageBoxCatcher.h"
#include "../common/PgTestServer.h"
#include "../common/TestSupport.h"

#include "MainWindow.h"
#include "MetricTableModel.h"
#include "RecentWarehouses.h"
#include "WarehouseSession.h"
#include "team/OpenTeamWarehouseDialog.h"
#include "team/WarehouseMenu.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace cpm;

namespace {

constexpr int kTimeoutMs = 60000;

/** Replaces @p edit's text as typed (textEdited fires, as for a user). */
void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

QStringList basicFiles()
{
    QStringList files;
    for (const char *name : {"stores.csv", "devices.csv", "transactions.csv"})
        files << test::fixture(QStringLiteral("basic/") + QString::fromLatin1(name));
    return files;
}

/** Top stores row @p row: its store id and total amount. */
QPair<qint64, double> topStore(MainWindow *window, int row)
{
    const MetricTableModel *model = test::MainWindowProbe(window).metricPage(QStringLiteral("top_stores"))->model();
    const auto value = [&](const char *key) {
        return model->index(row, model->table().columnIndex(QString::fromLatin1(key))).data(MetricTableModel::SortRole);
    };
    return {value("store_id").toLongLong(), value("total_amount").toDouble()};
}

QString statusText(MainWindow *window)
{
    QStringList texts;
    for (const QLabel *label : window->statusBar()->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('|'));
}

} // namespace

class TestOpenTeamWarehouse : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_file; ///< the warehouse on show before any team warehouse is tried
    std::unique_ptr<MainWindow> m_window;

    WarehouseMenu *menu() const { return m_window->findChild<WarehouseMenu *>(); }
    bool shown() const { return test::MainWindowProbe(m_window.get()).waitUntilShown(kTimeoutMs); }

    /** The previous warehouse is still the one on show, numbers included (store 2: 500, by hand). */
    void fileStillOnShow()
    {
        QCOMPARE(m_window->session()->path(), m_file.path());
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("w.sqlite — ")));
        QVERIFY(shown());
        QCOMPARE(topStore(m_window.get(), 0), qMakePair(qint64(2), 500.0));
    }

    void reopenFile()
    {
        if (m_window->session()->path() != m_file.path())
            QVERIFY(m_window->openWarehouse(m_file.path()));
        QVERIFY(shown());
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_open_team_warehouse"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_file.open());
        QVERIFY(m_file.import(test::extractOptions(test::fixture(QStringLiteral("basic")))).succeeded());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWarehouse(m_file.path()));
        QVERIFY(menu());
        fileStillOnShow();
    }

    void fieldsMakeTheUri()
    {
        OpenTeamWarehouseDialog dialog;
        QCOMPARE(dialog.portEdit()->value(), 5432);
        QVERIFY(!dialog.isValid());
        QVERIFY(!dialog.openButton()->isEnabled());
        QCOMPARE(dialog.errorText(), QString()); // a blank form is not scolded
        retype(dialog.hostEdit(), QStringLiteral("db.example.com"));
        dialog.portEdit()->setValue(6543);
        retype(dialog.databaseEdit(), QStringLiteral("sales"));
        retype(dialog.userEdit(), QStringLiteral("ana"));
        QCOMPARE(dialog.uriEdit()->text(), QStringLiteral("postgresql://ana@db.example.com:6543/sales"));
        QVERIFY(dialog.isValid());
        QVERIFY(dialog.openButton()->isEnabled());
        QCOMPARE(dialog.uri(), QStringLiteral("postgresql://ana@db.example.com:6543/sales"));
        QCOMPARE(dialog.errorText(), QString());
        // No user: libpq's default login; the URI then names none.
        retype(dialog.userEdit(), QString());
        QCOMPARE(dialog.uri(), QStringLiteral("postgresql://db.example.com:6543/sales"));
    }

    void uriFillsTheFields()
    {
        OpenTeamWarehouseDialog dialog;
        dialog.uriEdit()->setText(QStringLiteral("postgres://bob@10.0.0.5/metrics?sslmode=require"));
        QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("10.0.0.5"));
        QCOMPARE(dialog.portEdit()->value(), 5432);
        QCOMPARE(dialog.databaseEdit()->text(), QStringLiteral("metrics"));
        QCOMPARE(dialog.userEdit()->text(), QStringLiteral("bob"));
        QCOMPARE(dialog.uri(), QStringLiteral("postgresql://bob@10.0.0.5/metrics?sslmode=require"));
        // Editing a field afterwards keeps the URI's options.
        retype(dialog.hostEdit(), QStringLiteral("10.0.0.6"));
        QCOMPARE(dialog.uriEdit()->text(), QStringLiteral("postgresql://bob@10.0.0.6:5432/metrics?sslmode=require"));
        QCOMPARE(dialog.uri(), dialog.uriEdit()->text());
    }

    void refusalsAreShownInline_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("message");
        QTest::newRow("password") << "postgresql://ana:s3cret@db.example.com/sales" << "A password in the warehouse URI is refused";
        QTest::newRow("password parameter") << "postgresql://db.example.com/sales?password=s3cret"
                                            << "A password in the warehouse URI is refused";
        QTest::newRow("port") << "postgresql://db.example.com:70000/sales" << "Bad PostgreSQL port: '70000'";
        QTest::newRow("scheme") << "mysql://db.example.com/sales" << "Unknown warehouse URI scheme: 'mysql'";
        QTest::newRow("no host") << "postgresql:///sales" << "No PostgreSQL host in the warehouse URI";
        QTest::newRow("parameter") << "postgresql://db.example.com/sales?colour=red" << "Unknown parameter in the warehouse URI: 'colour'";
        QTest::newRow("no database") << "postgresql://db.example.com/" << "Name the database of the team warehouse.";
        QTest::newRow("a file") << "/srv/cpm/w.sqlite" << "A team warehouse is a postgresql:// URI";
    }

    void refusalsAreShownInline()
    {
        QFETCH(QString, uri);
        QFETCH(QString, message);
        OpenTeamWarehouseDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.uriEdit()->setText(uri);
        QVERIFY(!dialog.isValid());
        QCOMPARE(dialog.uri(), QString());
        QVERIFY(!dialog.openButton()->isEnabled());
        QVERIFY2(dialog.errorText().startsWith(message), qPrintable(dialog.errorText()));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("uriError"))->isVisible());
        // The refusal never quotes the password back.
        QVERIFY(!dialog.errorText().contains(QStringLiteral("s3cret")));
        if (message.contains(QStringLiteral("password")))
            QVERIFY(dialog.errorText().contains(QStringLiteral("~/.pgpass or PGPASSWORD")));
        // Fixed in the fields, the error goes away.
        retype(dialog.hostEdit(), QStringLiteral("db.example.com"));
        dialog.portEdit()->setValue(5433);
        retype(dialog.databaseEdit(), QStringLiteral("sales"));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("uriError"))->isVisible());
        QVERIFY(!dialog.uri().contains(QStringLiteral("s3cret")));
    }

    void fieldsAreCheckedToo()
    {
        OpenTeamWarehouseDialog dialog;
        retype(dialog.databaseEdit(), QStringLiteral("sales"));
        QVERIFY(!dialog.isValid());
        QVERIFY2(dialog.errorText().startsWith(QStringLiteral("No PostgreSQL host")), qPrintable(dialog.errorText()));
        retype(dialog.hostEdit(), QStringLiteral("db.example.com"));
        retype(dialog.databaseEdit(), QString());
        QCOMPARE(dialog.errorText(), QStringLiteral("Name the database of the team warehouse."));
    }

    void noPasswordIsAskedFor()
    {
        OpenTeamWarehouseDialog dialog;
        for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>())
            QVERIFY2(edit->echoMode() == QLineEdit::Normal, qPrintable(edit->objectName()));
        const QString note = dialog.findChild<QLabel *>(QStringLiteral("passwordNote"))->text();
        QVERIFY(note.contains(QStringLiteral("~/.pgpass")));
        QVERIFY(note.contains(QStringLiteral("PGPASSWORD")));
        QVERIFY(note.contains(QStringLiteral("never stores")));
    }

    void stoppedServerIsOneLineAndTheFileStaysOpen()
    {
        // Port 1 on this machine: nothing listens, the connection is refused at once.
        test::MessageBoxCatcher box;
        QVERIFY(!menu()->openTeam(QStringLiteral("postgresql://cpm@127.0.0.1:1/cpm")));
        QVERIFY(box.seen());
        QCOMPARE(box.title(), QStringLiteral("Cannot open team warehouse"));
        QVERIFY2(box.text().contains(QStringLiteral("cpm on 127.0.0.1:1")), qPrintable(box.text()));
        const QString line = box.informativeText().section(QLatin1Char('\n'), 0, 0);
        // Without the QPSQL driver the line says so instead; either way one actionable line.
        QVERIFY2(line.contains(QStringLiteral("no PostgreSQL server answers at 127.0.0.1:1; is it running?"))
                     || line.contains(QStringLiteral("libqt6sql6-psql")),
                 qPrintable(box.informativeText()));
        QVERIFY(box.informativeText().endsWith(QStringLiteral("The warehouse on show stays open.")));
        fileStillOnShow();
        QVERIFY(!RecentWarehouses().entries().contains(QStringLiteral("postgresql://cpm@127.0.0.1:1/cpm")));
    }

    void failingRecentEntryCanBeRemoved()
    {
        const QString missing = QDir(m_file.dir.path()).filePath(QStringLiteral("moved-away.sqlite"));
        const QString unreachable = QStringLiteral("postgresql://cpm@127.0.0.1:1/cpm");
        RecentWarehouses().add(unreachable);
        RecentWarehouses().add(missing);
        RecentWarehouses().add(m_file.path()); // on show: first again
        menu()->updateRecent();
        const QList<QAction *> actions = menu()->recentMenu()->actions();
        QCOMPARE(actions.size(), 5); // three entries, a separator, Clear list
        QCOMPARE(actions[1]->data().toString(), missing);
        QCOMPARE(actions[2]->data().toString(), unreachable);
        {
            test::MessageBoxCatcher box(test::MessageBoxCatcher::button(QStringLiteral("removeRecent")));
            actions[1]->trigger();
            QVERIFY(box.seen());
            QVERIFY2(box.informativeText().contains(QStringLiteral("the file no longer exists")), qPrintable(box.informativeText()));
            QVERIFY(box.informativeText().contains(QStringLiteral("Remove it from the recent list?")));
        }
        QVERIFY(!QFileInfo::exists(missing)); // not created by trying to open it
        QCOMPARE(RecentWarehouses().entries(), QStringList({m_file.path(), unreachable}));
        {
            test::MessageBoxCatcher box; // Keep (the box is dismissed)
            QVERIFY(!menu()->openRecent(unreachable));
            QVERIFY(box.seen());
        }
        QCOMPARE(RecentWarehouses().entries(), QStringList({m_file.path(), unreachable}));
        fileStillOnShow();
        for (QAction *action : menu()->recentMenu()->actions()) {
            if (action->objectName() == QLatin1String("clearRecentWarehouses"))
                action->trigger();
        }
        QVERIFY(RecentWarehouses().entries().isEmpty());
        QCOMPARE(menu()->recentMenu()->actions().size(), 1); // Clear list, disabled
        QVERIFY(!menu()->recentMenu()->actions().first()->isEnabled());
    }

    void opensTheDialogsLocationAndShowsItsMetrics()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QString why;
        const QString uri = test::PgTestServer::freshDatabase(QStringLiteral("cpm_gui_team"), &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        const test::Run import = test::cli(QStringList({QStringLiteral("import"), QStringLiteral("--db"), uri}) + basicFiles());
        QVERIFY2(import.code == 0, import.err.constData());

        WarehouseLocation server;
        Error error;
        QVERIFY(WarehouseLocation::parse(uri, &server, &error));
        OpenTeamWarehouseDialog dialog;
        retype(dialog.hostEdit(), server.host);
        dialog.portEdit()->setValue(server.port);
        retype(dialog.databaseEdit(), QStringLiteral("cpm_gui_team"));
        retype(dialog.userEdit(), server.user);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.uri(), uri);

        QVERIFY(menu()->openTeam(dialog.uri()));
        QVERIFY(shown());
        QCOMPARE(m_window->session()->path(), uri);
        QVERIFY(m_window->session()->isTeamWarehouse());
        // The fixture's accepted amounts per store, by hand: store 2 is 500; store 1 is
        // 100 + 50 + 30 + 10 + 40 + 60 = 290; store 3 is 200 + 80 = 280; store 4 is 5 × 10 = 50.
        QCOMPARE(topStore(m_window.get(), 0), qMakePair(qint64(2), 500.0));
        QCOMPARE(topStore(m_window.get(), 1), qMakePair(qint64(1), 290.0));
        QCOMPARE(topStore(m_window.get(), 2), qMakePair(qint64(3), 280.0));
        QCOMPARE(topStore(m_window.get(), 3), qMakePair(qint64(4), 50.0));
        const QString label = QStringLiteral("cpm_gui_team on %1").arg(server.server());
        QCOMPARE(m_window->windowTitle(), label + QStringLiteral(" — Customer Performance Metrics"));
        QVERIFY2(statusText(m_window.get()).contains(label), qPrintable(statusText(m_window.get())));
        QCOMPARE(RecentWarehouses().entries().value(0), uri);
        // The password libpq used (PGPASSWORD) appears nowhere the app shows or stores.
        const QString password = qEnvironmentVariable("PGPASSWORD");
        if (!password.isEmpty()) {
            QVERIFY(!m_window->windowTitle().contains(password));
            QVERIFY(!statusText(m_window.get()).contains(password));
            QVERIFY(!RecentWarehouses().entries().join(QLatin1Char(' ')).contains(password));
        }
        // The dialog offers the open team warehouse next time.
        OpenTeamWarehouseDialog again;
        again.setUri(uri);
        QCOMPARE(again.databaseEdit()->text(), QStringLiteral("cpm_gui_team"));
        reopenFile();
    }

    void wrongPasswordAndReadOnlyRoleAreOneLineEach()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QString why;
        reopenFile();
        // A role whose password is not the one in PGPASSWORD.
        QVERIFY2(test::PgTestServer::createRole(QStringLiteral("cpm_gui_other"), QStringLiteral("not-in-pgpassword"), &why),
                 qPrintable(why));
        {
            test::MessageBoxCatcher box;
            QVERIFY(!menu()->openTeam(test::PgTestServer::uriFor(QStringLiteral("cpm_gui_team"), QStringLiteral("cpm_gui_other"))));
            QVERIFY(box.seen());
            QVERIFY2(box.informativeText().contains(QStringLiteral("wrong or missing password for user cpm_gui_other; "
                                                                   "put it in ~/.pgpass or PGPASSWORD")),
                     qPrintable(box.informativeText()));
        }
        fileStillOnShow();
        // A read-only role (PGPASSWORD's password) on a database without a warehouse yet: it may not create one.
        const QString empty = test::PgTestServer::freshDatabase(QStringLiteral("cpm_gui_empty"), &why);
        QVERIFY2(!empty.isEmpty(), qPrintable(why));
        QVERIFY2(test::PgTestServer::createReadOnlyRole(QStringLiteral("cpm_gui_empty"), QStringLiteral("cpm_gui_reader"),
                                                        qEnvironmentVariable("PGPASSWORD"), &why),
                 qPrintable(why));
        {
            test::MessageBoxCatcher box;
            QVERIFY(!menu()->openTeam(test::PgTestServer::uriFor(QStringLiteral("cpm_gui_empty"), QStringLiteral("cpm_gui_reader"))));
            QVERIFY(box.seen());
            QVERIFY2(box.informativeText().contains(QStringLiteral("user cpm_gui_reader may only read this warehouse (read-only role)")),
                     qPrintable(box.informativeText()));
        }
        fileStillOnShow();
    }

    void screenshot()
    {
        OpenTeamWarehouseDialog dialog(m_window.get());
        dialog.setUri(QStringLiteral("postgresql://analyst@warehouse.example.com:5432/cpm"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isValid());
        const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
        if (!dir.isEmpty() && QDir().mkpath(dir))
            QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("open-team-warehouse.png"))));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestOpenTeamWarehouse)
#include "tst_open_team_warehouse.moc"
