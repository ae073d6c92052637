// SPDX-License-Identifier: GPL-3.0-or-later
// DbTransaction: all-or-nothing, nested transactions join the outer one, and statements kept prepared for the
// outermost transaction's life (what a page of orders runs hundreds of times) behave like fresh ones.
#include "core/storage/dbtransaction.h"

#include "core/storage/databaseconnection.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

class tst_DbTransaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aStatementIsPreparedOncePerTransaction();
    void aNestedTransactionSharesTheOutermostStatements();
    void aSelectLeftMidWayIsResetWhenHandedOutAgain();
    void statementsDoNotOutliveTheTransaction();
    void aRolledBackTransactionKeepsNothingItsStatementsWrote();
    void badSqlIsAnErrorNotACachedStatement();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

namespace {
const QString kInsertCursor = QStringLiteral(
    "INSERT INTO sync_cursors (source, account, stream, cursor, updated_at) VALUES (?, ?, ?, ?, ?)");
const QString kCursors = QStringLiteral("SELECT cursor FROM sync_cursors WHERE source = ? ORDER BY account");

bool insertCursor(QSqlQuery &query, const QString &scope, const QString &value)
{
    query.bindValue(0, QStringLiteral("bench"));
    query.bindValue(1, scope);
    query.bindValue(2, QStringLiteral("orders"));
    query.bindValue(3, value);
    query.bindValue(4, QStringLiteral("2026-01-01T00:00:00.000Z"));
    return query.exec();
}
} // namespace

void tst_DbTransaction::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

void tst_DbTransaction::cleanup()
{
    m_connection.reset();
    m_cache.reset();
}

void tst_DbTransaction::aStatementIsPreparedOncePerTransaction()
{
    DbTransaction tx(db());
    QVERIFY(tx.isActive());
    auto first = tx.statement(kInsertCursor);
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    QVERIFY(insertCursor(**first, QStringLiteral("a"), QStringLiteral("1")));
    auto second = tx.statement(kInsertCursor);
    QVERIFY(second.ok());
    QCOMPARE(*second, *first); // the same prepared query, not a new one
    QVERIFY(insertCursor(**second, QStringLiteral("b"), QStringLiteral("2")));
    auto other = tx.statement(kCursors);
    QVERIFY(other.ok());
    QVERIFY(*other != *first);
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench'"), 2);
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench' AND account = 'b' AND cursor = '2'"), 1);
}

void tst_DbTransaction::aNestedTransactionSharesTheOutermostStatements()
{
    DbTransaction outer(db());
    auto fromOuter = outer.statement(kInsertCursor);
    QVERIFY(fromOuter.ok());
    {
        DbTransaction nested(db());
        QVERIFY(nested.isActive());
        auto fromNested = nested.statement(kInsertCursor);
        QVERIFY(fromNested.ok());
        QCOMPARE(*fromNested, *fromOuter);
        QVERIFY(insertCursor(**fromNested, QStringLiteral("n"), QStringLiteral("7")));
        QVERIFY(nested.commit().ok());
        // The nested one is done; the outer one still hands the statement out.
        QVERIFY(!nested.statement(kInsertCursor).ok());
    }
    auto again = outer.statement(kInsertCursor);
    QVERIFY(again.ok());
    QCOMPARE(*again, *fromOuter);
    QVERIFY(outer.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench' AND cursor = '7'"), 1);
}

void tst_DbTransaction::aSelectLeftMidWayIsResetWhenHandedOutAgain()
{
    DbTransaction tx(db());
    auto insert = tx.statement(kInsertCursor);
    QVERIFY(insert.ok());
    for (const char *scope : {"a", "b", "c"})
        QVERIFY(insertCursor(**insert, QString::fromLatin1(scope), QString::fromLatin1(scope).toUpper()));

    auto select = tx.statement(kCursors);
    QVERIFY(select.ok());
    QSqlQuery &query = **select;
    query.bindValue(0, QStringLiteral("bench"));
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("A")); // left on the first row

    auto handedOut = tx.statement(kCursors);
    QVERIFY(handedOut.ok());
    QVERIFY(!(*handedOut)->isActive()); // reset: no cursor kept open into the transaction
    (*handedOut)->bindValue(0, QStringLiteral("bench"));
    QVERIFY((*handedOut)->exec());
    QStringList values;
    while ((*handedOut)->next())
        values.append((*handedOut)->value(0).toString());
    QCOMPARE(values, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    // A SELECT still open must not stop the commit.
    (*handedOut)->bindValue(0, QStringLiteral("bench"));
    QVERIFY((*handedOut)->exec() && (*handedOut)->next());
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench'"), 3);
}

void tst_DbTransaction::statementsDoNotOutliveTheTransaction()
{
    DbTransaction tx(db());
    QVERIFY(tx.statement(kInsertCursor).ok());
    QVERIFY(tx.commit().ok());
    auto after = tx.statement(kInsertCursor);
    QVERIFY(!after.ok());
    QCOMPARE(after.error().code, ErrorCode::Database);
    // A new transaction prepares its own, and writes only through it.
    DbTransaction next(db());
    auto fresh = next.statement(kInsertCursor);
    QVERIFY(fresh.ok());
    QVERIFY(insertCursor(**fresh, QStringLiteral("z"), QStringLiteral("26")));
    QVERIFY(next.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench'"), 1);
}

void tst_DbTransaction::aRolledBackTransactionKeepsNothingItsStatementsWrote()
{
    {
        DbTransaction tx(db());
        auto insert = tx.statement(kInsertCursor);
        QVERIFY(insert.ok());
        QVERIFY(insertCursor(**insert, QStringLiteral("a"), QStringLiteral("1")));
        // No commit: the destructor rolls back.
    }
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench'"), 0);
    DbTransaction outer(db());
    auto insert = outer.statement(kInsertCursor);
    QVERIFY(insert.ok());
    QVERIFY(insertCursor(**insert, QStringLiteral("a"), QStringLiteral("1")));
    {
        DbTransaction nested(db());
        nested.rollback(); // dooms the whole unit
    }
    QVERIFY(!outer.commit().ok()); // nothing half-saved: the outer commit fails instead
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench'"), 0);
}

void tst_DbTransaction::badSqlIsAnErrorNotACachedStatement()
{
    DbTransaction tx(db());
    const QString broken = QStringLiteral("INSERT INTO no_such_table (x) VALUES (?)");
    auto first = tx.statement(broken);
    QVERIFY(!first.ok());
    QCOMPARE(first.error().code, ErrorCode::Database);
    QVERIFY(first.errorString().contains(QStringLiteral("no_such_table")));
    QVERIFY(!tx.statement(broken).ok()); // still an error, never a half-prepared query
    QVERIFY(tx.statement(kInsertCursor).ok());
}

QTEST_GUILESS_MAIN(tst_DbTransaction)
#include "tst_dbtransaction.moc"
