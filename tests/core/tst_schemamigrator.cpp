// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations: from an empty cache and from every earlier version, one transaction each, audited.
#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/schemamigrator.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

namespace {
DatabaseConnectionPtr rawConnection(const TempCache &cache)
{
    return Tillbridge::Test::openRaw(cache.path());
}

// The full schema as text: every table, index and trigger definition, in name order.
QStringList schemaOf(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"));
    QStringList schema;
    while (query.next())
        schema.append(query.value(0).toString() + u' ' + query.value(1).toString() + u' '
                      + query.value(2).toString().simplified());
    return schema;
}
} // namespace

using Tillbridge::Test::execSql;
using Tillbridge::Test::scalar;

class tst_SchemaMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEmpty();
    void fromEveryEarlierVersion_data();
    void fromEveryEarlierVersion();
    void migratingTwiceChangesNothing();
    void refusesACacheFromANewerVersion();
    void aFailedMigrationLeavesTheEarlierVersionIntact();
    void theAuditRebuildKeepsEveryEntryAndItsGuards();
    void theSearchIndexCoversExceptionsRaisedBefore();

private:
    QStringList m_latestSchema;
};

void tst_SchemaMigrator::fromEmpty()
{
    TempCache cache;
    auto db = rawConnection(cache);
    QVERIFY(db);
    QCOMPARE(SchemaMigrator::currentVersion(db->database()).value(), 0);

    const Status status = SchemaMigrator::migrate(db->database());
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    const int latest = SchemaMigrator::latestVersion();
    QVERIFY(latest >= 4);
    QCOMPARE(SchemaMigrator::currentVersion(db->database()).value(), latest);
    QCOMPARE(scalar(db->database(), QStringLiteral("SELECT COUNT(*) FROM schema_version")), qint64(latest));

    const QStringList tables{"audit_events", "users", "stores", "raw_orders", "pos_orders", "pos_order_lines",
                             "pos_order_payments", "exceptions", "exception_history", "outbox",
                             "posting_attempts", "sync_cursors", "mappings", "catalogue_snapshots",
                             "catalogue_items", "stock_levels"};
    for (const QString &table : tables) {
        QCOMPARE(scalar(db->database(),
                        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='%1'")
                            .arg(table)),
                 qint64(1));
    }
    // Each migration wrote its audit event, and the chain verifies.
    QCOMPARE(scalar(db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action='schema.migrated'")),
             qint64(latest));
    const auto verification = AuditChain::verify(db->database());
    QVERIFY(verification.ok());
    QVERIFY(verification->intact);
    m_latestSchema = schemaOf(db->database());
    QVERIFY(!m_latestSchema.isEmpty());
}

void tst_SchemaMigrator::fromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("startVersion");
    for (int version = 1; version < SchemaMigrator::latestVersion(); ++version)
        QTest::addRow("from v%d", version) << version;
}

void tst_SchemaMigrator::fromEveryEarlierVersion()
{
    QFETCH(int, startVersion);
    QVERIFY(!m_latestSchema.isEmpty());
    TempCache cache;
    auto db = rawConnection(cache);
    QVERIFY(db);
    QVERIFY(SchemaMigrator::migrate(db->database(), startVersion).ok());
    QCOMPARE(SchemaMigrator::currentVersion(db->database()).value(), startVersion);

    // Data written at the earlier version survives the upgrade.
    QVERIFY(execSql(db->database(),
                 QStringLiteral("INSERT INTO stores (sitoo_account, sitoo_store_id, name, currency, country_code, "
                                "tax_regime, time_zone, created_at, updated_at) VALUES ('90001', '200', "
                                "'Concept Store', 'SEK', 'SE', 'SE', 'Europe/Stockholm', '2026-11-01T00:00:00.000Z', "
                                "'2026-11-01T00:00:00.000Z')")));

    const Status status = SchemaMigrator::migrate(db->database());
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    QCOMPARE(SchemaMigrator::currentVersion(db->database()).value(), SchemaMigrator::latestVersion());
    QCOMPARE(schemaOf(db->database()), m_latestSchema);
    QCOMPARE(scalar(db->database(), QStringLiteral("SELECT COUNT(*) FROM stores WHERE name = 'Concept Store'")),
             qint64(1));
    QVERIFY(AuditChain::verify(db->database())->intact);
}

void tst_SchemaMigrator::migratingTwiceChangesNothing()
{
    TempCache cache;
    auto db = cache.open();
    QVERIFY(db.ok());
    const qint64 events = scalar((*db)->database(), QStringLiteral("SELECT COUNT(*) FROM audit_events"));
    QVERIFY(SchemaMigrator::migrate((*db)->database()).ok());
    QVERIFY(cache.open().ok()); // a second connection finds nothing to do
    QCOMPARE(scalar((*db)->database(), QStringLiteral("SELECT COUNT(*) FROM audit_events")), events);
}

void tst_SchemaMigrator::refusesACacheFromANewerVersion()
{
    TempCache cache;
    auto db = cache.open();
    QVERIFY(db.ok());
    const int newer = SchemaMigrator::latestVersion() + 1;
    QVERIFY(execSql((*db)->database(),
                 QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES "
                                "(%1, 'from the future', '2030-01-01T00:00:00.000Z')")
                     .arg(newer)));
    const Status status = SchemaMigrator::migrate((*db)->database());
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Schema);
    QVERIFY2(status.errorString().contains(u"newer Tillbridge"), qPrintable(status.errorString()));
    QVERIFY(!cache.open().ok());
}

void tst_SchemaMigrator::aFailedMigrationLeavesTheEarlierVersionIntact()
{
    TempCache cache;
    auto db = rawConnection(cache);
    QVERIFY(db);
    QVERIFY(SchemaMigrator::migrate(db->database(), 1).ok());
    // A table in the way makes migration 2 fail half-way (after it created raw_orders).
    QVERIFY(execSql(db->database(), QStringLiteral("CREATE TABLE pos_order_lines (x INTEGER)")));
    const Status status = SchemaMigrator::migrate(db->database());
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Schema);
    QVERIFY(status.errorString().contains(u"schema version 2"));
    QCOMPARE(SchemaMigrator::currentVersion(db->database()).value(), 1);
    // Nothing of migration 2 remains: it ran in one transaction.
    QCOMPARE(scalar(db->database(),
                    QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('raw_orders', 'pos_orders')")),
             qint64(0));
    QCOMPARE(scalar(db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_events")), qint64(1));
    QVERIFY(AuditChain::verify(db->database())->intact);
}

// Migration 12 rebuilds audit_events without the index on its hashes: every entry keeps its bytes, the chain still
// reaches an anchor taken before, and the append-only triggers are back on the new table.
void tst_SchemaMigrator::theAuditRebuildKeepsEveryEntryAndItsGuards()
{
    TempCache cache;
    auto db = rawConnection(cache);
    QVERIFY(db);
    QVERIFY(SchemaMigrator::migrate(db->database(), 11).ok());
    const QSqlDatabase database = db->database();
    for (int i = 0; i < 20; ++i) {
        DbTransaction tx(database);
        AuditEvent event;
        event.actor = QStringLiteral("anna");
        event.action = QStringLiteral("exception.resolved");
        event.entityType = QStringLiteral("exception");
        event.entityId = QString::number(i);
        event.details = QJsonObject{{QStringLiteral("note"), QStringLiteral("Checked against the Z report %1").arg(i)}};
        QVERIFY(AuditChain::append(tx, event).ok());
        QVERIFY(tx.commit().ok());
    }
    const auto anchor = AuditChain::verifiedHead(database);
    QVERIFY(anchor.ok());
    const auto rowsOf = [&database] {
        QSqlQuery query(database);
        query.exec(QStringLiteral("SELECT seq || '|' || occurred_at || '|' || actor || '|' || action || '|' || "
                                  "entity_type || '|' || entity_id || '|' || details || '|' || prev_hash || '|' || "
                                  "hash FROM audit_events ORDER BY seq"));
        QStringList rows;
        while (query.next())
            rows.append(query.value(0).toString());
        return rows;
    };
    const QStringList before = rowsOf();
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM pragma_index_list('audit_events') "
                                             "WHERE \"unique\" = 1")),
             qint64(1));

    QVERIFY(SchemaMigrator::migrate(database, 12).ok());
    QStringList after = rowsOf();
    QCOMPARE(after.size(), before.size() + 1); // the migration's own event
    after.removeLast();
    QCOMPARE(after, before);
    const auto verification = AuditChain::verify(database, *anchor);
    QVERIFY(verification.ok());
    QVERIFY(verification->intact);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM pragma_index_list('audit_events') "
                                             "WHERE \"unique\" = 1")),
             qint64(0));
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM pragma_index_list('audit_events')")), qint64(2));

    // The guards came back with the table: no change, no deletion, no entry that does not extend the head.
    QVERIFY(!execSql(database, QStringLiteral("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3")));
    QVERIFY(!execSql(database, QStringLiteral("DELETE FROM audit_events WHERE seq = 3")));
    QVERIFY(!execSql(database, QStringLiteral(
                                   "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, entity_id, "
                                   "details, prev_hash, hash) VALUES (5000, '2026-11-27T00:00:00.000Z', 'mallory', "
                                   "'x', 'x', 'x', '{}', printf('%064d', 0), printf('%064d', 1))")));
    QCOMPARE(rowsOf().size(), before.size() + 1);
    QVERIFY(AuditChain::verify(database, *anchor)->intact);
}

// Migration 13 indexes the exceptions already in the cache, not only those raised afterwards.
void tst_SchemaMigrator::theSearchIndexCoversExceptionsRaisedBefore()
{
    TempCache cache;
    auto db = rawConnection(cache);
    QVERIFY(db);
    QVERIFY(SchemaMigrator::migrate(db->database(), 12).ok());
    QVERIFY(execSql(db->database(),
                    QStringLiteral("INSERT INTO exceptions (kind, severity, owner_team, entity_type, entity_id, "
                                   "explanation, state, assigned_to, created_at, updated_at) VALUES ('UNKNOWN_SKU', "
                                   "'blocking', 'data', 'order', '90002:20028', 'Line 1 (ZZ924-XXX-6): SKU not in "
                                   "Prima.', 'assigned', 'maria.lind', '2026-11-01T00:00:00.000Z', "
                                   "'2026-11-01T00:00:00.000Z')")));
    QVERIFY(SchemaMigrator::migrate(db->database()).ok());
    ExceptionRepository exceptions(db->database());
    for (const QString &text : {QStringLiteral("zz924"), QStringLiteral("20028"), QStringLiteral("maria")}) {
        ExceptionFilter filter;
        filter.text = text;
        QCOMPARE(exceptions.count(filter).valueOr(-1), qint64(1));
    }
    QCOMPARE(scalar(db->database(), QStringLiteral("SELECT COUNT(*) FROM exceptions_search WHERE exceptions_search "
                                                   "MATCH '\"SKU not\"'")),
             qint64(1));
}

QTEST_GUILESS_MAIN(tst_SchemaMigrator)
#include "tst_schemamigrator.moc"
