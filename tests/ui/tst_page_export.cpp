// SPDX-License-Identifier: GPL-3.0-or-later
// The Export menu of the metric pages on tests/fixtures/basic: every action is triggered with a
// path supplied instead of the file dialog, then what was written is opened (PNG size, SVG XML,
// PDF header, CSV bytes against the hand-computed table of tests/core/tst_metrics.cpp, XLSX
// unzipped) and the clipboard read back.
#include "../common/MainWindowProbe.h"
#include "../common/TestSupport.h"

#include "FilterBar.h"
#include "MainWindow.h"
#include "dashboard/OverviewPage.h"
#include "MetricTableModel.h"
#include "dashboard/MetricPage.h"
#include "dashboard/PageExport.h"
#include "report/CsvExport.h"
#include "report/ReportInfo.h"
#include "xlsx/ZipArchive.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QXmlStreamReader>

#include <memory>

using namespace cpm;

namespace {

const QStringList actionNames{QStringLiteral("exportPng1x"), QStringLiteral("exportPng2x"), QStringLiteral("exportPng3x"),
                              QStringLiteral("exportSvg"),   QStringLiteral("exportPdf"),   QStringLiteral("copyChart"),
                              QStringLiteral("exportCsv"),   QStringLiteral("exportXlsx"),  QStringLiteral("copyTable")};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** top_stores for accepted / happened_at, by hand (tests/core/tst_metrics.cpp). */
MetricTable expectedTopStores()
{
    MetricTable t;
    t.id = QStringLiteral("top_stores");
    t.columns = {{QStringLiteral("rank"), QStringLiteral("#"), ValueKind::Rank},
                 {QStringLiteral("store_id"), QStringLiteral("Store id"), ValueKind::Integer},
                 {QStringLiteral("store_name"), QStringLiteral("Store"), ValueKind::Text},
                 {QStringLiteral("typology"), QStringLiteral("Typology"), ValueKind::Text},
                 {QStringLiteral("country"), QStringLiteral("Country"), ValueKind::Text},
                 {QStringLiteral("total_amount"), QStringLiteral("Total amount"), ValueKind::Amount},
                 {QStringLiteral("transactions"), QStringLiteral("Transactions"), ValueKind::Integer}};
    t.rows = {{1, 2, QStringLiteral("Beta"), QStringLiteral("Grocery"), QStringLiteral("Portugal"), 500, 1},
              {2, 1, QStringLiteral("Alpha"), QStringLiteral("Grocery"), QStringLiteral("Portugal"), 290, 6},
              {3, 3, QStringLiteral("Gamma"), QStringLiteral("Beauty"), QStringLiteral("France"), 280, 2},
              {4, 4, QStringLiteral("Delta"), QStringLiteral("Beauty"), QStringLiteral("France"), 50, 5}};
    return t;
}

} // namespace

class TestPageExport : public QObject
{
    Q_OBJECT

private:
    test::TempWarehouse m_w;
    QTemporaryDir m_out;
    std::unique_ptr<MainWindow> m_window;
    QString m_suggested;   ///< what the page proposed last
    QString m_filter;      ///< the name filter it proposed
    QString m_answer;      ///< what the injected chooser answers
    QVector<Error> m_errors;

    test::MainWindowProbe ui() const { return test::MainWindowProbe(m_window.get()); }
    MetricPage *page(const char *id = "top_stores") const { return ui().metricPage(QString::fromLatin1(id)); }

    /** Waits until the numbers for the filter bar's filter are on show (computed off this thread, charts included). */
    bool shown()
    {
        return ui().waitUntilShown(30000);
    }

    /** Triggers @p action of @p p with the chooser answering @p fileName in the output folder. */
    QString run(MetricPage *p, const QString &action, const QString &fileName)
    {
        m_answer = fileName.isEmpty() ? QString() : m_out.filePath(fileName);
        QFile::remove(m_answer);
        p->exporter()->action(action)->trigger();
        return m_answer;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("cpm-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_page_export"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_out.isValid());
        QVERIFY(m_w.open());
        const ImportSummary summary = m_w.import(test::extractOptions(test::fixture(QStringLiteral("basic"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        m_window = std::make_unique<MainWindow>();
        ui().filterBar()->reset();
        QVERIFY(m_window->openWarehouse(m_w.path()));
        m_window->resize(1200, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(shown());
        for (const QString &id : metricIds()) {
            PageExport *exporter = ui().metricPage(id)->exporter();
            exporter->setFileChooser([this](const QString &suggested, const QString &filter) {
                m_suggested = suggested;
                m_filter = filter;
                return m_answer;
            });
            exporter->setErrorReporter([this](const Error &error) { m_errors << error; });
        }
    }

    void init()
    {
        ui().filterBar()->reset();
        QVERIFY(shown());
        m_window->showPage(1);
        m_errors.clear();
        m_suggested.clear();
    }

    void everyPageHasTheMenuAndContextMenus()
    {
        for (const QString &id : metricIds()) {
            MetricPage *p = ui().metricPage(id);
            auto *button = p->findChild<QToolButton *>(QStringLiteral("exportButton"));
            QVERIFY2(button && button->menu() == p->exporter()->menu(), qPrintable(id));
            for (const QString &name : actionNames)
                QVERIFY2(p->exporter()->action(name), qPrintable(id + QLatin1Char(' ') + name));
            QCOMPARE(p->chartView()->contextMenuPolicy(), Qt::ActionsContextMenu);
            QVERIFY(p->chartView()->actions().contains(p->exporter()->action(QStringLiteral("exportSvg"))));
            QCOMPARE(p->tableView()->contextMenuPolicy(), Qt::ActionsContextMenu);
            QVERIFY(p->tableView()->actions().contains(p->exporter()->action(QStringLiteral("exportCsv"))));
            QVERIFY(p->tableView()->actions().contains(p->exporter()->action(QStringLiteral("copyTable"))));
        }
    }

    void pngAtEachScale()
    {
        const QSize view = page()->chartView()->size();
        QVERIFY(view.width() > 100 && view.height() > 100);
        for (int scale = 1; scale <= 3; ++scale) {
            const QString path = run(page(), QStringLiteral("exportPng%1x").arg(scale), QStringLiteral("chart%1.png").arg(scale));
            QVERIFY(m_filter.contains(QStringLiteral("*.png")));
            const QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QCOMPARE(image.size(), view * scale);
        }
        QVERIFY(m_errors.isEmpty());
        QCOMPARE(QFileInfo(m_suggested).fileName(),
                 defaultExportFileName(QStringLiteral("top_stores"), MetricFilter(), QStringLiteral("png")));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("chart3.png")));
    }

    void svgIsWellFormedWithTheStoreNames()
    {
        const QByteArray svg = readAll(run(page(), QStringLiteral("exportSvg"), QStringLiteral("chart.svg")));
        QVERIFY(!svg.isEmpty());
        QXmlStreamReader xml(svg);
        QString text;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::Characters)
                text += xml.text();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const char *name : {"Alpha", "Beta", "Gamma", "Delta"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
        QVERIFY(m_suggested.endsWith(QLatin1String(".svg")));
    }

    void pdf()
    {
        const QByteArray pdf = readAll(run(page(), QStringLiteral("exportPdf"), QStringLiteral("chart.pdf")));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(m_errors.isEmpty());
    }

    void copyChartImage()
    {
        QGuiApplication::clipboard()->clear();
        page()->exporter()->action(QStringLiteral("copyChart"))->trigger();
        const QImage image = QGuiApplication::clipboard()->image();
        QCOMPARE(image.size(), page()->chartView()->size());
    }

    void exportsAreLightOnADarkScreen()
    {
        MetricPage *p = page();
        const QPalette original = p->palette();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::Text, Qt::white);
        p->setPalette(dark);
        QVERIFY(p->chartView()->chart()->backgroundBrush().color().lightness() < 128);
        const QImage image(run(p, QStringLiteral("exportPng1x"), QStringLiteral("light.png")));
        p->setPalette(original);
        QVERIFY(!image.isNull());
        QCOMPARE(image.pixelColor(image.width() / 2, 3).lightness(), 255); // white background
    }

    void menuOpensOverThePage()
    {
        MetricPage *p = page();
        auto *button = p->findChild<QToolButton *>(QStringLiteral("exportButton"));
        QMenu *menu = p->exporter()->menu();
        QMenu *chart = p->exporter()->chartMenu();
        auto *png = menu->findChild<QMenu *>(QStringLiteral("exportPngMenu"));
        QVERIFY(png);
        // Open the menus as Export ▸ Chart ▸ PNG would, then paint them over the page where they
        // belong (the offscreen screen is smaller than the window, so popups are moved to fit).
        menu->popup(button->mapToGlobal(QPoint(0, button->height())));
        menu->setActiveAction(chart->menuAction());
        chart->popup(menu->pos() + QPoint(0, menu->actionGeometry(chart->menuAction()).top()));
        chart->setActiveAction(png->menuAction());
        png->popup(chart->pos());
        png->setActiveAction(p->exporter()->action(QStringLiteral("exportPng2x")));
        QVERIFY(QTest::qWaitForWindowExposed(png));
        QVERIFY(menu->isVisible() && chart->isVisible());
        const QPoint menuAt = button->mapTo(p, QPoint(button->width() - menu->width(), button->height()));
        const QPoint chartAt = menuAt + QPoint(-chart->width(), menu->actionGeometry(chart->menuAction()).top());
        const QPoint pngAt = chartAt + QPoint(-png->width(), chart->actionGeometry(png->menuAction()).top());
        QImage shot = p->grab().toImage();
        QPainter painter(&shot);
        painter.drawPixmap(menuAt, menu->grab());
        painter.drawPixmap(chartAt, chart->grab());
        painter.drawPixmap(pngAt, png->grab());
        painter.end();
        for (QMenu *m : {png, chart, menu})
            m->hide();
        const QString dir = qEnvironmentVariable("CPM_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("export-menu.png"))));
    }

    void csvIsTheHandComputedTable()
    {
        const QString path = run(page(), QStringLiteral("exportCsv"), QStringLiteral("top.csv"));
        QCOMPARE(QFileInfo(m_suggested).fileName(),
                 defaultExportFileName(QStringLiteral("top_stores"), MetricFilter(), QStringLiteral("csv")));
        QVERIFY(m_filter.contains(QStringLiteral("*.csv")));
        QCOMPARE(QString::fromUtf8(readAll(path)), toCsv(expectedTopStores()));
    }

    void csvFollowsTheFilter()
    {
        ui().filterBar()->statusBox(QStringLiteral("refused"))->click();
        ui().filterBar()->statusBox(QStringLiteral("cancelled"))->click();
        QVERIFY(shown());
        const QString path = run(page(), QStringLiteral("exportCsv"), QStringLiteral("all.csv"));
        const QStringList lines = QString::fromUtf8(readAll(path)).split(QStringLiteral("\r\n"));
        QVERIFY(lines.size() > 2);
        QCOMPARE(lines[1], QStringLiteral("1,2,Beta,Grocery,Portugal,525,2"));
        QCOMPARE(QFileInfo(m_suggested).fileName(),
                 defaultExportFileName(QStringLiteral("top_stores"), m_window->snapshot().filter, QStringLiteral("csv")));
        QVERIFY(m_suggested.contains(QLatin1String("refused")));
    }

    void xlsxUnzips()
    {
        const QString path = run(page(), QStringLiteral("exportXlsx"), QStringLiteral("top.xlsx"));
        QVERIFY(m_errors.isEmpty());
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(m_filter.contains(QStringLiteral("*.xlsx")));
        // Read back through libzip, not an `unzip` child: a process started from the GUI
        // thread (Qt's forkfd) leaves ThreadSanitizer blind to that thread's later hand-offs.
        ZipArchive archive;
        QVERIFY2(archive.open(path), qPrintable(archive.errorString()));
        const std::unique_ptr<QIODevice> entry = archive.openEntry(QStringLiteral("xl/worksheets/sheet1.xml"));
        QVERIFY2(entry, qPrintable(archive.errorString()));
        const QByteArray sheet = entry->readAll();
        QVERIFY(sheet.contains("<v>500</v>"));
        QVERIFY(sheet.contains("<v>290</v>"));
    }

    void copyTableAsTsv()
    {
        QTableView *view = page()->tableView();
        view->clearSelection();
        page()->exporter()->action(QStringLiteral("copyTable"))->trigger();
        QStringList lines = QGuiApplication::clipboard()->text().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("#\tStore id\tStore\tTypology\tCountry\tTotal amount\tTransactions"));
        QCOMPARE(lines[1], QStringLiteral("1\t2\tBeta\tGrocery\tPortugal\t500\t1"));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("4")));
    }

    void ctrlCCopiesTheSelectedRows()
    {
        QTableView *view = page()->tableView();
        view->setFocus();
        view->selectRow(2);
        view->selectionModel()->select(view->model()->index(0, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QGuiApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        const QStringList lines = QGuiApplication::clipboard()->text().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // header, then the rows in view order
        QVERIFY(lines[1].startsWith(QLatin1String("1\t2\tBeta")));
        QVERIFY(lines[2].startsWith(QLatin1String("3\t3\tGamma")));
        view->clearSelection();
    }

    void perCustomerTableOfTimeToFifth()
    {
        MetricPage *p = page("time_to_5th_transaction");
        m_window->showPage(5);
        auto *tabs = p->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        const QString path = run(p, QStringLiteral("exportCsv"), QStringLiteral("customers.csv"));
        QCOMPARE(QString::fromUtf8(readAll(path)), toCsv(m_window->snapshot().timeToFifthPerCustomer));
        QVERIFY(QFileInfo(m_suggested).fileName().startsWith(QLatin1String("cpm-time_to_5th_transaction_per_customer-")));
        tabs->setCurrentIndex(0);
        const QString perStore = run(p, QStringLiteral("exportCsv"), QStringLiteral("stores.csv"));
        QCOMPARE(QString::fromUtf8(readAll(perStore)), toCsv(m_window->snapshot().timeToFifthPerStore));
    }

    void cancelWritesNothing()
    {
        m_answer.clear(); // the chooser answers an empty path
        QVERIFY(!page()->exporter()->exportCsv());
        QVERIFY(m_errors.isEmpty());
    }

    void failureIsReportedWithThePath()
    {
        m_answer = m_out.filePath(QStringLiteral("missing/folder/top.csv"));
        QVERIFY(!page()->exporter()->exportCsv());
        QCOMPARE(m_errors.size(), 1);
        QVERIFY(m_errors[0].toString().contains(QLatin1String("missing/folder/top.csv")));
        m_answer.clear();
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestPageExport)
#include "tst_page_export.moc"
