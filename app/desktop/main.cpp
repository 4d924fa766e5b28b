// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app: options, QSettings identity, the main window; --screenshot renders the pages to PNG and exits.
#include "DemoData.h"
#include "MainWindow.h"
#include "base/BuildInfo.h"
#include "WarehouseSession.h"
#include "dashboard/MetricPage.h"
#include "dashboard/OverviewPage.h"
#include "explain/ExplainController.h"
#include "import/ImportWizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

/** Runs the event loop until the numbers are on show, the overview's charts included; false on timeout. */
bool waitForNumbers(cpm::MainWindow &window, int timeoutMs)
{
    auto *overview = window.findChild<cpm::OverviewPage *>();
    const auto shown = [&window, overview] { return !window.isUpdating() && !(overview && overview->chartsPending()); };
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QTimer poll; // the overview's charts fill in over a few passes of the loop
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop, &shown] {
        if (shown())
            loop.quit();
    });
    poll.start(10);
    if (!shown())
        loop.exec();
    return shown();
}

/** Overview and each metric page as DIR/NN-name.png, then the wizard pages; false when a file failed. */
bool saveScreenshots(cpm::MainWindow &window, const QString &directory, const QStringList &files)
{
    QDir().mkpath(directory);
    window.resize(1400, 900);
    window.show();
    // The numbers are computed on a worker thread: wait for them (and the data tests of the
    // status bar) so the pictures show the dashboard, not its loading state.
    bool ok = waitForNumbers(window, 600000);
    if (window.session()->isCheckingData()) {
        QEventLoop loop;
        QObject::connect(window.session(), &cpm::WarehouseSession::dataTestsChanged, &loop, &QEventLoop::quit);
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (int i = 0; i < window.pageCount(); ++i) {
        window.showPage(i);
        QApplication::sendPostedEvents();
        const QString name = window.page(i)->objectName().remove(QStringLiteral("page_"));
        const QString path = QDir(directory).filePath(QStringLiteral("%1-%2.png").arg(i, 2, 10, QLatin1Char('0')).arg(name));
        ok = window.grab().save(path) && ok;
        std::printf("%s\n", qPrintable(path));
    }
    window.showPage(1); // top stores, its first row explained in the side panel
    const QString explained = cpm::ExplainController::saveScreenshot(window, *window.findChild<cpm::MetricPage *>(QStringLiteral("page_top_stores")), directory);
    std::printf("%s\n", qPrintable(explained));
    ok = !explained.isEmpty() && ok;
    QTemporaryDir temp;
    const QStringList extracts = files.isEmpty() ? cpm::DemoData::extractTo(temp.path()) : files;
    const QStringList wizardShots = cpm::ImportWizard::saveScreenshots(directory, extracts, window.session()->path());
    for (const QString &path : wizardShots)
        std::printf("%s\n", qPrintable(path));
    return ok;
}

/** --version must answer on machines without a display, before QApplication needs one. */
bool printedVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("%s\n", qPrintable(cpm::versionLine(QStringLiteral("cpm"))));
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (printedVersion(argc, argv))
        return 0;
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cpm"));
    QApplication::setApplicationName(QStringLiteral("cpm"));
    QApplication::setApplicationDisplayName(QStringLiteral("Customer Performance Metrics"));
    // --version prints "cpm <this>": the version with the Qt and SQLite actually loaded.
    QApplication::setApplicationVersion(QStringLiteral("%1 (Qt %2, SQLite %3)")
                                            .arg(QStringLiteral(CPM_VERSION), QString::fromLatin1(qVersion()),
                                                 cpm::sqliteVersion()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Customer Performance Metrics: the dashboard of the five metrics."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Open warehouse FILE, or the team warehouse postgresql://[USER@]HOST[:PORT]/DATABASE."),
                                QStringLiteral("FILE|URI"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Open the demo warehouse."));
    const QCommandLineOption shots(QStringLiteral("screenshot"), QStringLiteral("Save PNG screenshots to DIR and exit."),
                                   QStringLiteral("DIR"));
    parser.addOptions({db, demo, shots});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("CSV extracts to import (opens the wizard)."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    cpm::MainWindow window;
    window.openStartup(parser.value(db), parser.isSet(demo));
    QStringList files;
    for (const QString &file : parser.positionalArguments())
        files << QDir::current().absoluteFilePath(file);
    if (parser.isSet(shots))
        return saveScreenshots(window, parser.value(shots), files) ? 0 : 1;
    window.show();
    if (!files.isEmpty())
        QTimer::singleShot(0, &window, [&window, files] { window.importFiles(files); });
    return QApplication::exec();
}
