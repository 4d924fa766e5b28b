// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/ImportBatches.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace cpm {

/** "Compare with…": picks the two imports to compare, each listed with its time, files and rows. */
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    /** @p batches oldest first (at least two); defaults: the newest and the one before it. */
    CompareDialog(const QVector<ImportBatch> &batches, QWidget *parent = nullptr);

    qint64 fromBatch() const;
    qint64 toBatch() const;
    QComboBox *fromBox() const { return m_from; }
    QComboBox *toBox() const { return m_to; }

private:
    void updateOk();

    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cpm
