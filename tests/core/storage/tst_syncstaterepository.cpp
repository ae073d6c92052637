// SPDX-License-Identifier: GPL-3.0-or-later
// Sync cursors: advancing is quiet (not audited), a deliberate reset is audited with old and new value.
#include "core/storage/syncstaterepository.h"

#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

class tst_SyncStateRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void advancingIsNotAudited();
    void aResetIsAudited();
    void aRolledBackPageLeavesTheCursor();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_SyncStateRepository::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

void tst_SyncStateRepository::cleanup()
{
    m_connection.reset();
    m_cache.reset();
}

void tst_SyncStateRepository::advancingIsNotAudited()
{
    SyncStateRepository cursors(db());
    QVERIFY(cursors.cursor(QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"))->has_value()
            == false);
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    for (int page = 1; page <= 3; ++page) {
        DbTransaction tx(db());
        QVERIFY(cursors.setCursor(tx, QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"),
                                  QString::number(20000 + page * 100))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(cursors.cursor(QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"))->value_or(
                 QString()),
             QStringLiteral("20300"));
    QVERIFY(cursors.cursor(QStringLiteral("sitoo"), QStringLiteral("90002"), QStringLiteral("orders"))->has_value()
            == false);
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors"), qint64(1));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);

    DbTransaction tx(db());
    QCOMPARE(cursors.setCursor(tx, QString(), QStringLiteral("90001"), QStringLiteral("orders"), QStringLiteral("1"))
                 .error()
                 .code,
             ErrorCode::InvalidInput);
}

void tst_SyncStateRepository::aResetIsAudited()
{
    SyncStateRepository cursors(db());
    {
        DbTransaction tx(db());
        QVERIFY(cursors.setCursor(tx, QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"),
                                  QStringLiteral("20500"))
                    .ok());
        QCOMPARE(cursors.resetCursor(tx, QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"),
                                     QStringLiteral("20000"), QStringLiteral("anna"), QString())
                     .error()
                     .code,
                 ErrorCode::InvalidInput);
        QVERIFY(cursors.resetCursor(tx, QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"),
                                    QStringLiteral("20000"), QStringLiteral("anna"),
                                    QStringLiteral("re-read after the outage of 3 November"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(cursors.cursor(QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"))->value_or(
                 QString()),
             QStringLiteral("20000"));
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("SELECT actor, entity_id, details FROM audit_events "
                                      "WHERE action = 'sync.cursor-reset'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("anna"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("sitoo/90001/orders"));
    const QJsonObject details = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    QCOMPARE(details.value(QStringLiteral("old_cursor")).toString(), QStringLiteral("20500"));
    QCOMPARE(details.value(QStringLiteral("new_cursor")).toString(), QStringLiteral("20000"));
    QVERIFY(!query.next());
    query.finish();

    auto all = cursors.all();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->at(0).stream, QStringLiteral("orders"));
    QVERIFY(all->at(0).updatedAt.isValid());
}

void tst_SyncStateRepository::aRolledBackPageLeavesTheCursor()
{
    SyncStateRepository cursors(db());
    {
        DbTransaction tx(db());
        QVERIFY(cursors.setCursor(tx, QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"),
                                  QStringLiteral("100"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    {
        // The page's data failed to save: the transaction is dropped, and the cursor with it.
        DbTransaction tx(db());
        QVERIFY(cursors.setCursor(tx, QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"),
                                  QStringLiteral("200"))
                    .ok());
    }
    QCOMPARE(cursors.cursor(QStringLiteral("sitoo"), QStringLiteral("90001"), QStringLiteral("orders"))->value_or(
                 QString()),
             QStringLiteral("100"));
}

QTEST_GUILESS_MAIN(tst_SyncStateRepository)
#include "tst_syncstaterepository.moc"
