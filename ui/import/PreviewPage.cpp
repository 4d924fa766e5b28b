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
                   "Choose the date order where the data cannot tell."));
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
        m_tabs->addTab(panel, QStringLiteral("%1 — %2").arg(roleName(role), QFileInfo(inspection.path).fileName()));
    }
}

} // namespace cpm
