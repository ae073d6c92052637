// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"

#include <QPointer>

namespace Tillbridge::Core {

/**
 * A secret store for a worker thread that forwards every call to a store living in another thread (the GUI
 * thread's keychain) and brings the answer back. QtKeychain keeps per-process job bookkeeping that is not
 * thread-safe, so all keychain calls of the workbench stay on one thread; the engine's worker asks through this.
 * The target must outlive this store (the engine closes its worker before the GUI's store goes away).
 */
class CrossThreadSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    CrossThreadSecretStore(SecretStore *target, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done) override;
    void write(const QString &key, const QString &secret, QObject *context, std::function<void(Status)> done) override;
    void remove(const QString &key, QObject *context, std::function<void(Status)> done) override;

private:
    /** Runs `call` on the target's thread and delivers its answer on `context`'s thread; `unavailable` if gone. */
    template<typename T, typename Call>
    void forward(QObject *context, std::function<void(T)> done, T unavailable, Call call);

    QPointer<SecretStore> m_target;
};

} // namespace Tillbridge::Core
