// SPDX-License-Identifier: GPL-3.0-or-later
// R5 (reliability.md §6.2): money and VAT property test of the order validator. A seeded generator builds baskets
// (1-60 lines, random quantities, prices in minor units, vouchers, UK and SE rates, forced ties), prices them under
// every allowed VAT method and under the forbidden ones, and checks: no finding at all for an allowed method, the
// expected finding on every basket a forbidden method makes distinguishable, Σ lines = document total exactly, and a
// refund of a sale is exactly its negation.
//
// The methods are implemented here independently of the validator: through Money, VatRate and Decimal (the money
// library's own rounding), not through the validator's 128-bit candidate code. "Distinguishable" is decided by this
// file's own oracle: a forbidden basket whose every line equals what some allowed method gives has nothing to flag,
// and must then not be flagged either.
//
// Environment: TILLBRIDGE_R5_SEED (default 20240610) and TILLBRIDGE_R5_BASKETS (default 100000).
#include "core/engine/validation/ordervalidator.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QMap>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <array>

using namespace Tillbridge::Core;

namespace {

constexpr qint64 kHundredPercent = 100 * VatRate::kUnitsPerPercent;
constexpr RoundingMode kHalfUp = RoundingMode::HalfAwayFromZero;

template<typename T>
T must(const Result<T> &result)
{
    if (!result)
        qFatal("money operation failed: %s", qPrintable(result.errorString()));
    return result.value();
}

/** How a line's VAT is computed. Allowed and forbidden ones; which is which depends on the configuration. */
enum class Method {
    NetFirst,        ///< Sitoo §5.2, per row
    VatFirst,        ///< VAT to the nearest minor unit (gross basis: of the gross; net basis: of the net)
    UnitNetFirst,    ///< Sitoo's unit price × quantity
    UnitPenny,       ///< HMRC per unit, nearest 1p, never nil
    UnitHalfPenny,   ///< HMRC per unit, nearest 0.5p, never nil
    UnitPrecise3,    ///< HMRC per unit, 4 decimals rounded to 3
    Precise4,        ///< VATREC12020: 4 decimals, then the penny
    Truncate6,       ///< VATREC12020: truncated at 6 decimals, then the penny
    WholeKronor,     ///< VAT to whole kronor (SE before 2020-01-17 only)
    RoundDown,       ///< forbidden: truncated (UK retail round-down, SE truncation)
    BankersVatFirst, ///< forbidden: half-even VAT
    BankersNetFirst, ///< forbidden: half-even net (Sitoo's computation with banker's rounding)
    NilUnit,         ///< forbidden: a standard-rated unit whose VAT rounds to nil (VatFirst otherwise)
    FoldedRounding,  ///< forbidden: SE cash rounding booked into a line's VAT instead of apart (VatFirst otherwise)
};

const char *methodName(Method method)
{
    switch (method) {
    case Method::NetFirst:
        return "net-first";
    case Method::VatFirst:
        return "vat-first";
    case Method::UnitNetFirst:
        return "unit-net-first";
    case Method::UnitPenny:
        return "unit-1p";
    case Method::UnitHalfPenny:
        return "unit-0.5p";
    case Method::UnitPrecise3:
        return "unit-4dp-to-3dp";
    case Method::Precise4:
        return "4-decimal";
    case Method::Truncate6:
        return "6-decimal-truncation";
    case Method::WholeKronor:
        return "whole-kronor";
    case Method::RoundDown:
        return "round-down";
    case Method::BankersVatFirst:
        return "bankers-vat-first";
    case Method::BankersNetFirst:
        return "bankers-net-first";
    case Method::NilUnit:
        return "nil-vat-unit";
    case Method::FoldedRounding:
        return "cash-rounding-in-vat";
    }
    return "?";
}

/** One validator configuration under test, with the methods it must accept and those it must flag. */
struct Config
{
    const char *name;
    TaxRegime regime;
    PriceBasis basis;
    bool sitooStrict;  ///< the store's till is known to round net-first only
    QDate day;
    QList<Method> allowed;
    QList<Method> forbidden;
    ExceptionKind forbiddenKind; ///< what a flagged forbidden basket must carry
    /**
     * Which allowed methods a basket is validated under: All, one per basket in turn (Rotate: the secondary
     * configurations, to keep the run short), or None (the allowed list is only the oracle of distinguishability,
     * because another configuration already validates those methods).
     */
    enum class Coverage { All, Rotate, None } coverage = Coverage::All;
};

QList<Config> configs()
{
    const QDate june2024(2024, 6, 10);
    const QList<Method> ukAllowed{Method::NetFirst,     Method::VatFirst,      Method::UnitNetFirst,
                                  Method::UnitPenny,    Method::UnitHalfPenny, Method::UnitPrecise3,
                                  Method::Precise4,     Method::Truncate6};
    return {
        {"UK POS", TaxRegime::UnitedKingdom, PriceBasis::Gross, false, june2024, ukAllowed,
         {Method::RoundDown, Method::NilUnit}, ExceptionKind::TaxVariance},
        {"UK POS, banker's", TaxRegime::UnitedKingdom, PriceBasis::Gross, false, june2024, ukAllowed,
         {Method::BankersVatFirst, Method::BankersNetFirst}, ExceptionKind::TaxRoundingMethod, Config::Coverage::None},
        {"SE POS", TaxRegime::Sweden, PriceBasis::Gross, false, june2024,
         {Method::NetFirst, Method::VatFirst, Method::UnitNetFirst},
         {Method::WholeKronor, Method::RoundDown, Method::FoldedRounding}, ExceptionKind::TaxVariance},
        {"SE POS, banker's", TaxRegime::Sweden, PriceBasis::Gross, false, june2024,
         {Method::NetFirst, Method::VatFirst, Method::UnitNetFirst},
         {Method::BankersVatFirst, Method::BankersNetFirst}, ExceptionKind::TaxRoundingMethod, Config::Coverage::None},
        {"SE POS 2019", TaxRegime::Sweden, PriceBasis::Gross, false, QDate(2019, 6, 10),
         {Method::NetFirst, Method::VatFirst, Method::UnitNetFirst, Method::WholeKronor}, {},
         ExceptionKind::TaxVariance, Config::Coverage::Rotate},
        {"UK VAT on net", TaxRegime::UnitedKingdom, PriceBasis::Net, false, june2024,
         {Method::VatFirst, Method::UnitPenny, Method::UnitHalfPenny, Method::UnitPrecise3, Method::Precise4,
          Method::Truncate6},
         {Method::BankersVatFirst}, ExceptionKind::TaxRoundingMethod, Config::Coverage::Rotate},
        {"SE VAT on net", TaxRegime::Sweden, PriceBasis::Net, false, june2024, {Method::VatFirst},
         {Method::BankersVatFirst}, ExceptionKind::TaxRoundingMethod, Config::Coverage::Rotate},
        {"UK till net-first only", TaxRegime::UnitedKingdom, PriceBasis::Gross, true, june2024,
         {Method::NetFirst, Method::UnitNetFirst}, {Method::BankersNetFirst}, ExceptionKind::TaxRoundingMethod,
         Config::Coverage::Rotate},
        {"SE till net-first only", TaxRegime::Sweden, PriceBasis::Gross, true, june2024,
         {Method::NetFirst, Method::UnitNetFirst}, {Method::BankersNetFirst}, ExceptionKind::TaxRoundingMethod,
         Config::Coverage::Rotate},
    };
}

struct BasketLine
{
    VatRate rate;
    qint64 quantity = 1;
    qint64 unitPrice = 0; ///< minor units; gross on the gross basis, net on the net basis (after any voucher)
    int voucher = -1;     ///< index into kVouchers
    int sku = 0;          ///< index into the SKU pool
};

struct Basket
{
    TaxRegime regime = TaxRegime::UnitedKingdom;
    QList<BasketLine> lines;
    bool cash = false;
    bool giftCard = false;
};

struct Voucher
{
    const char *code;
    int percentOff;
};
constexpr std::array<Voucher, 4> kVouchers{{{"SPRING20", 20}, {"MEMBER10", 10}, {"STAFF30", 30}, {"BF50", 50}}};

int bounded(QRandomGenerator &rng, int highExclusive)
{
    return highExclusive <= 1 ? 0 : int(rng.bounded(quint32(highExclusive)));
}
qint64 between(QRandomGenerator &rng, qint64 low, qint64 high)
{
    return low + qint64(rng.bounded(quint64(high - low + 1)));
}

// ---- The methods, through the money library ----

Money times(const Money &money, qint64 factor)
{
    return must(money.multiplied(factor));
}

/** VAT of an amount (gross or net as the basis says) at a rate, under a method. */
Money vatOf(Method method, const Money &amount, const VatRate &rate, bool gross, qint64 quantity)
{
    const Currency currency = amount.currency();
    const auto precise = [&](const Money &base, int decimals, RoundingMode mode) {
        return gross ? must(rate.vatFromGrossPrecise(base, decimals, mode))
                     : must(rate.vatFromNetPrecise(base, decimals, mode));
    };
    const auto nearest = [&](const Money &base, RoundingMode mode) {
        return gross ? must(rate.vatFromGross(base, mode)) : must(rate.vatFromNet(base, mode));
    };
    const auto netFirst = [&](const Money &grossAmount, RoundingMode mode) {
        const Money net = must(grossAmount.multipliedByFraction(kHundredPercent, kHundredPercent + rate.units(), mode));
        return must(grossAmount.subtracted(net));
    };
    const qint64 units = quantity < 0 ? -quantity : quantity;
    const int sign = quantity < 0 ? -1 : 1;
    // The unit price is positive on refunds too (Sitoo); the line total carries the sign.
    const Money unit = units > 0 ? Money(amount.minorUnits() / quantity, currency) : amount;
    const bool taxable = !rate.isZero();
    switch (method) {
    case Method::NetFirst:
        return netFirst(amount, kHalfUp);
    case Method::BankersNetFirst:
        return netFirst(amount, RoundingMode::HalfEven);
    case Method::VatFirst:
    case Method::NilUnit:
    case Method::FoldedRounding:
        return nearest(amount, kHalfUp);
    case Method::BankersVatFirst:
        return nearest(amount, RoundingMode::HalfEven);
    case Method::RoundDown:
        return nearest(amount, RoundingMode::TowardZero);
    case Method::UnitNetFirst:
        return times(netFirst(unit, kHalfUp), sign * units);
    case Method::UnitPenny: {
        Money perUnit = nearest(unit, kHalfUp);
        if (perUnit.isZero() && taxable)
            perUnit = Money(1, currency); // never nil
        return times(perUnit, sign * units);
    }
    case Method::UnitHalfPenny: {
        const qint64 denominator = gross ? kHundredPercent + rate.units() : kHundredPercent;
        Money halves = must(unit.multipliedByFraction(2 * rate.units(), denominator, kHalfUp));
        if (halves.isZero() && taxable)
            halves = Money(1, currency);
        return must(times(halves, sign * units).multipliedByFraction(1, 2, kHalfUp));
    }
    case Method::UnitPrecise3: {
        Decimal perUnit = must(precise(unit, 4, kHalfUp).rescaled(3, kHalfUp));
        if (perUnit.isZero() && taxable)
            perUnit = Decimal(1, 3);
        return must(Money::fromDecimal(must(perUnit.multiplied(Decimal(sign * units, 0))), currency, kHalfUp));
    }
    case Method::Precise4:
        return must(Money::fromDecimal(precise(amount, 4, kHalfUp), currency, kHalfUp));
    case Method::Truncate6:
        return must(Money::fromDecimal(precise(amount, 6, RoundingMode::TowardZero), currency, kHalfUp));
    case Method::WholeKronor:
        return must(Money::fromDecimal(precise(amount, 0, kHalfUp), currency, kHalfUp));
    }
    return Money();
}

Currency currencyFor(TaxRegime regime)
{
    static const Currency gbp = Currency::of(u"GBP");
    static const Currency sek = Currency::of(u"SEK");
    return regime == TaxRegime::UnitedKingdom ? gbp : sek;
}

// ---- Baskets ----

QList<VatRate> ratesFor(TaxRegime regime)
{
    if (regime == TaxRegime::UnitedKingdom)
        return {VatRate::fromPercent(20), VatRate::fromPercent(5), VatRate::fromPercent(0)};
    return {VatRate::fromPercent(25), VatRate::fromPercent(12), VatRate::fromPercent(6)};
}

qint64 randomPrice(QRandomGenerator &rng, TaxRegime regime)
{
    const bool uk = regime == TaxRegime::UnitedKingdom;
    // Log-ish spread: sweets to coats. Half the prices are "charm" prices (£x.99, x9.00 kr).
    const int band = bounded(rng, 3);
    const qint64 low = uk ? std::array<qint64, 3>{50, 500, 3000}[band] : std::array<qint64, 3>{500, 5000, 50000}[band];
    const qint64 high = uk ? std::array<qint64, 3>{500, 3000, 30000}[band]
                           : std::array<qint64, 3>{5000, 50000, 300000}[band];
    qint64 price = between(rng, low, high);
    if (bounded(rng, 2) == 0)
        price = uk ? (price / 100) * 100 + 99 : (price / 1000) * 1000 + 900;
    return price;
}

qint64 discounted(qint64 price, int voucher)
{
    // Percent off the gross, rounded half-up, as the scenario's vouchers do.
    const qint64 off = (price * kVouchers[size_t(voucher)].percentOff * 2 + 100) / 200;
    return std::max<qint64>(1, price - off);
}

/** A unit price at which `predicate` holds, searched near random prices (ties are one price in 12 to 56). */
template<typename Predicate>
qint64 priceWhere(QRandomGenerator &rng, TaxRegime regime, Predicate predicate)
{
    for (int attempt = 0; attempt < 100000; ++attempt) {
        const qint64 price = randomPrice(rng, regime);
        if (predicate(price))
            return price;
    }
    qFatal("no tie price found");
    return 0;
}

bool netFirstTieDiffers(qint64 price, const VatRate &rate, Currency currency)
{
    const Money gross(price, currency);
    return vatOf(Method::NetFirst, gross, rate, true, 1) != vatOf(Method::BankersNetFirst, gross, rate, true, 1);
}

bool netBasisTieDiffers(qint64 price, const VatRate &rate, Currency currency)
{
    const Money net(price, currency);
    return vatOf(Method::VatFirst, net, rate, false, 1) != vatOf(Method::BankersVatFirst, net, rate, false, 1);
}

Basket makeBasket(QRandomGenerator &rng, TaxRegime regime, bool forceTies)
{
    Basket basket;
    basket.regime = regime;
    const QList<VatRate> rates = ratesFor(regime);
    const Currency currency = currencyFor(regime);
    // 1-60 lines, most baskets small as at a real till: 70 % 1-4, 25 % 5-15, 5 % 16-60 (about 6 on average).
    const int pick = bounded(rng, 100);
    const int lineCount = pick < 70 ? int(between(rng, 1, 4)) : pick < 95 ? int(between(rng, 5, 15))
                                                                           : int(between(rng, 16, 60));
    for (int i = 0; i < lineCount; ++i) {
        BasketLine line;
        const int r = bounded(rng, 100);
        line.rate = rates.at(r < 60 ? 0 : r < 85 ? 1 : 2);
        const int q = bounded(rng, 100);
        line.quantity = q < 70 ? 1 : q < 95 ? between(rng, 2, 5) : between(rng, 6, 20);
        line.unitPrice = randomPrice(rng, regime);
        if (bounded(rng, 100) < 15) {
            line.voucher = bounded(rng, int(kVouchers.size()));
            line.unitPrice = discounted(line.unitPrice, line.voucher);
        }
        line.sku = bounded(rng, 200);
        basket.lines.append(line);
    }
    if (forceTies) {
        // One gross tie (net-first half-even ≠ half-up: UK 20 %, SE 12 %) and one net-basis tie (UK 5 %, SE 25 %),
        // each on a line of one unit, at random places.
        BasketLine grossTie;
        grossTie.rate = regime == TaxRegime::UnitedKingdom ? VatRate::fromPercent(20) : VatRate::fromPercent(12);
        grossTie.unitPrice = priceWhere(rng, regime, [&](qint64 p) { return netFirstTieDiffers(p, grossTie.rate, currency); });
        grossTie.sku = bounded(rng, 200);
        basket.lines.insert(bounded(rng, int(basket.lines.size()) + 1), grossTie);
        BasketLine netTie;
        netTie.rate = regime == TaxRegime::UnitedKingdom ? VatRate::fromPercent(5) : VatRate::fromPercent(25);
        netTie.unitPrice = priceWhere(rng, regime, [&](qint64 p) { return netBasisTieDiffers(p, netTie.rate, currency); });
        netTie.sku = bounded(rng, 200);
        basket.lines.insert(bounded(rng, int(basket.lines.size()) + 1), netTie);
        while (basket.lines.size() > 60)
            basket.lines.removeLast();
    }
    basket.cash = bounded(rng, 100) < 30;
    basket.giftCard = !basket.cash && bounded(rng, 100) < 10;
    return basket;
}

// ---- Orders ----

struct Priced
{
    Money net;
    Money vat;
};

/** The sale (sign 1) or its refund (sign -1) of a line under a method: net + VAT is always the line's amount. */
Priced priceLine(const BasketLine &line, Method method, bool gross, Currency currency, int sign)
{
    const qint64 quantity = sign * line.quantity;
    const Money amount = times(Money(line.unitPrice, currency), quantity);
    if (method == Method::NilUnit) {
        // Applied to one line only (see buildOrder): the VAT of each cheap unit is rounded to nil.
        const Money perUnit = gross ? must(line.rate.vatFromGross(Money(line.unitPrice, currency), kHalfUp))
                                    : must(line.rate.vatFromNet(Money(line.unitPrice, currency), kHalfUp));
        const Money vat = times(perUnit, quantity);
        return {gross ? must(amount.subtracted(vat)) : amount, vat};
    }
    const Money vat = vatOf(method, amount, line.rate, gross, quantity);
    return {gross ? must(amount.subtracted(vat)) : amount, vat};
}

/** The order of a basket; `pricedLines`, when given, are the lines already priced under `method` (sign 1). */
PosOrder buildOrder(const Basket &basket, Method method, bool gross, int sign, qint64 orderId, QDate day,
                    const QList<QString> &skus, const QList<Priced> *pricedLines = nullptr)
{
    const Currency currency = currencyFor(basket.regime);
    PosOrder order;
    order.sitooAccount = QStringLiteral("90001");
    order.orderId = orderId;
    order.kind = sign > 0 ? PosOrderKind::Sale : PosOrderKind::Refund;
    if (sign < 0)
        order.originalOrderId = orderId - 1;
    order.currency = currency;
    order.orderDate = QDateTime(day, QTime(11, 0), QTimeZone::utc());
    order.warehouseId = basket.regime == TaxRegime::UnitedKingdom ? 1 : 2;
    order.paymentStateId = 20;
    order.lines.reserve(basket.lines.size());
    // Shop-sized sums: plain integers are exact here (the methods themselves go through the money library).
    qint64 net = 0;
    qint64 vat = 0;
    // NilUnit: the first taxable line becomes a cheap unit (1-2 minor units at 20/5/25 %...) with nil VAT.
    int nilLine = -1;
    for (qsizetype i = 0; i < basket.lines.size(); ++i) {
        BasketLine line = basket.lines.at(i);
        Method lineMethod = method == Method::NilUnit ? Method::VatFirst : method;
        if (method == Method::NilUnit && nilLine < 0 && !line.rate.isZero()) {
            nilLine = int(i);
            line.unitPrice = 1 + (line.sku % 2);
            lineMethod = Method::NilUnit;
        }
        const Priced priced = pricedLines ? pricedLines->at(i) : priceLine(line, lineMethod, gross, currency, sign);
        PosOrderLine out;
        out.lineIndex = int(i);
        out.sku = skus.at(line.sku);
        out.productName = out.sku;
        out.quantity = sign * line.quantity;
        out.unitNetPrice = Money((priced.net.minorUnits() / out.quantity), currency);
        out.lineNet = priced.net;
        out.lineVat = priced.vat;
        out.vatRate = line.rate;
        if (line.voucher >= 0) {
            PosDiscount discount;
            discount.voucherCode = QString::fromLatin1(kVouchers[size_t(line.voucher)].code);
            discount.perUnitNet = Money(1, currency);
            discount.lineNet = Money(line.quantity, currency);
            out.discount = discount;
        }
        if (sign < 0)
            out.originalLineIndex = int(i);
        order.lines.append(out);
        net += priced.net.minorUnits();
        vat += priced.vat.minorUnits();
    }
    const Money grossTotal(net + vat, currency);
    Money payable = grossTotal;
    if (basket.cash && basket.regime == TaxRegime::Sweden) {
        // Öresavrundning: the amount payable to whole kronor; VAT and the base stay as they are.
        payable = times(must(grossTotal.multipliedByFraction(1, 100, kHalfUp)), 100);
    }
    Money rounding = must(payable.subtracted(grossTotal));
    if (method == Method::FoldedRounding && !rounding.isZero()) {
        // The forbidden booking: the rounding goes into the last line's VAT (and so the order's) instead of apart.
        PosOrderLine &last = order.lines.last();
        last.lineVat = must(last.lineVat.added(rounding));
        vat += rounding.minorUnits();
        rounding = Money::zero(currency);
    }
    order.totalNet = Money(net, currency);
    order.totalVat = Money(vat, currency);
    order.cashRounding = rounding;
    order.salesTax = Money::zero(currency);
    order.totalGross = payable;
    const QString tender = basket.cash ? QStringLiteral("Cash") : QStringLiteral("Card");
    const qint64 giftCard = basket.regime == TaxRegime::UnitedKingdom ? 1000 : 10000;
    if (basket.giftCard && payable.minorUnits() * sign > giftCard) {
        const Money card(sign * giftCard, currency);
        order.payments.append(PosPayment{0, QStringLiteral("Gift Card"), card, {}, std::nullopt});
        order.payments.append(PosPayment{1, tender, must(payable.subtracted(card)), {}, std::nullopt});
    } else {
        order.payments.append(PosPayment{0, tender, payable, {}, std::nullopt});
    }
    return order;
}

OriginalSale originalOf(const PosOrder &sale)
{
    OriginalSale original;
    original.orderId = sale.orderId;
    for (const PosOrderLine &line : sale.lines)
        original.lines.insert(line.lineIndex, OriginalSaleLine{line.sku, line.quantity, 0});
    return original;
}

Store storeFor(TaxRegime regime)
{
    Store store;
    const bool uk = regime == TaxRegime::UnitedKingdom;
    store.id = uk ? 1 : 2;
    store.sitooWarehouseId = store.id;
    store.name = uk ? QStringLiteral("London") : QStringLiteral("Stockholm");
    store.currency = currencyFor(regime);
    store.taxRegime = regime;
    store.timeZone = uk ? QStringLiteral("Europe/London") : QStringLiteral("Europe/Stockholm");
    store.primaLocation = uk ? QStringLiteral("LOC-UK") : QStringLiteral("LOC-SE");
    return store;
}

ValidationContext contextFor(const Config &config)
{
    ValidationContext context;
    context.store = storeFor(config.regime);
    context.catalogue = [](const QString &) { return std::optional<CatalogueFacts>(CatalogueFacts{}); };
    for (const VatRate &rate : ratesFor(config.regime))
        context.taxCodes.insert(rate.toString(), QStringLiteral("T") + rate.toString());
    for (const char *tender : {"Card", "Cash", "Gift Card"})
        context.tenders.insert(QString::fromLatin1(tender), QString::fromLatin1(tender));
    for (const Voucher &voucher : kVouchers)
        context.promotions.insert(QString::fromLatin1(voucher.code), QStringLiteral("P"));
    const PriceBasis basis = config.basis;
    const bool strict = config.sitooStrict;
    context.vatRules = [basis, strict](TaxRegime regime, QDate day) {
        VatRules rules = VatRules::forRegime(regime, day);
        rules.policy.basis = basis;
        if (strict)
            rules.acceptedMethods = VatLineMethod::RowNetFirst | VatLineMethod::UnitNetFirst;
        return rules;
    };
    return context;
}

/** This file's oracle: does some allowed method of the configuration give exactly this line? */
bool allowedSomehow(const Config &config, const PosOrderLine &line, const BasketLine &basketLine)
{
    const bool gross = config.basis == PriceBasis::Gross;
    const Money amount = gross ? must(line.lineNet.added(line.lineVat)) : line.lineNet;
    for (Method method : config.allowed) {
        // A quantity that does not divide the amount has no unit price; the unit methods then do not apply.
        if (line.quantity != 0 && amount.minorUnits() % line.quantity != 0
            && (method == Method::UnitNetFirst || method == Method::UnitPenny || method == Method::UnitHalfPenny
                || method == Method::UnitPrecise3)) {
            continue;
        }
        if (vatOf(method, amount, basketLine.rate, gross, line.quantity) == line.lineVat)
            return true;
    }
    return false;
}

bool operator==(const Priced &a, const Priced &b)
{
    return a.net == b.net && a.vat == b.vat;
}

struct ValidatedSale
{
    QList<Priced> lines;
    QList<ValidationFinding> findings;
};

struct Tally
{
    qint64 baskets = 0;
    qint64 refunds = 0;          ///< allowed: baskets also validated as a refund
    qint64 flagged = 0;          ///< allowed: any finding (a false flag); forbidden: the expected kind present
    qint64 distinguishable = 0;  ///< forbidden: baskets whose figures no allowed method gives
    qint64 differing = 0;        ///< forbidden: baskets where the method changed anything at all (e.g. a tie)
    qint64 flaggedUndistinguishable = 0; ///< forbidden but identical to an allowed result, and still flagged
};

} // namespace

class tst_OrderValidatorProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void r5MoneyAndVatProperties();
};

void tst_OrderValidatorProperties::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

void tst_OrderValidatorProperties::r5MoneyAndVatProperties()
{
    bool ok = false;
    quint32 seed = qEnvironmentVariable("TILLBRIDGE_R5_SEED").toUInt(&ok);
    if (!ok)
        seed = 20240610;
    int basketCount = qEnvironmentVariableIntValue("TILLBRIDGE_R5_BASKETS", &ok);
    if (!ok || basketCount <= 0)
        basketCount = 100000;
    QRandomGenerator rng(seed);
    qInfo("R5: seed %u, %d baskets", seed, basketCount);

    QList<QString> skus;
    for (int i = 0; i < 200; ++i)
        skus.append(QStringLiteral("SKU-%1").arg(i, 3, 10, QLatin1Char('0')));

    const QList<Config> allConfigs = configs();
    QList<ValidationContext> contexts;
    for (const Config &config : allConfigs)
        contexts.append(contextFor(config));

    QMap<QString, Tally> allowedTally;   // "config / method"
    QMap<QString, Tally> forbiddenTally;
    QList<QStringList> allowedKeys;
    QList<QStringList> forbiddenKeys;
    for (const Config &config : allConfigs) {
        const auto keysOf = [&config](const QList<Method> &methods) {
            QStringList keys;
            for (Method method : methods)
                keys.append(QString::fromLatin1(config.name) + QStringLiteral(" / ")
                            + QString::fromLatin1(methodName(method)));
            return keys;
        };
        allowedKeys.append(keysOf(config.allowed));
        forbiddenKeys.append(keysOf(config.forbidden));
    }
    qint64 validations = 0;
    qint64 reused = 0;
    qint64 lines = 0;
    qint64 tieBaskets = 0;
    QStringList failures;
    const auto fail = [&failures](const QString &what, const QList<ValidationFinding> &findings) {
        if (failures.size() >= 10)
            return;
        QString text = what;
        for (const ValidationFinding &finding : findings)
            text += QStringLiteral("\n    ") + ExceptionKinds::code(finding.kind) + QStringLiteral(": ")
                + finding.explanation;
        failures.append(text);
    };

    QElapsedTimer timer;
    timer.start();
    for (int b = 0; b < basketCount; ++b) {
        const TaxRegime regime = b % 2 == 0 ? TaxRegime::UnitedKingdom : TaxRegime::Sweden;
        const bool forceTies = bounded(rng, 100) < 40;
        const Basket basket = makeBasket(rng, regime, forceTies);
        lines += basket.lines.size();
        tieBaskets += forceTies ? 1 : 0;
        const qint64 orderId = 2 * qint64(b) + 1;

        for (qsizetype c = 0; c < allConfigs.size(); ++c) {
            const Config &config = allConfigs.at(c);
            if (config.regime != regime)
                continue;
            const bool gross = config.basis == PriceBasis::Gross;
            const ValidationContext &baseContext = contexts.at(c);

            // Every basket is validated as a sale under each allowed method of the main configurations, and as a
            // refund under one of them in turn (its exact negation is checked under all of them).
            const int turn = (b / 2) % int(config.allowed.size());
            QList<ValidatedSale> validatedSales;
            for (int m = 0; m < config.allowed.size(); ++m) {
                if (config.coverage == Config::Coverage::None
                    || (config.coverage == Config::Coverage::Rotate && m != turn)) {
                    continue;
                }
                const Method method = config.allowed.at(m);
                const QString &key = allowedKeys.at(c).at(m);
                Tally &tally = allowedTally[key];
                ++tally.baskets;
                QList<Priced> priced;
                priced.reserve(basket.lines.size());
                for (const BasketLine &line : basket.lines)
                    priced.append(priceLine(line, method, gross, currencyFor(regime), 1));
                const PosOrder sale = buildOrder(basket, method, gross, 1, orderId, config.day, skus, &priced);
                // The refund as an order only when it is validated; otherwise its lines are enough to compare.
                PosOrder refund;
                if (m == turn) {
                    refund = buildOrder(basket, method, gross, -1, orderId + 1, config.day, skus);
                } else {
                    for (const BasketLine &line : basket.lines) {
                        const Priced priced = priceLine(line, method, gross, sale.currency, -1);
                        PosOrderLine out;
                        out.lineNet = priced.net;
                        out.lineVat = priced.vat;
                        refund.lines.append(out);
                    }
                    refund.totalGross = Money(-sale.totalGross.minorUnits(), sale.currency);
                    refund.cashRounding = Money(-sale.cashRounding.minorUnits(), sale.currency);
                }

                // Σ lines = document total, exactly, in integers; the payments pay it.
                qint64 sum = sale.cashRounding.minorUnits();
                qint64 basketGross = 0;
                for (qsizetype i = 0; i < sale.lines.size(); ++i) {
                    sum += sale.lines.at(i).lineNet.minorUnits() + sale.lines.at(i).lineVat.minorUnits();
                    basketGross += basket.lines.at(i).unitPrice * basket.lines.at(i).quantity;
                    // The refund is the sale's exact negation, line by line.
                    if (refund.lines.at(i).lineNet.minorUnits() != -sale.lines.at(i).lineNet.minorUnits()
                        || refund.lines.at(i).lineVat.minorUnits() != -sale.lines.at(i).lineVat.minorUnits()) {
                        fail(QStringLiteral("%1: refund line %2 is not the negated sale line").arg(key).arg(i), {});
                    }
                }
                qint64 paid = 0;
                for (const PosPayment &payment : sale.payments)
                    paid += payment.amount.minorUnits();
                if (sum != sale.totalGross.minorUnits() || paid != sale.totalGross.minorUnits()
                    || (gross && basketGross + sale.cashRounding.minorUnits() != sale.totalGross.minorUnits())
                    || refund.totalGross.minorUnits() != -sale.totalGross.minorUnits()
                    || refund.cashRounding.minorUnits() != -sale.cashRounding.minorUnits()) {
                    fail(QStringLiteral("%1: basket %2 does not add up").arg(key).arg(b), {});
                }

                // The validator is a pure function: a sale whose lines equal one already validated for this
                // basket and configuration (methods often agree away from ties) has that one's findings.
                QList<ValidationFinding> saleFindings;
                const auto seen = std::find_if(validatedSales.cbegin(), validatedSales.cend(),
                                               [&priced](const ValidatedSale &v) { return v.lines == priced; });
                if (seen != validatedSales.cend()) {
                    saleFindings = seen->findings;
                    ++reused;
                } else {
                    saleFindings = OrderValidator::validate(sale, baseContext);
                    validatedSales.append(ValidatedSale{priced, saleFindings});
                    ++validations;
                }
                QList<ValidationFinding> refundFindings;
                if (m == turn) {
                    ValidationContext refundContext = baseContext;
                    const OriginalSale original = originalOf(sale);
                    refundContext.originalSale = [&original](qint64) { return std::optional<OriginalSale>(original); };
                    refundFindings = OrderValidator::validate(refund, refundContext);
                    ++validations;
                    ++tally.refunds;
                }
                if (!saleFindings.isEmpty() || !refundFindings.isEmpty()) {
                    ++tally.flagged;
                    fail(QStringLiteral("false flag: %1, basket %2 (%3 lines)").arg(key).arg(b).arg(basket.lines.size()),
                         saleFindings + refundFindings);
                }
            }

            for (qsizetype f = 0; f < config.forbidden.size(); ++f) {
                // The two banker's variants on VAT-inclusive lines take turns: both only show that what cannot be
                // told from an allowed rounding is not flagged.
                if (config.coverage == Config::Coverage::None && f != (b / 2) % config.forbidden.size())
                    continue;
                const Method method = config.forbidden.at(f);
                const QString &key = forbiddenKeys.at(c).at(f);
                Tally &tally = forbiddenTally[key];
                ++tally.baskets;
                const PosOrder order = buildOrder(basket, method, gross, 1, orderId, config.day, skus);
                // Identical figures to what an allowed method produces cannot be told apart and must pass.
                bool distinguishable = false;
                // "Changed" compares with the allowed method the forbidden one is a variant of.
                const Method referenceMethod = method == Method::NilUnit || method == Method::FoldedRounding
                        || method == Method::BankersVatFirst || method == Method::RoundDown
                        || method == Method::WholeKronor
                    ? Method::VatFirst
                    : Method::NetFirst;
                bool differing = false;
                for (qsizetype i = 0; i < order.lines.size(); ++i) {
                    const PosOrderLine &line = order.lines.at(i);
                    if (!differing) {
                        const Priced reference = priceLine(basket.lines.at(i), referenceMethod, gross,
                                                           order.currency, 1);
                        differing = line.lineVat != reference.vat || line.lineNet != reference.net;
                    }
                    if (!allowedSomehow(config, line, basket.lines.at(i)))
                        distinguishable = true;
                }
                if (method == Method::NilUnit) {
                    // The rule holds whatever a rounding would give; a basket of zero-rated goods has no such unit.
                    distinguishable = std::any_of(order.lines.cbegin(), order.lines.cend(), [](const PosOrderLine &l) {
                        return !l.vatRate.isZero() && l.lineVat.isZero();
                    });
                }
                const auto findings = OrderValidator::validate(order, baseContext);
                ++validations;
                bool expectedKind = false;
                for (const ValidationFinding &finding : findings)
                    expectedKind = expectedKind || finding.kind == config.forbiddenKind;
                tally.differing += differing ? 1 : 0;
                if (distinguishable) {
                    ++tally.distinguishable;
                    if (expectedKind) {
                        ++tally.flagged;
                    } else {
                        fail(QStringLiteral("missed: %1, basket %2").arg(key).arg(b), findings);
                    }
                    // Banker's rounding is information only: it must never block on its own.
                    if (config.forbiddenKind == ExceptionKind::TaxRoundingMethod && isBlocking(findings))
                        fail(QStringLiteral("banker's blocked: %1, basket %2").arg(key).arg(b), findings);
                } else if (!findings.isEmpty()) {
                    ++tally.flaggedUndistinguishable;
                    fail(QStringLiteral("flagged although identical to an allowed method: %1, basket %2").arg(key).arg(b),
                         findings);
                }
            }
        }
    }
    const qint64 elapsed = timer.elapsed();

    qInfo("R5: %d baskets (%lld with forced ties), %lld lines, %lld validations (+ %lld sales identical to one "
          "already validated) in %lld ms",
          basketCount, tieBaskets, lines, validations, reused, elapsed);
    qint64 falseFlags = 0;
    for (auto it = allowedTally.cbegin(); it != allowedTally.cend(); ++it) {
        qInfo("R5 allowed   %-45s baskets %6lld  refunds %6lld  false flags %lld", qPrintable(it.key()),
              it->baskets, it->refunds, it->flagged);
        falseFlags += it->flagged;
    }
    for (auto it = forbiddenTally.cbegin(); it != forbiddenTally.cend(); ++it) {
        qInfo("R5 forbidden %-45s baskets %6lld  changed %6lld  distinguishable %6lld  flagged %6lld (%s)",
              qPrintable(it.key()), it->baskets, it->differing, it->distinguishable, it->flagged,
              it->distinguishable ? qPrintable(QString::number(100.0 * double(it->flagged) / double(it->distinguishable),
                                                               'f', 1)
                                               + QStringLiteral(" %"))
                                  : "n/a");
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(falseFlags, 0);
    for (auto it = forbiddenTally.cbegin(); it != forbiddenTally.cend(); ++it) {
        QCOMPARE(it->flagged, it->distinguishable);
        QCOMPARE(it->flaggedUndistinguishable, 0);
    }
    // The forbidden methods are exercised, not vacuous: every one distinguishable somewhere, except banker's
    // rounding on VAT-inclusive lines under the default rules, which coincides with an accepted half-up rounding.
    for (auto it = forbiddenTally.cbegin(); it != forbiddenTally.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("UK POS, banker's")) || it.key().startsWith(QLatin1String("SE POS, banker's"))) {
            QCOMPARE(it->distinguishable, 0);
            QVERIFY(it->differing > 0);
        } else {
            QVERIFY2(it->distinguishable > 0, qPrintable(it.key()));
        }
    }
}

QTEST_GUILESS_MAIN(tst_OrderValidatorProperties)
#include "tst_ordervalidatorproperties.moc"
