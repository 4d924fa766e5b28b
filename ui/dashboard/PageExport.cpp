// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/PageExport.h"

#include "MetricTableModel.h"
#include "dashboard/MetricPage.h"
#include "export/ChartExporter.h"
#include "report/CsvExport.h"
#include "report/ReportInfo.h"
#include "report/XlsxWriter.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QChart>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>

#include <algorithm>
#include <memory>

namespace cpm {

namespace {

const QString lastFolderKey = QStringLiteral("export/lastFolder");

const MetricTableModel *sourceModel(const QTableView *view, const QAbstractProxyModel **proxy)
{
    *proxy = qobject_cast<const QAbstractProxyModel *>(view->model());
    const QAbstractItemModel *model = *proxy ? (*proxy)->sourceModel() : view->model();
    return qobject_cast<const MetricTableModel *>(model);
}

} // namespace

PageExport::PageExport(MetricPage *page)
    : PageExport(page, Source{[page] { return page->metricId(); }, [page] { return page->filter(); },
                              [page] { return page->newExportChart(); }, [page] { return page->chartExportSize(); },
                              [page] { return page->currentTable(); }, [page] { return page->currentTableView(); }})
{
}

PageExport::PageExport(QWidget *owner, Source source)
    : QObject(owner)
    , m_owner(owner)
    , m_source(std::move(source))
    , m_chooser([owner](const QString &suggested, const QString &filter) { return chooseWithDialog(owner, suggested, filter); })
    , m_reportError([owner](const Error &error) {
        QMessageBox::warning(owner, tr("Export failed"), error.toString());
    })
{
    setupMenus();
}

QAction *PageExport::addAction(QMenu *menu, const QString &name, const QString &text, const std::function<void()> &slot)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void PageExport::setupMenus()
{
    m_menu = new QMenu(tr("Export"), m_owner);
    m_menu->setObjectName(QStringLiteral("exportMenu"));
    m_chartMenu = m_menu->addMenu(tr("&Chart"));
    m_chartMenu->setObjectName(QStringLiteral("exportChartMenu"));
    QMenu *png = m_chartMenu->addMenu(tr("&PNG image"));
    png->setObjectName(QStringLiteral("exportPngMenu"));
    const QStringList scaleTexts{tr("&1× (screen size)…"), tr("&2× (sharp on slides)…"), tr("&3× (print)…")};
    for (int scale = 1; scale <= 3; ++scale)
        addAction(png, QStringLiteral("exportPng%1x").arg(scale), scaleTexts[scale - 1], [this, scale] { exportPng(scale); });
    addAction(m_chartMenu, QStringLiteral("exportSvg"), tr("&SVG (vector)…"), [this] { exportSvg(); });
    addAction(m_chartMenu, QStringLiteral("exportPdf"), tr("P&DF…"), [this] { exportPdf(); });
    m_chartMenu->addSeparator();
    addAction(m_chartMenu, QStringLiteral("copyChart"), tr("Copy chart &image"), [this] { copyChart(); });
    m_tableMenu = m_menu->addMenu(tr("&Table"));
    m_tableMenu->setObjectName(QStringLiteral("exportTableMenu"));
    addAction(m_tableMenu, QStringLiteral("exportCsv"), tr("&CSV…"), [this] { exportCsv(); });
    addAction(m_tableMenu, QStringLiteral("exportXlsx"), tr("&XLSX (Excel)…"), [this] { exportXlsx(); });
    m_tableMenu->addSeparator();
    QAction *copy = addAction(m_tableMenu, QStringLiteral("copyTable"), tr("Copy table as &TSV"), [this] { copyTable(); });
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setToolTip(tr("Copies the selected rows, or all rows when none is selected"));
}

QAction *PageExport::action(const QString &name) const
{
    return m_menu->findChild<QAction *>(name);
}

void PageExport::attachTable(QTableView *view)
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addActions(m_tableMenu->actions());
}

void PageExport::attachChart(QWidget *widget)
{
    widget->setContextMenuPolicy(Qt::ActionsContextMenu);
    widget->addActions(m_chartMenu->actions());
}

QString PageExport::chooseWithDialog(QWidget *parent, const QString &suggested, const QString &filter)
{
    const QString extension = QFileInfo(suggested).suffix();
    QFileDialog dialog(parent, tr("Export %1").arg(extension.toUpper()), suggested, filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave); // confirms before overwriting (the default)
    dialog.setDefaultSuffix(extension);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return QString();
    const QString path = dialog.selectedFiles().constFirst();
    QSettings().setValue(lastFolderKey, QFileInfo(path).absolutePath());
    return path;
}

QString PageExport::choose(const QString &subject, const QString &extension, const QString &filter)
{
    QString folder = QSettings().value(lastFolderKey).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = defaultExportFileName(subject, m_source.filter(), extension);
    return m_chooser(QDir(folder).filePath(name), filter);
}

bool PageExport::finish(const Error &error, const QString &path)
{
    if (error.isError()) {
        m_reportError(error);
        return false;
    }
    emit message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool PageExport::exportChart(const QString &extension, const QString &filter,
                             const std::function<Error(const QString &path)> &write)
{
    const QString path = choose(m_source.id(), extension, filter);
    return !path.isEmpty() && finish(write(path), path);
}

bool PageExport::exportPng(int scale)
{
    return exportChart(QStringLiteral("png"), tr("PNG image (*.png)"), [this, scale](const QString &path) {
        const std::unique_ptr<QChart> chart(m_source.newExportChart());
        ChartExportOptions options;
        options.size = m_source.chartExportSize();
        options.scale = scale;
        return ChartExporter::savePng(chart.get(), path, options);
    });
}

bool PageExport::exportSvg()
{
    return exportChart(QStringLiteral("svg"), tr("SVG image (*.svg)"), [this](const QString &path) {
        const std::unique_ptr<QChart> chart(m_source.newExportChart());
        ChartExportOptions options;
        options.size = m_source.chartExportSize();
        return ChartExporter::saveSvg(chart.get(), path, options);
    });
}

bool PageExport::exportPdf()
{
    return exportChart(QStringLiteral("pdf"), tr("PDF document (*.pdf)"), [this](const QString &path) {
        const std::unique_ptr<QChart> chart(m_source.newExportChart());
        ChartExportOptions options;
        options.size = m_source.chartExportSize();
        return ChartExporter::savePdf(chart.get(), path, options);
    });
}

void PageExport::copyChart()
{
    const std::unique_ptr<QChart> chart(m_source.newExportChart());
    ChartExportOptions options;
    options.size = m_source.chartExportSize();
    ChartExporter::copyToClipboard(chart.get(), options);
    emit message(tr("Chart copied to the clipboard"));
}

bool PageExport::exportCsv()
{
    const MetricTable table = m_source.currentTable();
    const QString path = choose(table.id, QStringLiteral("csv"), tr("CSV, comma-separated (*.csv)"));
    return !path.isEmpty() && finish(writeCsvFile(path, table), path);
}

bool PageExport::exportXlsx()
{
    const MetricTable table = m_source.currentTable();
    const QString path = choose(table.id, QStringLiteral("xlsx"), tr("Excel workbook (*.xlsx)"));
    return !path.isEmpty() && finish(XlsxWriter::writeTable(path, table), path);
}

void PageExport::copyTable()
{
    const MetricTable rows = rowsToCopy(m_source.currentTableView());
    QGuiApplication::clipboard()->setText(toTsv(rows));
    emit message(tr("%n row(s) copied as TSV", nullptr, int(rows.rows.size())));
}

MetricTable PageExport::rowsToCopy(const QTableView *view)
{
    const QAbstractProxyModel *proxy = nullptr;
    const MetricTableModel *model = sourceModel(view, &proxy);
    if (!model)
        return MetricTable();
    MetricTable table = model->table();
    QVector<int> viewRows;
    if (view->selectionModel()) {
        for (const QModelIndex &index : view->selectionModel()->selectedRows())
            viewRows << index.row();
    }
    if (viewRows.isEmpty()) {
        for (int row = 0; row < view->model()->rowCount(); ++row)
            viewRows << row;
    }
    std::sort(viewRows.begin(), viewRows.end());
    table.rows.clear();
    for (int row : std::as_const(viewRows)) {
        const QModelIndex index = view->model()->index(row, 0);
        const int source = proxy ? proxy->mapToSource(index).row() : row;
        table.rows << model->table().rows.value(source);
    }
    return table;
}

} // namespace cpm
