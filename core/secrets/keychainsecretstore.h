// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"

#include <QString>

namespace Tillbridge::Core {

/**
 * SecretStore backed by the operating system's keyring through QtKeychain: the Secret Service (GNOME Keyring,
 * KeePassXC, ...) or KWallet on Linux, the Keychain on macOS, the Credential Manager on Windows.
 *
 * There is deliberately no fallback: if the keyring cannot be used, every call fails with ErrorCode::Keychain and a
 * message saying so, and nothing is written to disk in plain text (QtKeychain's insecure fallback is switched off).
 *
 * Each call runs its own QtKeychain job; QtKeychain runs them one after another, in the order they were started.
 * Jobs are not owned by the store, so destroying the store while a call is pending is safe: the job finishes and
 * deletes itself, and the callback still runs if its context is alive. Call the store from the thread it lives in
 * (in practice the GUI thread, whose GLib event loop also drives libsecret), with a context in that same thread.
 */
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    /**
     * Creates a store whose entries are filed under @p service in the keyring (the Secret Service "server"
     * attribute, the KWallet folder). Tests use their own service so that they never meet the real entries.
     */
    explicit KeychainSecretStore(const QString &service = QStringLiteral("Tillbridge"), QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    /** The keyring service name given at construction. */
    QString service() const { return m_service; }

    void read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               std::function<void(Status)> done) override;
    void remove(const QString &key, QObject *context, std::function<void(Status)> done) override;

private:
    QString m_service;
};

} // namespace Tillbridge::Core
