// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/workbenchuser.h"

namespace Tillbridge::Ui {

WorkbenchUser::WorkbenchUser(QObject *parent)
    : QObject(parent)
{
}

QString userRoleTitle(Core::UserRole role)
{
    switch (role) {
    case Core::UserRole::Preparer:
        return WorkbenchUser::tr("Preparer");
    case Core::UserRole::Approver:
        return WorkbenchUser::tr("Approver");
    case Core::UserRole::Admin:
        return WorkbenchUser::tr("Administrator");
    }
    return {};
}

QString WorkbenchUser::describe() const
{
    if (!m_user)
        return tr("Not signed in");
    const QString name = m_user->displayName.isEmpty() ? m_user->username : m_user->displayName;
    return tr("%1 (%2)").arg(name, userRoleTitle(m_user->role).toLower());
}

bool WorkbenchUser::canApprove() const
{
    return m_user && (m_user->role == Core::UserRole::Approver || m_user->role == Core::UserRole::Admin);
}

void WorkbenchUser::signIn(const Core::User &user)
{
    m_user = user;
    Q_EMIT changed();
}

void WorkbenchUser::signOut()
{
    m_user.reset();
    Q_EMIT changed();
}

} // namespace Tillbridge::Ui
