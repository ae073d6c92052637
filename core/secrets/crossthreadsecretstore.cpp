// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/crossthreadsecretstore.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

CrossThreadSecretStore::CrossThreadSecretStore(SecretStore *target, QObject *parent)
    : SecretStore(parent)
    , m_target(target)
{
}

namespace {
QString unavailableText()
{
    return QCoreApplication::translate("Tillbridge::Core::CrossThreadSecretStore",
                                       "The keychain is no longer available.");
}
} // namespace

template<typename T, typename Call>
void CrossThreadSecretStore::forward(QObject *context, std::function<void(T)> done, T unavailable, Call call)
{
    if (!m_target) {
        deliverLater<T>(context, std::move(done), std::move(unavailable));
        return;
    }
    // The answer comes back through `receiver`, which lives on the caller's thread; if the caller's context is
    // gone by then, nothing runs.
    auto *receiver = new QObject;
    receiver->moveToThread(context->thread());
    QPointer<QObject> caller(context);
    auto deliver = [receiver, caller, done](T value) {
        QMetaObject::invokeMethod(receiver, [receiver, caller, done, value] {
            if (caller)
                done(value);
            receiver->deleteLater();
        }, Qt::QueuedConnection);
    };
    QPointer<SecretStore> target = m_target;
    QMetaObject::invokeMethod(target, [target, call, deliver] { call(target.data(), deliver); }, Qt::QueuedConnection);
}

void CrossThreadSecretStore::read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done)
{
    forward<SecretReadResult>(context, std::move(done), SecretReadResult::failed(unavailableText()),
                              [key](SecretStore *target, std::function<void(SecretReadResult)> deliver) {
                                  target->read(key, target, deliver);
                              });
}

void CrossThreadSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                   std::function<void(Status)> done)
{
    forward<Status>(context, std::move(done), Status(Error{ErrorCode::Keychain, unavailableText()}),
                    [key, secret](SecretStore *target, std::function<void(Status)> deliver) {
                        target->write(key, secret, target, deliver);
                    });
}

void CrossThreadSecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    forward<Status>(context, std::move(done), Status(Error{ErrorCode::Keychain, unavailableText()}),
                    [key](SecretStore *target, std::function<void(Status)> deliver) {
                        target->remove(key, target, deliver);
                    });
}

} // namespace Tillbridge::Core
