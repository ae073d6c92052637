// SPDX-License-Identifier: GPL-3.0-or-later
// OrderIngestion's parse-ahead: a page parsed and its Prima documents built on a helper thread gives byte for byte
// the cache that parsing and building on the writing thread gives, and route() never uses a payload prepared for
// another store.
#include "core/engine/orderingestion.h"

#include "core/sitoo/sitooorderparser.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/orderrepository.h"
#include "tests/bench/benchworld.h"
#include "tests/testutils/tempcache.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Bench::BenchWorld;
using Tillbridge::Test::TempCache;

class tst_OrderIngestion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsingAheadWritesTheSameCache();
    void aPayloadPreparedForAnotherStoreIsNotUsed();

private:
    /** Every row the ingest wrote that a thread could change, as text, in a fixed order. */
    static QStringList contents(const QSqlDatabase &db);
};

QStringList tst_OrderIngestion::contents(const QSqlDatabase &db)
{
    QStringList rows;
    const char *queries[] = {
        "SELECT sitoo_order_id || '|' || state || '|' || malformed || '|' || total_gross_minor FROM pos_orders "
        "ORDER BY sitoo_order_id",
        "SELECT idempotency_key || '|' || external_ref || '|' || document_type || '|' || payload FROM outbox "
        "ORDER BY idempotency_key",
        "SELECT kind || '|' || entity_id || '|' || explanation FROM exceptions ORDER BY entity_id, kind",
        "SELECT action || '|' || entity_type || '|' || count(*) FROM audit_events GROUP BY action, entity_type "
        "ORDER BY action, entity_type",
    };
    for (const char *sql : queries) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromLatin1(sql)))
            return {query.lastError().text()};
        while (query.next())
            rows.append(query.value(0).toString());
    }
    return rows;
}

void tst_OrderIngestion::parsingAheadWritesTheSameCache()
{
    // Defects included: malformed orders, unmapped codes and totals that do not add up take every path of route().
    const BenchWorld world = BenchWorld::generate(600, 0.08, 20261127);
    QStringList results[2];
    int ready = 0;
    for (const bool ahead : {true, false}) {
        TempCache cache;
        auto connection = cache.open();
        QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
        const QSqlDatabase db = (*connection)->database();
        QVERIFY(world.setUpCache(db).ok());
        OrderIngestion ingestion(db, world.sitooAccount());
        ingestion.setParseAhead(ahead);
        QVERIFY(ingestion.refreshReferenceData().ok());
        IngestSummary total;
        for (int first = 0; first < world.orderCount(); first += 100) {
            auto page = ingestion.ingestPage(world.renderPage(first, 100));
            QVERIFY2(page.ok(), qPrintable(page.errorString()));
            total += *page;
        }
        QCOMPARE(total.received, world.orderCount());
        QVERIFY(total.quarantined + total.malformed > 0); // the defects were met
        ready = total.ready;
        results[ahead ? 0 : 1] = contents(db);
    }
    QVERIFY(ready > 400);
    QCOMPARE(results[0].size(), results[1].size());
    QCOMPARE(results[0], results[1]);
}

void tst_OrderIngestion::aPayloadPreparedForAnotherStoreIsNotUsed()
{
    const BenchWorld world = BenchWorld::generate(50, 0.0, 7);
    TempCache cache;
    auto connection = cache.open();
    QVERIFY(connection.ok());
    const QSqlDatabase db = (*connection)->database();
    QVERIFY(world.setUpCache(db).ok());
    OrderRouter router(db);
    QVERIFY(router.refreshReferenceData().ok());

    // Two readable orders of different stores.
    std::optional<SitooOrderParse> first;
    std::optional<SitooOrderParse> other;
    for (const QByteArray &raw : world.renderPage(0, world.orderCount())) {
        SitooOrderParse parse = SitooOrderParser::parse(raw, world.sitooAccount());
        if (!parse.order || !router.prepare(world.sitooAccount(), *parse.order))
            continue;
        if (!first)
            first = parse;
        else if (parse.order->storeExternalId != first->order->storeExternalId || parse.order->warehouseId != first->order->warehouseId) {
            other = parse;
            break;
        }
    }
    QVERIFY(first && other);
    const auto rightPayload = router.prepare(world.sitooAccount(), *first->order);
    auto wrongPayload = router.prepare(world.sitooAccount(), *other->order);
    QVERIFY(rightPayload && wrongPayload);
    QVERIFY(rightPayload->storeId != wrongPayload->storeId);
    QVERIFY(rightPayload->payload.text() != wrongPayload->payload.text());

    DbTransaction tx(db);
    auto received = OrderRepository(db).receive(tx, world.sitooAccount(), first->orderId, first->raw,
                                                first->rawSha256Hex, first->order);
    QVERIFY2(received.ok(), qPrintable(received.errorString()));
    RoutingRequest request;
    request.actor = QStringLiteral("system");
    request.prepared = &*wrongPayload; // another store's document: must be built again, not stored
    auto routed = router.route(tx, world.sitooAccount(), received->posOrderId, *first->order, RoutingHistory{}, request);
    QVERIFY2(routed.ok(), qPrintable(routed.errorString()));
    QVERIFY(routed->verdict.ready());
    QVERIFY(tx.commit().ok());
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT payload FROM outbox")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toByteArray(), rightPayload->payload.text());
}

QTEST_GUILESS_MAIN(tst_OrderIngestion)
#include "tst_orderingestion.moc"
