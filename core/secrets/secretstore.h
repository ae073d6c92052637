// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QMetaObject>
#include <QObject>
#include <QString>

#include <functional>
#include <utility>

namespace Tillbridge::Core {

/** What reading a secret produced. A missing entry is a normal outcome, not an error. */
struct SecretReadResult
{
    /** How the read ended. */
    enum class Outcome {
        Found,  ///< the entry exists; secret holds it
        Absent, ///< no entry under that key (never stored, or removed)
        Failed, ///< the store could not be used; errorMessage says why
    } outcome = Outcome::Failed;
    QString secret;       ///< only meaningful when outcome is Found; never log it
    QString errorMessage; ///< translated, written for a finance user; only set when outcome is Failed

    /** A read that found @p value. */
    static SecretReadResult found(QString value) { return {Outcome::Found, std::move(value), {}}; }
    /** A read that found nothing under the key. */
    static SecretReadResult absent() { return {Outcome::Absent, {}, {}}; }
    /** A read that could not be carried out; @p message is translated and shown to the user. */
    static SecretReadResult failed(QString message) { return {Outcome::Failed, {}, std::move(message)}; }
};

/**
 * Where Tillbridge keeps credentials (Sitoo API passwords, Prima tokens). Never in the cache database or a settings
 * file: the production implementation is the operating system's keyring (KeychainSecretStore).
 *
 * Every call is asynchronous: the callback always runs later from the event loop, never from inside the call, and
 * in the thread of @p context. If @p context is destroyed before the operation finishes, the callback is not
 * invoked at all, so callers may capture @p context (typically `this`) in it. @p context must not be null.
 *
 * Keys follow a fixed naming convention; build them with sitooPasswordKey() and primaTokenKey().
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    /** Receives the outcome of read(). */
    using ReadCallback = std::function<void(SecretReadResult)>;
    /** Receives the outcome of write() and remove(); failures carry ErrorCode::Keychain. */
    using StatusCallback = std::function<void(Status)>;

    /** Creates a store owned by @p parent. */
    explicit SecretStore(QObject *parent = nullptr)
        : QObject(parent)
    {
    }
    ~SecretStore() override = default;

    /** Reads the secret stored under @p key; an entry that does not exist yields Outcome::Absent. */
    virtual void read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done) = 0;

    /** Stores @p secret under @p key, replacing any previous value. */
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       std::function<void(Status)> done) = 0;

    /** Removes the entry under @p key. Removing an entry that does not exist succeeds. */
    virtual void remove(const QString &key, QObject *context, std::function<void(Status)> done) = 0;

    /** Key for the Sitoo API password of API id @p apiId: "sitoo/<apiId>". */
    static QString sitooPasswordKey(const QString &apiId) { return QStringLiteral("sitoo/") + apiId; }

    /**
     * Key for the Prima API token of server @p host: "prima/<host>". Pass the host as QUrl::host() returns it
     * (lower case, no scheme or port) so that one server never ends up with two entries.
     */
    static QString primaTokenKey(const QString &host) { return QStringLiteral("prima/") + host; }

protected:
    /**
     * Runs @p done with @p value from the event loop of @p context's thread, unless @p context is destroyed first
     * (a posted call dies with its receiver). For implementations that know the answer immediately.
     */
    template<typename T>
    static void deliverLater(QObject *context, std::function<void(T)> done, T value)
    {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), value = std::move(value)]() { done(value); }, Qt::QueuedConnection);
    }
};

} // namespace Tillbridge::Core
