// SPDX-License-Identifier: GPL-3.0-or-later
// Writes charts and reports, then opens what was written: image sizes, SVG XML, PDF pages and text.
#include "export/ChartExporter.h"
#include "export/ReportWriter.h"
#include "report/CsvExport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <thread>

using namespace cpm;

namespace {

const QStringList storeNames{QStringLiteral("Nordhafen"), QStringLiteral("Südkreuz"), QStringLiteral("Altstadt")};

MetricTable storesTable()
{
    MetricTable t;
    t.id = QStringLiteral("top_stores");
    t.title = QStringLiteral("Top 10 stores by transacted amount");
    t.columns = {{QStringLiteral("rank"), QStringLiteral("Rank"), ValueKind::Rank},
                 {QStringLiteral("store_name"), QStringLiteral("Store"), ValueKind::Text},
                 {QStringLiteral("total_amount"), QStringLiteral("Total amount"), ValueKind::Amount},
                 {QStringLiteral("share"), QStringLiteral("Share"), ValueKind::Percent}};
    t.rows = {{1, storeNames[0], 500, 50.0}, {2, storeNames[1], 300.25, 30.025},
              {3, storeNames[2], QVariant(199.75), 19.975}};
    t.notes = {QStringLiteral("Ties at the cut are all shown.")};
    return t;
}

MetricTable devicesTable()
{
    MetricTable t;
    t.id = QStringLiteral("device_type_share");
    t.title = QStringLiteral("Percentage of transactions per device type");
    t.columns = {{QStringLiteral("device_type"), QStringLiteral("Device type"), ValueKind::Text},
                 {QStringLiteral("transactions"), QStringLiteral("Transactions"), ValueKind::Integer}};
    t.rows = {{QStringLiteral("pos, \"mobile\""), 3}, {QStringLiteral("kiosk"), 1}};
    return t;
}

/** A bar chart with one bar per row of storesTable(), built the way the dashboard would. */
QChart *barChart()
{
    const MetricTable table = storesTable();
    auto *set = new QBarSet(QStringLiteral("Total amount"));
    QStringList categories;
    for (const QVariantList &row : table.rows) {
        *set << row.value(2).toDouble();
        categories << row.value(1).toString();
    }
    auto *series = new QBarSeries;
    series->append(set);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(table.title);
    chart->setTheme(QChart::ChartThemeDark);
    chart->setAnimationOptions(QChart::SeriesAnimations);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool havePoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}

int pdfPages(const QString &path)
{
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    for (const QString &line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

ReportWriter sampleReport()
{
    ReportInfo info;
    info.generated = QDateTime(QDate(2026, 11, 26), QTime(9, 30));
    info.filter.from = QDate(2022, 1, 1);
    info.filter.to = QDate(2022, 6, 30);
    info.files = {{QStringLiteral("/data/transactions.csv"), QStringLiteral("transactions"),
                   QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), 1000, 3,
                   QDateTime(QDate(2026, 11, 25), QTime(17, 5))}};
    info.lastImport = QDateTime(QDate(2026, 11, 25), QTime(17, 5));
    ReportSection stores{storesTable(), QStringLiteral("Sum of transaction amounts per store, highest first."),
                         barChart, nullptr, QPicture()};
    ReportSection devices{devicesTable(), QStringLiteral("Share of transactions per device type."), {}, nullptr, QPicture()};
    return ReportWriter(info, {stores, devices});
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Without fonts every glyph renders as a box and no text check below could pass.
        QVERIFY(!QFontDatabase::families().isEmpty());
    }

    void pngScalesPixels()
    {
        std::unique_ptr<QChart> chart(barChart());
        ChartExportOptions options;
        options.size = QSize(400, 300);
        const QImage one = ChartExporter::toImage(chart.get(), options);
        options.scale = 2;
        const QImage two = ChartExporter::toImage(chart.get(), options);
        QCOMPARE(one.size(), QSize(400, 300));
        QCOMPARE(two.size(), QSize(800, 600));
        // Light theme for export, dark restored afterwards; no scene left behind.
        QCOMPARE(chart->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart->animationOptions(), QChart::SeriesAnimations);
        QVERIFY(!chart->scene());
        QCOMPARE(one.pixelColor(2, 2), QColor(Qt::white));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(!ChartExporter::savePng(chart.get(), path, options));
        QCOMPARE(QImage(path).size(), QSize(800, 600));
    }

    void viewExportKeepsViewSize()
    {
        QChartView view(barChart());
        view.resize(500, 320);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QSizeF before = view.chart()->size();
        ChartExportOptions options;
        options.scale = 3;
        const QImage image = ChartExporter::toImage(&view, options);
        QCOMPARE(image.size(), view.viewport()->size() * 3);
        QCOMPARE(view.chart()->size(), before);
        ChartExporter::copyToClipboard(view.chart(), options);
        QCOMPARE(QGuiApplication::clipboard()->image().size(), image.size());
    }

    void svgIsWellFormedWithTextLabels()
    {
        std::unique_ptr<QChart> chart(barChart());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(!ChartExporter::saveSvg(chart.get(), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QStringList texts;
        int shapes = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            else if (xml.name() == QLatin1String("rect") || xml.name() == QLatin1String("path"))
                ++shapes;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const QString &name : storeNames)
            QVERIFY2(texts.contains(name), qPrintable(name + QStringLiteral(" not in ") + texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(storesTable().title));
        QVERIFY(shapes >= storeNames.size());
    }

    void svgHasOneBarPerRow()
    {
        // A distinctive bar colour and no legend make the bars countable in the SVG.
        std::unique_ptr<QChart> chart(barChart());
        chart->setTheme(QChart::ChartThemeLight);
        chart->legend()->hide();
        auto *series = qobject_cast<QBarSeries *>(chart->series().constFirst());
        series->barSets().constFirst()->setColor(QColor(0x12, 0x34, 0x56));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bars.svg"));
        ChartExportOptions options;
        options.lightTheme = false;
        QVERIFY(!ChartExporter::saveSvg(chart.get(), path, options));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int bars = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.attributes().value(QLatin1String("fill")) == QLatin1String("#123456"))
                ++bars;
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(bars, int(storesTable().rows.size()));
    }

    void reportPdfHasPagesAndText()
    {
        if (!havePoppler())
            QSKIP("pdfinfo/pdftotext (poppler-utils) are not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        const Error error = sampleReport().writePdf(path);
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(pdfPages(path), 3);  // title page + one page per metric
        // NFKC folds the "fi" ligature glyphs pdftotext reports back into plain letters.
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")})
                                 .normalized(QString::NormalizationForm_KC);
        QVERIFY(text.contains(QStringLiteral("Customer Performance Metrics")));
        QVERIFY(text.contains(QStringLiteral("Data provenance")));
        QVERIFY(text.contains(QStringLiteral("transactions.csv")));
        QVERIFY(text.contains(QStringLiteral("from 2022-01-01 to 2022-06-30")));
        QVERIFY(text.contains(QStringLiteral("1. Top 10 stores by transacted amount")));
        QVERIFY(text.contains(QStringLiteral("Sum of transaction amounts per store, highest first.")));
        QVERIFY(text.contains(QStringLiteral("Südkreuz")));
        QVERIFY(text.contains(QStringLiteral("2. Percentage of transactions per device type")));
        QVERIFY(text.contains(QStringLiteral("page 3")));
    }

    void chartsDrawnFirstLetThePdfBeWrittenOnAnotherThread()
    {
        if (!havePoppler())
            QSKIP("pdfinfo/pdftotext (poppler-utils) are not installed");
        QTemporaryDir dir;
        const QString direct = dir.filePath(QStringLiteral("direct.pdf"));
        const QString drawn = dir.filePath(QStringLiteral("drawn.pdf"));
        QVERIFY(!sampleReport().writePdf(direct));
        ReportWriter writer = sampleReport();
        writer.drawChartsNow(); // on this (the GUI) thread: the only step that needs Qt Charts
        QVERIFY(!writer.sections()[0].drawnChart.isNull());
        QVERIFY(writer.sections()[1].drawnChart.isNull()); // that section has no chart
        QVERIFY(!writer.sections()[0].makeChart);
        Error error;
        std::thread([&writer, &error, &drawn] { error = writer.writePdf(drawn); }).join();
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(pdfPages(drawn), 3);
        // The chart's page looks the same either way (same place, same size), to a few pixels.
        const auto page2 = [&dir](const QString &pdf, const QString &name) {
            run(QStringLiteral("pdftoppm"), {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("2"),
                                             QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-png"), pdf, dir.filePath(name)});
            return QImage(dir.filePath(name + QStringLiteral("-2.png")));
        };
        const QImage a = page2(direct, QStringLiteral("a"));
        const QImage b = page2(drawn, QStringLiteral("b"));
        QVERIFY(!a.isNull() && a.size() == b.size());
        int different = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                different += qAbs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y))) > 64;
        }
        QVERIFY2(different < a.width() * a.height() / 100, qPrintable(QString::number(different)));
        // Every word of the report written with the charts themselves (chart titles, legend,
        // axis labels included) is in the one written from the drawn charts.
        const auto words = [](const QString &path) {
            const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}).normalized(QString::NormalizationForm_KC);
            const QStringList list = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            return QSet<QString>(list.begin(), list.end());
        };
        const QSet<QString> expected = words(direct);
        QVERIFY(expected.contains(QStringLiteral("Südkreuz")));
        const QSet<QString> missing = expected - words(drawn);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.begin(), missing.end()).join(QLatin1Char(' '))));
    }

    void reportDirectoryHasEveryFile()
    {
        QTemporaryDir dir;
        // CPM_KEEP_EXPORTS=1 keeps the files, to look at them (pdftoppm, an SVG viewer).
        dir.setAutoRemove(!qEnvironmentVariableIsSet("CPM_KEEP_EXPORTS"));
        const QString out = dir.filePath(QStringLiteral("out"));
        if (!dir.autoRemove())
            qInfo("exports kept in %s", qPrintable(out));
        QStringList written;
        const Error error = sampleReport().writeDirectory(out, &written);
        QVERIFY2(!error, qPrintable(error.toString()));
        const QStringList expected{QStringLiteral("device_type_share.csv"), QStringLiteral("report.pdf"),
                                   QStringLiteral("report.xlsx"), QStringLiteral("top_stores.csv"),
                                   QStringLiteral("top_stores.png"), QStringLiteral("top_stores.svg")};
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden, QDir::Name), expected);
        QCOMPARE(written.size(), expected.size());
        QCOMPARE(QImage(QDir(out).filePath(QStringLiteral("top_stores.png"))).size(), QSize(2000, 1120));
    }

    void csvRoundTripsExactly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("devices.csv"));
        const MetricTable table = devicesTable();
        QVERIFY(!writeCsvFile(path, table));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(bytes, QByteArray("device_type,transactions\r\n\"pos, \"\"mobile\"\"\",3\r\nkiosk,1\r\n"));
        QCOMPARE(toTsv(table), QStringLiteral("Device type\tTransactions\r\n\"pos, \"\"mobile\"\"\"\t3\r\nkiosk\t1\r\n"));
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
