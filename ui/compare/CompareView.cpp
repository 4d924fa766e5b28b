// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareView.h"

#include "MetricSortProxy.h"
#include "MetricTableModel.h"
#include "MoveHighlightProxy.h"
#include "compare/CompareDialog.h"
#include "diff/DiffRunner.h"
#include "diff/DiffTables.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cpm {

namespace {

constexpr int kListedIds = 1000; // per entity; every id is counted

QWidget *titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

CompareView::CompareView(QWidget *parent) : QWidget(parent, Qt::Window), m_runner(new DiffRunner(this))
{
    setWindowTitle(tr("Compare imports"));
    setupUi();
    connect(m_runner, &DiffRunner::batchesListed, this, &CompareView::askForBatches);
    connect(m_runner, &DiffRunner::finished, this, &CompareView::setResult);
    connect(m_runner, &DiffRunner::failed, this, [this](const QString &error) {
        showMessage(tr("The comparison failed: %1").arg(error));
        emit failed(error);
    });
}

void CompareView::setupUi()
{
    m_header = new QLabel(tr("Pick two imports to compare."), this);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(changesPage(), tr("What changed"));
    m_tabs->addTab(movesPage(), tr("How metrics moved"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_notes);
    resize(1100, 680);
}

QTableView *CompareView::tableFor(const QString &tableId)
{
    auto *model = new MetricTableModel(this);
    auto *colours = new MoveHighlightProxy(this);
    colours->setSourceModel(model);
    auto *proxy = new MetricSortProxy(this);
    proxy->setSourceModel(colours);
    auto *view = new QTableView;
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // the comparison's own order until a header is clicked
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setObjectName(tableId);
    m_models.insert(tableId, model);
    return view;
}

QWidget *CompareView::changesPage()
{
    auto *page = new QWidget;
    auto *counts = new QHBoxLayout;
    counts->addWidget(titled(tr("Ids per entity"), tableFor(QStringLiteral("changes_summary"))), 3);
    counts->addWidget(titled(tr("Changed ids per field"), tableFor(QStringLiteral("changed_fields"))), 2);
    m_changes = new QTabWidget;
    for (const QString &entity : entityNames())
        m_changes->addTab(tableFor(QStringLiteral("changes_") + entity), entity);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(counts, 3);
    layout->addWidget(m_changes, 5);
    return page;
}

QWidget *CompareView::movesPage()
{
    m_moves = new QTabWidget;
    m_moves->addTab(tableFor(QStringLiteral("top_stores_moves")), tr("Top stores"));
    m_moves->addTab(tableFor(QStringLiteral("top_products_moves")), tr("Top products"));
    m_moves->addTab(tableFor(QStringLiteral("avg_amount_moves")), tr("Typology × country"));
    m_moves->addTab(tableFor(QStringLiteral("device_type_share_moves")), tr("Device types"));
    auto *fifth = new QWidget;
    auto *layout = new QVBoxLayout(fifth);
    layout->addWidget(titled(tr("Averages"), tableFor(QStringLiteral("time_to_5th_moves"))), 1);
    layout->addWidget(titled(tr("Stores that reached their 5th transaction"), tableFor(QStringLiteral("reached_5th"))), 3);
    layout->addWidget(titled(tr("Stores no longer at five"), tableFor(QStringLiteral("lost_5th"))), 2);
    m_moves->addTab(fifth, tr("Time to 5th"));
    return m_moves;
}

void CompareView::start(const QString &location, const MetricFilter &filter)
{
    m_location = location;
    m_filter = filter;
    showMessage(tr("Reading the imports…"));
    m_runner->listBatches(location);
}

void CompareView::askForBatches(const QVector<ImportBatch> &batches)
{
    if (batches.size() < 2) {
        showMessage(batches.isEmpty() ? tr("Nothing was imported yet: there is nothing to compare.")
                                      : tr("The warehouse holds one import: import another extract to compare with it."));
        return;
    }
    auto *dialog = new CompareDialog(batches, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        DiffRequest request;
        request.fromBatch = dialog->fromBatch();
        request.toBatch = dialog->toBatch();
        request.filter = m_filter;
        compare(m_location, request);
    });
    dialog->open();
}

void CompareView::compare(const QString &location, const DiffRequest &request)
{
    m_location = location;
    m_filter = request.filter;
    DiffRequest listed = request;
    listed.limit = kListedIds;
    showMessage(tr("Comparing import %1 with import %2…").arg(request.fromBatch).arg(request.toBatch));
    m_runner->start(location, listed);
}

void CompareView::showMessage(const QString &text)
{
    m_header->setText(text);
}

QVector<MetricTable> CompareView::reportTables() const
{
    ImportDiffResult shorter = m_result;
    for (EntityDiff &diff : shorter.entities)
        diff.rows.resize(std::min<qsizetype>(diff.rows.size(), 50));
    return difftables::all(shorter);
}

QString CompareView::resultTitle() const
{
    return difftables::title(m_result);
}

QString CompareView::headerText() const
{
    return m_header->text();
}

void CompareView::setResult(const ImportDiffResult &result)
{
    m_result = result;
    QStringList notes;
    for (const MetricTable &table : difftables::all(result)) {
        if (MetricTableModel *model = m_models.value(table.id))
            model->setTable(table);
        if (table.id.startsWith(QLatin1String("changes_")) && table.id != QLatin1String("changes_summary"))
            notes << table.notes;
    }
    for (int i = 0; i < m_changes->count(); ++i) {
        const EntityDiff &diff = result.entities.value(i);
        QString name = diff.entity;
        name[0] = name[0].toUpper();
        m_changes->setTabText(i, tr("%1 (%2)").arg(name).arg(diff.total()));
    }
    // Fit the columns, but a long before/after text must not push the next column off screen.
    for (QTableView *view : findChildren<QTableView *>()) {
        view->resizeColumnsToContents();
        for (int c = 0; c < view->model()->columnCount(); ++c)
            view->setColumnWidth(c, std::min(view->columnWidth(c), 360));
    }
    showMessage(tr("<b>From</b> %1 <b>to</b> %2<br>Metrics under: %3")
                    .arg(difftables::batchText(result.batches.from).toHtmlEscaped(),
                         difftables::batchText(result.batches.to).toHtmlEscaped(), result.filter.describe().toHtmlEscaped()));
    m_notes->setText(notes.join(QLatin1Char(' ')));
    emit compared();
}

} // namespace cpm
