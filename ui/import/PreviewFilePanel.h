// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warehouse/FileInspector.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;

namespace cpm {

class ImportPreviewModel;
class ImportSelection;

/**
 * One extract's preview: dialect, the first records as parsed with each column's type,
 * per timestamp column its format, a parsed example and, when ambiguous, a date-order choice;
 * the amounts' decimal mark, with a choice when the sample cannot tell.
 */
class PreviewFilePanel : public QWidget
{
    Q_OBJECT

public:
    PreviewFilePanel(const FileInspection &inspection, ImportSelection *selection, QWidget *parent = nullptr);

    /** The amounts' decimal mark is ambiguous and no choice has been made yet. */
    bool needsDecimalChoice() const;

signals:
    void decimalChoiceChanged();

private:
    void setupUi();
    QWidget *setupTimestamps();
    void addTimestampRow(QGridLayout *grid, int row, const QString &column, const TimestampFormatGuess &guess);
    QComboBox *makeOrderCombo(const QString &column, QLabel *example);
    QWidget *setupAmounts();
    QComboBox *makeDecimalCombo();
    /** The amount example read with @p mark, e.g. "1.234" or "1234". */
    QString exampleReading(DecimalMark mark) const;
    DateOrder effectiveOrder(const QString &column) const;
    QString exampleText(const QString &column) const;

    FileInspection m_inspection;
    ImportSelection *m_selection;
    ImportPreviewModel *m_model;
};

} // namespace cpm
