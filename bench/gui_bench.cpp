// SPDX-License-Identifier: GPL-3.0-or-later
// cpm-gui-bench: the desktop app's responsiveness, measured offscreen on the real widgets.
//
//   cpm-gui-bench --open DB
//       Process start → the window's first paint, and → the metrics of the default filter on
//       show (and painted), while a 10 ms timer on the GUI thread measures how late it ticks.
//   cpm-gui-bench --import-lag DB FILES...
//       Imports FILES through the import wizard as a person would (files → preview → dry-run
//       check → import, all on the wizard's own worker threads) into DB, or into a copy of DB
//       when it exists, with the main window open on it; the 10 ms timer's lateness is reported
//       per phase, the import's as the headline figure.
//   cpm-gui-bench --export-lag DB
//       File ▸ Export report… (a PDF) right after a filter change, so its numbers are not on
//       show yet: they are computed on the metrics thread under the busy state, the charts are
//       drawn on the GUI thread and the pages written on the report thread. The 10 ms timer's
//       lateness over the whole export is the headline figure; sync_compute_ms is what computing
//       the numbers on the GUI thread (before) blocked it for.
//
// Prints key=value lines like cpm-bench; bench/run.sh turns the *_ms ones into results.tsv rows.
#include "LagProbe.h"
#include "MainWindowProbe.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "WarehouseSession.h"
#include "dashboard/OverviewPage.h"
#include "metrics/MetricsEngine.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"
#include "import/CheckPage.h"
#include "import/ImportWizard.h"
#include "import/RunPage.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace cpm;
using bench::LagProbe;
using bench::printStalls;

namespace {

/** Milliseconds since this process was started by the kernel (10 ms resolution at most). */
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime, clock ticks after boot) counts from after the ')' ending field 2.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

/** Records when the first paint of a widget of @p window has finished (after the event loop returns). */
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QWidget *window) : m_window(window) { qApp->installEventFilter(this); }
    /** Ms since process start when the first paint after arm() finished; < 0 while none. */
    double paintedAt() const { return m_paintedAt; }
    void arm() { m_paintedAt = -1; m_armed = true; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_armed && event->type() == QEvent::Paint) {
            auto *widget = qobject_cast<QWidget *>(watched);
            if (widget && widget->window() == m_window) {
                m_armed = false;
                // Runs once the paint (and everything queued with it) has been handled.
                QTimer::singleShot(0, this, [this] { m_paintedAt = msSinceProcessStart(); });
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_window;
    bool m_armed = true;
    double m_paintedAt = -1;
};

/** Runs the event loop until @p done or @p timeoutMs; false on timeout. */
template<typename Done>
bool runUntil(Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake; // the loop below sleeps until an event comes: make sure one does
    wake.start(20);
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

constexpr int kTimeoutMs = 30 * 60 * 1000;

int benchOpen(const QString &path, double mainMs, QTextStream &out)
{
    MainWindow window;
    const test::MainWindowProbe ui(&window);
    double numbersMs = -1;
    LagProbe probe([&window, &numbersMs] {
        return numbersMs >= 0 ? QStringLiteral("numbers shown") : window.session()->isLoading() ? QStringLiteral("loading")
                                                                                                : QStringLiteral("computing");
    });
    ui.filterBar()->reset(); // the default filter, whatever a previous run left in the settings
    PaintWatch paint(&window);
    double domainMs = -1;
    QObject::connect(window.session(), &WarehouseSession::domainChanged, &window,
                     [&domainMs] { domainMs = msSinceProcessStart(); });
    double namedMs = -1; // "Loading N transactions…" names its N
    QObject::connect(window.session(), &WarehouseSession::loadingTransactionsChanged, &window, [&] {
        if (namedMs < 0 && window.session()->loadingTransactions() > 0)
            namedMs = msSinceProcessStart();
    });
    double countedMs = -1; // the exact row count of the status bar, from the niced checks thread
    QObject::connect(window.session(), &WarehouseSession::rowCountsChanged, &window, [&] {
        if (countedMs < 0 && window.session()->rowCounts().known())
            countedMs = msSinceProcessStart();
    });
    double numbersPaintedMs = -1;
    QObject::connect(&window, &MainWindow::metricsShown, &window, [&] {
        if (window.snapshot().filter == MetricFilter() && numbersMs < 0)
            numbersMs = msSinceProcessStart();
    });
    window.resize(1400, 900);
    if (!window.openWarehouse(path))
        return 1;
    window.show();
    if (!runUntil([&] { return paint.paintedAt() >= 0; }, kTimeoutMs))
        return 1;
    const double windowMs = paint.paintedAt();
    probe.start(); // from the first paint on, a late tick is a frozen window
    if (!runUntil([&] { return numbersMs >= 0; }, kTimeoutMs)) {
        QTextStream(stderr) << "cpm-gui-bench: no numbers shown: " << ui.filterBar()->messageLabel()->text() << "\n";
        return 1;
    }
    // Key numbers and tables are set at once, the overview's charts over a few passes of the
    // event loop: "painted" is the first paint after the last of them.
    runUntil([&] { return !ui.overviewPage()->chartsPending(); }, kTimeoutMs);
    paint.arm();
    ui.overviewPage()->update();
    if (!runUntil([&] { return paint.paintedAt() >= 0; }, kTimeoutMs))
        return 1;
    numbersPaintedMs = paint.paintedAt();
    const std::vector<double> late = probe.take();
    out << "gui_open: main_ms=" << mainMs << " window_ms=" << windowMs << " loading_named_ms=" << namedMs
        << " counted_ms=" << countedMs
        << " domain_ms=" << domainMs
        << " numbers_ms=" << numbersMs << " numbers_painted_ms=" << numbersPaintedMs
        << " compute_ms=" << window.snapshot().milliseconds << " transactions=" << window.snapshot().coverage.transactions
        << " " << LagProbe::describe(QStringLiteral("open_stall"), late) << "\n";
    printStalls(out, QStringLiteral("open"), probe.takeStalls());
    return 0;
}

bool copyWarehouse(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFileInfo::exists(from + suffix) && !QFile::copy(from + suffix, to + suffix))
            return false;
    }
    return true;
}

int benchImport(QString path, const QStringList &files, QTextStream &out)
{
    QTemporaryDir scratch;
    if (QFileInfo::exists(path)) { // never touch the given warehouse: import into a copy
        const QString copy = scratch.filePath(QStringLiteral("warehouse.sqlite"));
        if (!copyWarehouse(path, copy)) {
            QTextStream(stderr) << "cpm-gui-bench: cannot copy " << path << "\n";
            return 1;
        }
        path = copy;
    }
    MainWindow window;
    const test::MainWindowProbe ui(&window);
    ui.filterBar()->reset();
    window.resize(1400, 900);
    if (!window.openWarehouse(path))
        return 1;
    window.show();
    ui.waitUntilShown(kTimeoutMs);
    QCoreApplication::processEvents();

    QLabel *runPhase = nullptr; // what the run page says, for the worst stalls
    LagProbe probe([&runPhase] { return runPhase ? runPhase->text() : QString(); });
    probe.start();
    QElapsedTimer phase;
    phase.start();
    // As a drop on the window does: the wizard opens with the files sorted into their slots.
    window.importFiles(files);
    auto *wizard = window.findChild<ImportWizard *>();
    auto *check = window.findChild<CheckPage *>();
    auto *run = window.findChild<RunPage *>();
    if (!wizard || !check || !run || !wizard->currentPage() || !wizard->currentPage()->isComplete()) {
        QTextStream(stderr) << "cpm-gui-bench: the wizard did not take the files\n";
        return 1;
    }
    runPhase = run->findChild<QLabel *>(QStringLiteral("runPhase"));
    runUntil([] { return false; }, 100); // let it show
    const std::vector<double> opening = probe.take();
    const double openingMs = double(phase.elapsed());

    wizard->next(); // preview
    runUntil([] { return false; }, 100);
    const std::vector<double> preview = probe.take();
    const std::vector<LagProbe::Stall> wizardStalls = probe.takeStalls();

    phase.restart();
    bool checked = false;
    QObject::connect(check, &CheckPage::checked, &window, [&checked] { checked = true; });
    wizard->next(); // the dry run, on the check page's worker thread
    if (!runUntil([&] { return checked; }, kTimeoutMs) || !check->isComplete()) {
        QTextStream(stderr) << "cpm-gui-bench: the dry run failed: " << check->summary().error.toString() << "\n";
        return 1;
    }
    const double checkSeconds = double(phase.elapsed()) / 1000.0;
    const std::vector<double> dryRun = probe.take();
    const std::vector<LagProbe::Stall> checkStalls = probe.takeStalls();

    bool finished = false;
    bool succeeded = false;
    QObject::connect(run, &RunPage::importSucceeded, &window, [&] { finished = succeeded = true; });
    QObject::connect(run, &RunPage::stopped, &window, [&] { finished = true; });
    bool numbers = false;
    QObject::connect(&window, &MainWindow::metricsShown, &window, [&] { numbers = succeeded; });
    phase.restart();
    wizard->next(); // the import, on the run page's worker thread
    if (!runUntil([&] { return finished; }, kTimeoutMs) || !succeeded) {
        QTextStream(stderr) << "cpm-gui-bench: the import failed: " << run->summary().error.toString() << "\n";
        return 1;
    }
    const double importSeconds = double(phase.elapsed()) / 1000.0;
    const std::vector<double> import = probe.take();
    const std::vector<LagProbe::Stall> importStalls = probe.takeStalls();

    // The window reloads the new state: domain and numbers on the metrics thread.
    phase.restart();
    if (!runUntil([&] { return numbers && !window.isUpdating(); }, kTimeoutMs)) {
        QTextStream(stderr) << "cpm-gui-bench: no numbers after the import\n";
        return 1;
    }
    const double reloadSeconds = double(phase.elapsed()) / 1000.0;
    const std::vector<double> reload = probe.take();
    const std::vector<LagProbe::Stall> reloadStalls = probe.takeStalls();
    wizard->accept();
    printStalls(out, QStringLiteral("wizard"), wizardStalls);
    printStalls(out, QStringLiteral("check"), checkStalls);
    printStalls(out, QStringLiteral("import"), importStalls);
    printStalls(out, QStringLiteral("reload"), reloadStalls);

    out << "gui_import: import_s=" << importSeconds << " load_s=" << run->summary().loadSeconds
        << " refresh_s=" << run->summary().refreshSeconds << " check_s=" << checkSeconds << " reload_s=" << reloadSeconds
        << " transactions=" << window.snapshot().coverage.transactions << "\n";
    out << "gui_import_lag: " << LagProbe::describe(QStringLiteral("import_stall"), import) << "\n";
    out << "gui_import_lag: " << LagProbe::describe(QStringLiteral("check_stall"), dryRun) << "\n";
    out << "gui_import_lag: " << LagProbe::describe(QStringLiteral("reload_stall"), reload) << "\n";
    out << "gui_import_lag: " << LagProbe::describe(QStringLiteral("wizard_open_stall"), opening)
        << " wizard_open_ms=" << openingMs << " " << LagProbe::describe(QStringLiteral("preview_stall"), preview) << "\n";
    return 0;
}

/** Computing @p filter on this thread with a connection of its own, as the GUI thread once did for a report. */
double syncComputeMs(const QString &path, const MetricFilter &filter)
{
    SqlProject project;
    Warehouse warehouse;
    if (!project.load() || !warehouse.open(path, project))
        return -1;
    MetricsEngine engine(warehouse.database());
    MetricsSnapshot snapshot;
    Error error;
    QElapsedTimer timer;
    timer.start();
    return engine.compute(filter, &snapshot, &error) ? double(timer.nsecsElapsed()) / 1e6 : -1;
}

int benchExport(const QString &path, QTextStream &out)
{
    MainWindow window;
    const test::MainWindowProbe ui(&window);
    ui.filterBar()->reset();
    window.resize(1400, 900);
    if (!window.openWarehouse(path))
        return 1;
    window.show();
    if (!ui.waitUntilShown(kTimeoutMs))
        return 1;
    QTemporaryDir scratch;
    const QString report = scratch.filePath(QStringLiteral("report.pdf"));
    QElapsedTimer timer;
    double shownMs = -1;
    double exportedMs = -1;
    QString error;
    QObject::connect(&window, &MainWindow::metricsShown, &window, [&] { shownMs = double(timer.nsecsElapsed()) / 1e6; });
    QObject::connect(&window, &MainWindow::reportExported, &window, [&](const QString &, const QString &why) {
        exportedMs = double(timer.nsecsElapsed()) / 1e6;
        error = why;
    });
    LagProbe probe([&shownMs] { return shownMs < 0 ? QStringLiteral("computing") : QStringLiteral("drawing/writing"); });
    probe.start();
    timer.start();
    // Another time column: numbers not on show yet, so the export has them computed first.
    ui.filterBar()->timeColumnBox()->setCurrentIndex(1);
    window.exportReportTo(report);
    if (!runUntil([&] { return exportedMs >= 0; }, kTimeoutMs) || !error.isEmpty()) {
        QTextStream(stderr) << "cpm-gui-bench: the report was not written: " << error << "\n";
        return 1;
    }
    runUntil([] { return false; }, 100); // a stall just before the end shows as the next tick's lateness
    const std::vector<double> late = probe.take();
    const std::vector<LagProbe::Stall> stalls = probe.takeStalls();
    const double syncMs = syncComputeMs(path, window.snapshot().filter);
    printStalls(out, QStringLiteral("export"), stalls);
    out << "gui_export: export_ms=" << exportedMs << " computed_ms=" << shownMs << " write_ms=" << (exportedMs - shownMs)
        << " sync_compute_ms=" << syncMs << " report_bytes=" << QFileInfo(report).size()
        << " transactions=" << window.snapshot().coverage.transactions << "\n";
    out << "gui_export_lag: " << LagProbe::describe(QStringLiteral("export_stall"), late) << "\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const double mainMs = msSinceProcessStart();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Its own settings and demo location: never the user's last warehouse or filters.
    QApplication::setOrganizationName(QStringLiteral("cpm-gui-bench"));
    QApplication::setApplicationName(QStringLiteral("cpm-gui-bench"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Offscreen GUI benchmark: dashboard open time and GUI-thread stalls during an import or a report export."));
    parser.addOptions({{"open", "Time opening warehouse DB to the default filter's numbers on show.", "DB"},
                       {"import-lag", "Import FILES into DB (a copy when it exists) through the wizard; GUI timer lateness.", "DB"},
                       {"export-lag", "Export a report from DB right after a filter change; GUI timer lateness.", "DB"}});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("CSV extracts for --import-lag."), QStringLiteral("[files...]"));
    parser.addHelpOption();
    parser.process(app);
    QTextStream out(stdout);
    if (parser.isSet("open"))
        return benchOpen(parser.value("open"), mainMs, out);
    if (parser.isSet("export-lag"))
        return benchExport(parser.value("export-lag"), out);
    if (parser.isSet("import-lag")) {
        QStringList files;
        for (const QString &file : parser.positionalArguments())
            files << QFileInfo(file).absoluteFilePath();
        if (files.isEmpty())
            parser.showHelp(2);
        return benchImport(parser.value("import-lag"), files, out);
    }
    parser.showHelp(2);
}
