// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/memorysecretstore.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

MemorySecretStore::~MemorySecretStore() = default;

QString MemorySecretStore::unavailableMessage() const
{
    return QCoreApplication::translate("Tillbridge::Core::MemorySecretStore",
                                       "The secret store is unavailable (simulated).");
}

void MemorySecretStore::read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done)
{
    Q_ASSERT(context);
    Q_ASSERT(done);
    SecretReadResult result;
    if (m_unavailable) {
        result = SecretReadResult::failed(unavailableMessage());
    } else {
        const auto it = m_secrets.constFind(key);
        result = it == m_secrets.cend() ? SecretReadResult::absent() : SecretReadResult::found(*it);
    }
    deliverLater(context, std::move(done), std::move(result));
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                              std::function<void(Status)> done)
{
    Q_ASSERT(context);
    Q_ASSERT(done);
    if (m_unavailable) {
        deliverLater(context, std::move(done), Status(Error{ErrorCode::Keychain, unavailableMessage()}));
        return;
    }
    m_secrets.insert(key, secret);
    deliverLater(context, std::move(done), Status::success());
}

void MemorySecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    Q_ASSERT(context);
    Q_ASSERT(done);
    if (m_unavailable) {
        deliverLater(context, std::move(done), Status(Error{ErrorCode::Keychain, unavailableMessage()}));
        return;
    }
    m_secrets.remove(key);
    deliverLater(context, std::move(done), Status::success());
}

} // namespace Tillbridge::Core
