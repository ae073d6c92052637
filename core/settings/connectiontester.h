// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/connectionsettings.h"

#include <QObject>

namespace Tillbridge::Core {

class SecretStore;

/**
 * "Test connection" for Settings: asks Sitoo for its sites and Prima for its health with the given settings and
 * the secrets in the keychain, and reports in a sentence a person can act on. Sends nothing that changes data.
 */
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTester(SecretStore *secrets, QObject *parent = nullptr);

    void testSitoo(const ConnectionSettings &settings);
    void testPrima(const ConnectionSettings &settings);

Q_SIGNALS:
    void sitooTested(bool ok, const QString &message);
    void primaTested(bool ok, const QString &message);

private:
    SecretStore *m_secrets;
};

} // namespace Tillbridge::Core
