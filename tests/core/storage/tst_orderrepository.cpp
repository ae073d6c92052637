// SPDX-License-Identifier: GPL-3.0-or-later
// Orders in the cache: idempotent receipt (same bytes twice write nothing), changed content keeps both raw versions,
// malformed orders are kept quarantined with their bytes, state changes are audited, and returned quantities are
// counted across partial refunds.
#include "core/storage/orderrepository.h"

#include "core/storage/auditchain.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <iterator>
#include <memory>

using namespace Tillbridge::Core;
using Tillbridge::Test::execSql;
using Tillbridge::Test::scalar;
using Tillbridge::Test::TempCache;

namespace {
const QString kAccount = QStringLiteral("90001");
const Currency kSek = Currency::of(u"SEK");

Money sek(qint64 minor)
{
    return Money(minor, kSek);
}

QByteArray rawFor(qint64 orderId, int version)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("orderid"), orderId},
                                     {QStringLiteral("version"), version},
                                     {QStringLiteral("note"), QStringLiteral("Kvitto ÅÄÖ")}})
        .toJson(QJsonDocument::Compact);
}

QByteArray shaOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

struct LineSpec
{
    QString sku;
    qint64 quantity;
    std::optional<int> originalLineIndex = std::nullopt;
};

PosOrder makeOrder(qint64 orderId, PosOrderKind kind, const QList<LineSpec> &specs,
                   std::optional<qint64> originalOrderId = std::nullopt)
{
    PosOrder order;
    order.sitooAccount = kAccount;
    order.orderId = orderId;
    order.kind = kind;
    order.receiptId = QStringLiteral("R1-%1").arg(orderId);
    order.registerId = QStringLiteral("R1");
    order.warehouseId = 7;
    order.storeExternalId = QStringLiteral("200");
    order.orderDate = QDateTime(QDate(2026, 11, 3), QTime(14, 5, 6, 789), Qt::UTC);
    order.timeZone = QStringLiteral("Europe/Stockholm");
    order.currency = kSek;
    order.originalOrderId = originalOrderId;
    qint64 net = 0;
    int index = 0;
    for (const LineSpec &spec : specs) {
        PosOrderLine line;
        line.lineIndex = index++;
        line.sku = spec.sku;
        line.productName = QStringLiteral("Product %1").arg(spec.sku);
        line.quantity = spec.quantity;
        line.unitNetPrice = sek(10000);
        line.lineNet = sek(10000 * spec.quantity);
        line.lineVat = sek(2500 * spec.quantity);
        line.vatRate = VatRate::fromPercent(25);
        line.originalLineIndex = spec.originalLineIndex;
        net += 10000 * spec.quantity;
        order.lines.append(line);
    }
    order.totalNet = sek(net);
    order.totalVat = sek(net / 4);
    order.cashRounding = sek(0);
    order.salesTax = sek(0);
    order.totalGross = sek(net + net / 4);
    PosPayment payment;
    payment.methodName = QStringLiteral("Card");
    payment.amount = order.totalGross;
    payment.reference = QStringLiteral("PSP-%1").arg(orderId);
    order.payments.append(payment);
    return order;
}
} // namespace

class tst_OrderRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newOrderIsStoredAndLoadsBack();
    void sameBytesTwiceWriteNothing();
    void changedContentKeepsBothRawVersions();
    void malformedOrderIsKeptQuarantined();
    void malformedOrdersWithoutIdDoNotCollide();
    void aWrongHashIsRefused();
    void aFailedReceiptLeavesNothingBehind();
    void stateChangesAreAudited();
    void originalSaleCountsReturnsAcrossPartialRefunds();
    void pagingByStateAndCounts();

private:
    QSqlDatabase db() const { return m_connection->database(); }
    qint64 count(const char *sql) const { return scalar(db(), QString::fromLatin1(sql)); }
    OrderReceiveResult receive(const PosOrder &order, int version = 1);

    std::unique_ptr<TempCache> m_cache;
    DatabaseConnectionPtr m_connection;
};

void tst_OrderRepository::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*does not belong to the calling thread.*")));
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*is still in use.*")));
    m_cache = std::make_unique<TempCache>();
    auto connection = m_cache->open();
    QVERIFY2(connection.ok(), qPrintable(connection.errorString()));
    m_connection = *connection;
}

void tst_OrderRepository::cleanup()
{
    m_connection.reset();
    m_cache.reset();
}

OrderReceiveResult tst_OrderRepository::receive(const PosOrder &order, int version)
{
    OrderRepository orders(db());
    DbTransaction tx(db());
    const QByteArray raw = rawFor(order.orderId, version);
    auto result = orders.receive(tx, kAccount, order.orderId, raw, shaOf(raw), order);
    if (!result.ok()) {
        qWarning() << "receive failed:" << result.errorString();
        return {};
    }
    if (!tx.commit().ok())
        return {};
    return *result;
}

void tst_OrderRepository::newOrderIsStoredAndLoadsBack()
{
    OrderRepository orders(db());
    PosOrder sale = makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 2}, {QStringLiteral("SKU-2"), 1}});
    PosDiscount discount;
    discount.voucherCode = QStringLiteral("SUMMER10");
    discount.voucherName = QStringLiteral("Summer");
    discount.perUnitNet = sek(1000);
    discount.lineNet = sek(2000);
    sale.lines[0].discount = discount;
    sale.lines[1].unitQuantity = Decimal(1500, 3);
    sale.creditOrderId = std::nullopt;
    sale.orderStateId = 10;
    sale.paymentStateId = 20;
    sale.eshopId = 3;
    sale.externalId = QStringLiteral("EXT-1");
    const qint64 eventsBefore = count("SELECT COUNT(*) FROM audit_events");

    const OrderReceiveResult result = receive(sale);
    QCOMPARE(result.receipt, OrderReceipt::New);
    QVERIFY(result.posOrderId > 0);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), eventsBefore + 1);
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'order.received'"), qint64(1));
    // Money is INTEGER minor units in the table itself.
    QCOMPARE(count("SELECT total_gross_minor FROM pos_orders"), qint64(37500));
    QCOMPARE(count("SELECT typeof(line_net_minor) = 'integer' FROM pos_order_lines LIMIT 1"), qint64(1));

    auto loaded = orders.load(result.posOrderId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    QCOMPARE(loaded->orderId, 20001);
    QCOMPARE(loaded->sitooAccount, kAccount);
    QCOMPARE(loaded->orderDate, sale.orderDate);
    QCOMPARE(loaded->currency, kSek);
    QCOMPARE(loaded->totalGross, sek(37500));
    QCOMPARE(loaded->totalVat, sek(7500));
    QCOMPARE(loaded->storeExternalId, QStringLiteral("200"));
    QCOMPARE(loaded->timeZone, QStringLiteral("Europe/Stockholm"));
    QCOMPARE(loaded->orderStateId, std::optional<int>(10));
    QCOMPARE(loaded->eshopId, 3);
    QCOMPARE(loaded->externalId, QStringLiteral("EXT-1"));
    QCOMPARE(loaded->lines.size(), 2);
    QCOMPARE(loaded->lines[0].sku, QStringLiteral("SKU-1"));
    QCOMPARE(loaded->lines[0].quantity, 2);
    QCOMPARE(loaded->lines[0].lineNet, sek(20000));
    QCOMPARE(loaded->lines[0].vatRate, VatRate::fromPercent(25));
    QVERIFY(loaded->lines[0].discount.has_value());
    QCOMPARE(loaded->lines[0].discount->voucherCode, QStringLiteral("SUMMER10"));
    QCOMPARE(loaded->lines[0].discount->perUnitNet, sek(1000));
    QCOMPARE(loaded->lines[0].discount->lineNet, sek(2000));
    QVERIFY(!loaded->lines[1].discount.has_value());
    QVERIFY(loaded->lines[1].unitQuantity.has_value());
    QCOMPARE(loaded->lines[1].unitQuantity->toString(), QStringLiteral("1.500"));
    QCOMPARE(loaded->payments.size(), 1);
    QCOMPARE(loaded->payments[0].amount, sek(37500));
    QCOMPARE(loaded->payments[0].reference, QStringLiteral("PSP-20001"));
    QCOMPARE(loaded->rawPayloadSha256, shaOf(rawFor(20001, 1)));

    auto stored = orders.findBySitooId(kAccount, 20001);
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((*stored)->id, result.posOrderId);
    QCOMPARE((*stored)->state, PosOrderState::Received);
    QVERIFY(!(*stored)->malformed);
    QVERIFY(orders.findBySitooId(kAccount, 99999)->has_value() == false);
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OrderRepository::sameBytesTwiceWriteNothing()
{
    const PosOrder sale = makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}});
    const OrderReceiveResult first = receive(sale);
    QCOMPARE(first.receipt, OrderReceipt::New);

    const char *tables[] = {"SELECT COUNT(*) FROM raw_orders", "SELECT COUNT(*) FROM pos_orders",
                            "SELECT COUNT(*) FROM pos_order_lines", "SELECT COUNT(*) FROM pos_order_payments",
                            "SELECT COUNT(*) FROM audit_events"};
    QList<qint64> before;
    for (const char *sql : tables)
        before.append(count(sql));

    const OrderReceiveResult second = receive(sale);
    QCOMPARE(second.receipt, OrderReceipt::Unchanged);
    QCOMPARE(second.posOrderId, first.posOrderId);
    QCOMPARE(second.rawOrderId, first.rawOrderId);
    for (int i = 0; i < int(std::size(tables)); ++i)
        QCOMPARE(count(tables[i]), before[i]);
}

void tst_OrderRepository::changedContentKeepsBothRawVersions()
{
    OrderRepository orders(db());
    const PosOrder sale = makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}});
    const OrderReceiveResult first = receive(sale, 1);

    PosOrder changed = makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 3}});
    const OrderReceiveResult second = receive(changed, 2);
    QCOMPARE(second.receipt, OrderReceipt::ChangedContent);
    QCOMPARE(second.posOrderId, first.posOrderId);
    QVERIFY(second.rawOrderId != first.rawOrderId);

    auto versions = orders.rawVersions(kAccount, 20001);
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->at(0).payload, rawFor(20001, 1));
    QCOMPARE(versions->at(1).payload, rawFor(20001, 2));
    QCOMPARE(versions->at(1).sha256Hex, shaOf(rawFor(20001, 2)));
    // The stored order is still the first version; the caller decides (DUPLICATE_ORDER).
    QCOMPARE(count("SELECT COUNT(*) FROM pos_orders"), qint64(1));
    QCOMPARE(orders.load(first.posOrderId)->totalGross, sek(12500));
    QCOMPARE(orders.rawPayload(first.posOrderId)->payload, rawFor(20001, 1));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'order.content-changed'"), qint64(1));

    // Either version seen again is a no-op.
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    QCOMPARE(receive(sale, 1).receipt, OrderReceipt::Unchanged);
    QCOMPARE(receive(changed, 2).receipt, OrderReceipt::Unchanged);
    QCOMPARE(count("SELECT COUNT(*) FROM raw_orders"), qint64(2));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);
}

void tst_OrderRepository::malformedOrderIsKeptQuarantined()
{
    OrderRepository orders(db());
    const QByteArray raw = QByteArrayLiteral("{\"orderid\": 20009, \"moneytotal_gross_all\": 12.5}");
    OrderReceiveResult result;
    {
        DbTransaction tx(db());
        auto received = orders.receive(tx, kAccount, 20009, raw, shaOf(raw), std::nullopt);
        QVERIFY2(received.ok(), qPrintable(received.errorString()));
        QVERIFY(tx.commit().ok());
        result = *received;
    }
    QCOMPARE(result.receipt, OrderReceipt::New);
    auto stored = orders.storedOrder(result.posOrderId);
    QVERIFY(stored.ok());
    QVERIFY(stored->malformed);
    QCOMPARE(stored->state, PosOrderState::Quarantined);
    QCOMPARE(stored->sitooOrderId, 20009);
    QCOMPARE(stored->currency, QStringLiteral("XXX"));
    QCOMPARE(orders.rawPayload(result.posOrderId)->payload, raw);
    QCOMPARE(count("SELECT COUNT(*) FROM pos_order_lines"), qint64(0));

    auto loaded = orders.load(result.posOrderId);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::InvalidInput);

    // It can never become ready or posted: not through the repository, not through SQL.
    {
        DbTransaction tx(db());
        const Status status = orders.setState(tx, result.posOrderId, PosOrderState::Ready, QStringLiteral("anna"),
                                              QStringLiteral("try"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidInput);
    }
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE pos_orders SET state = 'ready' WHERE malformed = 1")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE pos_orders SET malformed = 0")));
    QCOMPARE(count("SELECT state = 'quarantined' FROM pos_orders"), qint64(1));

    // A well-formed version arriving later is a changed content for the caller to settle.
    const PosOrder fixed = makeOrder(20009, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}});
    QCOMPARE(receive(fixed).receipt, OrderReceipt::ChangedContent);
}

void tst_OrderRepository::malformedOrdersWithoutIdDoNotCollide()
{
    OrderRepository orders(db());
    QList<qint64> ids;
    for (const QByteArray &raw : {QByteArrayLiteral("{\"orderid\": "), QByteArrayLiteral("not json at all")}) {
        DbTransaction tx(db());
        auto received = orders.receive(tx, kAccount, 0, raw, shaOf(raw), std::nullopt);
        QVERIFY2(received.ok(), qPrintable(received.errorString()));
        QCOMPARE(received->receipt, OrderReceipt::New);
        QVERIFY(tx.commit().ok());
        ids.append(received->posOrderId);
        QVERIFY(orders.storedOrder(received->posOrderId)->sitooOrderId < 0);
    }
    QVERIFY(ids[0] != ids[1]);
    // The same unreadable bytes again are recognised.
    DbTransaction tx(db());
    const QByteArray raw = QByteArrayLiteral("not json at all");
    auto again = orders.receive(tx, kAccount, 0, raw, shaOf(raw), std::nullopt);
    QVERIFY(again.ok());
    QCOMPARE(again->receipt, OrderReceipt::Unchanged);
    QCOMPARE(again->posOrderId, ids[1]);
}

void tst_OrderRepository::aWrongHashIsRefused()
{
    OrderRepository orders(db());
    DbTransaction tx(db());
    const QByteArray raw = rawFor(20001, 1);
    auto result = orders.receive(tx, kAccount, 20001, raw, shaOf(QByteArrayLiteral("other")),
                                 makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(count("SELECT COUNT(*) FROM raw_orders"), qint64(0));
}

void tst_OrderRepository::aFailedReceiptLeavesNothingBehind()
{
    OrderRepository orders(db());
    PosOrder broken =
        makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}, {QStringLiteral("SKU-2"), 1}});
    broken.lines[1].lineIndex = 0; // two lines with one index: the second line INSERT fails half-way
    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    DbTransaction tx(db());
    const QByteArray raw = rawFor(20001, 1);
    auto result = orders.receive(tx, kAccount, 20001, raw, shaOf(raw), broken);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Database);
    // Even a caller that commits anyway keeps nothing of the failed receipt.
    QVERIFY(tx.commit().ok());
    QCOMPARE(count("SELECT COUNT(*) FROM raw_orders"), qint64(0));
    QCOMPARE(count("SELECT COUNT(*) FROM pos_orders"), qint64(0));
    QCOMPARE(count("SELECT COUNT(*) FROM pos_order_lines"), qint64(0));
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);
}

void tst_OrderRepository::stateChangesAreAudited()
{
    OrderRepository orders(db());
    const qint64 id = receive(makeOrder(20001, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}})).posOrderId;
    auto change = [&](PosOrderState state) {
        DbTransaction tx(db());
        Status status = orders.setState(tx, id, state, QStringLiteral("anna"), QStringLiteral("validated"));
        if (status.ok())
            status = tx.commit();
        return status;
    };

    QVERIFY(change(PosOrderState::Quarantined).ok());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'order.quarantined'"), qint64(1));
    QVERIFY(change(PosOrderState::Ready).ok());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'order.ready'"), qint64(1));
    QCOMPARE(orders.storedOrder(id)->state, PosOrderState::Ready);

    const qint64 events = count("SELECT COUNT(*) FROM audit_events");
    QVERIFY(change(PosOrderState::Ready).ok()); // already there: nothing written
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events"), events);

    const Status posted = change(PosOrderState::Posted);
    QVERIFY(!posted.ok());
    QCOMPARE(posted.error().code, ErrorCode::InvalidInput);

    QVERIFY(change(PosOrderState::Superseded).ok());
    QCOMPARE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'order.superseded'"), qint64(1));
    QVERIFY(!change(PosOrderState::Ready).ok());

    const Status missing = [&] {
        DbTransaction tx(db());
        return orders.setState(tx, 4242, PosOrderState::Ready, QStringLiteral("anna"), {});
    }();
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    // A posted order is final in the database too.
    const qint64 other = receive(makeOrder(20002, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}})).posOrderId;
    QVERIFY(execSql(db(), QStringLiteral("UPDATE pos_orders SET state = 'posted' WHERE sitoo_order_id = 20002")));
    QVERIFY(!execSql(db(), QStringLiteral("UPDATE pos_orders SET state = 'ready' WHERE sitoo_order_id = 20002")));
    QCOMPARE(orders.storedOrder(other)->state, PosOrderState::Posted);
    QVERIFY(AuditChain::verify(db())->intact);
}

void tst_OrderRepository::originalSaleCountsReturnsAcrossPartialRefunds()
{
    OrderRepository orders(db());
    QVERIFY(orders.originalSaleFor(kAccount, 30001)->has_value() == false);

    receive(makeOrder(30001, PosOrderKind::Sale, {{QStringLiteral("SKU-A"), 3}, {QStringLiteral("SKU-B"), 2}}));
    // Refund 1: one of line 0. Refund 2: another of line 0 and both of line 1.
    receive(makeOrder(30002, PosOrderKind::Refund, {{QStringLiteral("SKU-A"), -1, 0}}, 30001));
    receive(makeOrder(30003, PosOrderKind::Refund, {{QStringLiteral("SKU-A"), -1, 0}, {QStringLiteral("SKU-B"), -2, 1}},
                      30001));

    auto sale = orders.originalSaleFor(kAccount, 30001);
    QVERIFY2(sale.ok(), qPrintable(sale.errorString()));
    QVERIFY(sale->has_value());
    const StoredSale &original = **sale;
    QCOMPARE(original.lines.size(), 2);
    QCOMPARE(original.lines[0].sku, QStringLiteral("SKU-A"));
    QCOMPARE(original.lines[0].quantitySold, 3);
    QCOMPARE(original.lines[0].quantityReturned, 2);
    QCOMPARE(original.lines[1].sku, QStringLiteral("SKU-B"));
    QCOMPARE(original.lines[1].quantitySold, 2);
    QCOMPARE(original.lines[1].quantityReturned, 2);

    // While validating refund 30003, its own (already stored) lines do not count.
    auto excluding = orders.originalSaleFor(kAccount, 30001, 30003);
    QCOMPARE((**excluding).lines[0].quantityReturned, 1);
    QCOMPARE((**excluding).lines[1].quantityReturned, 0);

    // A superseded refund no longer counts; other accounts are separate.
    {
        DbTransaction tx(db());
        const qint64 refund = orders.findBySitooId(kAccount, 30002)->value().id;
        QVERIFY(orders.setState(tx, refund, PosOrderState::Superseded, QStringLiteral("anna"), QStringLiteral("x"))
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE((**orders.originalSaleFor(kAccount, 30001)).lines[0].quantityReturned, 1);
    QVERIFY(orders.originalSaleFor(QStringLiteral("other"), 30001)->has_value() == false);
    // A refund is not an original sale.
    QVERIFY(orders.originalSaleFor(kAccount, 30003)->has_value() == false);
}

void tst_OrderRepository::pagingByStateAndCounts()
{
    OrderRepository orders(db());
    for (qint64 id = 40001; id <= 40007; ++id)
        receive(makeOrder(id, PosOrderKind::Sale, {{QStringLiteral("SKU-1"), 1}}));
    {
        DbTransaction tx(db());
        const qint64 first = orders.findBySitooId(kAccount, 40001)->value().id;
        QVERIFY(orders.setState(tx, first, PosOrderState::Ready, QStringLiteral("system"), {}).ok());
        QVERIFY(tx.commit().ok());
    }

    QList<qint64> seen;
    qint64 after = 0;
    for (int page = 0; page < 10; ++page) {
        auto rows = orders.ordersInState(PosOrderState::Received, after, 4);
        QVERIFY(rows.ok());
        if (rows->isEmpty())
            break;
        for (const StoredOrder &row : *rows) {
            QVERIFY(row.id > after);
            QCOMPARE(row.state, PosOrderState::Received);
            seen.append(row.id);
            after = row.id;
        }
    }
    QCOMPARE(seen.size(), 6);
    QCOMPARE(QSet<qint64>(seen.begin(), seen.end()).size(), 6);

    auto counts = orders.countsByState();
    QVERIFY(counts.ok());
    QCOMPARE(counts->value(PosOrderState::Received), 6);
    QCOMPARE(counts->value(PosOrderState::Ready), 1);
    QCOMPARE(counts->value(PosOrderState::Posted), 0);
    QCOMPARE(counts->size(), 5);
}

QTEST_GUILESS_MAIN(tst_OrderRepository)
#include "tst_orderrepository.moc"
