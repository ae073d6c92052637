// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/validation/ordervalidator.h"

#include "core/engine/validation/linevatassessment.h"
#include "core/money/rounding.h"
#include "core/money/vatcalculation.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QStringList>
#include <QTimeZone>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>
#include <utility>

namespace Tillbridge::Core {

namespace {

constexpr int kPaymentStateSuccessful = 20; // sitoo-api.md §3.7.2
constexpr qint64 kHundredPercent = 100 * VatRate::kUnitsPerPercent;

// ---- Small helpers ---------------------------------------------------------------------------------------------------

/** Money from an exact 128-bit sum, or empty when it does not fit in 64 bits (then the order is unrealistic). */
std::optional<Money> toMoney(Int128 minor, Currency currency)
{
    if (minor > std::numeric_limits<qint64>::max() || minor < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return Money(qint64(minor), currency);
}

qint64 minorOrZero(const Money &money)
{
    return money.isValid() ? money.minorUnits() : 0;
}

/** "Line 2 (SO-300)": 1-based for people; details carry Sitoo's 0-based orderitemid. */
QString lineLabel(const PosOrderLine &line)
{
    const QString what = line.sku.isEmpty() ? line.productName : line.sku;
    return QCoreApplication::translate("Tillbridge::Core::OrderValidator", "Line %1 (%2)")
        .arg(QString::number(line.lineIndex + 1), what);
}

QString rateText(const VatRate &rate)
{
    return rate.toString(); // "25", "12.5": exact, locale-free, as stored
}

/** Details with the currency and amounts in minor units. */
QJsonObject moneyDetails(const Currency &currency, std::initializer_list<std::pair<const char *, qint64>> amounts)
{
    QJsonObject details{{QStringLiteral("currency"), currency.code()}};
    for (const auto &[key, minor] : amounts)
        details.insert(QLatin1StringView(key), QJsonValue(minor));
    return details;
}

QString verdictCode(LineVatVerdict verdict)
{
    switch (verdict) {
    case LineVatVerdict::Accepted:
        return QStringLiteral("accepted");
    case LineVatVerdict::NilOnTaxableLine:
        return QStringLiteral("nil-on-taxable-line");
    case LineVatVerdict::RoundingMethod:
        return QStringLiteral("tie-rounded-half-even");
    case LineVatVerdict::WholeMajorUnits:
        return QStringLiteral("rounded-to-whole-units");
    case LineVatVerdict::RoundedDown:
        return QStringLiteral("rounded-down");
    case LineVatVerdict::Variance:
        return QStringLiteral("variance");
    case LineVatVerdict::Unchecked:
        return QStringLiteral("unchecked");
    }
    return {};
}

/** A TAX_VARIANCE or TAX_ROUNDING_METHOD finding for one line, or nothing when the line is accepted. */
std::optional<ValidationFinding> lineVatFinding(const PosOrderLine &line, const LineVatAssessment &assessment,
                                                const VatRules &rules)
{
    if (assessment.verdict == LineVatVerdict::Accepted)
        return std::nullopt;
    const Currency currency = line.lineVat.currency();
    const QString code = currency.code();
    const bool gross = rules.policy.basis == PriceBasis::Gross;
    const qint64 difference = assessment.expectedVat.isValid()
        ? assessment.vat.minorUnits() - assessment.expectedVat.minorUnits()
        : 0;
    const Money differenceMoney(difference, currency);
    QJsonObject details = moneyDetails(currency, {{"base", assessment.base.minorUnits()},
                                                  {"vat", assessment.vat.minorUnits()},
                                                  {"expectedVat", minorOrZero(assessment.expectedVat)},
                                                  {"difference", difference}});
    details.insert(QStringLiteral("basis"), gross ? QStringLiteral("gross") : QStringLiteral("net"));
    details.insert(QStringLiteral("rate"), rateText(line.vatRate));
    details.insert(QStringLiteral("verdict"), verdictCode(assessment.verdict));
    details.insert(QStringLiteral("regime"), taxRegimeCode(rules.regime));
    if (assessment.method)
        details.insert(QStringLiteral("method"), vatLineMethodCode(*assessment.method));

    const QString label = lineLabel(line);
    const QString rate = rateText(line.vatRate);
    QString text;
    switch (assessment.verdict) {
    case LineVatVerdict::Accepted:
        return std::nullopt;
    case LineVatVerdict::RoundingMethod: {
        details.insert(QStringLiteral("exactTie"), assessment.exactTie.toString());
        details.insert(QStringLiteral("halfEven"), assessment.halfEvenValue.minorUnits());
        details.insert(QStringLiteral("halfUp"), assessment.halfUpValue.minorUnits());
        details.insert(QStringLiteral("perUnit"), assessment.tiePerUnit);
        details.insert(QStringLiteral("tieOnNet"), assessment.tieOnNet);
        const QString base = assessment.tiePerUnit && line.quantity != 0
            ? Money(assessment.base.minorUnits() / line.quantity * (line.quantity < 0 ? -1 : 1), currency)
                  .toWireString()
            : assessment.base.toWireString();
        if (assessment.tieOnNet) {
            // Sitoo rounds the net and derives the VAT (§5.2), so the tie shows on the net.
            const Money vatHalfEven = assessment.vat;
            const Money vatHalfUp = assessment.expectedVat;
            text = (assessment.tiePerUnit
                        ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                      "%1: the net per unit of gross %2 at %3 % is exactly %4; it was "
                                                      "rounded half-even to %5 instead of half-up to %6, so the line "
                                                      "carries VAT %7 instead of %8 %9.")
                        : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                      "%1: the net of gross %2 at %3 % is exactly %4; it was rounded "
                                                      "half-even to %5 instead of half-up to %6, so the line carries "
                                                      "VAT %7 instead of %8 %9."))
                       .arg(label, base, rate, assessment.exactTie.toString(),
                            assessment.halfEvenValue.toWireString(), assessment.halfUpValue.toWireString(),
                            vatHalfEven.toWireString(), vatHalfUp.toWireString(), code);
        } else if (gross) {
            text = (assessment.tiePerUnit
                        ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                      "%1: the VAT per unit in gross %2 at %3 % is exactly %4; it was "
                                                      "rounded half-even to %5 instead of half-up to %6 %7.")
                        : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                      "%1: the VAT in gross %2 at %3 % is exactly %4; it was rounded "
                                                      "half-even to %5 instead of half-up to %6 %7."))
                       .arg(label, base, rate, assessment.exactTie.toString(),
                            assessment.halfEvenValue.toWireString(), assessment.halfUpValue.toWireString(), code);
        } else {
            text = (assessment.tiePerUnit
                        ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                      "%1: the VAT per unit on net %2 at %3 % is exactly %4; it was "
                                                      "rounded half-even to %5 instead of half-up to %6 %7.")
                        : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                      "%1: the VAT on net %2 at %3 % is exactly %4; it was rounded "
                                                      "half-even to %5 instead of half-up to %6 %7."))
                       .arg(label, base, rate, assessment.exactTie.toString(),
                            assessment.halfEvenValue.toWireString(), assessment.halfUpValue.toWireString(), code);
        }
        return ValidationFinding::make(ExceptionKind::TaxRoundingMethod, text, details, line.lineIndex);
    }
    case LineVatVerdict::NilOnTaxableLine:
        text = QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                           "%1: no VAT on %2 at %3 %; VAT on a standard- or reduced-rated item must "
                                           "never be rounded down to nil (HMRC VAT Notice 700 §17.5.2); expected "
                                           "%4 %5.")
                   .arg(label, assessment.base.toWireString(), rate, assessment.expectedVat.toWireString(), code);
        break;
    case LineVatVerdict::WholeMajorUnits:
        text = QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                           "%1: VAT %2 on %3 at %4 % is rounded to whole kronor; expected %5; "
                                           "difference %6 %7. Skatteverket does not accept VAT rounded to whole "
                                           "kronor for sales from 2020-01-17 on.")
                   .arg(label, assessment.vat.toWireString(), assessment.base.toWireString(), rate,
                        assessment.expectedVat.toWireString(), differenceMoney.toWireString(), code);
        break;
    case LineVatVerdict::RoundedDown:
        text = (rules.regime == TaxRegime::UnitedKingdom
                    ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                  "%1: VAT %2 on %3 at %4 % is rounded down; expected %5; difference "
                                                  "%6 %7. Rounding VAT down is a concession for invoice traders, not "
                                                  "for retail sales (HMRC VATREC12020).")
                    : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                  "%1: VAT %2 on %3 at %4 % is truncated; expected %5; difference %6 "
                                                  "%7. VAT is rounded to two decimals by the third decimal, 5-9 up "
                                                  "(Skatteverket)."))
                   .arg(label, assessment.vat.toWireString(), assessment.base.toWireString(), rate,
                        assessment.expectedVat.toWireString(), differenceMoney.toWireString(), code);
        break;
    case LineVatVerdict::Variance:
        text = (gross ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                    "%1: VAT %2 on gross %3 at %4 %; expected %5; difference %6 %7.")
                      : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                    "%1: VAT %2 on net %3 at %4 %; expected %5; difference %6 %7."))
                   .arg(label, assessment.vat.toWireString(), assessment.base.toWireString(), rate,
                        assessment.expectedVat.toWireString(), differenceMoney.toWireString(), code);
        break;
    case LineVatVerdict::Unchecked:
        text = QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                           "%1: the amounts are too large for the VAT to be checked exactly.")
                   .arg(label);
        break;
    }
    return ValidationFinding::make(ExceptionKind::TaxVariance, text, details, line.lineIndex);
}

/** The time zone of an IANA id, remembered per thread: validating a day's orders looks up the same few zones. */
QTimeZone zoneFor(const QString &ianaId)
{
    thread_local QString lastId;
    thread_local QTimeZone lastZone;
    if (ianaId != lastId) {
        lastZone = QTimeZone(ianaId.toUtf8());
        lastId = ianaId;
    }
    return lastZone;
}

} // namespace

// ---- The table -------------------------------------------------------------------------------------------------------

const QList<OrderValidator::Rule> &OrderValidator::rules()
{
    // Mapping and identity first, then money, then refunds: the order findings appear in the queue.
    static const QList<Rule> table{
        {"store-mapped", &OrderValidator::checkStoreMapped},
        {"currency", &OrderValidator::checkCurrency},
        {"skus", &OrderValidator::checkSkus},
        {"totals", &OrderValidator::checkTotals},
        {"payments", &OrderValidator::checkPayments},
        {"cash-rounding", &OrderValidator::checkCashRounding},
        {"line-vat", &OrderValidator::checkLineVat},
        {"rate-vat", &OrderValidator::checkRateVat},
        {"tax-rates-mapped", &OrderValidator::checkTaxRatesMapped},
        {"payment-methods-mapped", &OrderValidator::checkPaymentMethodsMapped},
        {"promotions-mapped", &OrderValidator::checkPromotionsMapped},
        {"refund-original", &OrderValidator::checkRefundOriginal},
        {"refund-quantities", &OrderValidator::checkRefundQuantities},
    };
    return table;
}

QList<ValidationFinding> OrderValidator::validate(const PosOrder &order, const ValidationContext &context)
{
    QList<ValidationFinding> findings;
    for (const Rule &rule : rules())
        findings.append(rule.check(order, context));
    return findings;
}

// ---- Regime and day --------------------------------------------------------------------------------------------------

std::optional<TaxRegime> OrderValidator::regimeOf(const PosOrder &order, const ValidationContext &context)
{
    if (context.store)
        return context.store->taxRegime;
    // Without a store the VAT is still worth checking; the currency tells the regime for the two we support.
    if (order.currency == Currency::of(u"GBP"))
        return TaxRegime::UnitedKingdom;
    if (order.currency == Currency::of(u"SEK"))
        return TaxRegime::Sweden;
    return std::nullopt;
}

QDate OrderValidator::tradingDay(const PosOrder &order, const ValidationContext &context)
{
    if (!order.orderDate.isValid())
        return {};
    const QString ianaId =
        context.store && !context.store->timeZone.isEmpty() ? context.store->timeZone : order.timeZone;
    if (!ianaId.isEmpty()) {
        const QTimeZone zone = zoneFor(ianaId);
        if (zone.isValid())
            return order.orderDate.toTimeZone(zone).date();
    }
    return order.orderDate.toUTC().date();
}

std::optional<VatRules> OrderValidator::vatRulesFor(const PosOrder &order, const ValidationContext &context)
{
    const auto regime = regimeOf(order, context);
    if (!regime)
        return std::nullopt;
    const QDate day = tradingDay(order, context);
    return context.vatRules ? context.vatRules(*regime, day) : VatRules::forRegime(*regime, day);
}

// ---- Mapping and identity --------------------------------------------------------------------------------------------

QList<ValidationFinding> OrderValidator::checkStoreMapped(const PosOrder &order, const ValidationContext &context)
{
    if (context.store && !context.store->primaLocation.isEmpty())
        return {};
    QJsonObject details{{QStringLiteral("warehouseId"), order.warehouseId},
                        {QStringLiteral("storeExternalId"), order.storeExternalId}};
    if (!context.store) {
        return {ValidationFinding::make(
            ExceptionKind::UnmappedStore,
            QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                        "Sitoo warehouse %1 (store “%2”) is not linked to a store in Tillbridge, so "
                                        "the order has no Prima location to post to.")
                .arg(QString::number(order.warehouseId), order.storeExternalId),
            details)};
    }
    if (context.store->primaLocation.isEmpty()) {
        details.insert(QStringLiteral("store"), context.store->name);
        return {ValidationFinding::make(
            ExceptionKind::UnmappedStore,
            QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                        "Store %1 (Sitoo store “%2”) has no Prima location to post to.")
                .arg(context.store->name, context.store->sitooStoreId),
            details)};
    }
    return {};
}

QList<ValidationFinding> OrderValidator::checkCurrency(const PosOrder &order, const ValidationContext &context)
{
    if (!context.store || !context.store->currency.isValid() || order.currency == context.store->currency)
        return {};
    return {ValidationFinding::make(
        ExceptionKind::CurrencyMismatch,
        QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                    "The order is in %1, but store %2 trades in %3.")
            .arg(order.currency.isValid() ? order.currency.code() : QStringLiteral("?"), context.store->name,
                 context.store->currency.code()),
        QJsonObject{{QStringLiteral("orderCurrency"), order.currency.isValid() ? order.currency.code() : QString()},
                    {QStringLiteral("storeCurrency"), context.store->currency.code()}})};
}

QList<ValidationFinding> OrderValidator::checkSkus(const PosOrder &order, const ValidationContext &context)
{
    QList<ValidationFinding> findings;
    for (const PosOrderLine &line : order.lines) {
        // Sitoo's non-product item types (discount rows and the like) may carry no SKU; product rows must.
        constexpr int kProductItemType = 10;
        if (line.sku.isEmpty() && line.itemType != kProductItemType)
            continue;
        const auto details = [&line]() {
            return QJsonObject{{QStringLiteral("sku"), line.sku}, {QStringLiteral("lineIndex"), line.lineIndex}};
        };
        if (line.sku.isEmpty()) {
            findings.append(ValidationFinding::make(
                ExceptionKind::UnknownSku,
                QCoreApplication::translate("Tillbridge::Core::OrderValidator", "%1 has no SKU.").arg(lineLabel(line)),
                details(), line.lineIndex));
            continue;
        }
        const auto facts = context.catalogue ? context.catalogue(line.sku) : std::nullopt;
        if (!facts) {
            findings.append(ValidationFinding::make(
                ExceptionKind::UnknownSku,
                QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                            "%1: SKU %2 (“%3”) is not in the Prima item master.")
                    .arg(lineLabel(line), line.sku, line.productName),
                details(), line.lineIndex));
        } else if (facts->blocked) {
            QJsonObject blockedDetails = details();
            blockedDetails.insert(QStringLiteral("status"), facts->status);
            const QString status = facts->status.isEmpty()
                ? QCoreApplication::translate("Tillbridge::Core::OrderValidator", "blocked")
                : facts->status;
            findings.append(ValidationFinding::make(
                ExceptionKind::SkuBlocked,
                QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                            "%1: SKU %2 (“%3”) may not be sold: Prima has it as %4.")
                    .arg(lineLabel(line), line.sku, line.productName, status),
                blockedDetails, line.lineIndex));
        }
    }
    return findings;
}

QList<ValidationFinding> OrderValidator::checkTaxRatesMapped(const PosOrder &order, const ValidationContext &context)
{
    // Nearly every order is fully mapped: check that first, each rate once, without building anything else.
    QVarLengthArray<qint64, 4> checked;
    bool allMapped = true;
    for (const PosOrderLine &line : order.lines) {
        if (std::find(checked.cbegin(), checked.cend(), line.vatRate.units()) != checked.cend())
            continue;
        checked.append(line.vatRate.units());
        if (!context.taxCodes.contains(line.vatRate.toString())) {
            allMapped = false;
            break;
        }
    }
    if (allMapped)
        return {};

    // One finding per rate, not per line: one mapping fixes them all.
    QList<VatRate> rates;
    QHash<qint64, QJsonArray> linesByRate;
    for (const PosOrderLine &line : order.lines) {
        if (!linesByRate.contains(line.vatRate.units()))
            rates.append(line.vatRate);
        linesByRate[line.vatRate.units()].append(line.lineIndex);
    }
    QList<ValidationFinding> findings;
    for (const VatRate &rate : std::as_const(rates)) {
        const QString key = rate.toString();
        if (context.taxCodes.contains(key))
            continue;
        const QJsonArray lines = linesByRate.value(rate.units());
        QStringList numbers;
        for (const QJsonValue &index : lines)
            numbers.append(QString::number(index.toInt() + 1));
        // No %n plural: the source language has no translation file to resolve "line(s)".
        const QString text = lines.size() == 1
            ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                          "VAT rate %1 % (line %2) has no Prima tax code.")
            : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                          "VAT rate %1 % (lines %2) has no Prima tax code.");
        findings.append(ValidationFinding::make(
            ExceptionKind::UnmappedTaxRate, text.arg(key, numbers.join(QStringLiteral(", "))),
            QJsonObject{{QStringLiteral("rate"), key}, {QStringLiteral("lineIndexes"), lines}},
            lines.first().toInt()));
    }
    return findings;
}

QList<ValidationFinding> OrderValidator::checkPaymentMethodsMapped(const PosOrder &order,
                                                                   const ValidationContext &context)
{
    const bool allMapped = std::all_of(order.payments.cbegin(), order.payments.cend(), [&context](const PosPayment &p) {
        return context.tenders.contains(p.methodName);
    });
    if (allMapped)
        return {};
    QStringList methods;
    QHash<QString, Int128> amountByMethod;
    QHash<QString, int> countByMethod;
    for (const PosPayment &payment : order.payments) {
        if (!countByMethod.contains(payment.methodName))
            methods.append(payment.methodName);
        ++countByMethod[payment.methodName];
        amountByMethod[payment.methodName] += minorOrZero(payment.amount);
    }
    QList<ValidationFinding> findings;
    for (const QString &method : std::as_const(methods)) {
        if (context.tenders.contains(method))
            continue;
        const Money amount = toMoney(amountByMethod.value(method), order.currency).value_or(Money());
        QJsonObject details = moneyDetails(order.currency, {{"amount", minorOrZero(amount)}});
        details.insert(QStringLiteral("paymentMethod"), method);
        const int count = countByMethod.value(method);
        const QString text = count == 1
            ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                          "Payment method “%1” (1 payment, %2 %3) has no Prima tender.")
                  .arg(method, amount.toWireString(), order.currency.code())
            : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                          "Payment method “%1” (%4 payments, %2 %3) has no Prima tender.")
                  .arg(method, amount.toWireString(), order.currency.code(), QString::number(count));
        findings.append(ValidationFinding::make(ExceptionKind::UnmappedPaymentMethod, text, details));
    }
    return findings;
}

QList<ValidationFinding> OrderValidator::checkPromotionsMapped(const PosOrder &order, const ValidationContext &context)
{
    QStringList reported;
    QList<ValidationFinding> findings;
    for (const PosOrderLine &line : order.lines) {
        // A discount without a voucher code (rare) has nothing to map; a manual POS discount has its own code.
        if (!line.discount || line.discount->voucherCode.isEmpty())
            continue;
        const QString &code = line.discount->voucherCode;
        if (context.promotions.contains(code) || reported.contains(code))
            continue;
        reported.append(code);
        findings.append(ValidationFinding::make(
            ExceptionKind::UnmappedPromotion,
            QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                        "Voucher %1 (“%2”) on %3 has no Prima promotion code.")
                .arg(code, line.discount->voucherName, lineLabel(line)),
            QJsonObject{{QStringLiteral("voucherCode"), code}, {QStringLiteral("lineIndex"), line.lineIndex}},
            line.lineIndex));
    }
    return findings;
}

// ---- Money -----------------------------------------------------------------------------------------------------------

QList<ValidationFinding> OrderValidator::checkTotals(const PosOrder &order, const ValidationContext &)
{
    const Currency currency = order.currency;
    Int128 net = 0;
    Int128 vat = 0;
    for (const PosOrderLine &line : order.lines) {
        net += minorOrZero(line.lineNet);
        vat += minorOrZero(line.lineVat);
    }
    const qint64 rounding = minorOrZero(order.cashRounding);
    const qint64 salesTax = minorOrZero(order.salesTax);
    const qint64 total = minorOrZero(order.totalGross);
    const auto linesNet = toMoney(net, currency);
    const auto linesVat = toMoney(vat, currency);
    const auto computed = toMoney(net + vat + rounding + salesTax, currency);
    if (!linesNet || !linesVat || !computed) {
        return {ValidationFinding::make(ExceptionKind::TotalsMismatch,
                                        QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                                    "The lines add up to more than can be "
                                                                    "represented; the order cannot be checked."))};
    }

    QList<ValidationFinding> findings;
    if (computed->minorUnits() != total) {
        const Money difference(total - computed->minorUnits(), currency);
        QJsonObject details = moneyDetails(currency, {{"linesNet", linesNet->minorUnits()},
                                                      {"linesVat", linesVat->minorUnits()},
                                                      {"rounding", rounding},
                                                      {"salesTax", salesTax},
                                                      {"computedTotal", computed->minorUnits()},
                                                      {"orderTotal", total},
                                                      {"difference", difference.minorUnits()}});
        details.insert(QStringLiteral("check"), QStringLiteral("lines-vs-total"));
        const Money roundingMoney(rounding, currency);
        const QString text = salesTax == 0
            ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                          "Lines %1 + VAT %2 + rounding %3 = %4; order total %5; difference %6 %7.")
                  .arg(linesNet->toWireString(), linesVat->toWireString(), roundingMoney.toWireString(),
                       computed->toWireString(), Money(total, currency).toWireString(), difference.toWireString(),
                       currency.code())
            : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                          "Lines %1 + VAT %2 + rounding %3 + sales tax %4 = %5; order total %6; "
                                          "difference %7 %8.")
                  .arg(linesNet->toWireString(), linesVat->toWireString(), roundingMoney.toWireString(),
                       Money(salesTax, currency).toWireString(), computed->toWireString(),
                       Money(total, currency).toWireString(), difference.toWireString(), currency.code());
        findings.append(ValidationFinding::make(ExceptionKind::TotalsMismatch, text, details));
    }

    // The header's net and VAT are what Prima's invoice totals are checked against; they must be the lines' sums.
    const qint64 headerNet = minorOrZero(order.totalNet);
    const qint64 headerVat = minorOrZero(order.totalVat);
    if (headerNet != linesNet->minorUnits() || headerVat != linesVat->minorUnits()) {
        const Money netDifference(headerNet - linesNet->minorUnits(), currency);
        const Money vatDifference(headerVat - linesVat->minorUnits(), currency);
        QJsonObject details = moneyDetails(currency, {{"orderNet", headerNet},
                                                      {"orderVat", headerVat},
                                                      {"linesNet", linesNet->minorUnits()},
                                                      {"linesVat", linesVat->minorUnits()},
                                                      {"netDifference", netDifference.minorUnits()},
                                                      {"vatDifference", vatDifference.minorUnits()}});
        details.insert(QStringLiteral("check"), QStringLiteral("header-vs-lines"));
        findings.append(ValidationFinding::make(
            ExceptionKind::TotalsMismatch,
            QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                        "Order net %1 and VAT %2; the lines add up to net %3 and VAT %4; difference "
                                        "net %5, VAT %6 %7.")
                .arg(Money(headerNet, currency).toWireString(), Money(headerVat, currency).toWireString(),
                     linesNet->toWireString(), linesVat->toWireString(), netDifference.toWireString(),
                     vatDifference.toWireString(), currency.code()),
            details));
    }
    return findings;
}

QList<ValidationFinding> OrderValidator::checkPayments(const PosOrder &order, const ValidationContext &)
{
    // Only a paid order must be paid in full (§5.2); a pending or reserved one is settled later.
    if (order.paymentStateId && *order.paymentStateId != kPaymentStateSuccessful)
        return {};
    const Currency currency = order.currency;
    Int128 paid = 0;
    QStringList amounts;
    QJsonArray paymentAmounts;
    for (const PosPayment &payment : order.payments) {
        paid += minorOrZero(payment.amount);
        amounts.append(payment.amount.toWireString());
        paymentAmounts.append(minorOrZero(payment.amount));
    }
    const qint64 total = minorOrZero(order.totalGross);
    const auto paidMoney = toMoney(paid, currency);
    if (paidMoney && paidMoney->minorUnits() == total)
        return {};
    const qint64 paidMinor = paidMoney ? paidMoney->minorUnits() : 0;
    const Money difference(total - paidMinor, currency);
    QJsonObject details = moneyDetails(currency, {{"payments", paidMinor},
                                                  {"orderTotal", total},
                                                  {"difference", difference.minorUnits()}});
    details.insert(QStringLiteral("check"), QStringLiteral("payments-vs-total"));
    details.insert(QStringLiteral("paymentAmounts"), paymentAmounts);
    const QString text = order.payments.isEmpty()
        ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                      "No payments; order total %1; difference %2 %3.")
              .arg(Money(total, currency).toWireString(), difference.toWireString(), currency.code())
        : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                      "Payments %1 = %2; order total %3; difference %4 %5.")
              .arg(amounts.join(QStringLiteral(" + ")), Money(paidMinor, currency).toWireString(),
                   Money(total, currency).toWireString(), difference.toWireString(), currency.code());
    return {ValidationFinding::make(ExceptionKind::TotalsMismatch, text, details)};
}

QList<ValidationFinding> OrderValidator::checkCashRounding(const PosOrder &order, const ValidationContext &context)
{
    const qint64 rounding = minorOrZero(order.cashRounding);
    if (rounding == 0)
        return {};
    const auto rules = vatRulesFor(order, context);
    if (!rules)
        return {};
    const Currency currency = order.currency;
    const qint64 payable = minorOrZero(order.totalGross);
    QJsonObject details = moneyDetails(currency, {{"rounding", rounding}, {"orderTotal", payable}});
    details.insert(QStringLiteral("check"), QStringLiteral("cash-rounding"));
    details.insert(QStringLiteral("regime"), taxRegimeCode(rules->regime));
    if (!rules->cashRoundingToWholeUnits) {
        return {ValidationFinding::make(
            ExceptionKind::TotalsMismatch,
            QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                        "The order carries cash rounding of %1 %2, but amounts payable in this "
                                        "store's tax regime (%3) are not rounded.")
                .arg(Money(rounding, currency).toWireString(), currency.code(), taxRegimeCode(rules->regime)),
            details)};
    }
    // Öresavrundning takes the amount payable to the nearest whole krona: by at most half a krona, to a whole
    // amount. (An amount ending in exactly 50 öre may go either way; the law rounds it up, but it is not a VAT issue.)
    const qint64 unit = Rounding::powerOfTen(currency.exponent());
    const qint64 magnitude = rounding < 0 ? -rounding : rounding;
    if (magnitude * 2 <= unit && payable % unit == 0)
        return {};
    return {ValidationFinding::make(
        ExceptionKind::TotalsMismatch,
        QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                    "Cash rounding %1 takes the amount payable from %2 to %3 %4; öresavrundning "
                                    "rounds to the nearest whole krona, by at most 0.50.")
            .arg(Money(rounding, currency).toWireString(), Money(payable - rounding, currency).toWireString(),
                 Money(payable, currency).toWireString(), currency.code()),
        details)};
}

QList<ValidationFinding> OrderValidator::checkLineVat(const PosOrder &order, const ValidationContext &context)
{
    const auto rules = vatRulesFor(order, context);
    if (!rules)
        return {};
    QList<ValidationFinding> findings;
    for (const PosOrderLine &line : order.lines) {
        if (!line.lineNet.isValid() || !line.lineVat.isValid())
            continue;
        if (auto finding = lineVatFinding(line, assessLineVat(line, *rules), *rules))
            findings.append(std::move(*finding));
    }
    return findings;
}

QList<ValidationFinding> OrderValidator::checkRateVat(const PosOrder &order, const ValidationContext &context)
{
    const auto rules = vatRulesFor(order, context);
    if (!rules || !order.currency.isValid())
        return {};
    const bool gross = rules->policy.basis == PriceBasis::Gross;

    struct RateTotals
    {
        VatRate rate;
        int lines = 0;
        Int128 base = 0;
        Int128 vat = 0;
        qint64 allowance = 0;
        bool allAccepted = true;
    };
    // An order has a handful of rates at most: a short list searched linearly, kept in order of appearance.
    QVarLengthArray<RateTotals, 4> byRate;
    for (const PosOrderLine &line : order.lines) {
        if (!line.lineNet.isValid() || !line.lineVat.isValid())
            continue;
        const LineVatAssessment assessment = assessLineVat(line, *rules);
        if (assessment.verdict == LineVatVerdict::Unchecked)
            continue;
        RateTotals *totals = nullptr;
        for (RateTotals &candidate : byRate) {
            if (candidate.rate == line.vatRate)
                totals = &candidate;
        }
        if (!totals) {
            byRate.append(RateTotals{line.vatRate});
            totals = &byRate.last();
        }
        ++totals->lines;
        totals->base += assessment.base.minorUnits();
        totals->vat += line.lineVat.minorUnits();
        // Only an accepted line may widen the bound: a wrong line must not excuse itself.
        if (assessment.verdict == LineVatVerdict::Accepted)
            totals->allowance += assessment.allowanceMinor;
        else
            totals->allAccepted = false;
    }

    QList<ValidationFinding> findings;
    const Currency currency = order.currency;
    const VatPolicy documentPolicy{rules->policy.basis, VatRoundingLevel::PerDocument, rules->policy.mode};
    for (const RateTotals &totals : std::as_const(byRate)) {
        // When every line is an accepted rounding, each is within half a unit (plus its allowance) of the exact VAT,
        // so their sum is within ceil(n / 2) (plus the allowances) of the document-level VAT: nothing to compute.
        // A rate with a single line says nothing the line check has not said already.
        if (totals.allAccepted || totals.lines < 2)
            continue;
        const auto base = toMoney(totals.base, currency);
        const auto vat = toMoney(totals.vat, currency);
        if (!base || !vat)
            continue; // only possible beyond 64-bit amounts; the line check has already said so
        const auto summaries = computeVatByRate({VatLine{*base, totals.rate}}, documentPolicy, currency);
        if (!summaries || summaries->size() != 1)
            continue;
        const qint64 documentVat = summaries->first().vat.minorUnits();
        qint64 distance = vat->minorUnits() - documentVat;
        distance = distance < 0 ? -distance : distance;
        if (gross) {
            // Sitoo's net-first rounding applied once to the rate's gross is the other document-level answer.
            const auto net = Rounding::divide(Int128(base->minorUnits()) * kHundredPercent,
                                              Int128(kHundredPercent) + totals.rate.units(), rules->policy.mode);
            if (net) {
                qint64 netFirst = vat->minorUnits() - (base->minorUnits() - *net);
                netFirst = netFirst < 0 ? -netFirst : netFirst;
                distance = std::min(distance, netFirst);
            }
        }
        // §3.5: n lines each rounded by at most half a unit, and the document rounded once: ceil(n / 2) in all.
        const qint64 bound = (totals.lines + 1) / 2 + totals.allowance;
        if (distance <= bound)
            continue;
        const Money difference(vat->minorUnits() - documentVat, currency);
        QJsonObject details = moneyDetails(currency, {{"base", base->minorUnits()},
                                                      {"linesVat", vat->minorUnits()},
                                                      {"documentVat", documentVat},
                                                      {"difference", difference.minorUnits()},
                                                      {"tolerance", bound}});
        details.insert(QStringLiteral("rate"), rateText(totals.rate));
        details.insert(QStringLiteral("lines"), totals.lines);
        details.insert(QStringLiteral("basis"), gross ? QStringLiteral("gross") : QStringLiteral("net"));
        const QString text = (gross ? QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                                  "VAT at %1 %: the %8 lines carry %2 on gross %3; "
                                                                  "computed once on that gross it is %4; difference "
                                                                  "%5 %6 is more than the %7 that rounding per line "
                                                                  "can explain.")
                                    : QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                                                  "VAT at %1 %: the %8 lines carry %2 on net %3; "
                                                                  "computed once on that net it is %4; difference %5 "
                                                                  "%6 is more than the %7 that rounding per line can "
                                                                  "explain."))
                                 .arg(rateText(totals.rate), vat->toWireString(), base->toWireString(),
                                      Money(documentVat, currency).toWireString(), difference.toWireString(),
                                      currency.code(), Money(bound, currency).toWireString(),
                                      QString::number(totals.lines));
        findings.append(ValidationFinding::make(ExceptionKind::TaxVariance, text, details));
    }
    return findings;
}

// ---- Refunds ---------------------------------------------------------------------------------------------------------

QList<ValidationFinding> OrderValidator::checkRefundOriginal(const PosOrder &order, const ValidationContext &context)
{
    if (order.kind != PosOrderKind::Refund)
        return {};
    if (!order.originalOrderId) {
        return {ValidationFinding::make(
            ExceptionKind::ReturnWithoutOriginal,
            QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                        "Refund %1 does not say which sale it refunds.")
                .arg(order.orderId),
            QJsonObject{{QStringLiteral("orderId"), order.orderId}})};
    }
    if (context.originalSale && context.originalSale(*order.originalOrderId))
        return {};
    return {ValidationFinding::make(
        ExceptionKind::ReturnWithoutOriginal,
        QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                    "Refund %1 refers to sale %2, which Tillbridge has not received from Sitoo.")
            .arg(order.orderId)
            .arg(*order.originalOrderId),
        QJsonObject{{QStringLiteral("orderId"), order.orderId},
                    {QStringLiteral("originalOrderId"), *order.originalOrderId}})};
}

QList<ValidationFinding> OrderValidator::checkRefundQuantities(const PosOrder &order, const ValidationContext &context)
{
    if (order.kind != PosOrderKind::Refund || !order.originalOrderId || !context.originalSale)
        return {};
    const auto sale = context.originalSale(*order.originalOrderId);
    if (!sale)
        return {}; // RETURN_WITHOUT_ORIGINAL says so

    // Several refund lines may return the same sale line (or, without a line reference, the same SKU): add them up.
    struct Returned
    {
        const PosOrderLine *firstLine = nullptr;
        qint64 quantity = 0;
    };
    QVarLengthArray<Returned, 8> returns; // in refund line order
    const auto sameTarget = [](const PosOrderLine &a, const PosOrderLine &b) {
        if (a.originalLineIndex || b.originalLineIndex)
            return a.originalLineIndex == b.originalLineIndex;
        return a.sku == b.sku;
    };
    for (const PosOrderLine &line : order.lines) {
        if (line.quantity >= 0)
            continue; // nothing is returned on this line
        Returned *entry = nullptr;
        for (Returned &candidate : returns) {
            if (sameTarget(*candidate.firstLine, line))
                entry = &candidate;
        }
        if (!entry) {
            returns.append(Returned{&line, 0});
            entry = &returns.last();
        }
        entry->quantity += -line.quantity;
    }

    QList<ValidationFinding> findings;
    for (const Returned &entry : std::as_const(returns)) {
        const PosOrderLine &line = *entry.firstLine;
        qint64 sold = 0;
        qint64 returnedBefore = 0;
        QString soldSku = line.sku;
        QString where;
        if (line.originalLineIndex) {
            const int saleLine = *line.originalLineIndex;
            where = QCoreApplication::translate("Tillbridge::Core::OrderValidator", "line %1 of sale %2")
                        .arg(QString::number(saleLine + 1), QString::number(sale->orderId));
            const auto it = sale->lines.constFind(saleLine);
            // A refund of a different SKU than the sale line sold returns something that was not sold there.
            if (it != sale->lines.cend() && (it->sku == line.sku || it->sku.isEmpty() || line.sku.isEmpty())) {
                sold = it->quantitySold;
                returnedBefore = it->quantityReturned;
            } else if (it != sale->lines.cend()) {
                soldSku = it->sku;
            }
        } else {
            where = QCoreApplication::translate("Tillbridge::Core::OrderValidator", "SKU %1 on sale %2")
                        .arg(line.sku, QString::number(sale->orderId));
            for (const OriginalSaleLine &saleLine : sale->lines) {
                if (saleLine.sku == line.sku) {
                    sold += saleLine.quantitySold;
                    returnedBefore += saleLine.quantityReturned;
                }
            }
        }
        const qint64 left = sold - returnedBefore;
        if (entry.quantity <= left)
            continue;
        QJsonObject details{{QStringLiteral("originalOrderId"), sale->orderId},
                            {QStringLiteral("sku"), line.sku},
                            {QStringLiteral("returned"), entry.quantity},
                            {QStringLiteral("sold"), sold},
                            {QStringLiteral("returnedBefore"), returnedBefore},
                            {QStringLiteral("excess"), entry.quantity - left}};
        if (line.originalLineIndex)
            details.insert(QStringLiteral("originalLineIndex"), *line.originalLineIndex);
        QString text;
        if (soldSku != line.sku) {
            details.insert(QStringLiteral("soldSku"), soldSku);
            text = QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                               "%1 returns %2 of %3, but that line sold %4, not %5.")
                       .arg(lineLabel(line), QString::number(entry.quantity), where, soldSku, line.sku);
        } else {
            text = QCoreApplication::translate("Tillbridge::Core::OrderValidator",
                                               "%1 returns %2 of %3, which sold %4 with %5 already returned; %6 too "
                                               "many.")
                       .arg(lineLabel(line), QString::number(entry.quantity), where, QString::number(sold),
                            QString::number(returnedBefore), QString::number(entry.quantity - left));
        }
        findings.append(
            ValidationFinding::make(ExceptionKind::ReturnExceedsOriginal, text, details, line.lineIndex));
    }
    return findings;
}

} // namespace Tillbridge::Core
