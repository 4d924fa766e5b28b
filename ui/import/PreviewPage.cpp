// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/PreviewPage.h"

#include "import/ImportSelection.h"
#include "import/PreviewFilePanel.h"

#include <QFileInfo>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cpm {

PreviewPage::PreviewPage(ImportSelection *selection, QWidget *parent)
    : QWizardPage(parent), m_selection(selection), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("previewPage"));
    setTitle(tr("Preview and formats"));
    setSubTitle(tr("The first rows as they will be read, each column's type, and how timestamps are understood. "
                   "Choose the date order or the decimal mark where the data cannot tell."));
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void PreviewPage::initializePage()
{
    // Panels hold copies of the inspections, so they are rebuilt whenever the page is entered.
    while (m_tabs->count() > 0) {
        QWidget *panel = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete panel;
    }
    for (FileRole role : m_selection->assignedRoles()) {
        const FileInspection &inspection = m_selection->slot(role);
        auto *panel = new PreviewFilePanel(inspection, m_selection, m_tabs);
        connect(panel, &PreviewFilePanel::decimalChoiceChanged, this, &PreviewPage::completeChanged);
        const bool firstQuestion = panel->needsDecimalChoice() && isComplete(); // the tabs so far ask nothing
        const QString title = QStringLiteral("%1 — %2").arg(roleName(role), QFileInfo(inspection.path).fileName());
        const int tab = m_tabs->addTab(panel, title);
        if (firstQuestion)
            m_tabs->setCurrentIndex(tab); // shown first, so the question is seen
    }
}

bool PreviewPage::isComplete() const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto *panel = qobject_cast<const PreviewFilePanel *>(m_tabs->widget(i));
        if (panel && panel->needsDecimalChoice())
            return false;
    }
    return true;
}

} // namespace cpm
