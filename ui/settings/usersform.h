// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/userrepository.h"

#include <QSqlDatabase>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Tillbridge::Ui {

class UserTableModel;
class WorkbenchUser;

/**
 * Users and roles: every local account with its role, and — for an administrator — a form to add one. Others see
 * the list read-only with a sentence saying why. The password is hashed off the GUI thread (PBKDF2) and never kept.
 */
class UsersForm : public QWidget
{
    Q_OBJECT

public:
    UsersForm(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent = nullptr);

    UserTableModel *model() const { return m_model; }
    /** Whether the add form is usable (an administrator is signed in). */
    bool canAddUsers() const;
    /** The sentence above the form: why it is read-only, or what the last add did. */
    QString permissionText() const;
    QString statusText() const;

public Q_SLOTS:
    void reload();
    /** Adds an account as the signed-in administrator; refused in words otherwise. userAdded() follows. */
    void addUser(const QString &username, const QString &displayName, Core::UserRole role, const QString &password,
                 const QString &repeated);

Q_SIGNALS:
    void userAdded(bool ok, const QString &message);

private:
    void updatePermissions();
    void addFromForm();
    void setStatus(const QString &text, bool error);

    QString m_guiConnection;
    QString m_databasePath;
    WorkbenchUser *m_user;
    UserTableModel *m_model;
    QTableView *m_view;
    QLabel *m_permission;
    QGroupBox *m_addBox;
    QLineEdit *m_username;
    QLineEdit *m_displayName;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_repeated;
    QPushButton *m_add;
    QLabel *m_status;
    bool m_busy = false;
};

} // namespace Tillbridge::Ui
