// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/crossthreadsecretstore.h"

#include <QCoreApplication>

namespace Tillbridge::Core {

CrossThreadSecretStore::CrossThreadSecretStore(SecretStore *target, QObject *parent)
    : SecretStore(parent)
    , m_target(target)
{
}

template<typename T, typename Call>
void CrossThreadSecretStore::forward(QObject *context, std::function<void(T)> done, Call call)
{
    // The answer is delivered back on the caller's thread through `receiver`, which lives there; if the caller's
    // context is gone by then, nothing runs.
    auto *receiver = new QObject;
    receiver->moveToThread(context->thread());
    QPointer<QObject> caller(context);
    QPointer<SecretStore> target = m_target;
    auto deliver = [receiver, caller, done](T value) {
        QMetaObject::invokeMethod(receiver, [receiver, caller, done, value] {
            if (caller)
                done(value);
            receiver->deleteLater();
        }, Qt::QueuedConnection);
    };
    if (!target) {
        deliver(T(Error{ErrorCode::Keychain, QCoreApplication::translate("Tillbridge::Core::CrossThreadSecretStore",
                                                                         "The keychain is no longer available.")}));
        return;
    }
    QMetaObject::invokeMethod(target, [target, call, deliver] { call(target.data(), deliver); }, Qt::QueuedConnection);
}

void CrossThreadSecretStore::read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done)
{
    if (!m_target) {
        deliverLater<SecretReadResult>(context, std::move(done),
                                       SecretReadResult::failed(QCoreApplication::translate(
                                           "Tillbridge::Core::CrossThreadSecretStore",
                                           "The keychain is no longer available.")));
        return;
    }
    auto *receiver = new QObject;
    receiver->moveToThread(context->thread());
    QPointer<QObject> caller(context);
    QPointer<SecretStore> target = m_target;
    QMetaObject::invokeMethod(target, [target, key, receiver, caller, done] {
        target->read(key, target, [receiver, caller, done](SecretReadResult result) {
            QMetaObject::invokeMethod(receiver, [receiver, caller, done, result] {
                if (caller)
                    done(result);
                receiver->deleteLater();
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

void CrossThreadSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                   std::function<void(Status)> done)
{
    forward<Status>(context, std::move(done), [key, secret](SecretStore *target, std::function<void(Status)> deliver) {
        target->write(key, secret, target, deliver);
    });
}

void CrossThreadSecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    forward<Status>(context, std::move(done), [key](SecretStore *target, std::function<void(Status)> deliver) {
        target->remove(key, target, deliver);
    });
}

} // namespace Tillbridge::Core
