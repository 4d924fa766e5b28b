// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transform/DataTestRunner.h"

#include <QDialog>

class QTreeWidget;

namespace cpm {

/** Lists every data test with its count of offending rows and a sample of them. */
class DataQualityPanel : public QDialog
{
    Q_OBJECT

public:
    explicit DataQualityPanel(QWidget *parent = nullptr);
    void setResults(const QVector<DataTestResult> &results);
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree = nullptr;
};

} // namespace cpm
