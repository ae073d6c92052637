// SPDX-License-Identifier: GPL-3.0-or-later
// DbTransaction: all-or-nothing, nested transactions join the outer one, statements kept prepared for the
// outermost transaction's life (what a page of orders runs hundreds of times) behave like fresh ones, and
// atomically() leaves nothing of a failed write behind. SqliteStatement: values bound straight into SQLite read back
// exactly as QSqlQuery would write them.
#include "core/storage/dbtransaction.h"

#include "core/storage/databaseconnection.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <limits>
#include <memory>
#include <optional>

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
    void aSqliteStatementIsPreparedOncePerTransaction();
    void sqliteBindingsReadBackExactly();
    void aSqliteBindingIsCopiedWhenBound();
    void sqliteErrorsCarrySqlitesReason();
    void aSqliteSelectLeftMidWayDoesNotHoldTheReadSnapshot();
    void atomicallyLeavesNothingOfAFailedWrite();
    void atomicallyNestsAndKeepsWhatSucceeded();

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

void tst_DbTransaction::aSqliteStatementIsPreparedOncePerTransaction()
{
    constexpr SqlText kInsert = "INSERT INTO sync_cursors (source, account, stream, cursor, updated_at) "
                                "VALUES ('bench', ?, 'orders', ?, '2026-01-01T00:00:00.000Z')";
    DbTransaction tx(db());
    auto first = tx.sqlite(kInsert);
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    (*first)->bind(1, QStringLiteral("a"));
    (*first)->bind(2, QStringLiteral("1"));
    QVERIFY((*first)->execute().ok());
    QCOMPARE((*first)->changes(), 1);
    const qint64 firstRow = (*first)->lastInsertRowId();
    auto second = tx.sqlite(kInsert);
    QVERIFY(second.ok());
    QCOMPARE(*second, *first); // the same statement...
    // ...handed out with no bindings left over: an unbound account is NULL, which the NOT NULL column refuses.
    QVERIFY(!(*second)->execute().ok());
    (*second)->bind(1, QStringLiteral("b"));
    (*second)->bind(2, QStringLiteral("2"));
    QVERIFY((*second)->execute().ok());
    QCOMPARE((*second)->lastInsertRowId(), firstRow + 1);
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench'"), 2);
    QVERIFY(!tx.sqlite("SELECT 1").ok()); // finalised with the transaction
}

void tst_DbTransaction::sqliteBindingsReadBackExactly()
{
    QSqlQuery create(db());
    QVERIFY(create.exec(QStringLiteral("CREATE TABLE bound (i INTEGER, t TEXT, b BLOB, n INTEGER)")));
    const QString hostile = QStringLiteral("'); DROP TABLE outbox;-- %_ \u202e\U0001F600") + QChar(u'\0') + u"end";
    const QByteArray blob("\x00\x01\xff raw", 8);
    {
        DbTransaction tx(db());
        auto insert = tx.sqlite("INSERT INTO bound (i, t, b, n) VALUES (?, ?, ?, ?)");
        QVERIFY(insert.ok());
        SqliteStatement &row = **insert;
        row.bind(1, std::numeric_limits<qint64>::min());
        row.bind(2, hostile);
        row.bindBlob(3, blob);
        row.bind(4, std::optional<qint64>());
        QVERIFY(row.execute().ok());
        row.bind(1, 7);
        row.bind(2, QString()); // null text is '', never NULL
        row.bindBlob(3, QByteArray());
        row.bind(4, std::optional<int>(42));
        QVERIFY(row.execute().ok());
        row.bind(1, true);
        row.bindUtf8(2, QByteArrayView("{\"k\":\"\xc3\xa5\"}"));
        row.bindNull(3);
        row.bind(4, std::optional<qint64>(-1));
        QVERIFY(row.execute().ok());
        QVERIFY(tx.commit().ok());
    }
    // Read back through Qt, as the rest of Tillbridge reads these rows.
    QSqlQuery read(db());
    QVERIFY(read.exec(QStringLiteral("SELECT i, t, typeof(t), b, typeof(b), n, typeof(n) FROM bound ORDER BY rowid")));
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toLongLong(), std::numeric_limits<qint64>::min());
    QCOMPARE(read.value(1).toString(), hostile);
    QCOMPARE(read.value(2).toString(), QStringLiteral("text"));
    QCOMPARE(read.value(3).toByteArray(), blob);
    QCOMPARE(read.value(4).toString(), QStringLiteral("blob"));
    QCOMPARE(read.value(6).toString(), QStringLiteral("null"));
    QVERIFY(read.next());
    QCOMPARE(read.value(1).toString(), QString());
    QCOMPARE(read.value(2).toString(), QStringLiteral("text"));
    QCOMPARE(read.value(4).toString(), QStringLiteral("blob"));
    QCOMPARE(read.value(5).toLongLong(), 42);
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toLongLong(), 1);
    QCOMPARE(read.value(1).toString(), QStringLiteral("{\"k\":\"å\"}"));
    QCOMPARE(read.value(4).toString(), QStringLiteral("null"));
    QCOMPARE(read.value(5).toLongLong(), -1);
    QVERIFY(!read.next());

    // And through SqliteStatement's own columns.
    DbTransaction tx(db());
    auto select = tx.sqlite("SELECT t, n FROM bound WHERE i = ?");
    QVERIFY(select.ok());
    (*select)->bind(1, std::numeric_limits<qint64>::min());
    auto row = (*select)->step();
    QVERIFY(row.ok() && *row);
    QCOMPARE((*select)->columnText(0), hostile);
    QVERIFY((*select)->columnIsNull(1));
    auto done = (*select)->step();
    QVERIFY(done.ok() && !*done);
}

// Each parameter keeps its own buffer from row to row: a long value followed by a short one must not leave a tail,
// and the caller's string may change or be gone before the statement runs.
void tst_DbTransaction::aSqliteBindingIsCopiedWhenBound()
{
    QSqlQuery create(db());
    QVERIFY(create.exec(QStringLiteral("CREATE TABLE bound (i INTEGER, t TEXT, b BLOB)")));
    {
        DbTransaction tx(db());
        auto insert = tx.sqlite("INSERT INTO bound (i, t, b) VALUES (?, ?, ?)");
        QVERIFY(insert.ok());
        SqliteStatement &row = **insert;
        {
            const QString note = QString(5000, u'\u00e5') + u"end"; // two UTF-8 bytes each
            QByteArray bytes(7000, 'x');
            row.bind(1, 1);
            row.bind(2, note);
            row.bindBlob(3, bytes);
            bytes.fill('y'); // changed after binding: the bound copy stays
        } // and gone before the step
        QVERIFY(row.execute().ok());
        QString changing = QStringLiteral("short");
        row.bind(1, 2);
        row.bind(2, changing);
        row.bindUtf8(3, QByteArrayView("ab"));
        changing = QStringLiteral("changed before the step");
        QVERIFY(row.execute().ok());
        row.bind(1, 3);
        row.bind(2, QStringView());
        row.bindBlob(3, QByteArrayView());
        QVERIFY(row.execute().ok());
        QVERIFY(tx.commit().ok());
    }
    QSqlQuery read(db());
    QVERIFY(read.exec(QStringLiteral("SELECT t, b, typeof(t), length(CAST(t AS BLOB)) FROM bound ORDER BY i")));
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toString(), QString(5000, u'\u00e5') + u"end");
    QCOMPARE(read.value(1).toByteArray(), QByteArray(7000, 'x'));
    QCOMPARE(read.value(3).toLongLong(), 10003);
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toString(), QStringLiteral("short"));
    QCOMPARE(read.value(1).toByteArray(), QByteArray("ab"));
    QCOMPARE(read.value(3).toLongLong(), 5);
    QVERIFY(read.next());
    QCOMPARE(read.value(0).toString(), QString());
    QCOMPARE(read.value(2).toString(), QStringLiteral("text"));
    QCOMPARE(read.value(3).toLongLong(), 0);
}

void tst_DbTransaction::sqliteErrorsCarrySqlitesReason()
{
    DbTransaction tx(db());
    auto broken = tx.sqlite("INSERT INTO no_such_table (x) VALUES (?)");
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().code, ErrorCode::Database);
    QVERIFY(broken.errorString().contains(QStringLiteral("no_such_table")));
    // A trigger's RAISE reaches the caller with its own words, and the statement can be used again.
    auto append = tx.sqlite("INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, entity_id, "
                            "details, prev_hash, hash) VALUES (?, 'x', 'a', 'b', 'c', 'd', '{}', ?, ?)");
    QVERIFY(append.ok());
    (*append)->bind(1, 999999);
    (*append)->bind(2, QString(64, u'1'));
    (*append)->bind(3, QString(64, u'2'));
    auto refused = (*append)->execute();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorString().contains(QStringLiteral("extend the head")), qPrintable(refused.errorString()));
    QVERIFY(tx.commit().ok());
}

void tst_DbTransaction::aSqliteSelectLeftMidWayDoesNotHoldTheReadSnapshot()
{
    {
        DbTransaction tx(db());
        auto insert = tx.sqlite("INSERT INTO sync_cursors (source, account, stream, cursor, updated_at) "
                                "VALUES ('bench', ?, 'orders', '1', '2026-01-01T00:00:00.000Z')");
        QVERIFY(insert.ok());
        for (const char *scope : {"a", "b"}) {
            (*insert)->bind(1, QString::fromLatin1(scope));
            QVERIFY((*insert)->execute().ok());
        }
        auto select = tx.sqlite("SELECT account FROM sync_cursors WHERE source = 'bench' ORDER BY account");
        QVERIFY(select.ok());
        auto first = (*select)->step();
        QVERIFY(first.ok() && *first);
        // Left on its first row; committing must still work and end every statement.
        QVERIFY(tx.commit().ok());
    }
    // A second connection can write at once: nothing of the first transaction is still open.
    auto other = m_cache->open();
    QVERIFY(other.ok());
    DbTransaction second((*other)->database());
    QVERIFY2(second.isActive(), qPrintable(second.beginStatus().errorString()));
    QVERIFY(second.commit().ok());
}

void tst_DbTransaction::atomicallyLeavesNothingOfAFailedWrite()
{
    DbTransaction tx(db());
    auto insert = tx.statement(kInsertCursor);
    QVERIFY(insert.ok());
    QVERIFY(insertCursor(**insert, QStringLiteral("kept"), QStringLiteral("1")));
    Status failed = tx.atomically([&]() -> Status {
        auto again = tx.statement(kInsertCursor);
        if (!again || !insertCursor(**again, QStringLiteral("half"), QStringLiteral("2")))
            return Error{ErrorCode::Database, QStringLiteral("setup")};
        return Error{ErrorCode::InvalidInput, QStringLiteral("the second half failed")};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::InvalidInput); // the work's own error, unchanged
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench' AND account = 'kept'"), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench' AND account = 'half'"), 0);

    // Outside a transaction there is nothing to be atomic in.
    DbTransaction done(db());
    QVERIFY(done.commit().ok());
    Result<int> refused = done.atomically([]() -> Result<int> { return 1; });
    QVERIFY(!refused.ok());
}

void tst_DbTransaction::atomicallyNestsAndKeepsWhatSucceeded()
{
    DbTransaction tx(db());
    Result<int> outer = tx.atomically([&]() -> Result<int> {
        auto insert = tx.statement(kInsertCursor);
        if (!insert || !insertCursor(**insert, QStringLiteral("outer"), QStringLiteral("1")))
            return Error{ErrorCode::Database, QStringLiteral("outer insert")};
        // An inner write that fails is undone alone; the outer one goes on.
        Status inner = tx.atomically([&]() -> Status {
            auto again = tx.statement(kInsertCursor);
            if (!again || !insertCursor(**again, QStringLiteral("inner"), QStringLiteral("2")))
                return Error{ErrorCode::Database, QStringLiteral("inner insert")};
            return Error{ErrorCode::InvalidInput, QStringLiteral("inner refused")};
        });
        if (inner.ok())
            return Error{ErrorCode::Database, QStringLiteral("the inner write should have failed")};
        return 5;
    });
    QVERIFY2(outer.ok(), qPrintable(outer.errorString()));
    QCOMPARE(*outer, 5);
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench' AND account = 'outer'"), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM sync_cursors WHERE source = 'bench' AND account = 'inner'"), 0);
}

QTEST_GUILESS_MAIN(tst_DbTransaction)
#include "tst_dbtransaction.moc"
