// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataQualityPanel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cpm {

DataQualityPanel::DataQualityPanel(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Data quality"));
    setObjectName(QStringLiteral("dataQualityPanel"));
    resize(900, 500);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Each data test looks for rows that break an assumption of the metrics. "
                                    "Expand a test to see sample offending rows."), this));
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Data test"), tr("Offending rows"), tr("What it checks")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void DataQualityPanel::setResults(const QVector<DataTestResult> &results)
{
    m_tree->clear();
    const QLocale locale;
    for (const DataTestResult &result : results) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, (result.passed() ? QStringLiteral("✔ ") : QStringLiteral("⚠ ")) + result.name);
        item->setText(1, result.error.isEmpty() ? locale.toString(result.failingRows) : tr("error"));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, result.error.isEmpty() ? result.description : result.error);
        item->setToolTip(2, item->text(2));
        if (!result.samples.isEmpty()) {
            auto *header = new QTreeWidgetItem(item, {result.columns.join(QStringLiteral(" | "))});
            QFont bold = header->font(0);
            bold.setBold(true);
            header->setFont(0, bold);
        }
        for (const QStringList &sample : result.samples)
            new QTreeWidgetItem(item, {sample.join(QStringLiteral(" | "))});
        item->setFirstColumnSpanned(false);
    }
}

} // namespace cpm
