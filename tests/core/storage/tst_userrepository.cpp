// SPDX-License-Identifier: GPL-3.0-or-later
// Local accounts: PBKDF2-SHA256 with a random salt per account, verification, roles, and no password anywhere in
// the cache (not in the users table, not in the audit trail, not in the database file).
#include "core/storage/userrepository.h"

#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QDirIterator>
#include <QFile>
#include <QPasswordDigestor>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::execSql;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

namespace {
const QString kPassword = QStringLiteral("Canary-ÅÄÖ-7f3a91c2");
}

class tst_UserRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createAndVerify();
    void storedHashIsNotThePasswordAndIsSalted();
    void thePasswordIsNowhereInTheCache();
    void namesAndPasswordsAreChecked_data();
    void namesAndPasswordsAreChecked();
    void disabledAccountsAreRefused();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }

    // One cache for the whole test: PBKDF2 is slow on purpose, so accounts are created once.
    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_UserRepository::initTestCase()
{
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;

    UserRepository users(db());
    DbTransaction tx(db());
    // Anna and Bertil deliberately share a password.
    QVERIFY(users.create(tx, QStringLiteral("anna"), QStringLiteral("Anna Andersson"), UserRole::Preparer, kPassword,
                         QStringLiteral("admin"))
                .ok());
    QVERIFY(users.create(tx, QStringLiteral("bertil"), QStringLiteral("Bertil Berg"), UserRole::Approver, kPassword,
                         QStringLiteral("admin"))
                .ok());
    QVERIFY(users.create(tx, QStringLiteral("cecilia"), QStringLiteral("Cecilia Ek"), UserRole::Admin,
                         QStringLiteral("another secret"), QStringLiteral("admin"))
                .ok());
    QVERIFY(tx.commit().ok());
}

void tst_UserRepository::cleanupTestCase()
{
    m_connection.reset();
    m_cache.reset();
}

void tst_UserRepository::createAndVerify()
{
    UserRepository users(db());
    auto anna = users.verify(QStringLiteral("anna"), kPassword);
    QVERIFY2(anna.ok(), qPrintable(anna.errorString()));
    QCOMPARE(anna->username, QStringLiteral("anna"));
    QCOMPARE(anna->displayName, QStringLiteral("Anna Andersson"));
    QCOMPARE(anna->role, UserRole::Preparer);
    QVERIFY(anna->active);

    auto bertil = users.verify(QStringLiteral("bertil"), kPassword);
    QVERIFY(bertil.ok());
    QCOMPARE(bertil->role, UserRole::Approver);
    QCOMPARE(users.verify(QStringLiteral("cecilia"), QStringLiteral("another secret"))->role, UserRole::Admin);

    const auto wrong = users.verify(QStringLiteral("anna"), kPassword + u'x');
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, ErrorCode::PermissionDenied);
    const auto nobody = users.verify(QStringLiteral("nobody"), kPassword);
    QCOMPARE(nobody.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(nobody.errorString(), wrong.errorString()); // no hint which names exist
    QVERIFY(!users.verify(QStringLiteral("Anna"), kPassword).ok());

    auto all = users.all();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).username, QStringLiteral("anna"));
    QCOMPARE(all->at(2).role, UserRole::Admin);
    QCOMPARE(users.find(QStringLiteral("bertil"))->value().displayName, QStringLiteral("Bertil Berg"));
    QCOMPARE(userRoleFromCode(userRoleCode(UserRole::Approver)), std::optional<UserRole>(UserRole::Approver));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'user.created'"), qint64(3));
}

void tst_UserRepository::storedHashIsNotThePasswordAndIsSalted()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("SELECT username, password_hash, password_salt, hash_iterations FROM users "
                                      "WHERE username IN ('anna', 'bertil') ORDER BY username")));
    QStringList hashes;
    QStringList salts;
    const QRegularExpression hex(QStringLiteral("^[0-9a-f]+$"));
    while (query.next()) {
        const QString hash = query.value(1).toString();
        const QString salt = query.value(2).toString();
        const int iterations = query.value(3).toInt();
        QVERIFY(hash != kPassword);
        QVERIFY(!hash.contains(kPassword));
        QCOMPARE(hash.size(), 64);
        QVERIFY(hex.match(hash).hasMatch());
        QCOMPARE(salt.size(), 32); // 16 bytes
        QVERIFY(iterations >= 100000);
        // It is PBKDF2-HMAC-SHA256 of the password with that salt, recomputed independently.
        const QByteArray expected = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, kPassword.toUtf8(),
                                                                      QByteArray::fromHex(salt.toLatin1()),
                                                                      iterations, 32)
                                        .toHex();
        QCOMPARE(hash.toLatin1(), expected);
        hashes.append(hash);
        salts.append(salt);
    }
    QCOMPARE(hashes.size(), 2);
    // The same password gives different hashes for two accounts.
    QVERIFY(salts[0] != salts[1]);
    QVERIFY(hashes[0] != hashes[1]);
}

void tst_UserRepository::thePasswordIsNowhereInTheCache()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("SELECT details FROM audit_events WHERE action = 'user.created'")));
    int events = 0;
    while (query.next()) {
        ++events;
        QVERIFY(!query.value(0).toString().contains(kPassword));
        QVERIFY(!query.value(0).toString().contains(u"hash"));
    }
    QCOMPARE(events, 3);
    query.finish();
    QVERIFY(execSql(db(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    // A canary grep over every file of the cache (database, WAL, shared memory).
    QDirIterator files(m_cache->dirPath(), QDir::Files);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(kPassword.toUtf8()), qPrintable(file.fileName()));
        ++scanned;
    }
    QVERIFY(scanned >= 1);
}

void tst_UserRepository::namesAndPasswordsAreChecked_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("taken") << QStringLiteral("anna") << QStringLiteral("long enough 1");
    QTest::newRow("taken, other case") << QStringLiteral("ANNA") << QStringLiteral("long enough 1");
    QTest::newRow("reserved") << QStringLiteral("System") << QStringLiteral("long enough 1");
    QTest::newRow("empty") << QString() << QStringLiteral("long enough 1");
    QTest::newRow("spaces") << QStringLiteral(" dan") << QStringLiteral("long enough 1");
    QTest::newRow("short password") << QStringLiteral("dan") << QStringLiteral("short");
}

void tst_UserRepository::namesAndPasswordsAreChecked()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    UserRepository users(db());
    DbTransaction tx(db());
    auto created = users.create(tx, username, QStringLiteral("Someone"), UserRole::Preparer, password,
                                QStringLiteral("admin"));
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    QVERIFY(!created.errorString().contains(password) || password.size() < 8);
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM users"), qint64(3));
}

void tst_UserRepository::disabledAccountsAreRefused()
{
    UserRepository users(db());
    QVERIFY(execSql(db(), QStringLiteral("UPDATE users SET active = 0 WHERE username = 'cecilia'")));
    const auto result = users.verify(QStringLiteral("cecilia"), QStringLiteral("another secret"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
    QVERIFY(result.errorString().contains(u"disabled"));
    QVERIFY(execSql(db(), QStringLiteral("UPDATE users SET active = 1 WHERE username = 'cecilia'")));
}

QTEST_GUILESS_MAIN(tst_UserRepository)
#include "tst_userrepository.moc"
