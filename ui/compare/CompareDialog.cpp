// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpm {

namespace {

QString batchLabel(const ImportBatch &batch)
{
    QString when = batch.finishedAt.isEmpty() ? batch.startedAt : batch.finishedAt;
    when.replace(QLatin1Char('T'), QLatin1Char(' '));
    const QString files = batch.files == 1 ? QObject::tr("1 file") : QObject::tr("%1 files").arg(batch.files);
    return QObject::tr("Import %1 — %2 — %3, %4 rows").arg(batch.id).arg(when, files, QLocale().toString(batch.rowsLoaded));
}

} // namespace

CompareDialog::CompareDialog(const QVector<ImportBatch> &batches, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare imports"));
    m_from = new QComboBox(this);
    m_to = new QComboBox(this);
    for (const ImportBatch &batch : batches) {
        m_from->addItem(batchLabel(batch), batch.id);
        m_to->addItem(batchLabel(batch), batch.id);
    }
    m_to->setCurrentIndex(m_to->count() - 1);
    m_from->setCurrentIndex(qMax(0, m_from->count() - 2));
    m_hint = new QLabel(tr("Each import is kept as a point in time: the comparison shows what the later "
                           "extract changed (new, changed and removed ids) and how every metric moved, "
                           "under the filter on show."),
                        this);
    m_hint->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Compare"));
    auto *form = new QFormLayout;
    form->addRow(tr("From (older state):"), m_from);
    form->addRow(tr("To (newer state):"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_from, &QComboBox::currentIndexChanged, this, &CompareDialog::updateOk);
    connect(m_to, &QComboBox::currentIndexChanged, this, &CompareDialog::updateOk);
    updateOk();
}

qint64 CompareDialog::fromBatch() const
{
    return m_from->currentData().toLongLong();
}

qint64 CompareDialog::toBatch() const
{
    return m_to->currentData().toLongLong();
}

void CompareDialog::updateOk()
{
    // One state compared with itself shows nothing: the button says so by being off.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(fromBatch() != toBatch());
}

} // namespace cpm
