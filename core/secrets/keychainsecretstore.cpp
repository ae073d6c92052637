// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/keychainsecretstore.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QThread>

#include <qt6keychain/keychain.h>

namespace Tillbridge::Core {

namespace {

enum class Operation { Read, Write, Remove };

const char *operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

const char *keychainErrorName(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return "NoError";
    case QKeychain::EntryNotFound:
        return "EntryNotFound";
    case QKeychain::CouldNotDeleteEntry:
        return "CouldNotDeleteEntry";
    case QKeychain::AccessDeniedByUser:
        return "AccessDeniedByUser";
    case QKeychain::AccessDenied:
        return "AccessDenied";
    case QKeychain::NoBackendAvailable:
        return "NoBackendAvailable";
    case QKeychain::NotImplemented:
        return "NotImplemented";
    case QKeychain::OtherError:
        return "OtherError";
    }
    return "Unknown";
}

/**
 * The sentence a finance user sees; the backend's own wording is appended as a detail for support. The context is
 * spelled out in every translate() call because lupdate only extracts string literals.
 */
QString userMessage(Operation operation, QKeychain::Error error, const QString &detail)
{
    QString what;
    switch (error) {
    case QKeychain::AccessDeniedByUser:
        what = QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore",
                                           "Access to the system keyring was refused, so Tillbridge cannot use the "
                                           "saved password or token. Allow Tillbridge to use the keyring and try "
                                           "again.");
        break;
    case QKeychain::AccessDenied:
        what = QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore",
                                           "The system keyring is locked or refused access. Unlock it (usually by "
                                           "logging in to your desktop again) and try again. Tillbridge will not store "
                                           "the password or token anywhere else.");
        break;
    case QKeychain::CouldNotDeleteEntry:
        what = QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore",
                                           "The saved password or token could not be removed from the system keyring. "
                                           "You can remove the entry yourself with your keyring manager.");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        switch (operation) {
        case Operation::Read:
            what = QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore",
                                               "The system keyring is unavailable, so Tillbridge cannot read the saved "
                                               "password or token. Make sure your desktop keyring (for example GNOME "
                                               "Keyring or KWallet) is running and unlocked, then try again.");
            break;
        case Operation::Write:
            what = QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore",
                                               "The system keyring is unavailable, so the password or token was not "
                                               "saved. Tillbridge will not store it anywhere else. Make sure your "
                                               "desktop keyring (for example GNOME Keyring or KWallet) is running and "
                                               "unlocked, then try again.");
            break;
        case Operation::Remove:
            what = QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore",
                                               "The system keyring is unavailable, so the saved password or token "
                                               "could not be removed. Make sure your desktop keyring is running and "
                                               "unlocked, then try again.");
            break;
        }
        break;
    }
    if (detail.trimmed().isEmpty())
        return what;
    return QCoreApplication::translate("Tillbridge::Core::KeychainSecretStore", "%1 (Details: %2)")
        .arg(what, detail.trimmed());
}

/** Logs the key and the error, never the secret. */
void logFailure(Operation operation, const QString &key, QKeychain::Error error, const QString &detail)
{
    qCWarning(lcKeychain).nospace() << "keychain " << operationName(operation) << " failed for key " << key << ": "
                                    << keychainErrorName(error) << " (" << detail << ")";
}

Error keychainError(Operation operation, QKeychain::Error error, const QString &detail)
{
    return Error{ErrorCode::Keychain, userMessage(operation, error, detail)};
}

/** A job configured the way every call needs it: no plain-text fallback, deleted once finished, not owned. */
template<typename JobType>
JobType *newJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service); // no parent: QtKeychain's backends keep a raw pointer to the running job
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

/**
 * The handlers read the finished job, which deletes itself right after finished(): they must run synchronously in
 * the job's thread, i.e. the context must live in the calling thread.
 */
template<typename Callback>
void checkCall(const QObject *context, const Callback &done)
{
    Q_ASSERT_X(context, "KeychainSecretStore", "a context object is required");
    Q_ASSERT_X(!context || context->thread() == QThread::currentThread(), "KeychainSecretStore",
               "the context must live in the calling thread");
    Q_ASSERT(done);
    Q_UNUSED(context)
    Q_UNUSED(done)
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, QObject *context, std::function<void(SecretReadResult)> done)
{
    checkCall(context, done);
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *finished) {
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        switch (readJob->error()) {
        case QKeychain::NoError:
            done(SecretReadResult::found(readJob->textData()));
            return;
        case QKeychain::EntryNotFound:
            done(SecretReadResult::absent());
            return;
        default:
            logFailure(Operation::Read, key, readJob->error(), readJob->errorString());
            done(SecretReadResult::failed(userMessage(Operation::Read, readJob->error(), readJob->errorString())));
            return;
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                std::function<void(Status)> done)
{
    checkCall(context, done);
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            done(Status::success());
            return;
        }
        logFailure(Operation::Write, key, finished->error(), finished->errorString());
        done(keychainError(Operation::Write, finished->error(), finished->errorString()));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    checkCall(context, done);
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *finished) {
        // Removing what is not there leaves the keyring as the caller wants it: not an error.
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            done(Status::success());
            return;
        }
        logFailure(Operation::Remove, key, finished->error(), finished->errorString());
        done(keychainError(Operation::Remove, finished->error(), finished->errorString()));
    });
    job->start();
}

} // namespace Tillbridge::Core
