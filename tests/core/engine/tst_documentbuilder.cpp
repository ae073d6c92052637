// SPDX-License-Identifier: GPL-3.0-or-later
// POS orders into Prima documents: deterministic keys, the trading day in the store's zone, refunds flipped into
// positive credit notes with per-line dispositions, and a clear error for anything unmapped.
#include "core/engine/posting/documentbuilder.h"

#include <QTest>

using namespace Tillbridge::Core;

namespace {
Money sek(qint64 minor)
{
    return Money(minor, Currency::of(u"SEK"));
}

PosOrder sale()
{
    PosOrder order;
    order.sitooAccount = QStringLiteral("90001");
    order.orderId = 20001;
    order.kind = PosOrderKind::Sale;
    order.currency = Currency::of(u"SEK");
    order.orderDate = QDateTime(QDate(2026, 10, 31), QTime(23, 30), Qt::UTC); // 00:30 on 1 Nov in Stockholm
    order.timeZone = QStringLiteral("Europe/Stockholm");
    PosOrderLine line;
    line.lineIndex = 0;
    line.sku = QStringLiteral("SO-300");
    line.quantity = 2;
    line.unitNetPrice = sek(9536);
    line.lineNet = sek(19072);
    line.lineVat = sek(4768);
    line.vatRate = VatRate::fromPercent(25);
    line.discount = PosDiscount{QStringLiteral("SPRING20"), QStringLiteral("Spring"), sek(2384), sek(4768)};
    order.lines = {line};
    PosPayment cash;
    cash.methodName = QStringLiteral("Cash");
    cash.amount = sek(23800);
    order.payments = {cash};
    order.totalNet = sek(19072);
    order.totalVat = sek(4768);
    order.cashRounding = sek(-40);
    order.totalGross = sek(23800);
    return order;
}

PostingMappings mappings()
{
    PostingMappings m;
    m.location = QStringLiteral("STO-01");
    m.taxCodeByRate = {{QStringLiteral("25"), QStringLiteral("SE25")}};
    m.tenderByMethod = {{QStringLiteral("Cash"), QStringLiteral("CASH")}};
    m.promotionByVoucher = {{QStringLiteral("SPRING20"), QStringLiteral("P-SPRING")}};
    m.dispositionByReason = {{QStringLiteral("102"), QStringLiteral("RESTOCK")}};
    return m;
}
} // namespace

class tst_DocumentBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysAreDeterministic();
    void saleBecomesASalesOrder();
    void refundBecomesAPositiveCreditNote();
    void unmappedCodesAreErrors_data();
    void unmappedCodesAreErrors();
};

void tst_DocumentBuilder::keysAreDeterministic()
{
    QCOMPARE(DocumentBuilder::externalRef(QStringLiteral("90001"), 20001), QStringLiteral("sitoo:90001:order:20001"));
    QCOMPARE(DocumentBuilder::idempotencyKey(QStringLiteral("90001"), 20001, PosOrderKind::Sale),
             QStringLiteral("sitoo:90001:20001:sale:v1"));
    QCOMPARE(DocumentBuilder::idempotencyKey(QStringLiteral("90001"), 20002, PosOrderKind::Refund),
             QStringLiteral("sitoo:90001:20002:credit:v1"));
    // Built twice (say, before and after a crash), the same order gives the same keys.
    const auto first = DocumentBuilder::salesOrder(sale(), Store(), mappings());
    const auto second = DocumentBuilder::salesOrder(sale(), Store(), mappings());
    QCOMPARE(first->idempotencyKey, second->idempotencyKey);
    QCOMPARE(first->externalRef, second->externalRef);
    // Mappings frozen into the outbox come back identical.
    const PostingMappings frozen = PostingMappings::fromJson(mappings().toJson());
    QCOMPARE(frozen.location, mappings().location);
    QCOMPARE(frozen.taxCodeByRate, mappings().taxCodeByRate);
    QCOMPARE(frozen.tenderByMethod, mappings().tenderByMethod);
    QCOMPARE(frozen.promotionByVoucher, mappings().promotionByVoucher);
    QCOMPARE(frozen.dispositionByReason, mappings().dispositionByReason);
}

void tst_DocumentBuilder::saleBecomesASalesOrder()
{
    const auto document = DocumentBuilder::salesOrder(sale(), Store(), mappings());
    QVERIFY2(document.ok(), qPrintable(document.errorString()));
    QCOMPARE(document->location, QStringLiteral("STO-01"));
    QCOMPARE(document->postingDate, QDate(2026, 11, 1)); // the store's trading day, not UTC's
    QCOMPARE(document->pricesIncludeTax, false);
    QCOMPARE(document->lines.size(), 1);
    const SalesOrderLine &line = document->lines.first();
    QCOMPARE(line.lineNo, 1);
    QCOMPARE(line.taxCode, QStringLiteral("SE25"));
    QCOMPARE(line.promotionCode, QStringLiteral("P-SPRING"));
    // quantity × unit price − discount = line net, exactly.
    QCOMPARE(line.unitPrice.minorUnits(), qint64(11920));
    QCOMPARE(line.discount.minorUnits(), qint64(4768));
    QCOMPARE(line.quantity * line.unitPrice.minorUnits() - line.discount.minorUnits(), line.lineNet.minorUnits());
    QCOMPARE(document->payments.first().tender, QStringLiteral("CASH"));
    QCOMPARE(document->roundingAmount.minorUnits(), qint64(-40));
    QCOMPARE(document->total.minorUnits(), qint64(23800));
}

void tst_DocumentBuilder::refundBecomesAPositiveCreditNote()
{
    PosOrder refund = sale();
    refund.orderId = 20002;
    refund.kind = PosOrderKind::Refund;
    refund.originalOrderId = 20001;
    refund.refundReasonCode = QStringLiteral("999"); // unmapped at order level
    PosOrderLine &line = refund.lines.first();
    line.quantity = -2;
    line.lineNet = sek(-19072);
    line.lineVat = sek(-4768);
    line.originalLineIndex = 0;
    line.returnReasonCode = QStringLiteral("102");
    PosOrderLine second = line;
    second.lineIndex = 1;
    second.returnReasonCode.clear(); // falls back to the order's reason, which has no mapping
    refund.lines.append(second);
    refund.payments.first().amount = sek(-47700);
    refund.totalNet = sek(-38144);
    refund.totalVat = sek(-9536);
    refund.cashRounding = sek(20);
    refund.totalGross = sek(-47660);

    const auto note = DocumentBuilder::creditNote(refund, Store(), mappings());
    QVERIFY2(note.ok(), qPrintable(note.errorString()));
    QCOMPARE(note->originalExternalRef, QStringLiteral("sitoo:90001:order:20001"));
    QCOMPARE(note->idempotencyKey, QStringLiteral("sitoo:90001:20002:credit:v1"));
    QCOMPARE(note->lines.size(), 2);
    QCOMPARE(note->lines[0].line.quantity, qint64(2));
    QCOMPARE(note->lines[0].line.lineNet.minorUnits(), qint64(19072));
    QCOMPARE(note->lines[0].disposition, LineDisposition::Restock);
    QCOMPARE(note->lines[0].originalLineNo, 1);
    QCOMPARE(note->lines[1].disposition, LineDisposition::Quarantine); // no mapping: never back into stock
    QCOMPARE(note->refunds.first().amount.minorUnits(), qint64(47700));
    // The sign flips as a whole, so net + VAT + rounding = total still holds.
    QCOMPARE(note->roundingAmount.minorUnits(), qint64(-20));
    QCOMPARE(note->total.minorUnits(), qint64(47660));
    QCOMPARE(38144 + 9536 + note->roundingAmount.minorUnits(), note->total.minorUnits());
    QVERIFY(!DocumentBuilder::salesOrder(refund, Store(), mappings()).ok());
    QVERIFY(!DocumentBuilder::creditNote(sale(), Store(), mappings()).ok());
}

void tst_DocumentBuilder::unmappedCodesAreErrors_data()
{
    QTest::addColumn<QString>("missing");
    QTest::addColumn<QString>("message");
    QTest::newRow("location") << "location" << "no Prima location";
    QTest::newRow("tax code") << "tax" << "VAT rate 25 % has no Prima tax code";
    QTest::newRow("tender") << "tender" << "Payment method Cash has no Prima tender";
    QTest::newRow("promotion") << "promotion" << "Voucher SPRING20 has no Prima promotion";
}

void tst_DocumentBuilder::unmappedCodesAreErrors()
{
    QFETCH(QString, missing);
    QFETCH(QString, message);
    PostingMappings m = mappings();
    if (missing == u"location")
        m.location.clear();
    else if (missing == u"tax")
        m.taxCodeByRate.clear();
    else if (missing == u"tender")
        m.tenderByMethod.clear();
    else
        m.promotionByVoucher.clear();
    const auto document = DocumentBuilder::salesOrder(sale(), Store(), m);
    QVERIFY(!document.ok());
    QVERIFY2(document.errorString().contains(message), qPrintable(document.errorString()));
}

QTEST_GUILESS_MAIN(tst_DocumentBuilder)
#include "tst_documentbuilder.moc"
