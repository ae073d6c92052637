// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"

namespace Tillbridge::Core {

/**
 * Secrets for a headless server without a desktop keyring: read-only, from the process environment, never written
 * anywhere. `sitoo/<API id>` reads TILLBRIDGE_SITOO_PASSWORD and `prima/<host>` reads TILLBRIDGE_PRIMA_TOKEN
 * (docs/configuration.md). Only `tillbridge-cli sync --credentials environment` uses it; the workbench always uses
 * the keychain.
 */
class EnvironmentSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    static constexpr const char *kSitooPasswordVariable = "TILLBRIDGE_SITOO_PASSWORD";
    static constexpr const char *kPrimaTokenVariable = "TILLBRIDGE_PRIMA_TOKEN";

    explicit EnvironmentSecretStore(QObject *parent = nullptr);

    void read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done) override;
    /** Refused: the environment is set by whoever starts the process, not by Tillbridge. */
    void write(const QString &key, const QString &secret, QObject *context, std::function<void(Status)> done) override;
    void remove(const QString &key, QObject *context, std::function<void(Status)> done) override;

    /** The variable that holds `key`, or empty for keys this store does not know. */
    static QString variableFor(const QString &key);
};

} // namespace Tillbridge::Core
