// SPDX-License-Identifier: GPL-3.0-or-later
// QuarantineReview: edit-and-retry releases an order once its catalogue or mapping is fixed, or keeps it with its
// exceptions brought up to date; malformed orders are never routed again; only quarantined orders are reviewed.
#include "core/engine/posting/documentbuilder.h"
#include "core/engine/review/quarantinereview.h"
#include "core/storage/auditchain.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/outboxrepository.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/testutils/tempcache.h"

#include <QSqlQuery>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Test::Review;
using Tillbridge::Test::TempCache;

namespace {
const QString kTemplate = QStringLiteral(TILLBRIDGE_TEST_DATA "/../../validation/data/order-sale-20001.json");

QList<ExceptionRecord> openExceptions(const QSqlDatabase &db, qint64 sitooOrderId)
{
    auto open = ExceptionRepository(db).openForEntity(QStringLiteral("order"),
                                                      kAccount + u':' + QString::number(sitooOrderId));
    return open.ok() ? *open : QList<ExceptionRecord>{};
}
} // namespace

class tst_QuarantineReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void retryReleasesAfterCatalogueFix();
    void retryKeepsWithUpdatedExplanation();
    void retryNeverRoutesAMalformedOrder();
    void onlyQuarantinedOrdersAreRetried();
    void retryNamesWhoAskedForIt();

private:
    qint64 posOrderId(qint64 sitooOrderId) const
    {
        const auto stored = OrderRepository(db()).findBySitooId(kAccount, sitooOrderId);
        return stored.ok() && stored->has_value() ? (*stored)->id : 0;
    }
    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
    QSqlDatabase db() const { return m_connection->database(); }
};

void tst_QuarantineReview::init()
{
    m_connection.reset();
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY(connection.ok());
    m_connection = std::move(connection.value());
    QByteArray mappings = baseMappings();
    mappings.replace(R"("Card":"CARD")", R"("Card":"CARD","Gift Card":"GIFT")");
    QVERIFY(seed(db(), mappings).ok());
    SaleShape unknownSku;
    unknownSku.firstSku = QStringLiteral("XX-999");
    SaleShape unknownSkuAndSwish = unknownSku;
    unknownSkuAndSwish.giftPayment = QStringLiteral("Swish");
    SaleShape malformed;
    malformed.malformed = true;
    const auto ingested = ingest(db(), {saleOrder(kTemplate, 40001, unknownSku),
                                        saleOrder(kTemplate, 40002, unknownSkuAndSwish),
                                        saleOrder(kTemplate, 40003, malformed), saleOrder(kTemplate, 40004)});
    QVERIFY2(ingested.ok(), qPrintable(ingested.errorString()));
    QCOMPARE(ingested->quarantined, 2);
    QCOMPARE(ingested->malformed, 1);
    QCOMPARE(ingested->ready, 1);
}

void tst_QuarantineReview::retryReleasesAfterCatalogueFix()
{
    QuarantineReview review(db());
    // Nothing fixed yet: retrying changes nothing.
    auto before = review.retryOrder(posOrderId(40001), QStringLiteral("dana"));
    QVERIFY2(before.ok(), qPrintable(before.errorString()));
    QVERIFY(!before->released);
    QCOMPARE(before->blockingKinds, QList<ExceptionKind>{ExceptionKind::UnknownSku});

    // The data team adds the SKU to Prima; the next catalogue pull brings it in.
    QVERIFY(saveCatalogue(db(), {QStringLiteral("XX-999")}).ok());
    const auto retried = review.retryOrder(posOrderId(40001), QStringLiteral("dana"));
    QVERIFY2(retried.ok(), qPrintable(retried.errorString()));
    QVERIFY(retried->released);
    QVERIFY(retried->blockingKinds.isEmpty());
    QCOMPARE(retried->resolvedKinds, QList<ExceptionKind>{ExceptionKind::UnknownSku});

    const auto stored = OrderRepository(db()).storedOrder(posOrderId(40001));
    QCOMPARE(stored->state, PosOrderState::Ready);
    const auto outbox = OutboxRepository(db()).findByKey(QStringLiteral("sitoo:90001:40001:sale:v1"));
    QVERIFY(outbox.ok() && outbox->has_value());
    QCOMPARE((*outbox)->externalRef, DocumentBuilder::externalRef(kAccount, 40001));
    QVERIFY(openExceptions(db(), 40001).isEmpty());

    QSqlQuery query(db());
    query.prepare(QStringLiteral("SELECT state, resolution_reason FROM exceptions WHERE entity_id = ?"));
    query.addBindValue(QStringLiteral("90001:40001"));
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("auto-resolved"));
    QVERIFY2(query.value(1).toString().contains(u"dana"), qPrintable(query.value(1).toString()));

    // Retrying a released order is refused: it is no longer in quarantine.
    const auto twice = review.retryOrder(posOrderId(40001), QStringLiteral("dana"));
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, ErrorCode::InvalidInput);
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_QuarantineReview::retryKeepsWithUpdatedExplanation()
{
    QCOMPARE(openExceptions(db(), 40002).size(), 2);
    QVERIFY(saveCatalogue(db(), {QStringLiteral("XX-999")}).ok());
    QuarantineReview review(db());
    const auto retried = review.retryOrder(posOrderId(40002), QStringLiteral("dana"));
    QVERIFY2(retried.ok(), qPrintable(retried.errorString()));
    QVERIFY(!retried->released);
    QCOMPARE(retried->blockingKinds, QList<ExceptionKind>{ExceptionKind::UnmappedPaymentMethod});
    QCOMPARE(retried->resolvedKinds, QList<ExceptionKind>{ExceptionKind::UnknownSku});
    const QList<ExceptionRecord> open = openExceptions(db(), 40002);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().kind, ExceptionKind::UnmappedPaymentMethod);
    QVERIFY(open.first().explanation.contains(u"Swish"));
    QCOMPARE(OrderRepository(db()).storedOrder(posOrderId(40002))->state, PosOrderState::Quarantined);
    QVERIFY(!OutboxRepository(db()).findByKey(QStringLiteral("sitoo:90001:40002:sale:v1"))->has_value());
}

void tst_QuarantineReview::retryNeverRoutesAMalformedOrder()
{
    const auto head = AuditChain::head(db());
    QuarantineReview review(db());
    const auto retried = review.retryOrder(posOrderId(40003), QStringLiteral("dana"));
    QVERIFY2(retried.ok(), qPrintable(retried.errorString()));
    QVERIFY(!retried->released);
    QVERIFY(retried->blockingKinds.contains(ExceptionKind::MalformedOrder));
    QCOMPARE(AuditChain::head(db())->seq, head->seq); // nothing was written
    QCOMPARE(OrderRepository(db()).storedOrder(posOrderId(40003))->state, PosOrderState::Quarantined);
}

void tst_QuarantineReview::onlyQuarantinedOrdersAreRetried()
{
    QuarantineReview review(db());
    const auto ready = review.retryOrder(posOrderId(40004), QStringLiteral("dana"));
    QVERIFY(!ready.ok());
    QVERIFY2(ready.errorString().contains(u"not quarantined"), qPrintable(ready.errorString()));
    const auto missing = review.retryOrder(999999, QStringLiteral("dana"));
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void tst_QuarantineReview::retryNamesWhoAskedForIt()
{
    QuarantineReview review(db());
    QCOMPARE(review.retryOrder(posOrderId(40001), QStringLiteral("  ")).error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(tst_QuarantineReview)
#include "tst_quarantinereview.moc"
