// SPDX-License-Identifier: GPL-3.0-or-later
// The hash-chained audit trail: append-only triggers, and verify() naming the first bad entry after tampering with
// plain SQL (triggers dropped first) on a 10,000-entry chain.
#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/schemamigrator.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;
using Tillbridge::Test::dropAuditTriggers;
using Tillbridge::Test::execSql;
using Tillbridge::Test::openRaw;

namespace {
constexpr int kEvents = 10000;

AuditEvent sampleEvent(int i)
{
    AuditEvent event;
    event.actor = i % 7 == 0 ? QStringLiteral("anna.finance") : QStringLiteral("system");
    event.action = i % 3 == 0 ? QStringLiteral("order.posted") : QStringLiteral("order.quarantined");
    event.entityType = QStringLiteral("order");
    event.entityId = QString::number(20000 + i);
    event.details = QJsonObject{{QStringLiteral("amount_minor"), qint64(51720 + i)},
                                {QStringLiteral("currency"), QStringLiteral("SEK")},
                                {QStringLiteral("note"), QStringLiteral("Kvitto %1 – ÅÄÖ ✓").arg(i)}};
    return event;
}
} // namespace

class tst_AuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void intactChainVerifies();
    void appendChainsEachEntryToTheLast();
    void triggersRefuseChangesThroughTheApp();
    void tamperIsDetected_data();
    void tamperIsDetected();
    void truncationNeedsTheAnchor();
    void anchorJsonRoundTrip();
    void canonicalBytesAreFixed();

private:
    QString tamperedCopy(const QString &name);

    TempCache m_cache;
    qint64 m_head = 0;
    QByteArray m_headHash;
};

void tst_AuditChain::initTestCase()
{
    auto connection = m_cache.open(QStringLiteral("builder"));
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    const QSqlDatabase db = (*connection)->database();
    const qint64 migrations = AuditChain::head(db)->seq;
    for (int batch = 0; batch < kEvents / 1000; ++batch) {
        DbTransaction tx(db);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(AuditChain::append(tx, sampleEvent(batch * 1000 + i)).ok());
        QVERIFY(tx.commit().ok());
    }
    const auto head = AuditChain::head(db);
    m_head = head->seq;
    m_headHash = head->hash;
    QCOMPARE(m_head, migrations + kEvents);
    // Fold the WAL into the main file so that a plain file copy is a complete database.
    QVERIFY(execSql(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
}

QString tst_AuditChain::tamperedCopy(const QString &name)
{
    const QString path = m_cache.dirPath() + u'/' + name + QStringLiteral(".sqlite");
    QFile::remove(path);
    return QFile::copy(m_cache.path(), path) ? path : QString();
}

void tst_AuditChain::intactChainVerifies()
{
    auto connection = m_cache.open();
    QVERIFY(connection.ok());
    const auto result = AuditChain::verify((*connection)->database());
    QVERIFY(result.ok());
    QVERIFY2(result->intact, qPrintable(result->explanation));
    QCOMPARE(result->entries, m_head);
    QCOMPARE(result->headSeq, m_head);
    QCOMPARE(result->headHash, m_headHash);
    QCOMPARE(result->problem, AuditVerification::Problem::None);

    AuditAnchor anchor;
    anchor.seq = m_head;
    anchor.hash = m_headHash;
    QVERIFY(AuditChain::verify((*connection)->database(), anchor)->intact);
}

void tst_AuditChain::appendChainsEachEntryToTheLast()
{
    TempCache cache;
    auto connection = cache.open();
    QVERIFY(connection.ok());
    const QSqlDatabase db = (*connection)->database();
    const auto before = AuditChain::head(db);
    DbTransaction tx(db);
    const auto first = AuditChain::append(tx, sampleEvent(1));
    const auto second = AuditChain::append(tx, sampleEvent(2));
    QVERIFY(tx.commit().ok());
    QCOMPARE(first->seq, before->seq + 1);
    QCOMPARE(first->prevHash, before->hash);
    QCOMPARE(second->seq, first->seq + 1);
    QCOMPARE(second->prevHash, first->hash);
    QCOMPARE(first->hash.size(), 64);
    QVERIFY(first->occurredAt.isValid());
    // The hash is SHA-256 over the previous hash and the canonical bytes: recompute it independently.
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT occurred_at, details FROM audit_events WHERE seq = %1").arg(second->seq)));
    QVERIFY(query.next());
    const QByteArray canonical = AuditChain::canonicalBytes(second->seq, query.value(0).toString(),
                                                            second->actor, second->action, second->entityType,
                                                            second->entityId, query.value(1).toString().toUtf8());
    QCOMPARE(AuditChain::chainHash(first->hash, canonical), second->hash);
    // The first entry of any chain continues from the genesis hash.
    QCOMPARE(AuditChain::genesisHash(), QByteArray(64, '0'));
}

void tst_AuditChain::triggersRefuseChangesThroughTheApp()
{
    TempCache cache;
    auto connection = cache.open();
    QVERIFY(connection.ok());
    const QSqlDatabase db = (*connection)->database();
    QSqlQuery query(db);
    QVERIFY(!query.exec(QStringLiteral("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1")));
    QVERIFY(query.lastError().text().contains(u"append-only"));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_events WHERE seq = 1")));
    QVERIFY(query.lastError().text().contains(u"append-only"));
    QVERIFY(!query.exec(QStringLiteral(
        "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, entity_id, details, prev_hash, hash) "
        "VALUES (100, 'x', 'mallory', 'a', 'b', 'c', '{}', '%1', '%2')")
                            .arg(QString(64, u'0'), QString(64, u'f'))));
    QVERIFY(query.lastError().text().contains(u"head of the chain"));
    QVERIFY(AuditChain::verify(db)->intact);
}

void tst_AuditChain::tamperIsDetected_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<int>("problem");
    const int modified = int(AuditVerification::Problem::Modified);
    const int missing = int(AuditVerification::Problem::Missing);
    const int inserted = int(AuditVerification::Problem::Inserted);
    const int brokenLink = int(AuditVerification::Problem::BrokenLink);

    // The chain starts with one event per migration (m of them), then our 10,000: event i is at seq m + 1 + i.
    const qint64 m = SchemaMigrator::latestVersion();
    const auto at = [m](qint64 offset) { return QString::number(m + offset); };
    QTest::newRow("modify an amount in the middle")
        << QStringList{"UPDATE audit_events SET details = replace(details, '56720', '56721') WHERE seq = " + at(5001)}
        << m + 5001 << modified;
    QTest::newRow("modify the first entry")
        << QStringList{"UPDATE audit_events SET actor = 'mallory' WHERE seq = 1"} << qint64(1) << modified;
    QTest::newRow("modify the last entry")
        << QStringList{"UPDATE audit_events SET occurred_at = '2020-01-01T00:00:00.000Z' WHERE seq = " + at(10000)}
        << m + 10000 << modified;
    QTest::newRow("modify and re-hash one entry")
        << QStringList{"UPDATE audit_events SET hash = 'ab' || substr(hash, 3) WHERE seq = " + at(6996)} << m + 6996
        << modified;
    QTest::newRow("delete an entry") << QStringList{"DELETE FROM audit_events WHERE seq = 3000"} << qint64(3000)
                                     << missing;
    QTest::newRow("delete the first entry") << QStringList{"DELETE FROM audit_events WHERE seq = 1"} << qint64(1)
                                            << missing;
    // Swap two entries' positions: every column but seq exchanges places.
    QTest::newRow("swap two entries") << QStringList{
        "CREATE TEMP TABLE t AS SELECT * FROM audit_events WHERE seq IN (6000, 6001)",
        "UPDATE audit_events SET occurred_at = (SELECT occurred_at FROM t WHERE seq = 6001), "
        "actor = (SELECT actor FROM t WHERE seq = 6001), action = (SELECT action FROM t WHERE seq = 6001), "
        "entity_type = (SELECT entity_type FROM t WHERE seq = 6001), "
        "entity_id = (SELECT entity_id FROM t WHERE seq = 6001), details = (SELECT details FROM t WHERE seq = 6001), "
        "prev_hash = (SELECT prev_hash FROM t WHERE seq = 6001), hash = 'x' || substr(hash, 2) WHERE seq = 6000",
        "UPDATE audit_events SET occurred_at = (SELECT occurred_at FROM t WHERE seq = 6000), "
        "actor = (SELECT actor FROM t WHERE seq = 6000), action = (SELECT action FROM t WHERE seq = 6000), "
        "entity_type = (SELECT entity_type FROM t WHERE seq = 6000), "
        "entity_id = (SELECT entity_id FROM t WHERE seq = 6000), details = (SELECT details FROM t WHERE seq = 6000), "
        "prev_hash = (SELECT prev_hash FROM t WHERE seq = 6000), hash = (SELECT hash FROM t WHERE seq = 6000) "
        "WHERE seq = 6001",
        "UPDATE audit_events SET hash = (SELECT hash FROM t WHERE seq = 6001) WHERE seq = 6000"}
                                      << qint64(6000) << brokenLink;
    // Insert a forged entry at position 4000 whose own hash is correct (the attacker knows the scheme): the later
    // entries are renumbered to make room. Entry 4001 (the old 4000) then continues from 3999, exposing the insert.
    QTest::newRow("insert a forged entry") << QStringList{"UPDATE audit_events SET seq = -seq WHERE seq >= 4000",
                                                          "UPDATE audit_events SET seq = -seq + 1 WHERE seq < 0",
                                                          "FORGE 4000"}
                                           << qint64(4000) << inserted;
    QTest::newRow("append a forged entry with a made-up hash")
        << QStringList{"INSERT INTO audit_events SELECT seq + 1, occurred_at, 'mallory', action, entity_type, "
                       "entity_id, details, hash, substr(hash, 2) || 'a' FROM audit_events WHERE seq = " + at(10000)}
        << m + 10001 << modified;
}

void tst_AuditChain::tamperIsDetected()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBad);
    QFETCH(int, problem);
    QCOMPARE(m_head, SchemaMigrator::latestVersion() + kEvents); // the rows above name real positions

    const QString path = tamperedCopy(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    QVERIFY(!path.isEmpty());
    const auto connection = openRaw(path);
    QVERIFY(connection);
    const QSqlDatabase db = connection->database();
    QVERIFY(dropAuditTriggers(db));
    for (const QString &statement : statements) {
        if (statement.startsWith(u"FORGE ")) {
            // A forged entry that links correctly to its predecessor and carries a correct hash of its own.
            const qint64 seq = statement.mid(6).toLongLong();
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT hash FROM audit_events WHERE seq = %1").arg(seq - 1)));
            QVERIFY(query.next());
            const QByteArray prev = query.value(0).toString().toLatin1();
            const QString at = QStringLiteral("2026-11-27T10:00:00.000Z");
            const QByteArray details = R"({"amount_minor":-100000,"currency":"SEK"})";
            const QByteArray hash = AuditChain::chainHash(
                prev, AuditChain::canonicalBytes(seq, at, QStringLiteral("mallory"), QStringLiteral("order.posted"),
                                                 QStringLiteral("order"), QStringLiteral("99999"), details));
            query.prepare(QStringLiteral("INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant &value : {QVariant(seq), QVariant(at), QVariant(QStringLiteral("mallory")),
                                          QVariant(QStringLiteral("order.posted")), QVariant(QStringLiteral("order")),
                                          QVariant(QStringLiteral("99999")), QVariant(QString::fromUtf8(details)),
                                          QVariant(QString::fromLatin1(prev)), QVariant(QString::fromLatin1(hash))}) {
                query.addBindValue(value);
            }
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        } else {
            QVERIFY(execSql(db, statement));
        }
    }

    const auto result = AuditChain::verify(db);
    QVERIFY(result.ok());
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, firstBad);
    QCOMPARE(int(result->problem), problem);
    QVERIFY2(result->explanation.contains(QString::number(firstBad)), qPrintable(result->explanation));
}

void tst_AuditChain::truncationNeedsTheAnchor()
{
    const QString path = tamperedCopy(QStringLiteral("truncated"));
    const auto connection = openRaw(path);
    QVERIFY(connection);
    const QSqlDatabase db = connection->database();
    QVERIFY(dropAuditTriggers(db));
    QVERIFY(execSql(db, QStringLiteral("DELETE FROM audit_events WHERE seq > %1").arg(m_head - 25)));

    // Without an anchor, removing entries from the end leaves a chain that is consistent in itself.
    const auto unanchored = AuditChain::verify(db);
    QVERIFY(unanchored->intact);
    QCOMPARE(unanchored->entries, m_head - 25);

    AuditAnchor anchor;
    anchor.seq = m_head;
    anchor.hash = m_headHash;
    const auto anchored = AuditChain::verify(db, anchor);
    QVERIFY(!anchored->intact);
    QCOMPARE(anchored->problem, AuditVerification::Problem::Truncated);
    QCOMPARE(anchored->firstBadSeq, m_head - 24);

    // A chain rebuilt with fresh hashes past the anchor's position is caught by the anchored hash.
    AuditAnchor earlier;
    earlier.seq = m_head - 30;
    earlier.hash = QByteArray(64, 'e');
    const auto rebuilt = AuditChain::verify(db, earlier);
    QVERIFY(!rebuilt->intact);
    QCOMPARE(rebuilt->problem, AuditVerification::Problem::AnchorMismatch);
    QCOMPARE(rebuilt->firstBadSeq, m_head - 30);
}

void tst_AuditChain::anchorJsonRoundTrip()
{
    AuditAnchor anchor;
    anchor.seq = 42;
    anchor.hash = QByteArray(64, 'c');
    anchor.exportedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC);
    const auto back = AuditAnchor::fromJson(anchor.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->seq, anchor.seq);
    QCOMPARE(back->hash, anchor.hash);
    QCOMPARE(back->exportedAt, anchor.exportedAt);
    QVERIFY(!AuditAnchor::fromJson(QJsonObject{{QStringLiteral("seq"), 1}}).ok());
}

// The bytes every stored hash was computed from: changing them would make every existing chain fail to verify.
void tst_AuditChain::canonicalBytesAreFixed()
{
    const QByteArray bytes = AuditChain::canonicalBytes(
        12345, QStringLiteral("2026-11-27T10:00:00.000Z"), QStringLiteral("\u00c5sa"), QStringLiteral("order.posted"),
        QStringLiteral("order"), QStringLiteral("90001/1200"), QByteArrayLiteral("{\"a\":1}"));
    QCOMPARE(bytes, QByteArrayLiteral("tillbridge-audit-v1;5:12345;24:2026-11-27T10:00:00.000Z;4:\xc3\x85sa;"
                                      "12:order.posted;5:order;10:90001/1200;7:{\"a\":1};"));
    QCOMPARE(AuditChain::canonicalBytes(1, {}, {}, {}, {}, {}, {}),
             QByteArrayLiteral("tillbridge-audit-v1;1:1;0:;0:;0:;0:;0:;0:;"));
}

QTEST_GUILESS_MAIN(tst_AuditChain)
#include "tst_auditchain.moc"
