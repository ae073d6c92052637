// SPDX-License-Identifier: GPL-3.0-or-later
// Order validation (step 2 of order-to-cash): every rule of OrderValidator on its own, sales and refunds, UK and SE.
#include "core/engine/validation/linevatassessment.h"
#include "core/engine/validation/ordervalidator.h"
#include "core/sitoo/sitooorderparser.h"

#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Tillbridge::Core;

namespace {

Currency gbp()
{
    return Currency::of(u"GBP");
}
Currency sek()
{
    return Currency::of(u"SEK");
}
Currency currencyOf(const QString &regime)
{
    return regime == QLatin1String("UK") ? gbp() : sek();
}
TaxRegime regimeOf(const QString &regime)
{
    return regime == QLatin1String("UK") ? TaxRegime::UnitedKingdom : TaxRegime::Sweden;
}

PosOrderLine makeLine(int index, const QString &sku, qint64 quantity, qint64 net, qint64 vat, const QString &rate,
                      Currency currency)
{
    PosOrderLine line;
    line.lineIndex = index;
    line.sku = sku;
    line.productName = QStringLiteral("Item ") + sku;
    line.quantity = quantity;
    const qint64 units = quantity < 0 ? -quantity : quantity;
    line.unitNetPrice = Money(units != 0 ? (net < 0 ? -net : net) / units : 0, currency);
    line.lineNet = Money(net, currency);
    line.lineVat = Money(vat, currency);
    line.vatRate = VatRate::parse(rate).value();
    return line;
}

/** A paid sale (or refund) whose header totals and payment are the lines' sums. */
PosOrder makeOrder(Currency currency, const QList<PosOrderLine> &lines, qint64 cashRounding = 0)
{
    PosOrder order;
    order.sitooAccount = QStringLiteral("90001");
    order.orderId = 30001;
    order.currency = currency;
    order.orderDate = QDateTime(QDate(2024, 6, 10), QTime(12, 0), QTimeZone::utc());
    order.warehouseId = 1;
    order.storeExternalId = QStringLiteral("200");
    order.lines = lines;
    qint64 net = 0;
    qint64 vat = 0;
    bool refund = false;
    for (const PosOrderLine &line : lines) {
        net += line.lineNet.minorUnits();
        vat += line.lineVat.minorUnits();
        refund = refund || line.quantity < 0;
    }
    order.kind = refund ? PosOrderKind::Refund : PosOrderKind::Sale;
    order.totalNet = Money(net, currency);
    order.totalVat = Money(vat, currency);
    order.cashRounding = Money(cashRounding, currency);
    order.salesTax = Money::zero(currency);
    order.totalGross = Money(net + vat + cashRounding, currency);
    order.paymentStateId = 20;
    order.payments = {PosPayment{0, QStringLiteral("Card"), order.totalGross, QStringLiteral("ref"), std::nullopt}};
    return order;
}

/** The same order with every amount and quantity negated: a refund of it. */
PosOrder negated(const PosOrder &sale)
{
    PosOrder refund = sale;
    refund.orderId = sale.orderId + 1;
    refund.kind = PosOrderKind::Refund;
    refund.originalOrderId = sale.orderId;
    const auto neg = [](const Money &m) { return Money(-m.minorUnits(), m.currency()); };
    for (PosOrderLine &line : refund.lines) {
        line.originalLineIndex = line.lineIndex;
        line.quantity = -line.quantity;
        line.lineNet = neg(line.lineNet);
        line.lineVat = neg(line.lineVat);
    }
    for (PosPayment &payment : refund.payments)
        payment.amount = neg(payment.amount);
    refund.totalNet = neg(sale.totalNet);
    refund.totalVat = neg(sale.totalVat);
    refund.cashRounding = neg(sale.cashRounding);
    refund.salesTax = neg(sale.salesTax);
    refund.totalGross = neg(sale.totalGross);
    return refund;
}

Store makeStore(TaxRegime regime)
{
    Store store;
    store.id = 1;
    store.sitooAccount = QStringLiteral("90001");
    store.sitooStoreId = QStringLiteral("200");
    store.sitooWarehouseId = 1;
    store.name = regime == TaxRegime::UnitedKingdom ? QStringLiteral("Carnaby Street") : QStringLiteral("Concept Store");
    store.currency = regime == TaxRegime::UnitedKingdom ? gbp() : sek();
    store.countryCode = regime == TaxRegime::UnitedKingdom ? QStringLiteral("GB") : QStringLiteral("SE");
    store.taxRegime = regime;
    store.timeZone = regime == TaxRegime::UnitedKingdom ? QStringLiteral("Europe/London")
                                                          : QStringLiteral("Europe/Stockholm");
    store.primaLocation = QStringLiteral("LOC-200");
    return store;
}

/** Everything mapped: the store, every SKU, the usual rates, tenders and the voucher of the §5.2 example. */
ValidationContext fullContext(TaxRegime regime)
{
    ValidationContext context;
    context.store = makeStore(regime);
    context.catalogue = [](const QString &sku) -> std::optional<CatalogueFacts> {
        if (sku.startsWith(QLatin1String("UNKNOWN")))
            return std::nullopt;
        if (sku.startsWith(QLatin1String("BLOCKED")))
            return CatalogueFacts{true, QStringLiteral("discontinued")};
        return CatalogueFacts{};
    };
    for (const char *rate : {"25", "12", "6", "20", "5", "0", "7.7"})
        context.taxCodes.insert(QString::fromLatin1(rate), QStringLiteral("TX") + QString::fromLatin1(rate));
    for (const char *tender : {"Card", "Cash", "Gift Card", "Swish", "Klarna"})
        context.tenders.insert(QString::fromLatin1(tender), QString::fromLatin1(tender).toUpper());
    context.promotions.insert(QStringLiteral("SPRING20"), QStringLiteral("PROMO-SPRING"));
    context.dispositions.insert(QStringLiteral("102"), QStringLiteral("RESTOCK"));
    return context;
}

QStringList kindsOf(const QList<ValidationFinding> &findings)
{
    QStringList kinds;
    for (const ValidationFinding &finding : findings)
        kinds.append(ExceptionKinds::code(finding.kind));
    return kinds;
}

QString describe(const QList<ValidationFinding> &findings)
{
    QStringList text;
    for (const ValidationFinding &finding : findings)
        text.append(ExceptionKinds::code(finding.kind) + QStringLiteral(": ") + finding.explanation);
    return text.join(u'\n');
}

PosOrder parseFixture(const char *name)
{
    QFile file(QStringLiteral(TILLBRIDGE_TEST_DATA "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    const SitooOrderParse parse = SitooOrderParser::parse(file.readAll(), QStringLiteral("90001"));
    if (!parse.isOk())
        qFatal("fixture %s does not parse: %s", name, qPrintable(parse.problems.join(u'\n')));
    return *parse.order;
}

/** The §5.2 sale as a refund's original: two T-shirts on line 0, socks on line 1. */
OriginalSale sale20001(qint64 tShirtsReturned = 0)
{
    OriginalSale sale;
    sale.orderId = 20001;
    sale.lines.insert(0, OriginalSaleLine{QStringLiteral("TS-100-M"), 2, tShirtsReturned});
    sale.lines.insert(1, OriginalSaleLine{QStringLiteral("SO-300"), 1, 0});
    return sale;
}

/** VAT rules for a test row: the regime's own, or narrowed/re-based as the row says. */
ValidationContext contextWithRules(const QString &regime, const QString &rules)
{
    ValidationContext context = fullContext(regimeOf(regime));
    if (rules == QLatin1String("net")) {
        context.vatRules = [](TaxRegime r, QDate day) {
            VatRules vatRules = VatRules::forRegime(r, day);
            vatRules.policy.basis = PriceBasis::Net;
            return vatRules;
        };
    } else if (rules == QLatin1String("sitoo-strict")) {
        context.vatRules = [](TaxRegime r, QDate day) {
            VatRules vatRules = VatRules::forRegime(r, day);
            vatRules.acceptedMethods = VatLineMethod::RowNetFirst | VatLineMethod::UnitNetFirst;
            return vatRules;
        };
    }
    return context;
}

} // namespace

class tst_OrderValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void ruleTable();
    void cleanSitooExamples();
    void isBlockingHelper();

    void storeMapped_data();
    void storeMapped();
    void currency();
    void skus_data();
    void skus();
    void totals_data();
    void totals();
    void totalsExplanation();
    void payments_data();
    void payments();
    void cashRounding_data();
    void cashRounding();

    void lineVat_data();
    void lineVat();
    void lineVatExplanations();
    void lineVatTradingDayIsLocal();
    void rateVat_data();
    void rateVat();
    void multiRateBasket();

    void mappings_data();
    void mappings();

    void refundOriginal_data();
    void refundOriginal();
    void refundQuantities_data();
    void refundQuantities();
    void refundQuantitiesExplanation();
};

void tst_OrderValidator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

void tst_OrderValidator::ruleTable()
{
    const auto &rules = OrderValidator::rules();
    QStringList names;
    for (const auto &rule : rules) {
        QVERIFY(rule.check);
        names.append(QString::fromLatin1(rule.name));
    }
    names.removeDuplicates();
    QCOMPARE(names.size(), rules.size());
    QVERIFY(names.contains(QStringLiteral("line-vat")));
    QVERIFY(names.contains(QStringLiteral("refund-quantities")));

    // validate() is exactly the table, in order.
    PosOrder order = makeOrder(gbp(), {makeLine(0, QStringLiteral("UNKNOWN-1"), 1, 1000, 300, QStringLiteral("20"),
                                                gbp())});
    order.payments.clear();
    const ValidationContext context; // nothing mapped at all
    QList<ValidationFinding> expected;
    for (const auto &rule : rules)
        expected.append(rule.check(order, context));
    const auto findings = OrderValidator::validate(order, context);
    QCOMPARE(kindsOf(findings), kindsOf(expected));
    QVERIFY(findings.size() >= 5);
}

void tst_OrderValidator::cleanSitooExamples()
{
    // Given the §5.2 sale and the §5.3 refund, parsed by the real parser, and a context that maps everything
    const PosOrder sale = parseFixture("order-sale-20001.json");
    const PosOrder refund = parseFixture("order-refund-20002.json");
    QCOMPARE(refund.kind, PosOrderKind::Refund);
    ValidationContext context = fullContext(TaxRegime::Sweden);
    context.originalSale = [](qint64 orderId) -> std::optional<OriginalSale> {
        return orderId == 20001 ? std::optional<OriginalSale>(sale20001()) : std::nullopt;
    };

    // Then neither has a finding
    const auto saleFindings = OrderValidator::validate(sale, context);
    QVERIFY2(saleFindings.isEmpty(), qPrintable(describe(saleFindings)));
    const auto refundFindings = OrderValidator::validate(refund, context);
    QVERIFY2(refundFindings.isEmpty(), qPrintable(describe(refundFindings)));

    // And the sale's exact negation, refunding the whole receipt, is clean too
    const PosOrder mirror = negated(sale);
    const auto mirrorFindings = OrderValidator::validate(mirror, [&] {
        ValidationContext c = context;
        c.originalSale = [](qint64) { return std::optional<OriginalSale>(sale20001()); };
        return c;
    }());
    QVERIFY2(mirrorFindings.isEmpty(), qPrintable(describe(mirrorFindings)));
}

void tst_OrderValidator::isBlockingHelper()
{
    QVERIFY(!isBlocking({}));
    const auto info = ValidationFinding::make(ExceptionKind::TaxRoundingMethod, QStringLiteral("tie"));
    QCOMPARE(info.severity, Severity::Info);
    QVERIFY(!isBlocking({info}));
    const auto blocking = ValidationFinding::make(ExceptionKind::TotalsMismatch, QStringLiteral("off"));
    QCOMPARE(blocking.severity, Severity::Blocking);
    QVERIFY(isBlocking({info, blocking}));
}

// ---- Store and currency ----

void tst_OrderValidator::storeMapped_data()
{
    QTest::addColumn<bool>("hasStore");
    QTest::addColumn<QString>("location");
    QTest::addColumn<int>("expected");
    QTest::newRow("mapped") << true << "LOC-200" << 0;
    QTest::newRow("no store") << false << "" << 1;
    QTest::newRow("no Prima location") << true << "" << 1;
}

void tst_OrderValidator::storeMapped()
{
    QFETCH(bool, hasStore);
    QFETCH(QString, location);
    QFETCH(int, expected);
    ValidationContext context = fullContext(TaxRegime::Sweden);
    if (!hasStore)
        context.store.reset();
    else
        context.store->primaLocation = location;
    const PosOrder order = makeOrder(sek(), {makeLine(0, QStringLiteral("A"), 1, 11920, 2980, QStringLiteral("25"),
                                                      sek())});
    for (const PosOrder &o : {order, negated(order)}) {
        const auto findings = OrderValidator::checkStoreMapped(o, context);
        QCOMPARE(findings.size(), expected);
        for (const auto &finding : findings) {
            QCOMPARE(finding.kind, ExceptionKind::UnmappedStore);
            QVERIFY(finding.explanation.contains(QLatin1String("200")));
        }
    }
    if (!hasStore) {
        // Without a store the VAT is still checked, under the regime the currency implies.
        QVERIFY(OrderValidator::vatRulesFor(order, context).has_value());
        QCOMPARE(OrderValidator::vatRulesFor(order, context)->regime, TaxRegime::Sweden);
    }
}

void tst_OrderValidator::currency()
{
    const ValidationContext context = fullContext(TaxRegime::Sweden);
    const PosOrder sekOrder = makeOrder(sek(), {makeLine(0, QStringLiteral("A"), 1, 11920, 2980,
                                                         QStringLiteral("25"), sek())});
    QVERIFY(OrderValidator::checkCurrency(sekOrder, context).isEmpty());
    const PosOrder gbpOrder = makeOrder(gbp(), {makeLine(0, QStringLiteral("A"), 1, 1663, 332,
                                                         QStringLiteral("20"), gbp())});
    for (const PosOrder &o : {gbpOrder, negated(gbpOrder)}) {
        const auto findings = OrderValidator::checkCurrency(o, context);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, ExceptionKind::CurrencyMismatch);
        QCOMPARE(findings.first().explanation,
                 QStringLiteral("The order is in GBP, but store Concept Store trades in SEK."));
        QCOMPARE(findings.first().details.value(QStringLiteral("orderCurrency")).toString(), QStringLiteral("GBP"));
    }
}

// ---- SKUs ----

void tst_OrderValidator::skus_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<int>("itemType");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("known") << "TS-100-M" << 10 << QStringList();
    QTest::newRow("unknown") << "UNKNOWN-9" << 10 << QStringList{QStringLiteral("UNKNOWN_SKU")};
    QTest::newRow("blocked") << "BLOCKED-1" << 10 << QStringList{QStringLiteral("SKU_BLOCKED")};
    QTest::newRow("product without SKU") << "" << 10 << QStringList{QStringLiteral("UNKNOWN_SKU")};
    QTest::newRow("non-product row without SKU") << "" << 20 << QStringList();
}

void tst_OrderValidator::skus()
{
    QFETCH(QString, sku);
    QFETCH(int, itemType);
    QFETCH(QStringList, kinds);
    PosOrderLine line = makeLine(3, sku, 1, 11920, 2980, QStringLiteral("25"), sek());
    line.itemType = itemType;
    const PosOrder order = makeOrder(sek(), {makeLine(0, QStringLiteral("TS-100-M"), 1, 11920, 2980,
                                                      QStringLiteral("25"), sek()),
                                             line});
    const ValidationContext context = fullContext(TaxRegime::Sweden);
    for (const PosOrder &o : {order, negated(order)}) {
        const auto findings = OrderValidator::checkSkus(o, context);
        QCOMPARE(kindsOf(findings), kinds);
        for (const auto &finding : findings) {
            QCOMPARE(finding.lineIndex, 3);
            QCOMPARE(finding.details.value(QStringLiteral("sku")).toString(), sku);
            QVERIFY(finding.explanation.startsWith(QLatin1String("Line 4")));
        }
    }
    // With no catalogue at all every SKU is unknown.
    ValidationContext empty = context;
    empty.catalogue = nullptr;
    QCOMPARE(OrderValidator::checkSkus(order, empty).size(), itemType == 10 || !sku.isEmpty() ? 2 : 1);
}

// ---- Totals, payments, cash rounding ----

void tst_OrderValidator::totals_data()
{
    QTest::addColumn<qint64>("headerNetDelta");
    QTest::addColumn<qint64>("headerVatDelta");
    QTest::addColumn<qint64>("totalDelta");
    QTest::addColumn<qint64>("salesTax");
    QTest::addColumn<QStringList>("checks");
    QTest::newRow("consistent") << qint64(0) << qint64(0) << qint64(0) << qint64(0) << QStringList();
    QTest::newRow("total one off") << qint64(0) << qint64(0) << qint64(1) << qint64(0)
                                   << QStringList{QStringLiteral("lines-vs-total")};
    QTest::newRow("header VAT one off (scenario TotalsOffByOne)")
        << qint64(0) << qint64(1) << qint64(0) << qint64(0) << QStringList{QStringLiteral("header-vs-lines")};
    QTest::newRow("header net off") << qint64(-5) << qint64(0) << qint64(0) << qint64(0)
                                    << QStringList{QStringLiteral("header-vs-lines")};
    QTest::newRow("line missing from both") << qint64(100) << qint64(25) << qint64(125) << qint64(0)
                                            << QStringList{QStringLiteral("lines-vs-total"),
                                                           QStringLiteral("header-vs-lines")};
    QTest::newRow("sales tax included") << qint64(0) << qint64(0) << qint64(40) << qint64(40) << QStringList();
    QTest::newRow("sales tax missing from total") << qint64(0) << qint64(0) << qint64(0) << qint64(40)
                                                  << QStringList{QStringLiteral("lines-vs-total")};
}

void tst_OrderValidator::totals()
{
    QFETCH(qint64, headerNetDelta);
    QFETCH(qint64, headerVatDelta);
    QFETCH(qint64, totalDelta);
    QFETCH(qint64, salesTax);
    QFETCH(QStringList, checks);
    PosOrder sale = makeOrder(sek(), {makeLine(0, QStringLiteral("A"), 2, 31840, 7960, QStringLiteral("25"), sek()),
                                      makeLine(1, QStringLiteral("B"), 1, 9536, 2384, QStringLiteral("25"), sek())});
    sale.totalNet = Money(sale.totalNet.minorUnits() + headerNetDelta, sek());
    sale.totalVat = Money(sale.totalVat.minorUnits() + headerVatDelta, sek());
    sale.totalGross = Money(sale.totalGross.minorUnits() + totalDelta, sek());
    sale.salesTax = Money(salesTax, sek());
    const ValidationContext context = fullContext(TaxRegime::Sweden);
    for (const PosOrder &o : {sale, negated(sale)}) {
        const auto findings = OrderValidator::checkTotals(o, context);
        QStringList found;
        for (const auto &finding : findings) {
            QCOMPARE(finding.kind, ExceptionKind::TotalsMismatch);
            QCOMPARE(finding.details.value(QStringLiteral("currency")).toString(), QStringLiteral("SEK"));
            found.append(finding.details.value(QStringLiteral("check")).toString());
        }
        QCOMPARE(found, checks);
    }
}

void tst_OrderValidator::totalsExplanation()
{
    // The §5.2 sale with a total one öre too high: the brief's example, word for word.
    PosOrder sale = parseFixture("order-sale-20001.json");
    sale.totalGross = Money(51721, sek());
    const auto findings = OrderValidator::checkTotals(sale, fullContext(TaxRegime::Sweden));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().explanation,
             QStringLiteral("Lines 413.76 + VAT 103.44 + rounding 0.00 = 517.20; order total 517.21; difference "
                            "0.01 SEK."));
    const QJsonObject &details = findings.first().details;
    QCOMPARE(details.value(QStringLiteral("linesNet")).toInteger(), 41376);
    QCOMPARE(details.value(QStringLiteral("linesVat")).toInteger(), 10344);
    QCOMPARE(details.value(QStringLiteral("orderTotal")).toInteger(), 51721);
    QCOMPARE(details.value(QStringLiteral("difference")).toInteger(), 1);
    QVERIFY(details.value(QStringLiteral("difference")).isDouble()); // QJsonValue's number type...
    QCOMPARE(details.value(QStringLiteral("difference")).toVariant().userType(), QMetaType::LongLong); // ...holds an integer

    // The header one öre off (the scenario's TotalsOffByOne defect)
    PosOrder header = parseFixture("order-sale-20001.json");
    header.totalVat = Money(10345, sek());
    const auto headerFindings = OrderValidator::checkTotals(header, fullContext(TaxRegime::Sweden));
    QCOMPARE(headerFindings.size(), 1);
    QCOMPARE(headerFindings.first().explanation,
             QStringLiteral("Order net 413.76 and VAT 103.45; the lines add up to net 413.76 and VAT 103.44; "
                            "difference net 0.00, VAT 0.01 SEK."));
}

void tst_OrderValidator::payments_data()
{
    QTest::addColumn<QList<qint64>>("amounts");
    QTest::addColumn<int>("paymentState");
    QTest::addColumn<QString>("explanation");
    QTest::newRow("split tender, exact") << QList<qint64>{10000, 41720} << 20 << QString();
    QTest::newRow("split tender, one öre short")
        << QList<qint64>{10000, 41719} << 20
        << QStringLiteral("Payments 100.00 + 417.19 = 517.19; order total 517.20; difference 0.01 SEK.");
    QTest::newRow("no payments") << QList<qint64>{} << 20
                                 << QStringLiteral("No payments; order total 517.20; difference 517.20 SEK.");
    QTest::newRow("pending order: not yet paid in full") << QList<qint64>{10000} << 10 << QString();
}

void tst_OrderValidator::payments()
{
    QFETCH(QList<qint64>, amounts);
    QFETCH(int, paymentState);
    QFETCH(QString, explanation);
    PosOrder sale = parseFixture("order-sale-20001.json");
    sale.paymentStateId = paymentState;
    sale.payments.clear();
    for (qint64 amount : amounts)
        sale.payments.append(PosPayment{int(sale.payments.size()), QStringLiteral("Card"), Money(amount, sek()), {},
                                        std::nullopt});
    const ValidationContext context = fullContext(TaxRegime::Sweden);
    const auto findings = OrderValidator::checkPayments(sale, context);
    if (explanation.isEmpty()) {
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    } else {
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, ExceptionKind::TotalsMismatch);
        QCOMPARE(findings.first().explanation, explanation);
    }
    // A refund of it behaves the same, with negative amounts.
    const auto refundFindings = OrderValidator::checkPayments(negated(sale), context);
    QCOMPARE(refundFindings.size(), findings.size());
    if (!explanation.isEmpty())
        QVERIFY(refundFindings.first().explanation.contains(QLatin1String("order total -517.20")));
}

void tst_OrderValidator::cashRounding_data()
{
    QTest::addColumn<QString>("regime");
    QTest::addColumn<qint64>("gross");
    QTest::addColumn<qint64>("rounding");
    QTest::addColumn<bool>("flagged");
    // 120.20 SEK paid in cash: öresavrundning to 120.00, booked separately.
    QTest::newRow("SE down to whole kronor") << "SE" << qint64(12020) << qint64(-20) << false;
    QTest::newRow("SE up to whole kronor") << "SE" << qint64(12080) << qint64(20) << false;
    QTest::newRow("SE exactly 50 öre up") << "SE" << qint64(12050) << qint64(50) << false;
    QTest::newRow("SE 60 öre") << "SE" << qint64(12020) << qint64(-60) << true;
    QTest::newRow("SE not to a whole krona") << "SE" << qint64(12020) << qint64(-10) << true;
    QTest::newRow("SE no rounding") << "SE" << qint64(12020) << qint64(0) << false;
    QTest::newRow("UK never rounds the payable") << "UK" << qint64(1202) << qint64(-2) << true;
}

void tst_OrderValidator::cashRounding()
{
    QFETCH(QString, regime);
    QFETCH(qint64, gross);
    QFETCH(qint64, rounding);
    QFETCH(bool, flagged);
    const Currency currency = currencyOf(regime);
    // The VAT and net come from the unrounded gross; only the payable moves.
    const qint64 net = regime == QLatin1String("SE") ? gross * 4 / 5 : gross - gross / 6;
    const PosOrder sale = makeOrder(currency, {makeLine(0, QStringLiteral("A"), 1, net, gross - net,
                                                        regime == QLatin1String("SE") ? QStringLiteral("25")
                                                                                      : QStringLiteral("20"),
                                                        currency)},
                                    rounding);
    const ValidationContext context = fullContext(regimeOf(regime));
    for (const PosOrder &o : {sale, negated(sale)}) {
        const auto findings = OrderValidator::checkCashRounding(o, context);
        QCOMPARE(findings.size(), flagged ? 1 : 0);
        if (flagged)
            QCOMPARE(findings.first().kind, ExceptionKind::TotalsMismatch);
        // The rounding never disturbs the other checks when it is carried separately.
        const auto all = OrderValidator::validate(o, [&] {
            ValidationContext c = context;
            c.originalSale = [](qint64 id) {
                OriginalSale s;
                s.orderId = id;
                s.lines.insert(0, OriginalSaleLine{QStringLiteral("A"), 1, 0});
                return std::optional<OriginalSale>(s);
            };
            return c;
        }());
        QCOMPARE(all.size(), findings.size());
    }
}

// ---- VAT per line ----

void tst_OrderValidator::lineVat_data()
{
    QTest::addColumn<QString>("regime");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("rules"); // "default", "net" (VAT on the taxable base), "sitoo-strict" (net-first only)
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<qint64>("net");
    QTest::addColumn<qint64>("vat");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<QString>("kind");    // expected exception code, empty for none
    QTest::addColumn<QString>("verdict"); // details "verdict" when flagged

    const QDate june2024(2024, 6, 10);
    const QString none;
    const QString variance = QStringLiteral("TAX_VARIANCE");
    const QString method = QStringLiteral("TAX_ROUNDING_METHOD");

    // £19.95 at 20 %: the net 16.625 and the VAT 3.325 are both exact ties.
    QTest::newRow("UK tie net-first (Sitoo §5.2)") << "UK" << june2024 << "default" << qint64(1) << qint64(1663)
                                                    << qint64(332) << "20" << none << QString();
    QTest::newRow("UK tie VAT-first") << "UK" << june2024 << "default" << qint64(1) << qint64(1662) << qint64(333)
                                      << "20" << none << QString();
    QTest::newRow("UK tie half-even, till known to round net-first")
        << "UK" << june2024 << "sitoo-strict" << qint64(1) << qint64(1662) << qint64(333) << "20" << method
        << "tie-rounded-half-even";
    QTest::newRow("UK tie one more off") << "UK" << june2024 << "default" << qint64(1) << qint64(1661)
                                         << qint64(334) << "20" << variance << "variance";
    // £10.00 at 20 %: VAT 1.6667 rounds to 1.67; 1.66 is the invoice traders' round-down.
    QTest::newRow("UK retail round-down") << "UK" << june2024 << "default" << qint64(1) << qint64(834)
                                          << qint64(166) << "20" << variance << "rounded-down";
    QTest::newRow("UK nearest penny") << "UK" << june2024 << "default" << qint64(1) << qint64(833) << qint64(167)
                                      << "20" << none << QString();
    QTest::newRow("UK nil VAT on a standard-rated unit")
        << "UK" << june2024 << "default" << qint64(1) << qint64(2) << qint64(0) << "20" << variance
        << "nil-on-taxable-line";
    QTest::newRow("UK nil VAT on ten cheap units")
        << "UK" << june2024 << "default" << qint64(10) << qint64(20) << qint64(0) << "20" << variance
        << "nil-on-taxable-line";
    QTest::newRow("UK zero-rated") << "UK" << june2024 << "default" << qint64(3) << qint64(2397) << qint64(0)
                                   << "0" << none << QString();
    QTest::newRow("UK VAT on a zero-rated line") << "UK" << june2024 << "default" << qint64(1) << qint64(500)
                                                 << qint64(10) << "0" << variance << "variance";
    // 10 × 8p at 20 %: 1.333p per unit; to the nearest 0.5p it is 1.5p, 15p on the line (row rounding: 13p).
    QTest::newRow("UK per unit to 0.5p") << "UK" << june2024 << "default" << qint64(10) << qint64(65) << qint64(15)
                                         << "20" << none << QString();
    QTest::newRow("SE has no per-unit 0.5p") << "SE" << june2024 << "default" << qint64(10) << qint64(65)
                                             << qint64(15) << "20" << variance << "variance";
    // 10 × 8p per unit to the nearest 1p: 1p each.
    QTest::newRow("UK per unit to 1p") << "UK" << june2024 << "default" << qint64(10) << qint64(70) << qint64(10)
                                       << "20" << none << QString();
    // 3 × £9.99: Sitoo's unit net 8.325 → 8.33, VAT 1.66 per unit, 4.98 on the line (row rounding: 4.99 or 5.00).
    QTest::newRow("UK Sitoo unit price × quantity") << "UK" << june2024 << "default" << qint64(3) << qint64(2499)
                                                    << qint64(498) << "20" << none << QString();
    QTest::newRow("SE Sitoo unit price × quantity") << "SE" << june2024 << "default" << qint64(3) << qint64(2499)
                                                    << qint64(498) << "20" << none << QString();
    // 10.14 at 7.7 %: VAT 0.724958 is 0.7250 to four decimals, so 0.73 rather than 0.72.
    QTest::newRow("UK four decimals, then the penny") << "UK" << june2024 << "default" << qint64(1) << qint64(941)
                                                      << qint64(73) << "7.7" << none << QString();
    QTest::newRow("SE has no four-decimal method") << "SE" << june2024 << "default" << qint64(1) << qint64(941)
                                                   << qint64(73) << "7.7" << variance << "variance";

    // 149.00 SEK at 25 %: VAT 29.80; to whole kronor 30.00.
    QTest::newRow("SE two decimals") << "SE" << june2024 << "default" << qint64(1) << qint64(11920) << qint64(2980)
                                     << "25" << none << QString();
    QTest::newRow("SE whole kronor in 2019") << "SE" << QDate(2019, 12, 31) << "default" << qint64(1)
                                             << qint64(11900) << qint64(3000) << "25" << none << QString();
    QTest::newRow("SE whole kronor the day before the change")
        << "SE" << QDate(2020, 1, 16) << "default" << qint64(1) << qint64(11900) << qint64(3000) << "25" << none
        << QString();
    QTest::newRow("SE whole kronor from 2020-01-17") << "SE" << QDate(2020, 1, 17) << "default" << qint64(1)
                                                     << qint64(11900) << qint64(3000) << "25" << variance
                                                     << "rounded-to-whole-units";
    QTest::newRow("UK has no whole-pound rounding") << "UK" << QDate(2019, 12, 31) << "default" << qint64(1)
                                                    << qint64(11900) << qint64(3000) << "25" << variance
                                                    << "variance";
    // 102.00 SEK at 12 %: VAT 10.92857 → 10.93; 10.92 is truncation.
    QTest::newRow("SE truncated") << "SE" << june2024 << "default" << qint64(1) << qint64(9108) << qint64(1092)
                                  << "12" << variance << "rounded-down";
    QTest::newRow("SE 149.00 with VAT 29.90") << "SE" << june2024 << "default" << qint64(1) << qint64(11910)
                                              << qint64(2990) << "25" << variance << "variance";
    // 14.14 SEK at 12 %: net 12.625 and VAT 1.515 are ties.
    QTest::newRow("SE tie net-first") << "SE" << june2024 << "default" << qint64(1) << qint64(1263) << qint64(151)
                                      << "12" << none << QString();
    QTest::newRow("SE tie VAT-first") << "SE" << june2024 << "default" << qint64(1) << qint64(1262) << qint64(152)
                                      << "12" << none << QString();
    QTest::newRow("SE tie half-even, till known to round net-first")
        << "SE" << june2024 << "sitoo-strict" << qint64(1) << qint64(1262) << qint64(152) << "12" << method
        << "tie-rounded-half-even";

    // VAT on the taxable base (net basis): 0.50 at 5 % is 0.025, 0.10 SEK at 25 % is 0.025.
    QTest::newRow("UK net basis tie half-up") << "UK" << june2024 << "net" << qint64(1) << qint64(50) << qint64(3)
                                              << "5" << none << QString();
    QTest::newRow("UK net basis tie half-even") << "UK" << june2024 << "net" << qint64(1) << qint64(50) << qint64(2)
                                                << "5" << method << "tie-rounded-half-even";
    QTest::newRow("SE net basis tie half-even") << "SE" << june2024 << "net" << qint64(1) << qint64(10) << qint64(2)
                                                << "25" << method << "tie-rounded-half-even";
    QTest::newRow("SE net basis 4467.75 (Skatteverket's example)")
        << "SE" << june2024 << "net" << qint64(1) << qint64(446775) << qint64(111694) << "25" << none << QString();
    QTest::newRow("SE net basis 4467.75 truncated") << "SE" << june2024 << "net" << qint64(1) << qint64(446775)
                                                    << qint64(111693) << "25" << variance << "rounded-down";
}

void tst_OrderValidator::lineVat()
{
    QFETCH(QString, regime);
    QFETCH(QDate, day);
    QFETCH(QString, rules);
    QFETCH(qint64, quantity);
    QFETCH(qint64, net);
    QFETCH(qint64, vat);
    QFETCH(QString, rate);
    QFETCH(QString, kind);
    QFETCH(QString, verdict);

    const Currency currency = currencyOf(regime);
    PosOrder sale = makeOrder(currency, {makeLine(0, QStringLiteral("A"), quantity, net, vat, rate, currency)});
    sale.orderDate = QDateTime(day, QTime(12, 0), QTimeZone::utc());
    const ValidationContext context = contextWithRules(regime, rules);

    // The sale and its exact refund get the same verdict, mirrored.
    for (const PosOrder &order : {sale, negated(sale)}) {
        const auto findings = OrderValidator::checkLineVat(order, context);
        QCOMPARE(kindsOf(findings), kind.isEmpty() ? QStringList() : QStringList{kind});
        if (kind.isEmpty())
            continue;
        const ValidationFinding &finding = findings.first();
        QCOMPARE(finding.lineIndex, 0);
        QCOMPARE(finding.severity, ExceptionKinds::defaultSeverity(finding.kind));
        QCOMPARE(finding.details.value(QStringLiteral("verdict")).toString(), verdict);
        QCOMPARE(finding.details.value(QStringLiteral("vat")).toInteger(), order.lines.first().lineVat.minorUnits());
        QCOMPARE(finding.details.value(QStringLiteral("currency")).toString(), currency.code());
        QVERIFY2(finding.explanation.contains(currency.code()), qPrintable(finding.explanation));
    }
    // TAX_ROUNDING_METHOD alone never blocks the order.
    const auto all = OrderValidator::validate(sale, context);
    QCOMPARE(isBlocking(all), !kind.isEmpty() && kind != QLatin1String("TAX_ROUNDING_METHOD"));
}

void tst_OrderValidator::lineVatExplanations()
{
    const auto explain = [](const QString &regime, const QString &rules, QDate day, PosOrderLine line) {
        PosOrder order = makeOrder(currencyOf(regime), {line});
        order.orderDate = QDateTime(day, QTime(12, 0), QTimeZone::utc());
        const auto findings = OrderValidator::checkLineVat(order, contextWithRules(regime, rules));
        return findings.size() == 1 ? findings.first().explanation : describe(findings);
    };
    const QDate june2024(2024, 6, 10);
    QCOMPARE(explain(QStringLiteral("UK"), QStringLiteral("sitoo-strict"), june2024,
                     makeLine(0, QStringLiteral("TS-1"), 1, 1662, 333, QStringLiteral("20"), gbp())),
             QStringLiteral("Line 1 (TS-1): the net of gross 19.95 at 20 % is exactly 16.625; it was rounded "
                            "half-even to 16.62 instead of half-up to 16.63, so the line carries VAT 3.33 instead "
                            "of 3.32 GBP."));
    QCOMPARE(explain(QStringLiteral("UK"), QStringLiteral("net"), june2024,
                     makeLine(1, QStringLiteral("CS-1"), 1, 50, 2, QStringLiteral("5"), gbp())),
             QStringLiteral("Line 2 (CS-1): the VAT on net 0.50 at 5 % is exactly 0.025; it was rounded half-even to "
                            "0.02 instead of half-up to 0.03 GBP."));
    QCOMPARE(explain(QStringLiteral("SE"), QStringLiteral("default"), QDate(2020, 1, 17),
                     makeLine(0, QStringLiteral("BK-1"), 1, 11900, 3000, QStringLiteral("25"), sek())),
             QStringLiteral("Line 1 (BK-1): VAT 30.00 on 149.00 at 25 % is rounded to whole kronor; expected 29.80; "
                            "difference 0.20 SEK. Skatteverket does not accept VAT rounded to whole kronor for sales "
                            "from 2020-01-17 on."));
    QCOMPARE(explain(QStringLiteral("UK"), QStringLiteral("default"), june2024,
                     makeLine(0, QStringLiteral("HD-1"), 1, 834, 166, QStringLiteral("20"), gbp())),
             QStringLiteral("Line 1 (HD-1): VAT 1.66 on 10.00 at 20 % is rounded down; expected 1.67; difference "
                            "-0.01 GBP. Rounding VAT down is a concession for invoice traders, not for retail sales "
                            "(HMRC VATREC12020)."));
    QCOMPARE(explain(QStringLiteral("SE"), QStringLiteral("default"), june2024,
                     makeLine(0, QStringLiteral("SO-300"), 1, 9526, 2394, QStringLiteral("25"), sek())),
             QStringLiteral("Line 1 (SO-300): VAT 23.94 on gross 119.20 at 25 %; expected 23.84; difference 0.10 "
                            "SEK."));
    QCOMPARE(explain(QStringLiteral("UK"), QStringLiteral("default"), june2024,
                     makeLine(0, QStringLiteral("CH-1"), 1, 2, 0, QStringLiteral("20"), gbp())),
             QStringLiteral("Line 1 (CH-1): no VAT on 0.02 at 20 %; VAT on a standard- or reduced-rated item must "
                            "never be rounded down to nil (HMRC VAT Notice 700 §17.5.2); expected 0.01 GBP."));
}

void tst_OrderValidator::lineVatTradingDayIsLocal()
{
    // 23:30 UTC on 16 January 2020 is already the 17th in Stockholm: the new rule applies.
    PosOrder order = makeOrder(sek(), {makeLine(0, QStringLiteral("BK-1"), 1, 11900, 3000, QStringLiteral("25"),
                                                 sek())});
    order.orderDate = QDateTime(QDate(2020, 1, 16), QTime(23, 30), QTimeZone::utc());
    const ValidationContext context = fullContext(TaxRegime::Sweden);
    QCOMPARE(OrderValidator::tradingDay(order, context), QDate(2020, 1, 17));
    QCOMPARE(kindsOf(OrderValidator::checkLineVat(order, context)), QStringList{QStringLiteral("TAX_VARIANCE")});
    order.orderDate = QDateTime(QDate(2020, 1, 16), QTime(22, 30), QTimeZone::utc());
    QCOMPARE(OrderValidator::tradingDay(order, context), QDate(2020, 1, 16));
    QVERIFY(OrderValidator::checkLineVat(order, context).isEmpty());
}

// ---- VAT per rate ----

void tst_OrderValidator::rateVat_data()
{
    QTest::addColumn<QList<qint64>>("vatDeltas"); // per line, added to the VAT-first VAT (net adjusted: gross fixed)
    QTest::addColumn<bool>("flagged");
    // Four lines of 10.00 SEK at 25 % (VAT 2.00 each) and the rate's VAT computed once on 40.00: 8.00.
    QTest::newRow("exact") << QList<qint64>{0, 0, 0, 0} << false;
    QTest::newRow("two lines one öre off: within ceil(4/2)") << QList<qint64>{1, 1, 0, 0} << false;
    QTest::newRow("three lines one öre off: beyond") << QList<qint64>{1, 1, 1, 0} << true;
    QTest::newRow("offsetting errors") << QList<qint64>{5, -5, 0, 0} << false;
    QTest::newRow("one line far off") << QList<qint64>{7, 0, 0, 0} << true;
}

void tst_OrderValidator::rateVat()
{
    QFETCH(QList<qint64>, vatDeltas);
    QFETCH(bool, flagged);
    QList<PosOrderLine> lines;
    for (int i = 0; i < vatDeltas.size(); ++i) {
        lines.append(makeLine(i, QStringLiteral("L%1").arg(i), 1, 800 - vatDeltas.at(i), 200 + vatDeltas.at(i),
                              QStringLiteral("25"), sek()));
    }
    const PosOrder sale = makeOrder(sek(), lines);
    const ValidationContext context = fullContext(TaxRegime::Sweden);
    for (const PosOrder &order : {sale, negated(sale)}) {
        const auto findings = OrderValidator::checkRateVat(order, context);
        QCOMPARE(findings.size(), flagged ? 1 : 0);
        if (flagged) {
            QCOMPARE(findings.first().kind, ExceptionKind::TaxVariance);
            QCOMPARE(findings.first().lineIndex, -1);
            QCOMPARE(findings.first().details.value(QStringLiteral("rate")).toString(), QStringLiteral("25"));
            QCOMPARE(findings.first().details.value(QStringLiteral("tolerance")).toInteger(), 2);
        }
    }
    if (vatDeltas == QList<qint64>{1, 1, 1, 0}) {
        QCOMPARE(OrderValidator::checkRateVat(sale, context).first().explanation,
                 QStringLiteral("VAT at 25 %: the 4 lines carry 8.03 on gross 40.00; computed once on that gross it "
                                "is 8.00; difference 0.03 SEK is more than the 0.02 that rounding per line can "
                                "explain."));
    }
}

void tst_OrderValidator::multiRateBasket()
{
    // A Swedish basket at 25, 12 and 6 %, Sitoo-rounded per row, with a tie at 12 % and cash rounding.
    const QList<PosOrderLine> lines{
        makeLine(0, QStringLiteral("TS"), 2, 31840, 7960, QStringLiteral("25"), sek()), // 2 × 199.00
        makeLine(1, QStringLiteral("CF"), 1, 1263, 151, QStringLiteral("12"), sek()),   // 14.14, net tie
        makeLine(2, QStringLiteral("BK"), 1, 21604, 1296, QStringLiteral("6"), sek()),  // 229.00
        makeLine(3, QStringLiteral("CH"), 3, 9375, 1125, QStringLiteral("12"), sek()),  // 3 × 35.00
    };
    // 398.00 + 14.14 + 229.00 + 105.00 = 746.14 → 746.00 in cash.
    PosOrder sale = makeOrder(sek(), lines, -14);
    QCOMPARE(sale.totalGross.minorUnits(), 74600);
    ValidationContext context = fullContext(TaxRegime::Sweden);
    context.originalSale = [](qint64 id) {
        OriginalSale original;
        original.orderId = id;
        original.lines.insert(0, OriginalSaleLine{QStringLiteral("TS"), 2, 0});
        original.lines.insert(1, OriginalSaleLine{QStringLiteral("CF"), 1, 0});
        original.lines.insert(2, OriginalSaleLine{QStringLiteral("BK"), 1, 0});
        original.lines.insert(3, OriginalSaleLine{QStringLiteral("CH"), 3, 0});
        return std::optional<OriginalSale>(original);
    };
    for (const PosOrder &order : {sale, negated(sale)}) {
        const auto findings = OrderValidator::validate(order, context);
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    }
    // The cash rounding folded into the VAT instead: the line, the rate and the header all disagree.
    PosOrder folded = sale;
    folded.lines[0].lineVat = Money(7960 - 14, sek());
    folded.totalVat = Money(folded.totalVat.minorUnits() - 14, sek());
    folded.cashRounding = Money::zero(sek());
    const QStringList kinds = kindsOf(OrderValidator::validate(folded, context));
    QVERIFY2(kinds.contains(QStringLiteral("TAX_VARIANCE")), qPrintable(kinds.join(u' ')));
}

// ---- Mappings ----

void tst_OrderValidator::mappings_data()
{
    QTest::addColumn<QString>("unmap"); // which mapping to remove
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("explanation");
    QTest::newRow("all mapped") << "" << "" << "";
    QTest::newRow("tax rate") << "tax:25" << "UNMAPPED_TAX_RATE" << "VAT rate 25 % (lines 1, 2) has no Prima tax code.";
    QTest::newRow("tender") << "tender:Gift Card" << "UNMAPPED_PAYMENT_METHOD"
                            << "Payment method “Gift Card” (1 payment, 100.00 SEK) has no Prima tender.";
    QTest::newRow("voucher") << "promotion:SPRING20" << "UNMAPPED_PROMOTION"
                             << "Voucher SPRING20 (“Spring 20%”) on Line 2 (SO-300) has no Prima promotion code.";
}

void tst_OrderValidator::mappings()
{
    QFETCH(QString, unmap);
    QFETCH(QString, kind);
    QFETCH(QString, explanation);
    ValidationContext context = fullContext(TaxRegime::Sweden);
    context.originalSale = [](qint64) { return std::optional<OriginalSale>(sale20001()); };
    if (unmap.startsWith(QLatin1String("tax:")))
        context.taxCodes.remove(unmap.mid(4));
    else if (unmap.startsWith(QLatin1String("tender:")))
        context.tenders.remove(unmap.mid(7));
    else if (unmap.startsWith(QLatin1String("promotion:")))
        context.promotions.remove(unmap.mid(10));
    const PosOrder sale = parseFixture("order-sale-20001.json");
    for (const PosOrder &order : {sale, negated(sale)}) {
        const auto findings = OrderValidator::validate(order, context);
        QCOMPARE(kindsOf(findings), kind.isEmpty() ? QStringList() : QStringList{kind});
        if (kind.isEmpty())
            continue;
        QCOMPARE(findings.first().severity, Severity::Blocking);
        if (order.kind == PosOrderKind::Sale)
            QCOMPARE(findings.first().explanation, explanation);
    }
}

// ---- Refunds ----

void tst_OrderValidator::refundOriginal_data()
{
    QTest::addColumn<qint64>("originalOrderId"); // 0: none
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("known sale") << qint64(20001) << true << false;
    QTest::newRow("unknown sale") << qint64(19999) << false << true;
    QTest::newRow("no link") << qint64(0) << false << true;
}

void tst_OrderValidator::refundOriginal()
{
    QFETCH(qint64, originalOrderId);
    QFETCH(bool, known);
    QFETCH(bool, flagged);
    PosOrder refund = parseFixture("order-refund-20002.json");
    refund.originalOrderId = originalOrderId ? std::optional<qint64>(originalOrderId) : std::nullopt;
    ValidationContext context = fullContext(TaxRegime::Sweden);
    context.originalSale = [known](qint64 id) {
        OriginalSale sale = sale20001();
        sale.orderId = id;
        return known ? std::optional<OriginalSale>(sale) : std::nullopt;
    };
    const auto findings = OrderValidator::checkRefundOriginal(refund, context);
    QCOMPARE(findings.size(), flagged ? 1 : 0);
    if (flagged) {
        QCOMPARE(findings.first().kind, ExceptionKind::ReturnWithoutOriginal);
        QCOMPARE(findings.first().explanation,
                 originalOrderId ? QStringLiteral("Refund 20002 refers to sale 19999, which Tillbridge has not "
                                                  "received from Sitoo.")
                                 : QStringLiteral("Refund 20002 does not say which sale it refunds."));
    }
    // A sale never needs an original.
    QVERIFY(OrderValidator::checkRefundOriginal(parseFixture("order-sale-20001.json"), context).isEmpty());
}

void tst_OrderValidator::refundQuantities_data()
{
    QTest::addColumn<QList<qint64>>("returned");        // per refund line, positive units
    QTest::addColumn<QList<int>>("originalLines");      // per refund line, -1: no line reference
    QTest::addColumn<QStringList>("skus");              // per refund line
    QTest::addColumn<qint64>("returnedBefore");         // T-shirts returned by earlier refunds
    QTest::addColumn<int>("flagged");
    QTest::newRow("one of two") << QList<qint64>{1} << QList<int>{0} << QStringList{"TS-100-M"} << qint64(0) << 0;
    QTest::newRow("both") << QList<qint64>{2} << QList<int>{0} << QStringList{"TS-100-M"} << qint64(0) << 0;
    QTest::newRow("three of two") << QList<qint64>{3} << QList<int>{0} << QStringList{"TS-100-M"} << qint64(0) << 1;
    QTest::newRow("second after one returned") << QList<qint64>{1} << QList<int>{0} << QStringList{"TS-100-M"}
                                               << qint64(1) << 0;
    QTest::newRow("two after one returned") << QList<qint64>{2} << QList<int>{0} << QStringList{"TS-100-M"}
                                            << qint64(1) << 1;
    QTest::newRow("same sale line on two refund lines")
        << QList<qint64>{1, 2} << QList<int>{0, 0} << QStringList{"TS-100-M", "TS-100-M"} << qint64(0) << 1;
    QTest::newRow("line references a different SKU") << QList<qint64>{1} << QList<int>{1} << QStringList{"TS-100-M"}
                                                     << qint64(0) << 1;
    QTest::newRow("line not on the sale") << QList<qint64>{1} << QList<int>{7} << QStringList{"TS-100-M"}
                                          << qint64(0) << 1;
    QTest::newRow("by SKU, within") << QList<qint64>{2} << QList<int>{-1} << QStringList{"TS-100-M"} << qint64(0)
                                    << 0;
    QTest::newRow("by SKU, beyond") << QList<qint64>{2} << QList<int>{-1} << QStringList{"TS-100-M"} << qint64(1)
                                    << 1;
    QTest::newRow("by SKU, never sold") << QList<qint64>{1} << QList<int>{-1} << QStringList{"JN-1"} << qint64(0)
                                        << 1;
    QTest::newRow("two lines, each within") << QList<qint64>{2, 1} << QList<int>{0, 1}
                                            << QStringList{"TS-100-M", "SO-300"} << qint64(0) << 0;
}

void tst_OrderValidator::refundQuantities()
{
    QFETCH(QList<qint64>, returned);
    QFETCH(QList<int>, originalLines);
    QFETCH(QStringList, skus);
    QFETCH(qint64, returnedBefore);
    QFETCH(int, flagged);
    QList<PosOrderLine> lines;
    for (int i = 0; i < returned.size(); ++i) {
        PosOrderLine line = makeLine(i, skus.at(i), -returned.at(i), -15920 * returned.at(i),
                                     -3980 * returned.at(i), QStringLiteral("25"), sek());
        if (originalLines.at(i) >= 0)
            line.originalLineIndex = originalLines.at(i);
        lines.append(line);
    }
    PosOrder refund = makeOrder(sek(), lines);
    refund.originalOrderId = 20001;
    QCOMPARE(refund.kind, PosOrderKind::Refund);
    ValidationContext context = fullContext(TaxRegime::Sweden);
    context.originalSale = [returnedBefore](qint64) { return std::optional<OriginalSale>(sale20001(returnedBefore)); };
    const auto findings = OrderValidator::checkRefundQuantities(refund, context);
    QCOMPARE(findings.size(), flagged);
    for (const auto &finding : findings) {
        QCOMPARE(finding.kind, ExceptionKind::ReturnExceedsOriginal);
        QVERIFY(finding.details.value(QStringLiteral("excess")).toInteger() > 0
                || finding.details.contains(QStringLiteral("soldSku")));
    }
}

void tst_OrderValidator::refundQuantitiesExplanation()
{
    PosOrder refund = parseFixture("order-refund-20002.json");
    refund.lines[0].quantity = -3;
    ValidationContext context = fullContext(TaxRegime::Sweden);
    context.originalSale = [](qint64) { return std::optional<OriginalSale>(sale20001()); };
    const auto findings = OrderValidator::checkRefundQuantities(refund, context);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().explanation,
             QStringLiteral("Line 1 (TS-100-M) returns 3 of line 1 of sale 20001, which sold 2 with 0 already "
                            "returned; 1 too many."));
    QCOMPARE(findings.first().details.value(QStringLiteral("excess")).toInteger(), 1);
    QCOMPARE(findings.first().lineIndex, 0);
}

QTEST_GUILESS_MAIN(tst_OrderValidator)
#include "tst_ordervalidator.moc"
