// SPDX-License-Identifier: GPL-3.0-or-later
// Sha256: the standard's test vectors, incremental hashing, and the same digest as Qt's implementation, which wrote
// every raw-order hash and audit chain hash already in users' caches.
#include "core/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Tillbridge::Core;

class tst_Sha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data();
    void vectors();
    void incrementalEqualsOneShot();
    void sameAsQtForEverySize();
};

void tst_Sha256::vectors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("hex");
    // FIPS 180-2 appendix B and the empty message.
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("a million a") << QByteArray(1'000'000, 'a')
                                 << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void tst_Sha256::vectors()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, hex);
    QCOMPARE(Sha256::hexHash(message), hex);
    QCOMPARE(Sha256::hash(message), QByteArray::fromHex(hex));
    QCOMPARE(Sha256::hash(message).size(), 32);
}

void tst_Sha256::incrementalEqualsOneShot()
{
    const QByteArray message("tillbridge-audit-v1;1:1;24:2026-11-27T12:00:00.000Z;");
    Sha256 hash;
    for (qsizetype i = 0; i < message.size(); i += 7)
        hash.addData(QByteArrayView(message).sliced(i, std::min<qsizetype>(7, message.size() - i)));
    QCOMPARE(hash.result(), Sha256::hash(message));
    // result() starts a new message.
    hash.addData("abc");
    QCOMPARE(hash.result().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(hash.result(), Sha256::hash({}));
}

void tst_Sha256::sameAsQtForEverySize()
{
    // Every length across the 64-byte block boundaries and the padding cases, then larger random messages.
    QRandomGenerator random(20261127);
    for (int size = 0; size < 300; ++size) {
        QByteArray message(size, Qt::Uninitialized);
        for (char &byte : message)
            byte = char(random.bounded(256));
        QCOMPARE(Sha256::hexHash(message), QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex());
    }
    for (int round = 0; round < 50; ++round) {
        QByteArray message(random.bounded(1, 20'000), Qt::Uninitialized);
        for (char &byte : message)
            byte = char(random.bounded(256));
        QCOMPARE(Sha256::hash(message), QCryptographicHash::hash(message, QCryptographicHash::Sha256));
    }
}

QTEST_GUILESS_MAIN(tst_Sha256)
#include "tst_sha256.moc"
