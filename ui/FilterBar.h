// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsEngine.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace cpm {

/** The filters applied to every page: statuses, time column, day range, and the active filter in words. */
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    /** New choices from the warehouse; keeps the current filter where it still fits. */
    void setDomain(const FilterDomain &domain);
    MetricFilter filter() const;
    /** Shows @p filter (statuses missing from the domain are ignored); emits filterChanged once. */
    void setFilter(const MetricFilter &filter);
    /** Metric 3's store version (chosen on its page, kept here with the rest of the filter). */
    void setStoreVersion(StoreVersion version);
    /** Accepted only, happened_at, the data's whole span. */
    void reset();
    /** Shows a problem with the filter (e.g. nothing selected) next to its description. */
    void setMessage(const QString &message);

    QCheckBox *statusBox(const QString &status) const;
    QComboBox *timeColumnBox() const { return m_timeColumn; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QPushButton *resetButton() const { return m_reset; }
    QLabel *descriptionLabel() const { return m_description; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void filterChanged(const cpm::MetricFilter &filter);

private:
    void setupWidgets();
    void rebuildStatusBoxes(const QStringList &checked);
    void updateSpan();
    void updateTimeColumnTips();
    void emitChanged();

    FilterDomain m_domain;
    QHBoxLayout *m_statusLayout = nullptr;
    QVector<QCheckBox *> m_statusBoxes;
    QComboBox *m_timeColumn = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_message = nullptr;
    MetricFilter m_wanted;
    StoreVersion m_storeVersion = StoreVersion::Current;
    bool m_blocked = false;
};

} // namespace cpm
