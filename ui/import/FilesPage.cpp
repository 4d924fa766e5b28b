// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/FilesPage.h"

#include "import/ImportSelection.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpm {

namespace {

const FileRole kRoles[] = {FileRole::Stores, FileRole::Devices, FileRole::Transactions};

QString roleTitle(FileRole role)
{
    switch (role) {
    case FileRole::Stores: return FilesPage::tr("Stores");
    case FileRole::Devices: return FilesPage::tr("Devices");
    case FileRole::Transactions: return FilesPage::tr("Transactions");
    case FileRole::Unknown: break;
    }
    return QString();
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime)
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

FilesPage::FilesPage(ImportSelection *selection, QWidget *parent) : QWizardPage(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("filesPage"));
    setTitle(tr("Choose extracts"));
    setSubTitle(tr("Drop up to three CSV files or .xlsx workbooks here, or choose them. Each file (each sheet of a "
                   "workbook) is recognised by its header. A partial set is fine: it merges into what the warehouse holds."));
    setAcceptDrops(true);
    setupUi();
    connect(m_selection, &ImportSelection::changed, this, &FilesPage::refresh);
    refresh();
}

void FilesPage::setupUi()
{
    auto *choose = new QPushButton(tr("Choose files…"), this);
    choose->setObjectName(QStringLiteral("chooseFilesButton"));
    connect(choose, &QPushButton::clicked, this, &FilesPage::chooseFiles);

    m_misfits = new QLabel(this);
    m_misfits->setObjectName(QStringLiteral("misfitsLabel"));
    m_misfits->setWordWrap(true);
    m_misfits->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *hint = new QLabel(tr("Drop CSV files or .xlsx workbooks anywhere on this page"), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setMinimumHeight(56);
    // A dashed box is the convention people recognise as a drop target.
    hint->setStyleSheet(QStringLiteral("QLabel { border: 2px dashed palette(mid); border-radius: 6px; color: palette(mid); }"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(setupSlots());
    layout->addWidget(m_misfits);
    layout->addStretch(1);
    layout->addWidget(hint);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(choose);
    buttons->addStretch(1);
    layout->addLayout(buttons);
}

QWidget *FilesPage::setupSlots()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(10);
    for (int row = 0; row < 3; ++row)
        setupSlotRow(kRoles[row], row, grid);
    grid->setColumnStretch(1, 1);
    return box;
}

void FilesPage::setupSlotRow(FileRole role, int row, QGridLayout *grid)
{
    const QString name = roleName(role);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(roleTitle(role)), this);
    SlotRow &slot = m_rows[row];
    slot.file = new QLabel(this);
    slot.file->setObjectName(QStringLiteral("slotLabel_") + name);
    slot.file->setWordWrap(true);
    slot.file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    slot.move = new QPushButton(tr("Swap with"), this);
    slot.move->setObjectName(QStringLiteral("moveButton_") + name);
    auto *menu = new QMenu(slot.move);
    for (FileRole other : kRoles) {
        if (other == role)
            continue;
        QAction *action = menu->addAction(roleTitle(other));
        action->setObjectName(QStringLiteral("swap_%1_%2").arg(name, roleName(other)));
        connect(action, &QAction::triggered, this, [this, role, other] { m_selection->swapSlots(role, other); });
    }
    slot.move->setMenu(menu);
    slot.remove = new QPushButton(tr("Remove"), this);
    slot.remove->setObjectName(QStringLiteral("removeButton_") + name);
    connect(slot.remove, &QPushButton::clicked, this, [this, role] { m_selection->clearSlot(role); });
    grid->addWidget(title, row, 0, Qt::AlignTop);
    grid->addWidget(slot.file, row, 1);
    grid->addWidget(slot.move, row, 2, Qt::AlignTop);
    grid->addWidget(slot.remove, row, 3, Qt::AlignTop);
}

QString FilesPage::slotText(FileRole role) const
{
    if (!m_selection->isAssigned(role))
        return tr("<i>no file (optional)</i>");
    const FileInspection &inspection = m_selection->slot(role);
    QString name = QFileInfo(inspection.path).fileName().toHtmlEscaped();
    if (!inspection.sheet().isEmpty())
        name += tr(" · sheet %1").arg(inspection.sheet().toHtmlEscaped());
    if (!inspection.ok()) {
        return QStringLiteral("%1<br><span style='color:#c0392b'>%2</span>")
            .arg(name, m_selection->problem(role).toHtmlEscaped());
    }
    const QLocale locale;
    return tr("%1<br><small>%2 · about %3 rows</small>")
        .arg(name, locale.formattedDataSize(inspection.fileSize), locale.toString(inspection.estimatedRows));
}

void FilesPage::refresh()
{
    for (int row = 0; row < 3; ++row) {
        const FileRole role = kRoles[row];
        m_rows[row].file->setText(slotText(role));
        m_rows[row].file->setToolTip(m_selection->slot(role).path);
        m_rows[row].remove->setEnabled(m_selection->isAssigned(role));
    }
    QStringList lines;
    for (const ImportSelection::Misfit &misfit : m_selection->misfits())
        lines << QStringLiteral("<b>%1</b> %2").arg(QFileInfo(misfit.path).fileName().toHtmlEscaped(),
                                                   misfit.reason.toHtmlEscaped());
    m_misfits->setText(lines.isEmpty() ? QString()
                                       : QStringLiteral("<span style='color:#c0392b'>%1</span>")
                                             .arg(lines.join(QStringLiteral("<br>"))));
    m_misfits->setVisible(!lines.isEmpty());
    emit completeChanged();
}

bool FilesPage::isComplete() const
{
    return m_selection->isReady();
}

void FilesPage::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Choose extracts"), QString(),
                                                            tr("Extracts (*.csv *.txt *.xlsx);;CSV files (*.csv *.txt);;"
                                                               "Excel workbooks (*.xlsx);;All files (*)"));
    if (!paths.isEmpty())
        m_selection->addFiles(paths);
}

void FilesPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void FilesPage::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    m_selection->addFiles(paths);
}

} // namespace cpm
