// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "explain/Explanation.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace cpm {

class MetricSortProxy;
class MetricTableModel;

/**
 * The "Explain this number" side panel: the number recomputed from its transactions and
 * checked against the one on the dashboard, the definition and the filter in words, n and
 * what was left out, the SQL with its bound values (copyable), and the transactions as a
 * sortable table exportable as CSV.
 */
class ExplainPanel : public QWidget
{
    Q_OBJECT

public:
    /** Returns the chosen path for @p suggested and a name filter; empty: cancelled. */
    using FileChooser = std::function<QString(const QString &suggested, const QString &filter)>;

    explicit ExplainPanel(QWidget *parent = nullptr);

    /** "Finding the transactions behind …" while the answer is computed. */
    void showLoading(const QString &what);
    /**
     * @p emphasis: the figure asked about (a column key; others fall back to the metric's
     * headline figure); @p shown: the row as the dashboard shows it, by column key, to check against.
     */
    void showExplanation(const Explanation &explanation, const QString &emphasis, const QVariantMap &shown);
    void showError(const QString &message);

    const Explanation &explanation() const { return m_explanation; }
    QTableView *transactionsView() const { return m_table; }
    MetricTableModel *transactionsModel() const { return m_model; }
    QTabWidget *tabs() const { return m_tabs; }
    /** The SQL as copied: a script for the sqlite3 shell. */
    QString sqlText() const;
    /** The check line under the number ("✔ the dashboard shows the same: …"). */
    QString checkText() const;
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    /** Writes the transactions as CSV to a chosen file; false when cancelled or failed. */
    bool exportCsv();
    void copySql();
    void copyRows();

signals:
    /** Something was written or copied; for the status bar. */
    void message(const QString &text);

private:
    QWidget *setupInfo();
    QWidget *setupNumberCard(QWidget *parent);
    QWidget *setupSql();
    QWidget *setupTransactions();
    void fillBindings();
    void fitInfo();
    QLabel *heading(const QString &text, QWidget *parent);
    void fillFigures(const QString &emphasis, const QVariantMap &shown);
    void fillLeftOut();

    Explanation m_explanation;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_number = nullptr;
    QLabel *m_how = nullptr;
    QLabel *m_check = nullptr;
    QFormLayout *m_figures = nullptr;
    QLabel *m_definition = nullptr;
    QLabel *m_filter = nullptr;
    QLabel *m_counted = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_info = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_bindings = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QLabel *m_rowsTitle = nullptr;
    QTableView *m_table = nullptr;
    MetricTableModel *m_model = nullptr;
    MetricSortProxy *m_proxy = nullptr;
    FileChooser m_chooser;
};

} // namespace cpm
