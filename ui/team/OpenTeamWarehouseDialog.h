// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cpm {

/**
 * File ▸ Open team warehouse…: a PostgreSQL server as host, port, database and user, or as
 * one postgresql:// URI — both kept in sync — checked by WarehouseLocation as it is typed,
 * with its refusal shown inline. It has no password field: libpq reads the password from
 * ~/.pgpass or PGPASSWORD, and cpm never stores one.
 */
class OpenTeamWarehouseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OpenTeamWarehouseDialog(QWidget *parent = nullptr);

    /** Fills the fields from @p uri (the current or last team warehouse); invalid text shows its error. */
    void setUri(const QString &uri);
    /** The URI to open, rebuilt without password; empty while the form is not valid. */
    QString uri() const;
    bool isValid() const { return m_valid; }
    /** Why the form is not valid (empty when it is, or when it is still blank). */
    QString errorText() const;

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portEdit() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *uriEdit() const { return m_uri; }
    QPushButton *openButton() const { return m_open; }

private:
    void setupWidgets();
    void onFieldsEdited();
    void onUriEdited();
    void setError(const QString &message, bool blank = false);

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_uri = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_open = nullptr;
    QStringList m_options; ///< sslmode, connect_timeout... from a typed URI, kept when a field is edited
    QString m_location;    ///< the valid URI, rebuilt
    bool m_valid = false;
    bool m_syncing = false; ///< one side is being filled from the other
};

} // namespace cpm
