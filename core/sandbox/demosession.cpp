// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/demosession.h"

#include "core/application.h"
#include "core/sandbox/sandboxhost.h"
#include "core/secrets/secretstore.h"
#include "core/storage/dbtransaction.h"

#include <QSettings>

namespace Tillbridge::Sandbox {

DemoSession::DemoSession(DemoSandboxOptions options, Core::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_host(new SandboxHost(std::move(options), this))
{
    connect(m_host, &SandboxHost::started, this, &DemoSession::configure);
    connect(m_host, &SandboxHost::failed, this, [this](const QString &message) {
        Q_EMIT failed(tr("The demo's sandbox did not start: %1").arg(message));
    });
}

DemoSession::~DemoSession() = default;

DemoSandboxOptions DemoSession::defaultOptions(const QString &dataDirectory)
{
    DemoSandboxOptions options;
    options.scenario.seed = 1;
    options.scenario.storeCount = 4;
    options.scenario.tradingDays = 7;
    options.scenario.defectRate = 0.05;
    options.dataDirectory = dataDirectory;
    return options;
}

void DemoSession::start()
{
    m_host->start();
}

void DemoSession::configure(const SandboxEndpoints &endpoints)
{
    m_connections.sitooBaseUrl = endpoints.sitooBaseUrl;
    m_connections.sitooAccountId = endpoints.sitooAccountId;
    m_connections.sitooApiId = endpoints.sitooApiId;
    m_connections.primaBaseUrl = endpoints.primaBaseUrl;
    m_mappingsJson = endpoints.mappingsJson;
    auto settings = Core::openSettings();
    m_connections.save(*settings);
    settings->sync();

    // The generated secrets go where a user's would: the keychain, and nowhere else.
    const QList<std::pair<QString, QString>> secrets{{m_connections.sitooPasswordKey(), endpoints.sitooPassword},
                                                     {m_connections.primaTokenKey(), endpoints.primaToken}};
    m_pendingSecrets = int(secrets.size());
    m_secretErrors.clear();
    for (const auto &[key, secret] : secrets) {
        m_secrets->write(key, secret, this, [this](const Core::Status &status) {
            if (!status)
                m_secretErrors.append(status.errorString());
            if (--m_pendingSecrets > 0)
                return;
            if (m_secretErrors.isEmpty()) {
                Q_EMIT ready(m_connections);
            } else {
                Q_EMIT failed(tr("The demo could not store its generated passwords in the system keychain, and "
                                 "Tillbridge keeps passwords nowhere else. %1")
                                  .arg(m_secretErrors.first()));
            }
        });
    }
}

Core::Result<Core::User> DemoSession::ensureDemoUsers(const QSqlDatabase &db)
{
    Core::UserRepository users(db);
    std::optional<Core::User> first;
    for (const DemoUser &demo : kDemoUsers) {
        auto existing = users.find(QString::fromLatin1(demo.username));
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            if (!first)
                first = **existing;
            continue;
        }
        Core::DbTransaction tx(db);
        if (!tx.isActive())
            return tx.beginStatus().error();
        auto created = users.create(tx, QString::fromLatin1(demo.username), QString::fromUtf8(demo.displayName),
                                    demo.role, QString::fromLatin1(demo.password), QStringLiteral("demo"));
        if (!created)
            return created.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        if (!first)
            first = *created;
    }
    return *first;
}

} // namespace Tillbridge::Sandbox
