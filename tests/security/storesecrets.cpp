// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for the R9 canary (tests/security/secretscanary.py): stores the Sitoo API password and the Prima token
// of a sync configuration in the system keychain through KeychainSecretStore — the store the workbench's settings
// and `tillbridge-cli sync` use — reading both from standard input (one per line), never from the command line.
//
//   tillbridge-store-secrets --config sync.json < secrets
// Exit status 0 when both are stored; 1 with the store's message on standard error when the keychain refuses.
#include "core/application.h"
#include "core/engine/syncconfig.h"
#include "core/secrets/keychainsecretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

#include <cstdio>

using namespace Tillbridge::Core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("sync configuration"),
                                          QStringLiteral("file"));
    parser.addOption(configOption);
    parser.process(app);
    const auto config = SyncConfig::load(parser.value(configOption));
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.errorString()));
        return 2;
    }
    QTextStream in(stdin);
    const QString sitooPassword = in.readLine();
    const QString primaToken = in.readLine();

    KeychainSecretStore store(keychainService());
    const QList<std::pair<QString, QString>> entries{{config->connections.sitooPasswordKey(), sitooPassword},
                                                      {config->connections.primaTokenKey(), primaToken}};
    for (const auto &[key, secret] : entries) {
        QEventLoop loop;
        Status result = Error{ErrorCode::Keychain, QStringLiteral("no answer from the keychain")};
        store.write(key, secret, &loop, [&](Status status) {
            result = std::move(status);
            loop.quit();
        });
        loop.exec();
        if (!result) {
            std::fprintf(stderr, "%s\n", qPrintable(result.errorString()));
            return 1;
        }
    }
    std::fprintf(stdout, "stored %d secrets in the keychain\n", int(entries.size()));
    return 0;
}
