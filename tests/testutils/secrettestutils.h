// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Tillbridge::Core {
class SecretStore;
}

namespace Tillbridge::Test {

/** Writes each (key, secret) and waits for the store to confirm them all; false if any write failed or timed out. */
bool storeSecrets(Core::SecretStore &store, const QList<std::pair<QString, QString>> &secrets);

} // namespace Tillbridge::Test
