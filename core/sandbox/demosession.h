// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/demosandbox.h"
#include "core/settings/connectionsettings.h"

#include "core/storage/userrepository.h"

#include <QObject>

namespace Tillbridge::Core {
class SecretStore;
}

namespace Tillbridge::Sandbox {

class SandboxHost;

/**
 * The workbench's demo: starts the sandbox Sitoo and Prima in their own thread, then points the connection settings
 * at them and stores the credentials they generated in the keychain, exactly as a user would in Settings. The
 * settings file is the demo profile's, so a real configuration is never overwritten.
 */
class DemoSession : public QObject
{
    Q_OBJECT

public:
    DemoSession(DemoSandboxOptions options, Core::SecretStore *secrets, QObject *parent = nullptr);
    ~DemoSession() override;

    void start();
    const Core::ConnectionSettings &connections() const { return m_connections; }
    /** The mappings that fit the demo's scenario (MappingRepository's import format); empty until ready(). */
    QByteArray mappingsJson() const { return m_mappingsJson; }

    /** The options the demo runs with by default: seed 1, four stores, a week of trading, 5 % defects. */
    static DemoSandboxOptions defaultOptions(const QString &dataDirectory);

    /** The demo's two people, so maker-checker can be tried: a preparer and an approver (sandbox passwords). */
    struct DemoUser
    {
        const char *username;
        const char *displayName;
        Core::UserRole role;
        const char *password;
    };
    static constexpr DemoUser kDemoUsers[] = {
        {"maria", "Maria Lind", Core::UserRole::Preparer, "maria-demo"},
        {"oskar", "Oskar Berg", Core::UserRole::Approver, "oskar-demo"},
    };
    /**
     * Creates the demo users in the demo cache if they are missing and returns the first (signed in at start).
     * Only ever for the demo's own cache: these passwords are printed in the README.
     */
    static Core::Result<Core::User> ensureDemoUsers(const QSqlDatabase &db);

Q_SIGNALS:
    /** Both sandboxes listen, the settings point at them, and both secrets are in the keychain. */
    void ready(const Tillbridge::Core::ConnectionSettings &connections);
    void failed(const QString &message);

private:
    void configure(const SandboxEndpoints &endpoints);

    Core::SecretStore *m_secrets;
    SandboxHost *m_host;
    Core::ConnectionSettings m_connections;
    QByteArray m_mappingsJson;
    int m_pendingSecrets = 0;
    QStringList m_secretErrors;
};

} // namespace Tillbridge::Sandbox
