// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/OpenTeamWarehouseDialog.h"

#include "warehouse/WarehouseLocation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cpm {

namespace {

constexpr int kDefaultPort = 5432;

/** The refusal as the form shows it: the text is in the URI field already, so no "file:" prefix. */
QString inlineText(Error error)
{
    error.file.clear();
    QString text = error.toString();
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

OpenTeamWarehouseDialog::OpenTeamWarehouseDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Open team warehouse"));
    setObjectName(QStringLiteral("openTeamWarehouseDialog"));
    setupWidgets();
    for (QLineEdit *edit : {m_host, m_database, m_user})
        connect(edit, &QLineEdit::textEdited, this, &OpenTeamWarehouseDialog::onFieldsEdited);
    connect(m_port, &QSpinBox::valueChanged, this, &OpenTeamWarehouseDialog::onFieldsEdited);
    connect(m_uri, &QLineEdit::textChanged, this, &OpenTeamWarehouseDialog::onUriEdited);
    onFieldsEdited();
}

void OpenTeamWarehouseDialog::setupWidgets()
{
    auto *intro = new QLabel(tr("<b>A warehouse shared by the team on a PostgreSQL server</b><br>"
                                "Everyone who opens it sees the same numbers; imports by others are announced "
                                "above the dashboard."),
                             this);
    intro->setWordWrap(true);
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(QStringLiteral("db.example.com"));
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setGroupSeparatorShown(false);
    m_database = new QLineEdit(this);
    m_database->setPlaceholderText(QStringLiteral("warehouse"));
    m_user = new QLineEdit(this);
    WarehouseLocation nobody;
    m_user->setPlaceholderText(tr("default: %1").arg(nobody.effectiveUser()));
    m_uri = new QLineEdit(this);
    m_uri->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/database"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    form->addRow(rule);
    form->addRow(tr("or &URI:"), m_uri);
    const QList<QPair<QWidget *, const char *>> names = {{m_host, "host"}, {m_port, "port"}, {m_database, "database"},
                                                        {m_user, "user"}, {m_uri, "uri"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QString::fromLatin1(name));
    auto *note = new QLabel(tr("No password here: it is read from <b>~/.pgpass</b> or the <b>PGPASSWORD</b> "
                               "environment variable, and cpm never stores it."),
                            this);
    note->setObjectName(QStringLiteral("passwordNote"));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("#passwordNote { background: palette(alternate-base); border: 1px solid palette(mid); padding: 6px 8px; border-radius: 4px; }"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("uriError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("#uriError { color: #b91c1c; }"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Open);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    // Fits its contents: the inline error, when shown, makes room for itself.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    for (QLabel *label : {intro, note, m_error})
        label->setFixedWidth(500);
}

void OpenTeamWarehouseDialog::setUri(const QString &uri)
{
    m_uri->setText(uri); // onUriEdited fills the fields
}

QString OpenTeamWarehouseDialog::uri() const
{
    return m_valid ? m_location : QString();
}

QString OpenTeamWarehouseDialog::errorText() const
{
    return m_error->text();
}

void OpenTeamWarehouseDialog::onFieldsEdited()
{
    if (m_syncing)
        return;
    WarehouseLocation location;
    location.kind = WarehouseLocation::Kind::Postgres;
    location.host = m_host->text().trimmed();
    location.port = m_port->value();
    location.database = m_database->text().trimmed();
    location.user = m_user->text().trimmed();
    location.options = m_options;
    m_syncing = true;
    m_uri->setText(location.display());
    m_syncing = false;
    // Checked the way it will be opened: the rebuilt URI read back by WarehouseLocation.
    WarehouseLocation parsed;
    Error error;
    const bool blank = location.host.isEmpty() && location.database.isEmpty();
    if (!WarehouseLocation::parse(location.display(), &parsed, &error))
        setError(inlineText(error), blank);
    else if (parsed.database.isEmpty())
        setError(tr("Name the database of the team warehouse."), blank);
    else
        setError(QString());
    m_location = location.display();
}

void OpenTeamWarehouseDialog::onUriEdited()
{
    if (m_syncing)
        return;
    const QString text = m_uri->text().trimmed();
    WarehouseLocation parsed;
    Error error;
    if (!WarehouseLocation::parse(text, &parsed, &error))
        return setError(inlineText(error), text.isEmpty());
    if (!parsed.isPostgres())
        return setError(tr("A team warehouse is a postgresql:// URI; open a file with File ▸ Open warehouse file…"));
    m_syncing = true;
    m_host->setText(parsed.host);
    m_port->setValue(parsed.port > 0 ? parsed.port : kDefaultPort);
    m_database->setText(parsed.database);
    m_user->setText(parsed.user);
    m_syncing = false;
    m_options = parsed.options;
    m_location = parsed.display();
    setError(parsed.database.isEmpty() ? tr("Name the database of the team warehouse.") : QString());
}

void OpenTeamWarehouseDialog::setError(const QString &message, bool blank)
{
    m_valid = message.isEmpty();
    // A blank form is not wrong yet: Open stays disabled without scolding.
    m_error->setText(blank ? QString() : message);
    m_error->setVisible(!m_error->text().isEmpty());
    m_open->setEnabled(m_valid);
}

} // namespace cpm
