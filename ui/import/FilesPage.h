// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csv/FileClassifier.h"

#include <QWizardPage>

class QGridLayout;
class QLabel;
class QPushButton;

namespace cpm {

class ImportSelection;

/**
 * Step 1: choose or drop up to three CSV files or .xlsx workbooks (one source per sheet).
 * Each lands in the slot its header fits (stores, devices, transactions) with size and row
 * estimate; slots can be swapped; a file that fits none says which columns it lacks.
 */
class FilesPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FilesPage(ImportSelection *selection, QWidget *parent = nullptr);

    bool isComplete() const override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct SlotRow
    {
        QLabel *file = nullptr;
        QPushButton *move = nullptr;
        QPushButton *remove = nullptr;
    };

    void setupUi();
    QWidget *setupSlots();
    void setupSlotRow(FileRole role, int row, QGridLayout *grid);
    void chooseFiles();
    void refresh();
    QString slotText(FileRole role) const;

    ImportSelection *m_selection;
    SlotRow m_rows[3];
    QLabel *m_misfits = nullptr;
};

} // namespace cpm
