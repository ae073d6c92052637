// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/userrepository.h"

#include <QObject>

#include <optional>

namespace Tillbridge::Ui {

/**
 * Who is working at this workbench: the local account that signed in (core UserRepository). Every action in the
 * queue is recorded under this name, and maker-checker compares it with the maker of an override. Nobody is signed
 * in until someone does; actions that change something ask for a sign-in first.
 */
class WorkbenchUser : public QObject
{
    Q_OBJECT

public:
    explicit WorkbenchUser(QObject *parent = nullptr);

    const std::optional<Core::User> &user() const { return m_user; }
    bool isSignedIn() const { return m_user.has_value(); }
    QString username() const { return m_user ? m_user->username : QString(); }
    /** "Maria Lind (preparer)", or a prompt to sign in. */
    QString describe() const;
    bool canApprove() const;

    void signIn(const Core::User &user);
    void signOut();

Q_SIGNALS:
    void changed();

private:
    std::optional<Core::User> m_user;
};

/** The role's name for people ("Preparer"). */
QString userRoleTitle(Core::UserRole role);

} // namespace Tillbridge::Ui
