// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QTabWidget;

namespace cpm {

class ImportSelection;

/** Step 2: per chosen file, the first rows as parsed, column types, timestamp formats and decimal marks. */
class PreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PreviewPage(ImportSelection *selection, QWidget *parent = nullptr);

    /** Rebuilds one tab per filled slot from the current selection. */
    void initializePage() override;
    /** Complete once every file whose decimal mark the data cannot tell has a choice. */
    bool isComplete() const override;

private:
    ImportSelection *m_selection;
    QTabWidget *m_tabs;
};

} // namespace cpm
