// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/connectiontester.h"

#include "core/net/httpclient.h"
#include "core/prima/restprimagateway.h"
#include "core/sitoo/sitooclient.h"

namespace Tillbridge::Core {

ConnectionTester::ConnectionTester(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
}

void ConnectionTester::testSitoo(const ConnectionSettings &settings)
{
    if (!settings.isSitooConfigured()) {
        Q_EMIT sitooTested(false, tr("Enter the Sitoo address and API id first."));
        return;
    }
    // A client per test: it reads the password from the keychain afresh, as a sync would.
    auto *client = new SitooClient(m_secrets, this);
    if (auto configured = client->setConnection(settings); !configured) {
        client->deleteLater();
        Q_EMIT sitooTested(false, configured.errorString());
        return;
    }
    client->testConnection(client, [this, client](const Result<QString> &result) {
        client->deleteLater();
        Q_EMIT sitooTested(result.ok(), result.ok() ? *result : result.errorString());
    });
}

void ConnectionTester::testPrima(const ConnectionSettings &settings)
{
    if (!settings.isPrimaConfigured()) {
        Q_EMIT primaTested(false, tr("Enter the Prima gateway address first."));
        return;
    }
    auto certificates = settings.extraCaCertificates();
    if (!certificates) {
        Q_EMIT primaTested(false, certificates.errorString());
        return;
    }
    auto *http = new HttpClient(this);
    http->setExtraCaCertificates(*certificates);
    RestPrimaGatewayConfig config;
    config.baseUrl = settings.primaBaseUrl;
    config.tokenKey = settings.primaTokenKey();
    auto *gateway = new RestPrimaGateway(config, http, m_secrets, http);
    gateway->health(http, [this, http](const PrimaReadResult<PrimaHealth> &result) {
        http->deleteLater();
        if (result.ok()) {
            Q_EMIT primaTested(true, tr("Connected to the Prima gateway (version %1).")
                                         .arg(result.value->version.isEmpty() ? tr("unknown")
                                                                              : result.value->version));
        } else {
            Q_EMIT primaTested(false, tr("Prima did not answer as expected: %1").arg(result.error.summary()));
        }
    });
}

} // namespace Tillbridge::Core
