// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpm {

namespace {

int columnIndex(TimeColumn column) { return column == TimeColumn::HappenedAt ? 0 : 1; }

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    setupWidgets();
}

void FilterBar::setupWidgets()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 4, 8, 4);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Status:"), this));
    m_statusLayout = new QHBoxLayout;
    row->addLayout(m_statusLayout);
    row->addSpacing(16);
    row->addWidget(new QLabel(tr("Time column:"), this));
    m_timeColumn = new QComboBox(this);
    m_timeColumn->setObjectName(QStringLiteral("timeColumn"));
    m_timeColumn->addItem(QStringLiteral("happened_at"), int(TimeColumn::HappenedAt));
    m_timeColumn->addItem(QStringLiteral("created_at"), int(TimeColumn::CreatedAt));
    row->addWidget(m_timeColumn);
    row->addSpacing(16);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    row->addWidget(new QLabel(tr("From:"), this));
    row->addWidget(m_from);
    row->addWidget(new QLabel(tr("To:"), this));
    row->addWidget(m_to);
    m_reset = new QPushButton(tr("&Reset filters"), this);
    row->addWidget(m_reset);
    row->addStretch(1);
    outer->addLayout(row);
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("filterDescription"));
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    auto *words = new QHBoxLayout;
    words->addWidget(m_description);
    words->addWidget(m_message);
    words->addStretch(1);
    outer->addLayout(words);
    connect(m_timeColumn, &QComboBox::currentIndexChanged, this, [this] { updateSpan(); emitChanged(); });
    connect(m_from, &QDateEdit::dateChanged, this, &FilterBar::emitChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &FilterBar::emitChanged);
    connect(m_reset, &QPushButton::clicked, this, &FilterBar::reset);
    updateTimeColumnTips();
    emitChanged();
}

void FilterBar::rebuildStatusBoxes(const QStringList &checked)
{
    qDeleteAll(m_statusBoxes);
    m_statusBoxes.clear();
    const QLocale locale;
    for (const FilterDomain::Status &status : m_domain.statuses) {
        auto *box = new QCheckBox(status.name, this);
        box->setObjectName(QStringLiteral("status_") + status.name);
        box->setToolTip(tr("%1 transactions with status “%2”").arg(locale.toString(status.transactions), status.name));
        box->setChecked(checked.contains(status.name));
        connect(box, &QCheckBox::toggled, this, &FilterBar::emitChanged);
        m_statusLayout->addWidget(box);
        m_statusBoxes << box;
    }
}

void FilterBar::updateSpan()
{
    const int c = m_timeColumn->currentIndex();
    const QDate first = m_domain.firstDay[c], last = m_domain.lastDay[c];
    if (!first.isValid() || !last.isValid())
        return;
    const bool blocked = m_blocked;
    m_blocked = true;
    for (QDateEdit *edit : {m_from, m_to})
        edit->setDateRange(first, last);
    m_from->setDate(first);
    m_to->setDate(last);
    m_blocked = blocked;
}

void FilterBar::updateTimeColumnTips()
{
    QString apart;
    const QDate h0 = m_domain.firstDay[0], c0 = m_domain.firstDay[1];
    const QDate h1 = m_domain.lastDay[0], c1 = m_domain.lastDay[1];
    if (h0.isValid() && c0.isValid()) {
        apart = tr("\nIn this data happened_at spans %1 – %2 and created_at spans %3 – %4.")
                    .arg(h0.toString(Qt::ISODate), h1.toString(Qt::ISODate), c0.toString(Qt::ISODate),
                         c1.toString(Qt::ISODate));
    }
    m_timeColumn->setItemData(0, tr("When the payment happened at the terminal.") + apart, Qt::ToolTipRole);
    m_timeColumn->setItemData(1, tr("When the transaction was recorded by the platform "
                                    "(usually seconds to days after it happened).") + apart, Qt::ToolTipRole);
    m_timeColumn->setToolTip(tr("Which timestamp the date range and the time to 5th transaction use.\n"
                                "happened_at: when the payment happened; created_at: when it was recorded.") + apart);
}

void FilterBar::setDomain(const FilterDomain &domain)
{
    const MetricFilter previous = m_statusBoxes.isEmpty() ? m_wanted : filter();
    m_blocked = true;
    m_domain = domain;
    rebuildStatusBoxes(previous.statuses);
    updateSpan();
    updateTimeColumnTips();
    m_blocked = false;
    setFilter(previous);
}

MetricFilter FilterBar::filter() const
{
    if (m_statusBoxes.isEmpty())
        return m_wanted; // no warehouse yet: keep what was asked for
    MetricFilter f;
    f.storeVersion = m_storeVersion;
    f.statuses.clear();
    for (const QCheckBox *box : m_statusBoxes) {
        if (box->isChecked())
            f.statuses << box->text();
    }
    f.timeColumn = TimeColumn(m_timeColumn->currentData().toInt());
    const int c = columnIndex(f.timeColumn);
    // The full span means "no range", so a later import with newer days is still included.
    if (m_domain.firstDay[c].isValid() && m_from->date() != m_domain.firstDay[c])
        f.from = m_from->date();
    if (m_domain.lastDay[c].isValid() && m_to->date() != m_domain.lastDay[c])
        f.to = m_to->date();
    return f;
}

void FilterBar::setFilter(const MetricFilter &filter)
{
    m_wanted = filter;
    m_storeVersion = filter.storeVersion;
    m_blocked = true;
    for (QCheckBox *box : m_statusBoxes)
        box->setChecked(filter.statuses.contains(box->text()));
    m_timeColumn->setCurrentIndex(columnIndex(filter.timeColumn));
    updateSpan();
    if (filter.from.isValid())
        m_from->setDate(filter.from);
    if (filter.to.isValid())
        m_to->setDate(filter.to);
    m_blocked = false;
    emitChanged();
}

void FilterBar::setStoreVersion(StoreVersion version)
{
    if (version == m_storeVersion)
        return;
    m_storeVersion = m_wanted.storeVersion = version;
    emitChanged();
}

void FilterBar::reset()
{
    setFilter(MetricFilter());
}

void FilterBar::setMessage(const QString &message)
{
    m_message->setText(message);
}

QCheckBox *FilterBar::statusBox(const QString &status) const
{
    for (QCheckBox *box : m_statusBoxes) {
        if (box->text() == status)
            return box;
    }
    return nullptr;
}

void FilterBar::emitChanged()
{
    if (m_blocked)
        return;
    const MetricFilter f = filter();
    m_description->setText(tr("Showing: <b>%1</b>").arg(f.describe().toHtmlEscaped()));
    emit filterChanged(f);
}

} // namespace cpm
