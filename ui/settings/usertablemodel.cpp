// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/usertablemodel.h"

#include "ui/common/workbenchuser.h"

#include <QLocale>

namespace Tillbridge::Ui {

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UserTableModel::setUsers(const QList<Core::User> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const Core::User &user = m_users.at(index.row());
    switch (Column(index.column())) {
    case UsernameColumn:
        return user.username;
    case DisplayNameColumn:
        return user.displayName;
    case RoleColumn:
        return userRoleTitle(user.role);
    case ActiveColumn:
        return user.active ? tr("Active") : tr("Disabled");
    case CreatedColumn:
        return QLocale().toString(user.createdAt.toLocalTime(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case UsernameColumn:
        return tr("User name");
    case DisplayNameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case ActiveColumn:
        return tr("Account");
    case CreatedColumn:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Tillbridge::Ui
