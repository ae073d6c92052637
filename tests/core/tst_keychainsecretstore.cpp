// SPDX-License-Identifier: GPL-3.0-or-later
// Round trip through the REAL system keyring (Secret Service / KWallet / Keychain) via KeychainSecretStore.
//
// Headless or CI:   installer/with-test-keyring.sh <build-dir>/tests/core/tst_keychainsecretstore
// That wrapper starts a private, unlocked gnome-keyring on a private D-Bus session and sets
// TILLBRIDGE_REQUIRE_KEYRING=1, which turns "keyring unreachable" from a skip into a failure.
#include "core/secrets/keychainsecretstore.h"

#include <QEventLoop>
#include <QObject>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <optional>

using namespace Tillbridge::Core;

namespace {

// Generous: the first call may D-Bus-activate a keyring daemon. A keyring that asks the user to unlock it would
// wait forever; the timeout turns that into "unreachable".
constexpr int kTimeoutMs = 20000;

// Entries live under their own service so that the test can never read, overwrite or remove real Tillbridge entries.
const QString kService = QStringLiteral("Tillbridge-tests");

/** Starts an operation with a fresh context object and spins an event loop until its callback arrives. */
template<typename T, typename Start>
std::optional<T> waitFor(Start start)
{
    QObject context; // destroyed on return: a late callback after a timeout is dropped, not run on a dead frame
    QEventLoop loop;
    std::optional<T> result;
    start(&context, [&result, &loop](T value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

bool keyringRequired()
{
    return qEnvironmentVariable("TILLBRIDGE_REQUIRE_KEYRING") == QLatin1String("1");
}

} // namespace

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void neverWrittenKeyIsAbsent();
    void removingAbsentKeySucceeds();
    void entriesAreSharedByServiceOnly();
    void cleanupTestCase();

private:
    std::optional<SecretReadResult> readSecret(const QString &key);
    std::optional<Status> writeSecret(const QString &key, const QString &secret);
    std::optional<Status> removeSecret(const QString &key);
    QString uniqueKey(const QString &what);

    KeychainSecretStore m_store{kService};
    QStringList m_keysWritten;
    bool m_keyringUsable = false;
};

std::optional<SecretReadResult> tst_KeychainSecretStore::readSecret(const QString &key)
{
    return waitFor<SecretReadResult>(
        [&](QObject *context, auto done) { m_store.read(key, context, std::move(done)); });
}

std::optional<Status> tst_KeychainSecretStore::writeSecret(const QString &key, const QString &secret)
{
    m_keysWritten << key;
    return waitFor<Status>([&](QObject *context, auto done) { m_store.write(key, secret, context, std::move(done)); });
}

std::optional<Status> tst_KeychainSecretStore::removeSecret(const QString &key)
{
    return waitFor<Status>([&](QObject *context, auto done) { m_store.remove(key, context, std::move(done)); });
}

QString tst_KeychainSecretStore::uniqueKey(const QString &what)
{
    return QStringLiteral("test/") + what + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void tst_KeychainSecretStore::initTestCase()
{
    // Probe by writing: reading is not enough, a locked collection answers a lookup with "nothing there".
    const QString probeKey = uniqueKey(QStringLiteral("probe"));
    const auto probe = writeSecret(probeKey, QStringLiteral("probe"));
    QString problem;
    if (!probe) {
        problem = QStringLiteral("no answer from the keyring within %1 s (locked, or waiting for a prompt?)")
                      .arg(kTimeoutMs / 1000);
    } else if (!probe->ok()) {
        problem = probe->errorString();
    } else {
        const auto removed = removeSecret(probeKey);
        if (!removed)
            problem = QStringLiteral("no answer to removing the probe entry");
        else if (!removed->ok())
            problem = removed->errorString();
    }

    if (problem.isEmpty()) {
        m_keyringUsable = true;
        return;
    }
    if (keyringRequired()) {
        QFAIL(qPrintable(QStringLiteral("TILLBRIDGE_REQUIRE_KEYRING=1 but the system keyring is not usable: ")
                         + problem));
    }
    QSKIP(qPrintable(QStringLiteral("System keyring not reachable, skipping the real-keyring tests (") + problem
                     + QStringLiteral("). Run them against a private throw-away gnome-keyring with: "
                                      "installer/with-test-keyring.sh <build-dir>/tests/core/tst_keychainsecretstore "
                                      "(or: installer/with-test-keyring.sh ctest -R tst_keychainsecretstore)")));
}

void tst_KeychainSecretStore::roundTrip()
{
    const QString key = uniqueKey(QStringLiteral("round-trip"));
    // Non-ASCII (Latin-1, outside Latin-1, outside the BMP) and the punctuation that breaks naive quoting.
    const QString first = QStringLiteral(u"pä$$wörd «Grüße» ½€ 日本 🙂 ;:'\"\\/&<>|`%s%n");
    const QString second = QStringLiteral(u"ny lösenord: Ω≈ç√ \t !#=?*~ end");

    auto status = writeSecret(key, first);
    QVERIFY2(status, "write: no answer from the keyring");
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
    auto read = readSecret(key);
    QVERIFY2(read, "read: no answer from the keyring");
    QVERIFY2(read->outcome == SecretReadResult::Outcome::Found, qPrintable(read->errorMessage));
    QCOMPARE(read->secret, first);

    status = writeSecret(key, second);
    QVERIFY2(status, "overwrite: no answer from the keyring");
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
    read = readSecret(key);
    QVERIFY2(read, "read after overwrite: no answer from the keyring");
    QVERIFY2(read->outcome == SecretReadResult::Outcome::Found, qPrintable(read->errorMessage));
    QCOMPARE(read->secret, second);

    status = removeSecret(key);
    QVERIFY2(status, "remove: no answer from the keyring");
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
    read = readSecret(key);
    QVERIFY2(read, "read after remove: no answer from the keyring");
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Absent);
    QVERIFY(read->secret.isEmpty());
    QVERIFY(read->errorMessage.isEmpty());
}

void tst_KeychainSecretStore::neverWrittenKeyIsAbsent()
{
    const auto read = readSecret(uniqueKey(QStringLiteral("never-written")));
    QVERIFY2(read, "no answer from the keyring");
    QVERIFY2(read->outcome != SecretReadResult::Outcome::Failed, qPrintable(read->errorMessage));
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Absent);
    QVERIFY(read->errorMessage.isEmpty());
}

void tst_KeychainSecretStore::removingAbsentKeySucceeds()
{
    const auto status = removeSecret(uniqueKey(QStringLiteral("never-written")));
    QVERIFY2(status, "no answer from the keyring");
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
}

void tst_KeychainSecretStore::entriesAreSharedByServiceOnly()
{
    const QString key = uniqueKey(QStringLiteral("service-scope"));
    const QString secret = QStringLiteral(u"token-ÅÄÖ-42");
    const auto status = writeSecret(key, secret);
    QVERIFY2(status, "write: no answer from the keyring");
    QVERIFY2(status->ok(), qPrintable(status->errorString()));

    // Another store object on the same service sees the entry: it lives in the keyring, not in the object.
    KeychainSecretStore sameService(kService);
    auto read = waitFor<SecretReadResult>(
        [&](QObject *context, auto done) { sameService.read(key, context, std::move(done)); });
    QVERIFY2(read, "read: no answer from the keyring");
    QVERIFY2(read->outcome == SecretReadResult::Outcome::Found, qPrintable(read->errorMessage));
    QCOMPARE(read->secret, secret);

    // The same key under another service is a different entry.
    KeychainSecretStore otherService(kService + QStringLiteral("-other"));
    read = waitFor<SecretReadResult>(
        [&](QObject *context, auto done) { otherService.read(key, context, std::move(done)); });
    QVERIFY2(read, "read: no answer from the keyring");
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Absent);

    const auto removed = removeSecret(key);
    QVERIFY2(removed, "remove: no answer from the keyring");
    QVERIFY2(removed->ok(), qPrintable(removed->errorString()));
}

void tst_KeychainSecretStore::cleanupTestCase()
{
    // Best effort, so that a failed run leaves nothing behind in a developer's keyring. Pointless (and slow, if every
    // call times out) when the probe already showed the keyring cannot be used.
    if (!m_keyringUsable)
        return;
    for (const QString &key : std::as_const(m_keysWritten))
        (void)removeSecret(key);
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
