// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primaincomingdocument.h"

#include "core/prima/primajson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Tillbridge::Sandbox {

using Core::Currency;
using Core::Error;
using Core::ErrorCode;
using Core::Money;
using Core::Result;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Sandbox::PrimaIncomingDocument", text);
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}

Result<Money> amount(const QJsonObject &object, const char *name, Currency currency, const QString &where,
                     bool required = true)
{
    const QJsonValue value = object.value(QLatin1StringView(name));
    if (!required && (value.isUndefined() || value.isNull()))
        return Money::zero(currency);
    auto parsed = Core::PrimaJson::moneyFromJson(value, currency);
    if (!parsed)
        return invalid(tr("%1, “%2”: %3").arg(where, QString::fromLatin1(name), parsed.errorString()));
    return parsed;
}

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(number);
}

/** a + b; nullopt on overflow (the operands always share the document's currency here). */
std::optional<Money> plus(const Money &a, const Money &b)
{
    auto sum = a.added(b);
    return sum ? std::optional(*sum) : std::nullopt;
}

} // namespace

QString primaDocumentKindCode(PrimaDocumentKind kind)
{
    return kind == PrimaDocumentKind::SalesOrder ? QStringLiteral("SALES_ORDER") : QStringLiteral("CREDIT_NOTE");
}

Result<PrimaIncomingDocument> PrimaIncomingDocument::fromJson(const QJsonObject &body, PrimaDocumentKind kind)
{
    PrimaIncomingDocument document;
    document.kind = kind;
    document.externalRef = body.value(u"externalRef").toString();
    if (document.externalRef.isEmpty())
        return invalid(tr("“externalRef” is missing."));
    document.storeId = body.value(u"storeId").toString();
    if (document.storeId.isEmpty())
        return invalid(tr("“storeId” is missing."));
    document.registerId = body.value(u"registerId").toString();
    document.receiptNo = body.value(u"receiptNo").toString();

    auto date = Core::PrimaJson::dateFromJson(body.value(u"storeLocalDate"));
    if (!date || !date->isValid())
        return invalid(tr("“storeLocalDate” must be a date (YYYY-MM-DD)."));
    document.storeLocalDate = *date;
    auto orderedAt = Core::PrimaJson::timestampFromJson(body.value(u"orderedAt"));
    if (!orderedAt)
        return invalid(tr("“orderedAt”: %1").arg(orderedAt.errorString()));
    document.orderedAt = *orderedAt;

    auto currency = Currency::fromCode(body.value(u"currency").toString());
    if (!currency)
        return invalid(tr("“currency”: %1").arg(currency.errorString()));
    document.currency = *currency;
    document.pricesIncludeTax = body.value(u"pricesIncludeTax").toBool(true);
    document.taxMode = body.value(u"taxMode").toString(QStringLiteral("SOURCE_AUTHORITATIVE"));
    if (document.taxMode != u"SOURCE_AUTHORITATIVE" && document.taxMode != u"ERP_RECALCULATE")
        return invalid(tr("“taxMode” must be SOURCE_AUTHORITATIVE or ERP_RECALCULATE."));

    const QJsonValue lines = body.value(u"lines");
    if (!lines.isArray() || lines.toArray().isEmpty())
        return invalid(tr("“lines” must be a non-empty list."));
    for (const QJsonValue &value : lines.toArray()) {
        const QJsonObject object = value.toObject();
        PrimaIncomingLine line;
        const auto lineNo = wholeNumber(object.value(u"lineNo"));
        line.lineNo = lineNo ? int(*lineNo) : int(document.lines.size() + 1);
        const QString where = tr("Line %1").arg(line.lineNo);
        line.sku = object.value(u"sku").toString();
        if (line.sku.isEmpty())
            return invalid(tr("%1: “sku” is missing.").arg(where));
        const auto quantity = wholeNumber(object.value(u"qty"));
        if (!quantity || *quantity <= 0)
            return invalid(tr("%1: “qty” must be a positive whole number.").arg(where));
        line.quantity = *quantity;
        line.taxCode = object.value(u"taxCode").toString();
        if (line.taxCode.isEmpty())
            return invalid(tr("%1: “taxCode” is missing.").arg(where));
        line.promotion = object.value(u"promotion").toString();
        for (const auto &[name, target, required] :
             {std::tuple{"unitPrice", &line.unitPrice, true}, std::tuple{"discount", &line.discount, false},
              std::tuple{"net", &line.net, true}, std::tuple{"tax", &line.tax, true},
              std::tuple{"gross", &line.gross, true}}) {
            auto parsed = amount(object, name, document.currency, where, required);
            if (!parsed)
                return parsed.error();
            *target = *parsed;
        }
        if (kind == PrimaDocumentKind::CreditNote) {
            line.disposition = object.value(u"disposition").toString();
            if (line.disposition != u"RESTOCK" && line.disposition != u"QUARANTINE"
                && line.disposition != u"WRITE_OFF" && line.disposition != u"NO_STOCK_MOVEMENT")
                return invalid(tr("%1: “disposition” must be RESTOCK, QUARANTINE, WRITE_OFF or "
                                  "NO_STOCK_MOVEMENT.")
                                   .arg(where));
            line.returnToLocation = object.value(u"returnToLocation").toString();
        }
        document.lines.append(line);
    }

    const QJsonValue tenders = body.value(kind == PrimaDocumentKind::SalesOrder ? u"tenders" : u"refundTenders");
    if (!tenders.isArray())
        return invalid(kind == PrimaDocumentKind::SalesOrder ? tr("“tenders” must be a list.")
                                                             : tr("“refundTenders” must be a list."));
    for (const QJsonValue &value : tenders.toArray()) {
        const QJsonObject object = value.toObject();
        PrimaIncomingTender tender;
        tender.method = object.value(u"method").toString();
        if (tender.method.isEmpty())
            return invalid(tr("A tender has no “method”."));
        auto parsed = amount(object, "amount", document.currency, tr("Tender %1").arg(tender.method));
        if (!parsed)
            return parsed.error();
        tender.amount = *parsed;
        tender.reference = object.value(u"reference").toString();
        document.tenders.append(tender);
    }

    const QJsonObject totals = body.value(u"totals").toObject();
    const QString where = tr("Totals");
    for (const auto &[name, target, required] :
         {std::tuple{"net", &document.totalNet, true}, std::tuple{"tax", &document.totalTax, true},
          std::tuple{"gross", &document.totalGross, true}, std::tuple{"rounding", &document.rounding, false}}) {
        auto parsed = amount(totals, name, document.currency, where, required);
        if (!parsed)
            return parsed.error();
        *target = *parsed;
    }

    if (kind == PrimaDocumentKind::CreditNote) {
        document.originalExternalRef = body.value(u"originalExternalRef").toString();
        document.reasonCode = body.value(u"reasonCode").toString();
    }
    return document;
}

std::optional<QString> PrimaIncomingDocument::totalsProblem() const
{
    const QString overflow = tr("The amounts are too large.");
    Money net = Money::zero(currency);
    Money tax = Money::zero(currency);
    Money gross = Money::zero(currency);
    for (const PrimaIncomingLine &line : lines) {
        const auto lineGross = plus(line.net, line.tax);
        if (!lineGross)
            return overflow;
        if (*lineGross != line.gross)
            return tr("Line %1: net %2 + tax %3 is not gross %4.")
                .arg(line.lineNo)
                .arg(line.net.toWireString(), line.tax.toWireString(), line.gross.toWireString());
        auto extended = line.unitPrice.multiplied(line.quantity);
        if (!extended)
            return overflow;
        auto afterDiscount = extended->subtracted(line.discount);
        if (!afterDiscount)
            return overflow;
        const Money &basis = pricesIncludeTax ? line.gross : line.net;
        if (*afterDiscount != basis)
            return tr("Line %1: %2 x %3 - discount %4 is %5, not %6.")
                .arg(line.lineNo)
                .arg(line.quantity)
                .arg(line.unitPrice.toWireString(), line.discount.toWireString(), afterDiscount->toWireString(),
                     basis.toWireString());
        const auto n = plus(net, line.net);
        const auto t = plus(tax, line.tax);
        const auto g = plus(gross, line.gross);
        if (!n || !t || !g)
            return overflow;
        net = *n;
        tax = *t;
        gross = *g;
    }
    if (net != totalNet || tax != totalTax || gross != totalGross)
        return tr("The totals (net %1, tax %2, gross %3) are not the sums of the lines (net %4, tax %5, gross %6).")
            .arg(totalNet.toWireString(), totalTax.toWireString(), totalGross.toWireString(), net.toWireString(),
                 tax.toWireString(), gross.toWireString());
    Money tendered = Money::zero(currency);
    for (const PrimaIncomingTender &tender : tenders) {
        const auto sum = plus(tendered, tender.amount);
        if (!sum)
            return overflow;
        tendered = *sum;
    }
    const auto payable = plus(totalGross, rounding);
    if (!payable)
        return overflow;
    if (tendered != *payable)
        return tr("The tenders add up to %1, but gross %2 plus rounding %3 is %4.")
            .arg(tendered.toWireString(), totalGross.toWireString(), rounding.toWireString(),
                 payable->toWireString());
    return std::nullopt;
}

} // namespace Tillbridge::Sandbox
