// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** What a local account may do: prepare corrections, approve them (maker-checker), or administer. */
enum class UserRole { Preparer, Approver, Admin };

QString userRoleCode(UserRole role); ///< "preparer", "approver", "admin"
std::optional<UserRole> userRoleFromCode(const QString &code);

/** A local account, without its password hash. */
struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    UserRole role = UserRole::Preparer;
    bool active = true;
    QDateTime createdAt;
};

/**
 * Local accounts (the `users` table). Passwords are stored only as PBKDF2-HMAC-SHA256 (QPasswordDigestor) with a
 * random 16-byte salt per account from the system's secure generator, kIterations rounds, hash and salt in hex; the
 * iteration count is stored per account so that it can be raised later without invalidating older hashes. A
 * password is never logged, audited or kept after the call.
 *
 * User names are unique without regard to case ("Anna" and "anna" are one person, as maker-checker treats them), and
 * "system" is reserved for the engine.
 */
class UserRepository
{
public:
    /** PBKDF2 rounds for new hashes (OWASP's 2021 figure for PBKDF2-HMAC-SHA256; about 0.5 s here). */
    static constexpr int kIterations = 310000;
    /** Shortest password accepted. */
    static constexpr int kMinimumPasswordLength = 8;

    explicit UserRepository(QSqlDatabase db);

    /** Creates an active account, audited as "user.created" (name, display name, role; never the password). */
    Result<User> create(DbTransaction &tx, const QString &username, const QString &displayName, UserRole role,
                        const QString &password, const QString &actor);

    /**
     * The account if @p password is its password. A wrong password and an unknown name give the same
     * PermissionDenied error after the same amount of work, so the answer does not reveal which names exist; the
     * hashes are compared in constant time. A disabled account is refused.
     */
    Result<User> verify(const QString &username, const QString &password) const;

    /** Every account, by user name. */
    Result<QList<User>> all() const;

    /** The account with this name (exact), if any. */
    Result<std::optional<User>> find(const QString &username) const;

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
