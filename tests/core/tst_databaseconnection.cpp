// SPDX-License-Identifier: GPL-3.0-or-later
// Per-thread connections: PRAGMAs verified on every connection, network file systems refused, and a worker thread
// writing through its own connection while the GUI-thread connection reads.
#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"

#include "tests/testutils/tempcache.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

namespace {
QString pragma(const QSqlDatabase &db, const char *name)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA %1").arg(QLatin1StringView(name)));
    return query.next() ? query.value(0).toString() : QString();
}

/** Writes audit events from its own thread, through its own connection, in small transactions. */
class AuditWriter : public QObject
{
    Q_OBJECT
public:
    explicit AuditWriter(QString path)
        : m_path(std::move(path))
    {
    }

public Q_SLOTS:
    void openDatabase()
    {
        DatabaseConnection::Options options;
        options.path = m_path;
        options.purpose = QStringLiteral("worker");
        auto connection = DatabaseConnection::open(options);
        if (!connection) {
            Q_EMIT failed(connection.errorString());
            return;
        }
        m_connection = *connection;
        m_pragmas = pragma(m_connection->database(), "journal_mode") + u'/'
                    + pragma(m_connection->database(), "synchronous") + u'/'
                    + pragma(m_connection->database(), "foreign_keys");
    }
    void write(int batches, int perBatch)
    {
        for (int batch = 0; batch < batches; ++batch) {
            DbTransaction tx(m_connection->database());
            for (int i = 0; i < perBatch; ++i) {
                AuditEvent event;
                event.actor = QStringLiteral("worker");
                event.action = QStringLiteral("test.written");
                event.entityType = QStringLiteral("batch");
                event.entityId = QString::number(batch);
                event.details = QJsonObject{{QStringLiteral("i"), i}};
                if (!AuditChain::append(tx, event).ok()) {
                    Q_EMIT failed(QStringLiteral("append failed"));
                    return;
                }
            }
            if (!tx.commit().ok()) {
                Q_EMIT failed(QStringLiteral("commit failed"));
                return;
            }
            Q_EMIT committed(batch);
        }
        Q_EMIT finished();
    }
    void closeDatabase() { m_connection.reset(); }

Q_SIGNALS:
    void committed(int batch);
    void finished();
    void failed(const QString &message);

public:
    QString m_pragmas;

private:
    QString m_path;
    DatabaseConnectionPtr m_connection;
};
} // namespace

class tst_DatabaseConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pragmasAreVerifiedOnEveryConnection();
    void verifyRefusesWeakSettings_data();
    void verifyRefusesWeakSettings();
    void networkFileSystemTypes_data();
    void networkFileSystemTypes();
    void connectionIsRemovedWithItsOwner();
    void workerWritesWhileGuiThreadReads();
    void nestedTransactionsJoinTheOuterOne();
};

void tst_DatabaseConnection::initTestCase()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
}

void tst_DatabaseConnection::pragmasAreVerifiedOnEveryConnection()
{
    TempCache cache;
    QList<DatabaseConnectionPtr> connections;
    for (const char *purpose : {"gui", "sync", "reader"}) {
        auto connection = cache.open(QString::fromLatin1(purpose));
        QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
        connections.append(*connection);
    }
    QSet<QString> names;
    for (const auto &connection : connections) {
        const QSqlDatabase db = connection->database();
        QCOMPARE(pragma(db, "journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma(db, "synchronous"), QStringLiteral("2")); // FULL
        QCOMPARE(pragma(db, "foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragma(db, "temp_store"), QStringLiteral("2"));             // MEMORY: savepoint journals
        QCOMPARE(pragma(db, "wal_autocheckpoint"), QStringLiteral("8192")); // checkpoint every 32 MB of WAL
        QVERIFY(DatabaseConnection::verifyPragmas(db).ok());
        names.insert(connection->connectionName());
    }
    QCOMPARE(names.size(), 3); // unique per connection
}

void tst_DatabaseConnection::verifyRefusesWeakSettings_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("rollback journal") << "PRAGMA journal_mode=DELETE" << "WAL";
    QTest::newRow("synchronous normal") << "PRAGMA synchronous=NORMAL" << "synchronous=FULL";
    QTest::newRow("no foreign keys") << "PRAGMA foreign_keys=OFF" << "foreign keys";
}

void tst_DatabaseConnection::verifyRefusesWeakSettings()
{
    QFETCH(QString, setting);
    QFETCH(QString, messagePart);
    TempCache cache;
    auto connection = cache.open();
    QVERIFY(connection.ok());
    const QSqlDatabase db = (*connection)->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(setting));
    query.finish();
    const Status status = DatabaseConnection::verifyPragmas(db);
    QVERIFY(!status.ok());
    QVERIFY2(status.errorString().contains(messagePart), qPrintable(status.errorString()));
}

void tst_DatabaseConnection::networkFileSystemTypes_data()
{
    QTest::addColumn<qint64>("type");
    QTest::addColumn<bool>("network");
    QTest::newRow("nfs") << qint64(0x6969) << true;
    QTest::newRow("cifs") << qint64(0xFF534D42) << true;
    QTest::newRow("smb2") << qint64(0xFE534D42) << true;
    QTest::newRow("fuse") << qint64(0x65735546) << true;
    QTest::newRow("ext4") << qint64(0xEF53) << false;
    QTest::newRow("btrfs") << qint64(0x9123683E) << false;
    QTest::newRow("tmpfs") << qint64(0x01021994) << false;
    QTest::newRow("overlayfs") << qint64(0x794C7630) << false;
}

void tst_DatabaseConnection::networkFileSystemTypes()
{
    QFETCH(qint64, type);
    QFETCH(bool, network);
    QCOMPARE(DatabaseConnection::isNetworkFileSystemType(type), network);
}

void tst_DatabaseConnection::connectionIsRemovedWithItsOwner()
{
    TempCache cache;
    QString name;
    {
        auto connection = cache.open();
        QVERIFY(connection.ok());
        name = (*connection)->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
    }
    QVERIFY(!QSqlDatabase::contains(name));
    DatabaseConnection::Options empty;
    QVERIFY(!DatabaseConnection::open(empty).ok());
}

void tst_DatabaseConnection::workerWritesWhileGuiThreadReads()
{
    TempCache cache;
    auto gui = cache.open(QStringLiteral("gui"));
    QVERIFY(gui.ok());
    const QSqlDatabase guiDb = (*gui)->database();
    const qint64 before = AuditChain::head(guiDb)->seq;

    QThread thread;
    auto *writer = new AuditWriter(cache.path());
    writer->moveToThread(&thread);
    connect(&thread, &QThread::finished, writer, &QObject::deleteLater);
    QSignalSpy committed(writer, &AuditWriter::committed);
    QSignalSpy finished(writer, &AuditWriter::finished);
    QSignalSpy failed(writer, &AuditWriter::failed);
    thread.start();
    QMetaObject::invokeMethod(writer, &AuditWriter::openDatabase, Qt::BlockingQueuedConnection);
    QCOMPARE(writer->m_pragmas, QStringLiteral("wal/2/1"));

    constexpr int kBatches = 40;
    constexpr int kPerBatch = 50;
    QMetaObject::invokeMethod(writer, [writer] { writer->write(kBatches, kPerBatch); }, Qt::QueuedConnection);

    // Read on the GUI thread while the worker writes: counts only ever grow, and reads never fail.
    qint64 lastSeen = before;
    int reads = 0;
    while (finished.isEmpty() && failed.isEmpty()) {
        QSqlQuery query(guiDb);
        QVERIFY2(query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_events")), qPrintable(query.lastError().text()));
        QVERIFY(query.next());
        const qint64 seen = query.value(0).toLongLong();
        QVERIFY(seen >= lastSeen);
        QCOMPARE((seen - before) % kPerBatch, 0); // a reader never sees half a transaction
        lastSeen = seen;
        ++reads;
        QTest::qWait(1); // let queued signals arrive
    }
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(committed.size(), kBatches);
    QVERIFY(reads > 0);

    QMetaObject::invokeMethod(writer, &AuditWriter::closeDatabase, Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(10000));

    QCOMPARE(AuditChain::head(guiDb)->seq, before + kBatches * kPerBatch);
    const auto verification = AuditChain::verify(guiDb);
    QVERIFY(verification->intact);
}

void tst_DatabaseConnection::nestedTransactionsJoinTheOuterOne()
{
    TempCache cache;
    auto connection = cache.open();
    QVERIFY(connection.ok());
    const QSqlDatabase db = (*connection)->database();
    const qint64 before = AuditChain::head(db)->seq;
    AuditEvent event;
    event.actor = QStringLiteral("test");
    event.action = QStringLiteral("test.nested");
    event.entityType = QStringLiteral("t");
    event.entityId = QStringLiteral("1");
    {
        DbTransaction outer(db);
        QVERIFY(outer.isActive());
        {
            DbTransaction inner(db);
            QVERIFY(inner.isActive());
            QVERIFY(AuditChain::append(inner, event).ok());
            QVERIFY(inner.commit().ok());
        }
        // Not committed yet: the outer transaction is still open. Leaving the scope rolls it all back.
    }
    QCOMPARE(AuditChain::head(db)->seq, before);
    {
        DbTransaction outer(db);
        {
            DbTransaction inner(db);
            QVERIFY(AuditChain::append(inner, event).ok());
            QVERIFY(inner.commit().ok());
        }
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(AuditChain::head(db)->seq, before + 1);
}

QTEST_GUILESS_MAIN(tst_DatabaseConnection)
#include "tst_databaseconnection.moc"
