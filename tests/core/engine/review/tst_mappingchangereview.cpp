// SPDX-License-Identifier: GPL-3.0-or-later
// MappingChangeReview: the preview says exactly what apply does; released orders get the outbox row first receipt
// would have written; exceptions no longer found are auto-resolved with who and why; malformed orders and
// duplicates are never released; the audit chain verifies afterwards.
#include "core/engine/posting/documentbuilder.h"
#include "core/engine/review/mappingchangereview.h"
#include "core/engine/review/mappingfix.h"
#include "core/storage/auditchain.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/outboxrepository.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Review;
using Tillbridge::Test::TempCache;

namespace {
const QString kTemplate = QStringLiteral(TILLBRIDGE_TEST_DATA "/../../validation/data/order-sale-20001.json");

QList<Mapping> giftCardMapping()
{
    return {Mapping{MappingKind::PaymentMethod, QStringLiteral(" Gift Card "), QStringLiteral("GIFT"), {}, {}}};
}

/** A cache with seven quarantined orders of every sort and one ready one. */
QList<QByteArray> quarantineOrders()
{
    SaleShape swish;
    swish.giftPayment = QStringLiteral("Swish");
    SaleShape unknownSku;
    unknownSku.firstSku = QStringLiteral("XX-999");
    SaleShape malformed;
    malformed.malformed = true;
    SaleShape sameReceipt;
    sameReceipt.receiptId = QStringLiteral("R-30001");
    SaleShape cardOnly;
    cardOnly.giftPayment = QStringLiteral("Card");
    return {
        saleOrder(kTemplate, 30001),              // Gift Card unmapped: released by the change
        saleOrder(kTemplate, 30002),              // the same: released
        saleOrder(kTemplate, 30003, swish),       // Swish unmapped: stays
        saleOrder(kTemplate, 30004, unknownSku),  // Gift Card and an unknown SKU: stays, one exception resolved
        saleOrder(kTemplate, 30005, malformed),   // cannot be read: never released
        saleOrder(kTemplate, 30006, sameReceipt), // the receipt of 30001 again: DUPLICATE_ORDER, never released
        saleOrder(kTemplate, 30007),              // arrives again below with other bytes: DUPLICATE_ORDER
        saleOrder(kTemplate, 30008, cardOnly),    // valid on arrival
    };
}

QString sqlText(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return QStringLiteral("<none>");
    return query.value(0).toString();
}

QList<qint64> orderIds(const QList<ReviewedOrder> &orders)
{
    QList<qint64> ids;
    for (const ReviewedOrder &order : orders)
        ids.append(order.sitooOrderId);
    return ids;
}
} // namespace

class tst_MappingChangeReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void previewEqualsApply();
    void previewWritesNothing();
    void releasedOrdersMatchFirstReceipt();
    void exceptionsAutoResolvedWithReason();
    void malformedAndDuplicatesNeverReleased();
    void singleMappingChange();
    void badChangeChangesNothing();
    void mappingFixNamesTheValueOfEachUnmappedKind();

private:
    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
    QSqlDatabase db() const { return m_connection->database(); }
};

void tst_MappingChangeReview::init()
{
    m_connection.reset();
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY(connection.ok());
    m_connection = std::move(connection.value());
    QVERIFY(seed(db()).ok());
    const auto ingested = ingest(db(), quarantineOrders());
    QVERIFY2(ingested.ok(), qPrintable(ingested.errorString()));
    QCOMPARE(ingested->ready, 1);
    QCOMPARE(ingested->malformed, 1);
    SaleShape changed;
    changed.comment = QStringLiteral("edited in Sitoo");
    const auto again = ingest(db(), {saleOrder(kTemplate, 30007, changed)});
    QVERIFY(again.ok());
    QCOMPARE(again->duplicates, 1);
    QCOMPARE(OrderRepository(db()).countsByState()->value(PosOrderState::Quarantined), qint64(7));
}

void tst_MappingChangeReview::previewEqualsApply()
{
    MappingChangeReview review(db());
    const auto preview = review.preview(giftCardMapping());
    QVERIFY2(preview.ok(), qPrintable(preview.errorString()));
    QCOMPARE(preview->quarantine.reviewed(), 7);
    QCOMPARE(preview->quarantine.releasedCount(), 2);
    QCOMPARE(orderIds(preview->quarantine.released()), (QList<qint64>{30001, 30002}));
    QCOMPARE(preview->mappings.added, 1);

    const auto applied = review.apply(giftCardMapping(), QStringLiteral("anna"));
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
    QCOMPARE(applied->mappings.added, preview->mappings.added);
    QCOMPARE(applied->mappings.changed, preview->mappings.changed);
    QCOMPARE(applied->quarantine.reviewed(), preview->quarantine.reviewed());
    for (int i = 0; i < preview->quarantine.reviewed(); ++i) {
        const ReviewedOrder &expected = preview->quarantine.orders.at(i);
        const ReviewedOrder &actual = applied->quarantine.orders.at(i);
        QCOMPARE(actual.sitooOrderId, expected.sitooOrderId);
        QCOMPARE(actual.released, expected.released);
        QCOMPARE(actual.blockingKinds, expected.blockingKinds);
        QCOMPARE(actual.resolvedKinds, expected.resolvedKinds);
    }
    QCOMPARE(applied->quarantine.keptByKind(), preview->quarantine.keptByKind());
    const QMap<ExceptionKind, int> expectedKept{{ExceptionKind::UnknownSku, 1},
                                                {ExceptionKind::UnmappedPaymentMethod, 1},
                                                {ExceptionKind::DuplicateOrder, 2},
                                                {ExceptionKind::MalformedOrder, 1}};
    QCOMPARE(applied->quarantine.keptByKind(), expectedKept);

    // What was said is what the cache now holds.
    const auto counts = OrderRepository(db()).countsByState();
    QCOMPARE(counts->value(PosOrderState::Quarantined), qint64(5));
    QCOMPARE(counts->value(PosOrderState::Ready), qint64(3));
    QCOMPARE(OutboxRepository(db()).countsByState()->value(OutboxState::Pending), qint64(3));

    // A second review finds nothing more to release.
    const auto again = review.preview(giftCardMapping());
    QVERIFY(again.ok());
    QCOMPARE(again->quarantine.reviewed(), 5);
    QCOMPARE(again->quarantine.releasedCount(), 0);
    QCOMPARE(again->mappings.unchanged, 1);

    const auto verified = AuditChain::verify(db());
    QVERIFY(verified.ok());
    QVERIFY2(verified->intact, qPrintable(verified->explanation));
}

void tst_MappingChangeReview::previewWritesNothing()
{
    const auto headBefore = AuditChain::head(db());
    QVERIFY(headBefore.ok());
    MappingChangeReview review(db());
    QVERIFY(review.preview(giftCardMapping()).ok());
    const auto headAfter = AuditChain::head(db());
    QCOMPARE(headAfter->seq, headBefore->seq);
    QVERIFY(!MappingRepository(db()).lookup(MappingKind::PaymentMethod, QStringLiteral("Gift Card"))->has_value());
    QCOMPARE(OrderRepository(db()).countsByState()->value(PosOrderState::Quarantined), qint64(7));
}

void tst_MappingChangeReview::releasedOrdersMatchFirstReceipt()
{
    QVERIFY(MappingChangeReview(db()).apply(giftCardMapping(), QStringLiteral("anna")).ok());

    // The same order taken in for the first time by a cache that had the mapping all along.
    TempCache reference;
    auto connection = reference.open(QStringLiteral("reference"));
    QVERIFY(connection.ok());
    const QSqlDatabase referenceDb = (*connection)->database();
    QByteArray mappings = baseMappings();
    mappings.replace(R"("Card":"CARD")", R"("Card":"CARD","Gift Card":"GIFT")");
    QVERIFY(seed(referenceDb, mappings).ok());
    const auto ingested = ingest(referenceDb, {saleOrder(kTemplate, 30001)});
    QVERIFY(ingested.ok());
    QCOMPARE(ingested->ready, 1);

    const QString key = DocumentBuilder::idempotencyKey(kAccount, 30001, PosOrderKind::Sale);
    QCOMPARE(key, QStringLiteral("sitoo:90001:30001:sale:v1"));
    const auto released = OutboxRepository(db()).findByKey(key);
    const auto firstReceipt = OutboxRepository(referenceDb).findByKey(key);
    QVERIFY(released.ok() && released->has_value());
    QVERIFY(firstReceipt.ok() && firstReceipt->has_value());
    QCOMPARE((*released)->externalRef, (*firstReceipt)->externalRef);
    QCOMPARE((*released)->documentType, OutboxDocumentType::SalesOrder);
    QCOMPARE((*released)->payload, (*firstReceipt)->payload); // same document, same frozen mappings
    QCOMPARE((*released)->state, OutboxState::Pending);
    QVERIFY((*released)->payload.contains("\"GIFT\""));

    const auto order = OrderRepository(db()).findBySitooId(kAccount, 30001);
    QCOMPARE((*order)->state, PosOrderState::Ready);
    QCOMPARE(sqlText(db(), QStringLiteral("SELECT actor FROM audit_events WHERE action = 'order.ready' AND "
                                          "entity_id = ?"),
                     {(*order)->id}),
             QStringLiteral("anna"));
    QCOMPARE(sqlText(db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'mapping.saved' AND "
                                          "actor = 'anna'"),
                     {}),
             QStringLiteral("1"));
}

void tst_MappingChangeReview::exceptionsAutoResolvedWithReason()
{
    QVERIFY(MappingChangeReview(db()).apply(giftCardMapping(), QStringLiteral("anna")).ok());
    const QString sql = QStringLiteral("SELECT state || '|' || resolution_reason FROM exceptions WHERE "
                                       "entity_id = ? AND kind = 'UNMAPPED_PAYMENT_METHOD'");
    for (const char *entity : {"90001:30001", "90001:30004", "90001:30006", "90001:30007"}) {
        const QString row = sqlText(db(), sql, {QString::fromLatin1(entity)});
        QVERIFY2(row.startsWith(u"auto-resolved|"), qPrintable(QString::fromLatin1(entity) + u' ' + row));
        QVERIFY2(row.contains(u"anna") && row.contains(u"payment_method \"Gift Card\" → GIFT"), qPrintable(row));
    }
    // Still found: stays open, and the order that still needs it keeps it.
    QCOMPARE(sqlText(db(), QStringLiteral("SELECT state FROM exceptions WHERE entity_id = ? AND kind = ?"),
                     {QStringLiteral("90001:30004"), QStringLiteral("UNKNOWN_SKU")}),
             QStringLiteral("open"));
    QCOMPARE(sqlText(db(), QStringLiteral("SELECT state FROM exceptions WHERE entity_id = ? AND kind = ?"),
                     {QStringLiteral("90001:30003"), QStringLiteral("UNMAPPED_PAYMENT_METHOD")}),
             QStringLiteral("open"));
}

void tst_MappingChangeReview::malformedAndDuplicatesNeverReleased()
{
    // Even a change that maps everything releases neither the unreadable order nor the duplicates.
    MappingChangeReview review(db());
    const QList<Mapping> everything{
        Mapping{MappingKind::PaymentMethod, QStringLiteral("Gift Card"), QStringLiteral("GIFT"), {}, {}},
        Mapping{MappingKind::PaymentMethod, QStringLiteral("Swish"), QStringLiteral("SWISH"), {}, {}}};
    QVERIFY(saveCatalogue(db(), {QStringLiteral("XX-999")}).ok());
    const auto applied = review.apply(everything, QStringLiteral("anna"));
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
    QCOMPARE(orderIds(applied->quarantine.released()), (QList<qint64>{30001, 30002, 30003, 30004}));
    QCOMPARE(applied->quarantine.keptCount(), 3);
    for (const ReviewedOrder &kept : applied->quarantine.kept()) {
        const auto stored = OrderRepository(db()).findBySitooId(kAccount, kept.sitooOrderId);
        QCOMPARE((*stored)->state, PosOrderState::Quarantined);
        QVERIFY(!OutboxRepository(db())
                     .findByKey(DocumentBuilder::idempotencyKey(kAccount, kept.sitooOrderId, PosOrderKind::Sale))
                     ->has_value());
    }
    QCOMPARE(orderIds(applied->quarantine.kept()), (QList<qint64>{30005, 30006, 30007}));
    QCOMPARE(applied->quarantine.kept().at(0).blockingKinds, QList<ExceptionKind>{ExceptionKind::MalformedOrder});
    QCOMPARE(applied->quarantine.kept().at(1).blockingKinds, QList<ExceptionKind>{ExceptionKind::DuplicateOrder});
    QCOMPARE(applied->quarantine.kept().at(2).blockingKinds, QList<ExceptionKind>{ExceptionKind::DuplicateOrder});
    // The duplicates' exceptions are a person's to close.
    QCOMPARE(sqlText(db(), QStringLiteral("SELECT COUNT(*) FROM exceptions WHERE kind = 'DUPLICATE_ORDER' AND "
                                          "state = 'open'"),
                     {}),
             QStringLiteral("2"));
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_MappingChangeReview::singleMappingChange()
{
    MappingChangeReview review(db());
    const QList<Mapping> swish{Mapping{MappingKind::PaymentMethod, QStringLiteral("Swish"), QStringLiteral("SWISH"),
                                       {}, {}}};
    const auto preview = review.preview(swish);
    QVERIFY(preview.ok());
    QCOMPARE(orderIds(preview->quarantine.released()), QList<qint64>{30003});
    const auto applied = review.apply(swish, QStringLiteral("ben"));
    QVERIFY(applied.ok());
    QCOMPARE(orderIds(applied->quarantine.released()), QList<qint64>{30003});
    QCOMPARE(MappingChangeReview::describe(swish), QStringLiteral("payment_method \"Swish\" → SWISH"));
}

void tst_MappingChangeReview::badChangeChangesNothing()
{
    const auto headBefore = AuditChain::head(db());
    MappingChangeReview review(db());
    const QList<Mapping> bad{
        Mapping{MappingKind::PaymentMethod, QStringLiteral("Gift Card"), QStringLiteral("GIFT"), {}, {}},
        Mapping{MappingKind::RefundReason, QStringLiteral("101"), QStringLiteral("SOMEWHERE"), {}, {}}};
    const auto applied = review.apply(bad, QStringLiteral("anna"));
    QVERIFY(!applied.ok());
    QVERIFY2(applied.errorString().contains(u"SOMEWHERE"), qPrintable(applied.errorString()));
    QCOMPARE(AuditChain::head(db())->seq, headBefore->seq);
    QCOMPARE(OrderRepository(db()).countsByState()->value(PosOrderState::Quarantined), qint64(7));
    QVERIFY(!review.apply(giftCardMapping(), QString()).ok()); // nobody named: refused
}

void tst_MappingChangeReview::mappingFixNamesTheValueOfEachUnmappedKind()
{
    auto fixFor = [](ExceptionKind kind, const QJsonObject &details, const QString &storeId = {}) {
        return mappingFixFor(ExceptionRecord::open(kind, QStringLiteral("order"), QStringLiteral("90002:1"),
                                                   QStringLiteral("x"), details),
                             storeId);
    };
    auto tender = fixFor(ExceptionKind::UnmappedPaymentMethod, {{"paymentMethod", "Swish"}, {"amount", 100}});
    QVERIFY(tender);
    QCOMPARE(tender->kind, MappingKind::PaymentMethod);
    QCOMPARE(tender->sourceKey, QStringLiteral("Swish"));
    auto rate = fixFor(ExceptionKind::UnmappedTaxRate, {{"rate", "12.5"}, {"lineIndexes", QJsonArray{0}}});
    QVERIFY(rate && rate->kind == MappingKind::TaxRate && rate->sourceKey == QStringLiteral("12.5"));
    auto voucher = fixFor(ExceptionKind::UnmappedPromotion, {{"voucherCode", "SUMMER10"}});
    QVERIFY(voucher && voucher->kind == MappingKind::Promotion && voucher->sourceKey == QStringLiteral("SUMMER10"));
    // A store is mapped by its Sitoo store id: the store's, when the exception has one, else what the order said.
    auto store = fixFor(ExceptionKind::UnmappedStore, {{"storeExternalId", "LDS"}}, QStringLiteral("7"));
    QVERIFY(store && store->kind == MappingKind::Store && store->sourceKey == QStringLiteral("7"));
    QCOMPARE(fixFor(ExceptionKind::UnmappedStore, {{"storeExternalId", "LDS"}})->sourceKey, QStringLiteral("LDS"));
    // Nothing to map, or nothing named.
    QVERIFY(!fixFor(ExceptionKind::TotalsMismatch, {{"paymentMethod", "Swish"}}));
    QVERIFY(!fixFor(ExceptionKind::UnmappedPaymentMethod, {{"paymentMethod", "  "}}));
}

QTEST_GUILESS_MAIN(tst_MappingChangeReview)
#include "tst_mappingchangereview.moc"
