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
 * and per timestamp column its format, a parsed example and, when ambiguous, a date-order choice.
 */
class PreviewFilePanel : public QWidget
{
    Q_OBJECT

public:
    PreviewFilePanel(const FileInspection &inspection, ImportSelection *selection, QWidget *parent = nullptr);

private:
    void setupUi();
    QWidget *setupTimestamps();
    void addTimestampRow(QGridLayout *grid, int row, const QString &column, const TimestampFormatGuess &guess);
    QComboBox *makeOrderCombo(const QString &column, QLabel *example);
    DateOrder effectiveOrder(const QString &column) const;
    QString exampleText(const QString &column) const;

    FileInspection m_inspection;
    ImportSelection *m_selection;
    ImportPreviewModel *m_model;
};

} // namespace cpm
