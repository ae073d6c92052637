// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"

#include <QHash>
#include <QString>

namespace Tillbridge::Core {

/**
 * SecretStore that keeps secrets in process memory, for tests and for running without a keyring in development. It
 * behaves like KeychainSecretStore towards callers: every callback arrives later from the event loop (queued on the
 * context) and never after the context is destroyed, so code under test takes the same paths as in production.
 *
 * Changes take effect in call order, at the time of the call; only the callbacks are deferred.
 */
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    /** Creates an empty, available store. */
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               std::function<void(Status)> done) override;
    void remove(const QString &key, QObject *context, std::function<void(Status)> done) override;

    /**
     * Simulates a keyring that cannot be used: while @p unavailable is true every call fails with
     * ErrorCode::Keychain (reads with Outcome::Failed) and the stored secrets are left untouched.
     */
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    /** Whether calls currently fail (see setUnavailable()). */
    bool isUnavailable() const { return m_unavailable; }

    /** Whether an entry exists under @p key, for assertions in tests. */
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    /** Number of stored entries, for assertions in tests. */
    qsizetype count() const { return m_secrets.size(); }

private:
    QString unavailableMessage() const;

    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace Tillbridge::Core
