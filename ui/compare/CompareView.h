// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/ImportDiff.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QTabWidget;
class QTableView;

namespace cpm {

class DiffRunner;
class MetricTableModel;

/**
 * The compare view (File ▸ Compare with…): asks which two imports to compare, compares them
 * on a worker thread (DiffRunner) and shows "What changed" (new, changed and removed ids per
 * entity, with the fields that changed) and "How metrics moved" (rank moves with ▲/▼, deltas
 * of averages and shares, stores that reached their 5th transaction) as sortable tables.
 */
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);

    /** Lists the imports of @p location, asks for two (CompareDialog), then compares under @p filter. */
    void start(const QString &location, const MetricFilter &filter);
    /** Compares without asking. */
    void compare(const QString &location, const DiffRequest &request);
    /** Shows @p result (what compare() does when the worker answers). */
    void setResult(const ImportDiffResult &result);

    const ImportDiffResult &result() const { return m_result; }
    /** Whether a comparison is on show (what a report can include). */
    bool hasResult() const { return m_result.batches.to.id != 0; }
    /** The comparison as a report's tables (ReportInfo::comparison): the first 50 ids per entity. */
    QVector<MetricTable> reportTables() const;
    QString resultTitle() const;
    /** The model behind the table of DiffTables id @p tableId ("changes_stores", "top_stores_moves", …). */
    MetricTableModel *model(const QString &tableId) const { return m_models.value(tableId); }
    QTabWidget *tabs() const { return m_tabs; }
    QTabWidget *changeTabs() const { return m_changes; }
    QTabWidget *moveTabs() const { return m_moves; }
    QString headerText() const;

signals:
    /** A comparison is on show. */
    void compared();
    void failed(const QString &error);

private:
    void setupUi();
    QWidget *changesPage();
    QWidget *movesPage();
    QTableView *tableFor(const QString &tableId);
    void askForBatches(const QVector<ImportBatch> &batches);
    void showMessage(const QString &text);

    DiffRunner *m_runner = nullptr;
    QString m_location;
    MetricFilter m_filter;
    ImportDiffResult m_result;
    QLabel *m_header = nullptr;
    QLabel *m_notes = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTabWidget *m_changes = nullptr;
    QTabWidget *m_moves = nullptr;
    QMap<QString, MetricTableModel *> m_models;
};

} // namespace cpm
