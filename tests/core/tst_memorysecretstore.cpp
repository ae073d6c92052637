// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/memorysecretstore.h"

#include <QEventLoop>
#include <QObject>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Tillbridge::Core;

namespace {

constexpr int kTimeoutMs = 5000;

/** Starts an operation with a fresh context object and spins an event loop until its callback arrives. */
template<typename T, typename Start>
std::optional<T> waitFor(Start start)
{
    QObject context;
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

std::optional<SecretReadResult> readSecret(SecretStore &store, const QString &key)
{
    return waitFor<SecretReadResult>(
        [&](QObject *context, auto done) { store.read(key, context, std::move(done)); });
}

std::optional<Status> writeSecret(SecretStore &store, const QString &key, const QString &secret)
{
    return waitFor<Status>(
        [&](QObject *context, auto done) { store.write(key, secret, context, std::move(done)); });
}

std::optional<Status> removeSecret(SecretStore &store, const QString &key)
{
    return waitFor<Status>([&](QObject *context, auto done) { store.remove(key, context, std::move(done)); });
}

} // namespace

class tst_MemorySecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyNaming();
    void roundTrip();
    void neverWrittenKeyIsAbsent();
    void removingAbsentKeySucceeds();
    void callbacksAreAsynchronous();
    void callbacksArriveInCallOrder();
    void noCallbackAfterContextDestroyed();
    void unavailableStoreFails();
};

void tst_MemorySecretStore::keyNaming()
{
    QCOMPARE(SecretStore::sitooPasswordKey(QStringLiteral("api-123")), QStringLiteral("sitoo/api-123"));
    QCOMPARE(SecretStore::primaTokenKey(QStringLiteral("erp.example.com")), QStringLiteral("prima/erp.example.com"));
}

void tst_MemorySecretStore::roundTrip()
{
    MemorySecretStore store;
    const QString key = SecretStore::sitooPasswordKey(QStringLiteral("round-trip"));
    const QString first = QStringLiteral(u"pä$$wörd «Grüße» ½€ 日本 🙂 ;:'\"\\/&<>|");
    const QString second = QStringLiteral(u"ny lösenord: Ω≈ç√ \t end");

    auto status = writeSecret(store, key, first);
    QVERIFY(status);
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
    auto read = readSecret(store, key);
    QVERIFY(read);
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Found);
    QCOMPARE(read->secret, first);

    status = writeSecret(store, key, second);
    QVERIFY(status);
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
    read = readSecret(store, key);
    QVERIFY(read);
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Found);
    QCOMPARE(read->secret, second);
    QCOMPARE(store.count(), 1);

    status = removeSecret(store, key);
    QVERIFY(status);
    QVERIFY2(status->ok(), qPrintable(status->errorString()));
    read = readSecret(store, key);
    QVERIFY(read);
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Absent);
    QVERIFY(read->secret.isEmpty());
    QVERIFY(!store.contains(key));
}

void tst_MemorySecretStore::neverWrittenKeyIsAbsent()
{
    MemorySecretStore store;
    const auto read = readSecret(store, SecretStore::primaTokenKey(QStringLiteral("never.example.com")));
    QVERIFY(read);
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Absent);
    QVERIFY(read->errorMessage.isEmpty());
}

void tst_MemorySecretStore::removingAbsentKeySucceeds()
{
    MemorySecretStore store;
    const auto status = removeSecret(store, QStringLiteral("sitoo/not-there"));
    QVERIFY(status);
    QVERIFY(status->ok());
}

void tst_MemorySecretStore::callbacksAreAsynchronous()
{
    MemorySecretStore store;
    QObject context;
    bool written = false;
    bool read = false;
    store.write(QStringLiteral("k"), QStringLiteral("v"), &context, [&written](Status) { written = true; });
    store.read(QStringLiteral("k"), &context, [&read](SecretReadResult) { read = true; });
    QVERIFY(!written);
    QVERIFY(!read);
    QTRY_VERIFY(written && read);
}

void tst_MemorySecretStore::callbacksArriveInCallOrder()
{
    MemorySecretStore store;
    QObject context;
    QStringList events;
    const QString key = QStringLiteral("order");
    store.write(key, QStringLiteral("one"), &context, [&events](Status) { events << QStringLiteral("write"); });
    store.read(key, &context, [&events](SecretReadResult r) { events << QStringLiteral("read:") + r.secret; });
    store.remove(key, &context, [&events](Status) { events << QStringLiteral("remove"); });
    store.read(key, &context, [&events](SecretReadResult r) {
        events << (r.outcome == SecretReadResult::Outcome::Absent ? QStringLiteral("absent") : QStringLiteral("?"));
    });
    QTRY_COMPARE(events.size(), 4);
    QCOMPARE(events, QStringList({QStringLiteral("write"), QStringLiteral("read:one"), QStringLiteral("remove"),
                                  QStringLiteral("absent")}));
}

void tst_MemorySecretStore::noCallbackAfterContextDestroyed()
{
    MemorySecretStore store;
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.write(QStringLiteral("k"), QStringLiteral("v"), context.get(), [&calls](Status) { ++calls; });
    store.read(QStringLiteral("k"), context.get(), [&calls](SecretReadResult) { ++calls; });
    store.remove(QStringLiteral("k"), context.get(), [&calls](Status) { ++calls; });
    context.reset();

    // A second context whose callback arrives proves the event loop ran past the cancelled ones.
    QObject witness;
    bool witnessCalled = false;
    store.read(QStringLiteral("k"), &witness, [&witnessCalled](SecretReadResult) { witnessCalled = true; });
    QTRY_VERIFY(witnessCalled);
    QTest::qWait(50);
    QCOMPARE(calls, 0);
    // The operations themselves still happened; only the callbacks were dropped.
    QVERIFY(!store.contains(QStringLiteral("k")));
}

void tst_MemorySecretStore::unavailableStoreFails()
{
    MemorySecretStore store;
    const QString key = QStringLiteral("sitoo/unavailable");
    QVERIFY(writeSecret(store, key, QStringLiteral("kept"))->ok());

    store.setUnavailable(true);
    const auto read = readSecret(store, key);
    QVERIFY(read);
    QCOMPARE(read->outcome, SecretReadResult::Outcome::Failed);
    QVERIFY(!read->errorMessage.isEmpty());
    QVERIFY(read->secret.isEmpty());

    const auto write = writeSecret(store, key, QStringLiteral("other"));
    QVERIFY(write);
    QVERIFY(!write->ok());
    QCOMPARE(write->error().code, ErrorCode::Keychain);

    const auto removal = removeSecret(store, key);
    QVERIFY(removal);
    QVERIFY(!removal->ok());
    QCOMPARE(removal->error().code, ErrorCode::Keychain);

    store.setUnavailable(false);
    const auto after = readSecret(store, key);
    QVERIFY(after);
    QCOMPARE(after->outcome, SecretReadResult::Outcome::Found);
    QCOMPARE(after->secret, QStringLiteral("kept"));
}

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_memorysecretstore.moc"
