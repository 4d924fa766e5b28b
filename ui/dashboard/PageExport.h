// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "metrics/MetricFilter.h"
#include "metrics/MetricTable.h"

#include <QObject>
#include <QSize>

#include <functional>

class QAction;
class QChart;
class QMenu;
class QTableView;
class QWidget;

namespace cpm {

class MetricPage;

/**
 * The Export menu of one metric page: Chart ▸ PNG (1×/2×/3×), SVG, PDF, Copy chart image;
 * Table ▸ CSV, XLSX, Copy table as TSV (also Ctrl+C on the table). Charts are exported with
 * light colours at the chart view's size; files are named after the metric and the page's
 * filters. The file dialog and the error box are injectable so tests can run without them.
 */
class PageExport : public QObject
{
    Q_OBJECT

public:
    /** Returns the chosen path for @p suggested (a full path) and a name filter; empty: cancelled. */
    using FileChooser = std::function<QString(const QString &suggested, const QString &filter)>;
    using ErrorReporter = std::function<void(const Error &error)>;

    /** What a page other than a MetricPage offers to export (the anomalies page). */
    struct Source
    {
        std::function<QString()> id;                ///< names the chart files ("anomalies")
        std::function<MetricFilter()> filter;       ///< names every file
        std::function<QChart *()> newExportChart;   ///< a new light chart; the caller owns it
        std::function<QSize()> chartExportSize;
        std::function<MetricTable()> currentTable;
        std::function<QTableView *()> currentTableView;
    };

    explicit PageExport(MetricPage *page);
    /** For @p owner (parent of the menus and dialogs), exporting what @p source gives. */
    PageExport(QWidget *owner, Source source);

    /** The page's Export menu (Chart and Table submenus). */
    QMenu *menu() const { return m_menu; }
    QMenu *chartMenu() const { return m_chartMenu; }
    QMenu *tableMenu() const { return m_tableMenu; }
    /** The action whose objectName is @p name ("exportPng2x", "exportCsv", "copyTable", ...). */
    QAction *action(const QString &name) const;
    /** Adds the table actions (context menu, Ctrl+C) to @p view. */
    void attachTable(QTableView *view);
    /** Adds the chart actions as the context menu of @p widget. */
    void attachChart(QWidget *widget);

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }

    /** Each returns false when cancelled or failed (the error was reported). */
    bool exportPng(int scale);
    bool exportSvg();
    bool exportPdf();
    bool exportCsv();
    bool exportXlsx();
    void copyChart();
    void copyTable();

    /** The rows Copy puts on the clipboard: the selected rows of @p view in view order, or all of them. */
    static MetricTable rowsToCopy(const QTableView *view);
    /** The default chooser: a save dialog that confirms overwriting and remembers the folder. */
    static QString chooseWithDialog(QWidget *parent, const QString &suggested, const QString &filter);

signals:
    /** Something was written or copied; for the status bar. */
    void message(const QString &text);

private:
    QAction *addAction(QMenu *menu, const QString &name, const QString &text, const std::function<void()> &slot);
    void setupMenus();
    QString choose(const QString &subject, const QString &extension, const QString &filter);
    bool finish(const Error &error, const QString &path);
    bool exportChart(const QString &extension, const QString &filter,
                     const std::function<Error(const QString &path)> &write);

    QWidget *m_owner;
    Source m_source;
    QMenu *m_menu = nullptr;
    QMenu *m_chartMenu = nullptr;
    QMenu *m_tableMenu = nullptr;
    FileChooser m_chooser;
    ErrorReporter m_reportError;
};

} // namespace cpm
