// SPDX-License-Identifier: GPL-3.0-or-later
// PagedTableModel through the exception queue: a window of pages over a table that never loads whole.
#include "core/models/exceptionqueuemodel.h"
#include "core/storage/dbtime.h"

#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

class tst_PagedTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void countsAndReadsTheFirstPageOnly();
    void jumpsToTheEndAndTheMiddleWithOnePageEach();
    void everyRowInOrderFromEitherDirection();
    void keepsABoundedWindow();
    void findsARowOutsideTheWindow();
    void followsTheFilter();

private:
    static constexpr int kRows = 5 * 200 + 37; // five full pages and a short last one
    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    QList<qint64> m_open; ///< ids of the open exceptions, in queue order
};

void tst_PagedTableModel::initTestCase()
{
    auto connection = m_cache.open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
    QSqlDatabase db = m_connection->database();
    QVERIFY(db.transaction());
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO exceptions (id, kind, severity, owner_team, entity_type, entity_id, explanation, state, "
        "created_at, updated_at) VALUES (?, 'UNKNOWN_SKU', 'blocking', ?, 'order', ?, ?, ?, ?, ?)"));
    const QDateTime start(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
    for (int i = 1; i <= kRows + kRows / 10 + 50; ++i) {
        const bool open = i % 11 != 0; // every 11th is resolved, so the filter matters
        // Ten rows share each created_at: the keyset must break ties by id in both directions.
        const QString at = dbTime(start.addSecs(60 * (i / 10)));
        insert.addBindValue(i);
        insert.addBindValue(i % 3 == 0 ? QStringLiteral("data") : QStringLiteral("finance"));
        insert.addBindValue(QStringLiteral("90002:%1").arg(i));
        insert.addBindValue(QStringLiteral("Problem %1").arg(i));
        insert.addBindValue(open ? QStringLiteral("open") : QStringLiteral("resolved"));
        insert.addBindValue(at);
        insert.addBindValue(at);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        if (open && m_open.size() < kRows)
            m_open.append(i);
    }
    QVERIFY(db.commit());
    // Trim the table so exactly kRows are open.
    QSqlQuery trim(db);
    trim.prepare(QStringLiteral("DELETE FROM exceptions WHERE id > ?"));
    trim.addBindValue(m_open.constLast());
    QVERIFY(trim.exec());
    QCOMPARE(m_open.size(), kRows);
}

void tst_PagedTableModel::countsAndReadsTheFirstPageOnly()
{
    ExceptionQueueModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy total(&model, &ExceptionQueueModel::totalChanged);
    model.reload();
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(total.size(), 1);
    QCOMPARE(total.first().first().toLongLong(), qint64(kRows));
    QVERIFY(!model.canFetchMore({})); // counted: every row is there, read on demand
    QCOMPARE(model.loadedPageCount(), 1);
    QCOMPARE(model.recordAt(0).id, m_open.first());
}

void tst_PagedTableModel::jumpsToTheEndAndTheMiddleWithOnePageEach()
{
    ExceptionQueueModel model(m_connection->database());
    model.reload();
    QCOMPARE(model.recordAt(kRows - 1).id, m_open.last()); // read backwards from the end: the short last page
    QCOMPARE(model.loadedPageCount(), 2);
    QCOMPARE(model.recordAt(kRows - 37).id, m_open.at(kRows - 37));
    QCOMPARE(model.recordAt(3 * 200 + 5).id, m_open.at(3 * 200 + 5)); // by skipping, nowhere near a read page
    QCOMPARE(model.loadedPageCount(), 3);
    QCOMPARE(model.recordAt(2 * 200 + 199).id, m_open.at(2 * 200 + 199)); // backwards from page 3's first key
    QCOMPARE(model.recordAt(4 * 200).id, m_open.at(4 * 200));             // forwards from page 3's last key
    QCOMPARE(model.loadedPageCount(), 5);
    QCOMPARE(model.index(kRows - 1, 0).data(ExceptionQueueModel::IdRole).toLongLong(), m_open.last());
    QCOMPARE(model.recordAt(kRows).id, 0); // past the end: an empty row, no read
}

void tst_PagedTableModel::everyRowInOrderFromEitherDirection()
{
    ExceptionQueueModel forward(m_connection->database());
    forward.reload();
    for (int row = 0; row < kRows; ++row)
        QCOMPARE(forward.recordAt(row).id, m_open.at(row));
    ExceptionQueueModel backward(m_connection->database());
    backward.reload();
    for (int row = kRows - 1; row >= 0; --row)
        QCOMPARE(backward.recordAt(row).id, m_open.at(row));
}

void tst_PagedTableModel::keepsABoundedWindow()
{
    ExceptionQueueModel model(m_connection->database());
    model.reload();
    for (int row = kRows - 1; row >= 0; row -= 200) // last page first
        (void)model.recordAt(row);
    QCOMPARE(model.loadedPageCount(), 6);
    QVERIFY(ExceptionQueueModel::kMaxPages >= 6); // the bound itself is checked with the benchmark's million rows
    // Among the rows read, the first match is the topmost one, whatever order the pages were read in.
    const auto firstData = std::find_if(m_open.cbegin(), m_open.cend(), [](qint64 id) { return id % 3 == 0; });
    QCOMPARE(model.findLoaded([](const ExceptionRecord &record) { return record.owner == OwnerTeam::Data; }),
             int(firstData - m_open.cbegin()));
    model.reload();
    QCOMPARE(model.loadedPageCount(), 1); // a reload forgets the window
}

void tst_PagedTableModel::findsARowOutsideTheWindow()
{
    ExceptionQueueModel model(m_connection->database());
    model.reload();
    const int row = 4 * 200 + 17;
    QCOMPARE(model.rowOf(m_open.at(row)), row); // found by its position in the queue, then read
    QCOMPARE(model.rowOf(11), -1);              // resolved: not in the default filter
    QCOMPARE(model.rowOf(999999), -1);          // does not exist
}

void tst_PagedTableModel::followsTheFilter()
{
    ExceptionQueueModel model(m_connection->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ExceptionFilter filter = model.filter();
    filter.owner = OwnerTeam::Data;
    model.setFilter(filter);
    QList<qint64> data;
    for (const qint64 id : std::as_const(m_open)) {
        if (id % 3 == 0)
            data.append(id);
    }
    QCOMPARE(model.rowCount(), data.size());
    QCOMPARE(model.recordAt(model.rowCount() - 1).id, data.last());
    QCOMPARE(model.recordAt(0).id, data.first());
}

QTEST_GUILESS_MAIN(tst_PagedTableModel)
#include "tst_pagedtablemodel.moc"
