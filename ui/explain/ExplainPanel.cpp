// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain/ExplainPanel.h"

#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "dashboard/PageExport.h"
#include "explain/ExplainKeys.h"
#include "metrics/MetricsSnapshot.h"
#include "report/CsvExport.h"
#include "report/ReportInfo.h"

#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cpm {

namespace {

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString formatted(const QVariant &value, ValueKind kind)
{
    return MetricTableModel::formatValue(value, kind);
}

} // namespace

ExplainPanel::ExplainPanel(QWidget *parent)
    : QWidget(parent)
    , m_chooser([this](const QString &suggested, const QString &filter) {
        return PageExport::chooseWithDialog(this, suggested, filter);
    })
{
    setObjectName(QStringLiteral("explainPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_stack = new QStackedWidget(this);
    m_status = wrapped(m_stack);
    m_status->setObjectName(QStringLiteral("explainStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setText(tr("Right-click a number in a table or a bar of a chart and choose "
                         "<b>Explain this number…</b> to see the transactions behind it."));
    m_stack->addWidget(m_status);
    auto *splitter = new QSplitter(Qt::Vertical, m_stack);
    m_splitter = splitter;
    splitter->addWidget(setupInfo());
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("explainTabs"));
    m_tabs->addTab(setupTransactions(), tr("Transactions"));
    m_tabs->addTab(setupSql(), tr("SQL"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3); // the number and its words first; the rows scroll
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_stack->addWidget(splitter);
    layout->addWidget(m_stack);
}

QLabel *ExplainPanel::heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

QWidget *ExplainPanel::setupInfo()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    m_info = body;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 6, 0);
    m_title = wrapped(body);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_subtitle = wrapped(body);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(setupNumberCard(body));
    m_definition = wrapped(body);
    m_filter = wrapped(body);
    m_counted = wrapped(body);
    m_counted->setObjectName(QStringLiteral("explainCounted"));
    layout->addWidget(heading(tr("Definition"), body));
    layout->addWidget(m_definition);
    layout->addWidget(heading(tr("Filter"), body));
    layout->addWidget(m_filter);
    layout->addWidget(heading(tr("Counted and left out"), body));
    layout->addWidget(m_counted);
    layout->addStretch(1);
    scroll->setWidget(body);
    return scroll;
}

QWidget *ExplainPanel::setupNumberCard(QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("explainNumberCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(card);
    m_number = wrapped(card);
    m_number->setObjectName(QStringLiteral("explainNumber"));
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_number->setFont(big);
    m_how = wrapped(card);
    m_check = wrapped(card);
    m_check->setObjectName(QStringLiteral("explainCheck"));
    layout->addWidget(m_number);
    layout->addWidget(m_how);
    layout->addWidget(m_check);
    m_figures = new QFormLayout;
    m_figures->setLabelAlignment(Qt::AlignLeft);
    layout->addLayout(m_figures);
    return card;
}

QWidget *ExplainPanel::setupSql()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    m_bindings = wrapped(box);
    m_bindings->setObjectName(QStringLiteral("explainBindings"));
    row->addWidget(m_bindings, 1);
    auto *copy = new QPushButton(tr("Copy SQL"), box);
    copy->setObjectName(QStringLiteral("copySql"));
    copy->setToolTip(tr("Copies a script for the warehouse's shell (sqlite3, or psql for a team warehouse): the bound values, the status "
                        "table, then this query — run it on the warehouse"));
    connect(copy, &QPushButton::clicked, this, &ExplainPanel::copySql);
    row->addWidget(copy, 0, Qt::AlignTop);
    layout->addLayout(row);
    m_sql = new QPlainTextEdit(box);
    m_sql->setObjectName(QStringLiteral("explainSql"));
    m_sql->setReadOnly(true);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_sql, 1);
    return box;
}

QWidget *ExplainPanel::setupTransactions()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    m_rowsTitle = new QLabel(box);
    row->addWidget(m_rowsTitle, 1);
    auto *copy = new QPushButton(tr("Copy"), box);
    copy->setToolTip(tr("Copies the selected rows, or all rows, as TSV"));
    connect(copy, &QPushButton::clicked, this, &ExplainPanel::copyRows);
    auto *csv = new QPushButton(tr("Export CSV…"), box);
    csv->setObjectName(QStringLiteral("exportExplainCsv"));
    connect(csv, &QPushButton::clicked, this, &ExplainPanel::exportCsv);
    row->addWidget(copy);
    row->addWidget(csv);
    layout->addLayout(row);
    m_model = new MetricTableModel(this);
    m_proxy = new MetricSortProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(box);
    m_table->setObjectName(QStringLiteral("explainTransactions"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the explanation's own order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    layout->addWidget(m_table, 1);
    return box;
}

void ExplainPanel::showLoading(const QString &what)
{
    m_status->setText(tr("Finding the transactions behind %1…").arg(what.toHtmlEscaped()));
    m_stack->setCurrentIndex(0);
}

void ExplainPanel::showError(const QString &message)
{
    m_status->setText(tr("<b>This number cannot be explained</b><br>%1").arg(message.toHtmlEscaped()));
    m_stack->setCurrentIndex(0);
}

void ExplainPanel::showExplanation(const Explanation &explanation, const QString &emphasis, const QVariantMap &shown)
{
    m_explanation = explanation;
    m_title->setText(explanation.keyLabel.left(1).toUpper() + explanation.keyLabel.mid(1));
    m_subtitle->setText(metricTitle(explanation.metricId));
    fillFigures(emphasis, shown);
    m_definition->setText(explanation.definition);
    m_filter->setText(explanation.filterText);
    fillLeftOut();
    m_sql->setPlainText(QStringLiteral("-- %1\n%2").arg(explanation.sqlFile, explanation.sql));
    fillBindings();
    m_model->setTable(explanation.transactions);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->resizeColumnsToContents();
    m_rowsTitle->setText(tr("The %n transaction(s) behind the number", nullptr, int(explanation.n)));
    m_tabs->setTabText(0, tr("Transactions (%1)").arg(QLocale().toString(explanation.n)));
    m_stack->setCurrentIndex(1);
    fitInfo();
}

void ExplainPanel::fitInfo()
{
    // The words get the height they need (at most 60 %), the transactions the rest.
    const int total = m_splitter->height();
    if (total <= 0)
        return;
    const int info = std::min(m_info->heightForWidth(m_splitter->width() - 12), total * 3 / 5);
    if (info > 0)
        m_splitter->setSizes({info + 12, total - info - 12});
}

void ExplainPanel::fillFigures(const QString &emphasis, const QVariantMap &shownRow)
{
    while (m_figures->rowCount() > 0)
        m_figures->removeRow(0);
    const ExplainFigure *main = m_explanation.figure(emphasis);
    if (!main)
        main = m_explanation.figure(explain::headlineFigure(m_explanation.metricId));
    const QVariant shown = main ? shownRow.value(main->key) : QVariant();
    m_number->setText(main ? QStringLiteral("%1: <b>%2</b>").arg(main->label.toHtmlEscaped(), formatted(main->value, main->kind))
                           : QString());
    m_how->setText(main ? QStringLiteral("= %1").arg(main->how) : QString());
    m_check->clear();
    if (main && shown.isValid()) {
        const bool same = shown.isNull() ? main->value.isNull()
                                         : qAbs(shown.toDouble() - main->value.toDouble()) <= 1e-6 * std::max(1.0, qAbs(shown.toDouble()));
        m_check->setText(same ? tr("<span style='color:#2e7d32'>✔ the dashboard shows the same: %1</span>").arg(formatted(shown, main->kind))
                              : tr("<span style='color:#c62828'>✘ the dashboard shows %1</span>").arg(formatted(shown, main->kind)));
    }
    for (const ExplainFigure &f : std::as_const(m_explanation.figures)) {
        if (&f == main)
            continue;
        auto *value = new QLabel(QStringLiteral("<b>%1</b>").arg(formatted(f.value, f.kind)), this);
        value->setToolTip(f.how);
        m_figures->addRow(f.label + QLatin1Char(':'), value);
    }
}

void ExplainPanel::fillLeftOut()
{
    const QLocale locale;
    QStringList lines;
    lines << tr("<b>n = %1</b> transactions listed; %2 of this row match the filter.")
                 .arg(locale.toString(m_explanation.n), locale.toString(m_explanation.matching));
    for (const ExplainLeftOut &l : std::as_const(m_explanation.leftOut)) {
        const QString count = locale.toString(l.transactions);
        lines << (l.transactions > 0 ? QStringLiteral("• <b>%1</b> — %2").arg(count, l.reason.toHtmlEscaped())
                                     : QStringLiteral("• <span style='color:gray'>%1 — %2</span>").arg(count, l.reason.toHtmlEscaped()));
    }
    m_counted->setText(lines.join(QStringLiteral("<br>")));
}

void ExplainPanel::fillBindings()
{
    QStringList lines{tr("Bound values:")};
    for (const ExplainBinding &b : std::as_const(m_explanation.bindings)) {
        const QString value = b.value.isNull() ? QStringLiteral("NULL") : b.value.toString();
        lines << QStringLiteral("<code>%1</code> = <b>%2</b> <span style='color:gray'>(%3)</span>")
                     .arg(b.name, value.toHtmlEscaped(), b.meaning.toHtmlEscaped());
    }
    lines << tr("<code>param_statuses</code> = <b>%1</b> <span style='color:gray'>(the status filter, a temporary table)</span>")
                 .arg(m_explanation.filter.statuses.join(QStringLiteral(", ")).toHtmlEscaped());
    m_bindings->setText(lines.join(QStringLiteral("<br>")));
}

QString ExplainPanel::sqlText() const
{
    return m_explanation.sqlFile.isEmpty() ? QString() : m_explanation.shellScript(QStringLiteral(":/sql"));
}

QString ExplainPanel::checkText() const
{
    return m_check->text();
}

void ExplainPanel::copySql()
{
    QGuiApplication::clipboard()->setText(sqlText());
    emit message(tr("SQL copied to the clipboard"));
}

void ExplainPanel::copyRows()
{
    const MetricTable rows = PageExport::rowsToCopy(m_table);
    QGuiApplication::clipboard()->setText(toTsv(rows));
    emit message(tr("%n row(s) copied as TSV", nullptr, int(rows.rows.size())));
}

bool ExplainPanel::exportCsv()
{
    QString folder = QSettings().value(QStringLiteral("export/lastFolder")).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString subject = QStringLiteral("explain-%1-%2").arg(m_explanation.metricId, m_explanation.key);
    const QString name = defaultExportFileName(subject, m_explanation.filter, QStringLiteral("csv"));
    const QString path = m_chooser(QDir(folder).filePath(name), tr("CSV, comma-separated (*.csv)"));
    if (path.isEmpty())
        return false;
    const Error error = writeCsvFile(path, m_explanation.transactions);
    if (error.isError()) {
        QMessageBox::warning(this, tr("Export failed"), error.toString());
        return false;
    }
    emit message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace cpm
