// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/environmentsecretstore.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

EnvironmentSecretStore::EnvironmentSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

QString EnvironmentSecretStore::variableFor(const QString &key)
{
    if (key.startsWith(u"sitoo/"))
        return QString::fromLatin1(kSitooPasswordVariable);
    if (key.startsWith(u"prima/"))
        return QString::fromLatin1(kPrimaTokenVariable);
    return {};
}

void EnvironmentSecretStore::read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done)
{
    const QString variable = variableFor(key);
    const QString value = variable.isEmpty() ? QString() : qEnvironmentVariable(qPrintable(variable));
    deliverLater<SecretReadResult>(context, std::move(done),
                                   value.isEmpty() ? SecretReadResult::absent() : SecretReadResult::found(value));
}

void EnvironmentSecretStore::write(const QString &, const QString &, QObject *context, std::function<void(Status)> done)
{
    deliverLater<Status>(context, std::move(done),
                         Error{ErrorCode::Keychain,
                               QCoreApplication::translate("Tillbridge::Core::EnvironmentSecretStore",
                                                           "Secrets taken from the environment cannot be changed by "
                                                           "Tillbridge; set them where the process is started.")});
}

void EnvironmentSecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    write(key, QString(), context, std::move(done));
}

} // namespace Tillbridge::Core
