// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/usersform.h"

#include "core/storage/backgroundreader.h"
#include "core/storage/dbtransaction.h"
#include "ui/common/workbenchuser.h"
#include "ui/settings/usertablemodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

UsersForm::UsersForm(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_user(user)
    , m_model(new UserTableModel(this))
    , m_view(new QTableView(this))
    , m_permission(new QLabel(this))
    , m_addBox(new QGroupBox(tr("Add a user"), this))
    , m_username(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_repeated(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add user"), this))
    , m_status(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Users"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *roles = new QLabel(tr("Preparers work the queue and propose overrides. Approvers also approve overrides "
                                "proposed by someone else, sign the period off and lock it. Administrators can do "
                                "everything and add users."),
                             this);
    roles->setWordWrap(true);
    roles->setForegroundRole(QPalette::PlaceholderText);

    m_permission->setWordWrap(true);
    m_permission->setAccessibleName(tr("Who may add users"));
    m_username->setAccessibleName(tr("User name"));
    m_username->setPlaceholderText(tr("for example maria.lind"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setPlaceholderText(tr("for example Maria Lind"));
    for (const Core::UserRole role : {Core::UserRole::Preparer, Core::UserRole::Approver, Core::UserRole::Admin})
        m_role->addItem(userRoleTitle(role), int(role));
    m_role->setAccessibleName(tr("Role"));
    for (QLineEdit *edit : {m_password, m_repeated})
        edit->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(tr("at least %n characters", nullptr, Core::UserRepository::kMinimumPasswordLength));
    m_repeated->setAccessibleName(tr("Password again"));
    m_add->setAccessibleName(tr("Add the user"));

    auto *form = new QFormLayout(m_addBox);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Name:"), m_displayName);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Password &again:"), m_repeated);
    form->addRow(QString(), m_add);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(roles);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_permission);
    layout->addWidget(m_status);
    layout->addWidget(m_addBox);

    connect(m_add, &QPushButton::clicked, this, &UsersForm::addFromForm);
    connect(m_user, &WorkbenchUser::changed, this, &UsersForm::updatePermissions);
    reload();
    updatePermissions();
}

bool UsersForm::canAddUsers() const
{
    return m_user->user() && m_user->user()->role == Core::UserRole::Admin;
}

QString UsersForm::permissionText() const
{
    return m_permission->text();
}

QString UsersForm::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void UsersForm::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_status->setVisible(!text.isEmpty());
}

void UsersForm::reload()
{
    // A handful of accounts, read on the GUI connection.
    auto users = Core::UserRepository(QSqlDatabase::database(m_guiConnection, false)).all();
    if (!users) {
        setStatus(users.errorString(), true);
        m_model->setUsers({});
        return;
    }
    m_model->setUsers(*users);
}

void UsersForm::updatePermissions()
{
    const bool admin = canAddUsers();
    if (!m_user->isSignedIn())
        m_permission->setText(tr("Sign in as an administrator to add users. Until then the list is read-only."));
    else if (!admin)
        m_permission->setText(tr("Only an administrator can add users. You are signed in as %1, so the list is "
                                 "read-only.")
                                  .arg(m_user->describe()));
    else
        m_permission->setText(tr("You are an administrator: new accounts are recorded in the audit trail under "
                                 "your name."));
    m_addBox->setEnabled(admin && !m_busy);
}

void UsersForm::addFromForm()
{
    addUser(m_username->text(), m_displayName->text(), Core::UserRole(m_role->currentData().toInt()),
            m_password->text(), m_repeated->text());
}

void UsersForm::addUser(const QString &username, const QString &displayName, Core::UserRole role,
                        const QString &password, const QString &repeated)
{
    const auto refuse = [this](const QString &message) {
        setStatus(message, true);
        Q_EMIT userAdded(false, message);
    };
    if (!canAddUsers())
        return refuse(tr("Only an administrator can add users; nobody was added."));
    if (username.trimmed().isEmpty() || displayName.trimmed().isEmpty())
        return refuse(tr("Give a user name and the person's name."));
    if (password != repeated)
        return refuse(tr("The two passwords differ; nobody was added."));
    const QString actor = m_user->username();
    m_busy = true;
    updatePermissions();
    setStatus(tr("Adding %1…").arg(username.trimmed()), false);
    const auto create = [username, displayName, role, password, actor](const QSqlDatabase &db)
        -> Core::Result<Core::User> {
        Core::DbTransaction tx(db);
        if (!tx.isActive())
            return tx.beginStatus().error();
        auto created = Core::UserRepository(db).create(tx, username.trimmed(), displayName.trimmed(), role, password,
                                                       actor);
        if (!created)
            return created.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        return created;
    };
    Core::readInBackground<Core::User>(m_databasePath, create).then(this, [this](const Core::Result<Core::User> &created) {
        m_busy = false;
        updatePermissions();
        if (!created) {
            setStatus(created.errorString(), true);
            Q_EMIT userAdded(false, created.errorString());
            return;
        }
        for (QLineEdit *edit : {m_username, m_displayName, m_password, m_repeated})
            edit->clear();
        const QString message = tr("%1 (%2) can sign in now as %3.")
                                    .arg(created->displayName, userRoleTitle(created->role), created->username);
        setStatus(message, false);
        reload();
        Q_EMIT userAdded(true, message);
    });
}

} // namespace Tillbridge::Ui
