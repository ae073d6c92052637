// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutils/secrettestutils.h"

#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace Tillbridge::Test {

bool storeSecrets(Core::SecretStore &store, const QList<std::pair<QString, QString>> &secrets)
{
    QObject context;
    int confirmed = 0;
    bool allOk = true;
    for (const auto &[key, secret] : secrets) {
        store.write(key, secret, &context, [&confirmed, &allOk](const Core::Status &status) {
            ++confirmed;
            allOk = allOk && status.ok();
        });
    }
    QDeadlineTimer deadline(10000);
    while (confirmed < secrets.size() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return allOk && confirmed == secrets.size();
}

} // namespace Tillbridge::Test
