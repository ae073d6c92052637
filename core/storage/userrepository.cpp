// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/userrepository.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <utility>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::UserRepository", text);
}

Error sqlError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "users:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The user accounts could not be read or saved: %1").arg(query.lastError().text())};
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}


constexpr std::array kRoleCodes{
    std::pair{UserRole::Preparer, "preparer"},
    std::pair{UserRole::Approver, "approver"},
    std::pair{UserRole::Admin, "admin"},
};

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32; // SHA-256 output: more would only cost the defender time
constexpr int kMaximumPasswordLength = 1024; // PBKDF2 hashes the whole password every round

QByteArray deriveHex(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations,
                                              kHashBytes)
        .toHex();
}

QByteArray randomSalt()
{
    // QRandomGenerator::system() reads the operating system's cryptographically secure source.
    std::array<quint32, kSaltBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), kSaltBytes);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Both are hex digests of a fixed length, so the length check reveals nothing; the loop never exits early.
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

Error wrongCredentials()
{
    return Error{ErrorCode::PermissionDenied, tr("The user name or the password is not right.")};
}

User userFrom(const QSqlQuery &query)
{
    // Columns: id, username, display_name, role, active, created_at.
    User user;
    user.id = query.value(0).toLongLong();
    user.username = query.value(1).toString();
    user.displayName = query.value(2).toString();
    user.role = userRoleFromCode(query.value(3).toString()).value_or(UserRole::Preparer);
    user.active = query.value(4).toInt() != 0;
    user.createdAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
    return user;
}

} // namespace

QString userRoleCode(UserRole role)
{
    for (const auto &[value, code] : kRoleCodes) {
        if (value == role)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<UserRole> userRoleFromCode(const QString &code)
{
    for (const auto &[value, text] : kRoleCodes) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

UserRepository::UserRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<User> UserRepository::create(DbTransaction &tx, const QString &username, const QString &displayName,
                                    UserRole role, const QString &password, const QString &actor)
{
    if (!tx.isActive())
        return Error{ErrorCode::Database, tr("Accounts can only be created inside an open transaction.")};
    if (username.isEmpty() || username != username.trimmed() || username.size() > 64) {
        return invalid(tr("A user name has 1 to 64 characters and no spaces at either end."));
    }
    if (username.compare(u"system", Qt::CaseInsensitive) == 0)
        return invalid(tr("The user name \"system\" is reserved for the engine."));
    if (displayName.trimmed().isEmpty())
        return invalid(tr("The account %1 needs a display name.").arg(username));
    if (password.size() < kMinimumPasswordLength)
        return invalid(tr("A password needs at least %1 characters.").arg(kMinimumPasswordLength));
    if (password.size() > kMaximumPasswordLength)
        return invalid(tr("A password can have at most %1 characters.").arg(kMaximumPasswordLength));
    if (actor.trimmed().isEmpty())
        return invalid(tr("Creating an account must name who does it."));

    const QSqlDatabase db = tx.database();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT username FROM users")))
        return sqlError(query, "names");
    while (query.next()) {
        // Unicode-aware, unlike SQLite's lower(): two accounts must never differ by case alone.
        if (query.value(0).toString().compare(username, Qt::CaseInsensitive) == 0)
            return invalid(tr("There is already an account named %1.").arg(query.value(0).toString()));
    }
    if (query.lastError().isValid())
        return sqlError(query, "names");
    query.finish();

    const QByteArray salt = randomSalt();
    const QByteArray hash = deriveHex(password, salt, kIterations);
    User user;
    user.username = username;
    user.displayName = displayName.trimmed();
    user.role = role;
    user.active = true;
    user.createdAt = QDateTime::currentDateTimeUtc();

    return tx.atomically([&]() -> Result<User> {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO users (username, display_name, role, password_hash, "
                                      "password_salt, hash_iterations, active, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, 1, ?)"));
        insert.addBindValue(user.username);
        insert.addBindValue(user.displayName);
        insert.addBindValue(userRoleCode(role));
        insert.addBindValue(QString::fromLatin1(hash));
        insert.addBindValue(QString::fromLatin1(salt.toHex()));
        insert.addBindValue(kIterations);
        insert.addBindValue(user.createdAt.toString(Qt::ISODateWithMs));
        if (!insert.exec())
            return sqlError(insert, "create");
        User created = user;
        created.id = insert.lastInsertId().toLongLong();

        AuditEvent event;
        event.actor = actor;
        event.action = QStringLiteral("user.created");
        event.entityType = QStringLiteral("user");
        event.entityId = QString::number(created.id);
        event.details = QJsonObject{{QStringLiteral("username"), created.username},
                                    {QStringLiteral("display_name"), created.displayName},
                                    {QStringLiteral("role"), userRoleCode(role)}};
        if (auto appended = AuditChain::append(tx, event); !appended)
            return appended.error();
        qCInfo(lcDb) << "user account created: id" << created.id << userRoleCode(role);
        return created;
    });
}

Result<User> UserRepository::verify(const QString &username, const QString &password) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, username, display_name, role, active, created_at, password_hash, "
                                 "password_salt, hash_iterations FROM users WHERE username = ?"));
    query.addBindValue(username);
    if (!query.exec())
        return sqlError(query, "verify");
    if (!query.next() || password.size() > kMaximumPasswordLength) {
        // Do the same work as for a real account so that timing does not reveal which names exist.
        static const QByteArray dummySalt(kSaltBytes, '\x5a');
        (void)deriveHex(password.left(kMaximumPasswordLength), dummySalt, kIterations);
        return wrongCredentials();
    }
    const User user = userFrom(query);
    const QByteArray storedHash = query.value(6).toString().toLatin1();
    const QByteArray salt = QByteArray::fromHex(query.value(7).toString().toLatin1());
    const int iterations = query.value(8).toInt();
    query.finish();

    if (!constantTimeEquals(deriveHex(password, salt, iterations), storedHash))
        return wrongCredentials();
    if (!user.active)
        return Error{ErrorCode::PermissionDenied, tr("The account %1 is disabled.").arg(user.username)};
    return user;
}

Result<QList<User>> UserRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, username, display_name, role, active, created_at FROM users "
                                   "ORDER BY username, id")))
        return sqlError(query, "all");
    QList<User> users;
    while (query.next())
        users.append(userFrom(query));
    if (query.lastError().isValid())
        return sqlError(query, "all");
    return users;
}

Result<std::optional<User>> UserRepository::find(const QString &username) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, username, display_name, role, active, created_at FROM users "
                                 "WHERE username = ?"));
    query.addBindValue(username);
    if (!query.exec())
        return sqlError(query, "find");
    if (!query.next())
        return std::optional<User>();
    return std::optional<User>(userFrom(query));
}

} // namespace Tillbridge::Core
