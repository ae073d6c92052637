// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/userrepository.h"

#include <QAbstractTableModel>

namespace Tillbridge::Ui {

/** The local accounts (a handful of people): user name, display name, role, active, created. */
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { UsernameColumn, DisplayNameColumn, RoleColumn, ActiveColumn, CreatedColumn, ColumnCount };

    explicit UserTableModel(QObject *parent = nullptr);

    void setUsers(const QList<Core::User> &users);
    const Core::User &userAt(int row) const { return m_users.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::User> m_users;
};

} // namespace Tillbridge::Ui
