// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prima/primajson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QTimeZone>

#include <array>
#include <cmath>
#include <tuple>
#include <limits>

namespace Tillbridge::Core::PrimaJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::PrimaJson", text);
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}

QString str(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

// The largest integer a JSON number (an IEEE double) holds exactly. A larger count is not a count we can trust.
constexpr double kMaxExactInteger = 9007199254740992.0;

Result<qint64> integerFromJson(const QJsonValue &value, const QString &field)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) <= kMaxExactInteger)
            return static_cast<qint64>(number);
    } else if (value.isString()) {
        // Tolerated: some gateways quote large integers.
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok)
            return number;
    }
    return invalid(tr("“%1” is not a whole number.").arg(field));
}

Result<QJsonObject> objectFromBody(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(tr("Prima's answer is not valid JSON: %1.").arg(error.errorString()));
    if (!document.isObject())
        return invalid(tr("Prima's answer is not a JSON object."));
    return document.object();
}

/** A top-level array, or the "items" array of an envelope object (tolerated for the list endpoints). */
Result<QJsonArray> arrayFromBody(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(tr("Prima's answer is not valid JSON: %1.").arg(error.errorString()));
    if (document.isArray())
        return document.array();
    if (document.isObject() && document.object().value(u"items").isArray())
        return document.object().value(u"items").toArray();
    return invalid(tr("Prima's answer is not a list."));
}

template<typename T>
Result<QList<T>> listFromArray(const QJsonArray &array, Result<T> (*parse)(const QJsonObject &))
{
    QList<T> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return invalid(tr("Entry %1 of Prima's answer is not an object.").arg(i + 1));
        auto parsed = parse(array.at(i).toObject());
        if (!parsed)
            return invalid(tr("Entry %1 of Prima's answer: %2").arg(i + 1).arg(parsed.errorString()));
        list.append(std::move(parsed).value());
    }
    return list;
}

template<typename T>
Result<PrimaPage<T>> pageFromBody(const QByteArray &body, Result<T> (*parse)(const QJsonObject &))
{
    auto object = objectFromBody(body);
    if (!object)
        return object.error();
    if (!object->value(u"items").isArray())
        return invalid(tr("Prima's answer has no “items” list."));
    auto items = listFromArray(object->value(u"items").toArray(), parse);
    if (!items)
        return items.error();
    PrimaPage<T> page;
    page.items = std::move(items).value();
    const QJsonValue cursor = object->value(u"nextCursor");
    if (cursor.isString())
        page.nextCursor = cursor.toString();
    else if (!cursor.isNull() && !cursor.isUndefined())
        return invalid(tr("Prima's “nextCursor” is neither text nor null."));
    return page;
}

Result<Currency> currencyFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return invalid(tr("The currency is missing."));
    return Currency::fromCode(value.toString());
}

Result<VatRate> vatRateFromJson(const QJsonValue &value)
{
    if (value.isString())
        return VatRate::parse(value.toString());
    if (value.isDouble()) {
        // A rate is not money; still, read it through text so that no binary fraction leaks into VatRate.
        return VatRate::parse(QString::number(value.toDouble(), 'f', VatRate::kScale));
    }
    return invalid(tr("The VAT rate is missing."));
}

QString rateToWire(const VatRate &rate)
{
    // "20.00" as in the contract's examples: at least two decimals, more only when the rate has them.
    const Decimal percent = rate.percent();
    auto rescaled = percent.rescaled(2, RoundingMode::HalfAwayFromZero);
    if (rescaled && rescaled->compare(percent) == 0)
        return rescaled->toString();
    return rate.toString();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

/** Adds @p amount to @p total, refusing other currencies (a GBP order never carries SEK lines). */
Status accumulate(Money &total, const Money &amount, const QString &what)
{
    if (!amount.isValid())
        return Status::success();
    if (amount.currency() != total.currency())
        return invalid(tr("%1 is in %2, the document in %3.").arg(what, amount.currency().code(),
                                                                    total.currency().code()));
    auto sum = total.added(amount);
    if (!sum)
        return sum.error();
    total = *sum;
    return Status::success();
}

Result<QString> wireAmount(const Money &amount, Currency currency, const QString &what)
{
    if (!amount.isValid())
        return Money::zero(currency).toWireString();
    if (amount.currency() != currency)
        return invalid(tr("%1 is in %2, the document in %3.").arg(what, amount.currency().code(), currency.code()));
    return amount.toWireString();
}

QString taxModeCode(TaxMode mode)
{
    return mode == TaxMode::ErpRecalculate ? str("ERP_RECALCULATE") : str("SOURCE_AUTHORITATIVE");
}

struct LinesAndTotals
{
    QJsonArray lines;
    Money net;
    Money tax;
    Money gross;
};

/** One line's JSON; extra members (credit notes) are added by the caller. */
Result<QJsonObject> lineToJson(const SalesOrderLine &line, Currency currency, LinesAndTotals &totals)
{
    const QString what = tr("Line %1").arg(line.lineNo);
    const Money net = line.lineNet.isValid() ? line.lineNet : Money::zero(currency);
    const Money tax = line.lineVat.isValid() ? line.lineVat : Money::zero(currency);
    if (net.currency() != currency || tax.currency() != currency)
        return invalid(tr("%1 is not in the document's currency %2.").arg(what, currency.code()));
    auto gross = net.added(tax);
    if (!gross)
        return gross.error();
    auto unitPrice = wireAmount(line.unitPrice.isValid() ? line.unitPrice : line.unitNetPrice, currency, what);
    auto discount = wireAmount(line.discount, currency, what);
    if (!unitPrice)
        return unitPrice.error();
    if (!discount)
        return discount.error();
    const std::array<std::pair<Money *, Money>, 3> parts{{{&totals.net, net}, {&totals.tax, tax}, {&totals.gross, *gross}}};
    for (const auto &[target, amount] : parts) {
        if (auto status = accumulate(*target, amount, what); !status)
            return status.error();
    }
    QJsonObject object{
        {str("lineNo"), line.lineNo},
        {str("sku"), line.sku},
        {str("qty"), static_cast<double>(line.quantity)}, // exact: quantities are far below 2^53
        {str("unitPrice"), *unitPrice},
        {str("discount"), *discount},
        {str("net"), net.toWireString()},
        {str("tax"), tax.toWireString()},
        {str("taxCode"), line.taxCode},
        {str("gross"), gross->toWireString()},
        {str("promotion"), textOrNull(line.promotionCode)},
    };
    return object;
}

Result<QJsonArray> tendersToJson(const QList<SalesOrderPayment> &payments, Currency currency)
{
    QJsonArray tenders;
    for (const auto &payment : payments) {
        auto amount = wireAmount(payment.amount, currency, tr("Tender %1").arg(payment.tender));
        if (!amount)
            return amount.error();
        tenders.append(QJsonObject{
            {str("method"), payment.tender},
            {str("amount"), *amount},
            {str("reference"), textOrNull(payment.reference)},
        });
    }
    return tenders;
}

/** The members sales orders and credit notes share. */
struct DocumentHeader
{
    QString externalRef;
    QString location;
    QString registerId;
    QString receiptNo;
    QDate postingDate;
    QDateTime orderedAt;
    Currency currency;
    bool pricesIncludeTax = true;
    TaxMode taxMode = TaxMode::SourceAuthoritative;
    Money rounding;
    Money total;
};

Result<QJsonObject> documentToJson(const DocumentHeader &header, LinesAndTotals &totals, const QJsonArray &tenders,
                                   const QString &tendersName)
{
    const Currency currency = header.currency;
    auto rounding = wireAmount(header.rounding, currency, tr("The rounding"));
    if (!rounding)
        return rounding.error();
    Money gross = totals.gross;
    if (header.total.isValid()) {
        if (header.total.currency() != currency)
            return invalid(tr("The total is in %1, the document in %2.").arg(header.total.currency().code(),
                                                                            currency.code()));
        auto withoutRounding = header.total.subtracted(header.rounding.isValid() ? header.rounding
                                                                                 : Money::zero(currency));
        if (!withoutRounding)
            return withoutRounding.error();
        gross = *withoutRounding;
    }
    return QJsonObject{
        {str("externalRef"), header.externalRef},
        {str("storeId"), header.location},
        {str("registerId"), textOrNull(header.registerId)},
        {str("receiptNo"), textOrNull(header.receiptNo)},
        {str("storeLocalDate"), dateToJson(header.postingDate)},
        {str("orderedAt"), timestampToJson(header.orderedAt)},
        {str("currency"), currency.code()},
        {str("pricesIncludeTax"), header.pricesIncludeTax},
        {str("lines"), totals.lines},
        {tendersName, tenders},
        {str("totals"),
         QJsonObject{
             {str("net"), totals.net.toWireString()},
             {str("tax"), totals.tax.toWireString()},
             {str("gross"), gross.toWireString()},
             {str("rounding"), *rounding},
         }},
        {str("taxMode"), taxModeCode(header.taxMode)},
    };
}

LinesAndTotals emptyTotals(Currency currency)
{
    return {QJsonArray(), Money::zero(currency), Money::zero(currency), Money::zero(currency)};
}

} // namespace

// ---- scalars -----------------------------------------------------------------------------------------------------

QJsonValue dateToJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timestampToJson(const QDateTime &timestamp)
{
    if (!timestamp.isValid())
        return QJsonValue(QJsonValue::Null);
    const QDateTime utc = timestamp.toUTC();
    return utc.time().msec() == 0 ? utc.toString(Qt::ISODate) : utc.toString(Qt::ISODateWithMs);
}

Result<QDate> dateFromJson(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QDate();
    const QString text = value.toString();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!value.isString() || text.size() != 10 || !date.isValid())
        return invalid(tr("“%1” is not a date (YYYY-MM-DD).").arg(text));
    return date;
}

Result<QDateTime> timestampFromJson(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QDateTime();
    const QString text = value.toString();
    QDateTime timestamp = QDateTime::fromString(text, Qt::ISODateWithMs);
    // RFC 3339 requires an offset; a local time without one cannot be placed on the timeline.
    if (!value.isString() || !timestamp.isValid() || timestamp.timeSpec() == Qt::LocalTime)
        return invalid(tr("“%1” is not an RFC 3339 timestamp.").arg(text));
    return timestamp.toUTC();
}

Result<Money> moneyFromJson(const QJsonValue &value, Currency currency)
{
    if (value.isDouble())
        return invalid(tr("An amount must be sent as a decimal string, not as a number."));
    if (!value.isString())
        return invalid(tr("An amount is missing."));
    return Money::parse(value.toString(), currency);
}

QByteArray httpDate(const QDateTime &timestamp)
{
    return QLocale::c().toString(timestamp.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QDateTime parseHttpDate(const QByteArray &text)
{
    QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()),
                                                QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!parsed.isValid())
        return {};
    parsed.setTimeZone(QTimeZone::utc());
    return parsed;
}

QByteArray toBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray toBody(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// ---- requests ----------------------------------------------------------------------------------------------------

Result<QJsonObject> salesOrderToJson(const SalesOrder &order)
{
    if (!order.currency.isValid())
        return invalid(tr("Sales order %1 has no currency.").arg(order.externalRef));
    LinesAndTotals totals = emptyTotals(order.currency);
    for (const auto &line : order.lines) {
        auto object = lineToJson(line, order.currency, totals);
        if (!object)
            return object.error();
        totals.lines.append(*object);
    }
    auto tenders = tendersToJson(order.payments, order.currency);
    if (!tenders)
        return tenders.error();
    const DocumentHeader header{order.externalRef, order.location,  order.registerId,
                                order.receiptNo,   order.postingDate, order.orderedAt,
                                order.currency,    order.pricesIncludeTax, order.taxMode,
                                order.roundingAmount, order.total};
    return documentToJson(header, totals, *tenders, str("tenders"));
}

Result<QJsonObject> creditNoteToJson(const CreditNote &note)
{
    if (!note.currency.isValid())
        return invalid(tr("Credit note %1 has no currency.").arg(note.externalRef));
    LinesAndTotals totals = emptyTotals(note.currency);
    for (const auto &creditLine : note.lines) {
        auto line = lineToJson(creditLine.line, note.currency, totals);
        if (!line)
            return line.error();
        QJsonObject object = std::move(line).value();
        object.insert(u"disposition", lineDispositionCode(creditLine.disposition));
        object.insert(u"returnToLocation", textOrNull(creditLine.returnToLocation));
        object.insert(u"originalLineNo",
                      creditLine.originalLineNo > 0 ? QJsonValue(creditLine.originalLineNo) : QJsonValue());
        totals.lines.append(object);
    }
    auto tenders = tendersToJson(note.refunds, note.currency);
    if (!tenders)
        return tenders.error();
    const DocumentHeader header{note.externalRef, note.location,  note.registerId,
                                note.receiptNo,   note.postingDate, note.orderedAt,
                                note.currency,    note.pricesIncludeTax, note.taxMode,
                                note.roundingAmount, note.total};
    auto document = documentToJson(header, totals, *tenders, str("refundTenders"));
    if (!document)
        return document.error();
    QJsonObject object = std::move(document).value();
    object.insert(u"originalExternalRef", textOrNull(note.originalExternalRef));
    object.insert(u"reasonCode", textOrNull(note.reasonCode));
    return object;
}

QString batchOperationPath(PrimaBatchOperation::Kind kind)
{
    return kind == PrimaBatchOperation::Kind::SalesOrder ? str("/sales-orders") : str("/credit-notes");
}

Result<QJsonObject> batchToJson(const QList<PrimaBatchOperation> &operations)
{
    QJsonArray array;
    for (const auto &operation : operations) {
        auto body = operation.kind == PrimaBatchOperation::Kind::SalesOrder
                        ? salesOrderToJson(operation.salesOrder)
                        : creditNoteToJson(operation.creditNote);
        if (!body)
            return body.error();
        array.append(QJsonObject{
            {str("method"), str("POST")},
            {str("path"), batchOperationPath(operation.kind)},
            {str("idempotencyKey"), operation.idempotencyKey()},
            {str("body"), *body},
        });
    }
    return QJsonObject{{str("mode"), str("independent")}, {str("operations"), array}};
}

// ---- responses: writers ------------------------------------------------------------------------------------------

QJsonObject documentResultToJson(const PrimaDocumentResult &document)
{
    QJsonObject object{
        {str("documentNo"), document.documentNo},
        {str("externalRef"), document.externalRef},
        {str("postingDate"), dateToJson(document.postingDate)},
        {str("status"), document.status},
    };
    if (!document.documentType.isEmpty())
        object.insert(u"type", document.documentType);
    if (document.taxAdjustment.isValid()) {
        object.insert(u"taxAdjustment", document.taxAdjustment.toWireString());
        object.insert(u"currency", document.taxAdjustment.currency().code());
    }
    return object;
}

QJsonObject itemToJson(const PrimaItem &item)
{
    QJsonArray gtins;
    for (const auto &gtin : item.gtins)
        gtins.append(gtin);
    return QJsonObject{
        {str("sku"), item.sku},
        {str("style"), item.style},
        {str("matrix"),
         QJsonObject{{str("colour"), item.matrix.colour},
                     {str("size"), item.matrix.size},
                     {str("fit"), item.matrix.fit},
                     {str("extra"), item.matrix.extra}}},
        {str("gtin"), gtins},
        {str("description"), item.description},
        {str("status"), primaItemStatusString(item.status)},
        {str("priceIncVat"), item.priceIncVat.toWireString()},
        {str("currency"), item.priceIncVat.currency().code()},
        {str("vatCode"), item.vatCode},
        {str("vatRate"), rateToWire(item.vatRate)},
        {str("updatedAt"), timestampToJson(item.updatedAt)},
    };
}

QJsonObject stockLevelToJson(const PrimaStockLevel &level)
{
    return QJsonObject{
        {str("sku"), level.sku},
        {str("location"), level.location},
        {str("onHand"), static_cast<double>(level.onHand)},
        {str("allocated"), static_cast<double>(level.allocated)},
        {str("availableToSell"), static_cast<double>(level.availableToSell)},
        {str("nextAvailableDate"), dateToJson(level.nextAvailableDate)},
        {str("version"), static_cast<double>(level.version)},
        {str("asOf"), timestampToJson(level.observedAt)},
    };
}

QJsonObject taxCodeToJson(const PrimaTaxCode &taxCode)
{
    return QJsonObject{
        {str("code"), taxCode.code},
        {str("rate"), rateToWire(taxCode.rate)},
        {str("validFrom"), dateToJson(taxCode.validFrom)},
        {str("validTo"), dateToJson(taxCode.validTo)},
    };
}

QJsonObject locationToJson(const PrimaLocation &location)
{
    return QJsonObject{
        {str("id"), location.id},
        {str("name"), location.name},
        {str("type"), primaLocationTypeString(location.type)},
        // A location without a currency is null, as the reader accepts it; "" would not read back (R12 finding).
        {str("currency"), location.currency.isValid() ? QJsonValue(location.currency.code()) : QJsonValue()},
        {str("timezone"), location.timezone},
    };
}

QJsonObject ledgerPostingToJson(const PrimaLedgerPosting &posting)
{
    return QJsonObject{
        {str("postingId"), posting.postingId},
        {str("postingDate"), dateToJson(posting.postingDate)},
        {str("account"), posting.account},
        {str("location"), posting.location},
        {str("amount"), posting.amount.toWireString()},
        {str("currency"), posting.amount.currency().code()},
        {str("sourceDocumentNo"), posting.sourceDocumentNo},
        {str("externalRef"), posting.externalRef},
        {str("tender"), textOrNull(posting.tender)},
    };
}

QJsonObject periodToJson(const PrimaPeriod &period)
{
    return QJsonObject{{str("period"), period.period}, {str("status"), primaPeriodStatusString(period.status)}};
}

QJsonObject healthToJson(const PrimaHealth &health)
{
    return QJsonObject{
        {str("status"), health.status},
        {str("version"), health.version},
        {str("time"), timestampToJson(health.time)},
    };
}

QJsonObject problemToJson(const PrimaError &error)
{
    const QString code = error.codeText.isEmpty() ? primaErrorCodeString(error.code) : error.codeText;
    QJsonObject object{
        {str("type"), error.type.isEmpty() ? str("about:blank") : error.type},
        {str("title"), error.title},
        {str("status"), error.httpStatus},
        {str("code"), code},
        {str("detail"), error.detail},
    };
    if (!error.existingDocumentNo.isEmpty())
        object.insert(u"documentNo", error.existingDocumentNo);
    return object;
}

// ---- responses: readers ------------------------------------------------------------------------------------------

Result<PrimaDocumentResult> documentResultFromJson(const QJsonObject &object)
{
    PrimaDocumentResult document;
    document.documentNo = object.value(u"documentNo").toString();
    if (document.documentNo.isEmpty())
        return invalid(tr("The document has no “documentNo”."));
    document.externalRef = object.value(u"externalRef").toString();
    document.documentType = object.value(u"type").toString();
    document.status = object.value(u"status").toString();
    auto postingDate = dateFromJson(object.value(u"postingDate"));
    if (!postingDate)
        return postingDate.error();
    document.postingDate = *postingDate;
    const QJsonValue adjustment = object.value(u"taxAdjustment");
    if (!adjustment.isUndefined() && !adjustment.isNull()) {
        // The adjustment is in the document's currency; without one we cannot know its scale, so it is not read.
        auto currency = currencyFromJson(object.value(u"currency"));
        if (currency) {
            auto amount = moneyFromJson(adjustment, *currency);
            if (!amount)
                return amount.error();
            document.taxAdjustment = *amount;
        }
    }
    return document;
}

Result<PrimaItem> itemFromJson(const QJsonObject &object)
{
    PrimaItem item;
    item.sku = object.value(u"sku").toString();
    if (item.sku.isEmpty())
        return invalid(tr("An item has no “sku”."));
    item.style = object.value(u"style").toString();
    const QJsonObject matrix = object.value(u"matrix").toObject();
    item.matrix = {matrix.value(u"colour").toString(), matrix.value(u"size").toString(),
                   matrix.value(u"fit").toString(), matrix.value(u"extra").toString()};
    const QJsonValue gtins = object.value(u"gtin");
    if (gtins.isArray()) {
        for (const auto &gtin : gtins.toArray())
            item.gtins.append(gtin.toString());
    } else if (gtins.isString()) {
        item.gtins.append(gtins.toString());
    }
    item.description = object.value(u"description").toString();
    item.status = primaItemStatusFromString(object.value(u"status").toString());
    auto currency = currencyFromJson(object.value(u"currency"));
    if (!currency)
        return invalid(tr("Item %1: %2").arg(item.sku, currency.errorString()));
    auto price = moneyFromJson(object.value(u"priceIncVat"), *currency);
    if (!price)
        return invalid(tr("Item %1: %2").arg(item.sku, price.errorString()));
    item.priceIncVat = *price;
    item.vatCode = object.value(u"vatCode").toString();
    if (object.contains(u"vatRate") && !object.value(u"vatRate").isNull()) {
        auto rate = vatRateFromJson(object.value(u"vatRate"));
        if (!rate)
            return invalid(tr("Item %1: %2").arg(item.sku, rate.errorString()));
        item.vatRate = *rate;
    }
    auto updatedAt = timestampFromJson(object.value(u"updatedAt"));
    if (!updatedAt)
        return invalid(tr("Item %1: %2").arg(item.sku, updatedAt.errorString()));
    item.updatedAt = *updatedAt;
    return item;
}

Result<PrimaStockLevel> stockLevelFromJson(const QJsonObject &object)
{
    PrimaStockLevel level;
    level.sku = object.value(u"sku").toString();
    level.location = object.value(u"location").toString();
    if (level.sku.isEmpty() || level.location.isEmpty())
        return invalid(tr("A stock level has no “sku” or “location”."));
    const auto field = [&](const char *name, qint64 &target, bool required) -> Status {
        const QJsonValue value = object.value(QLatin1StringView(name));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return invalid(tr("Stock of %1 at %2 has no “%3”.").arg(level.sku, level.location, str(name)));
            return Status::success();
        }
        auto number = integerFromJson(value, str(name));
        if (!number)
            return number.error();
        target = *number;
        return Status::success();
    };
    const std::array<std::tuple<const char *, qint64 *, bool>, 4> fields{{
        {"availableToSell", &level.availableToSell, true},
        {"onHand", &level.onHand, false},
        {"allocated", &level.allocated, false},
        {"version", &level.version, true},
    }};
    for (const auto &[name, target, required] : fields) {
        if (auto status = field(name, *target, required); !status)
            return status.error();
    }
    auto nextAvailable = dateFromJson(object.value(u"nextAvailableDate"));
    if (!nextAvailable)
        return nextAvailable.error();
    level.nextAvailableDate = *nextAvailable;
    auto asOf = timestampFromJson(object.value(u"asOf"));
    if (!asOf)
        return asOf.error();
    level.observedAt = *asOf;
    return level;
}

Result<PrimaTaxCode> taxCodeFromJson(const QJsonObject &object)
{
    PrimaTaxCode taxCode;
    taxCode.code = object.value(u"code").toString();
    if (taxCode.code.isEmpty())
        return invalid(tr("A tax code has no “code”."));
    auto rate = vatRateFromJson(object.value(u"rate"));
    if (!rate)
        return invalid(tr("Tax code %1: %2").arg(taxCode.code, rate.errorString()));
    taxCode.rate = *rate;
    auto from = dateFromJson(object.value(u"validFrom"));
    auto to = dateFromJson(object.value(u"validTo"));
    if (!from)
        return from.error();
    if (!to)
        return to.error();
    taxCode.validFrom = *from;
    taxCode.validTo = *to;
    return taxCode;
}

Result<PrimaLocation> locationFromJson(const QJsonObject &object)
{
    PrimaLocation location;
    location.id = object.value(u"id").toString();
    if (location.id.isEmpty())
        return invalid(tr("A location has no “id”."));
    location.name = object.value(u"name").toString();
    location.type = primaLocationTypeFromString(object.value(u"type").toString());
    const QJsonValue currency = object.value(u"currency");
    if (currency.isString()) {
        auto parsed = Currency::fromCode(currency.toString());
        if (!parsed)
            return invalid(tr("Location %1: %2").arg(location.id, parsed.errorString()));
        location.currency = *parsed;
    }
    location.timezone = object.value(u"timezone").toString();
    return location;
}

Result<PrimaLedgerPosting> ledgerPostingFromJson(const QJsonObject &object)
{
    PrimaLedgerPosting posting;
    const QJsonValue id = object.value(u"postingId");
    if (id.isDouble()) {
        // Through integerFromJson: a huge number (1e300) must be an error, not an undefined cast (R12 finding).
        auto number = integerFromJson(id, str("postingId"));
        if (!number)
            return number.error();
        posting.postingId = QString::number(*number);
    } else {
        posting.postingId = id.toString();
    }
    if (posting.postingId.isEmpty())
        return invalid(tr("A ledger posting has no “postingId”."));
    auto date = dateFromJson(object.value(u"postingDate"));
    if (!date)
        return date.error();
    posting.postingDate = *date;
    posting.account = object.value(u"account").toString();
    posting.location = object.value(u"location").toString();
    auto currency = currencyFromJson(object.value(u"currency"));
    if (!currency)
        return invalid(tr("Posting %1: %2").arg(posting.postingId, currency.errorString()));
    auto amount = moneyFromJson(object.value(u"amount"), *currency);
    if (!amount)
        return invalid(tr("Posting %1: %2").arg(posting.postingId, amount.errorString()));
    posting.amount = *amount;
    posting.sourceDocumentNo = object.value(u"sourceDocumentNo").toString();
    posting.externalRef = object.value(u"externalRef").toString();
    posting.tender = object.value(u"tender").toString();
    return posting;
}

Result<PrimaPeriod> periodFromJson(const QJsonObject &object)
{
    PrimaPeriod period;
    period.period = object.value(u"period").toString();
    if (period.period.isEmpty())
        return invalid(tr("A period has no “period”."));
    period.status = primaPeriodStatusFromString(object.value(u"status").toString());
    return period;
}

Result<PrimaHealth> healthFromJson(const QJsonObject &object)
{
    PrimaHealth health;
    health.status = object.value(u"status").toString();
    if (health.status.isEmpty())
        return invalid(tr("The health answer has no “status”."));
    health.version = object.value(u"version").toString();
    auto time = timestampFromJson(object.value(u"time"));
    if (!time)
        return time.error();
    health.time = *time;
    return health;
}

Result<PrimaDocumentResult> parseDocumentResult(const QByteArray &body)
{
    auto object = objectFromBody(body);
    if (!object)
        return object.error();
    return documentResultFromJson(*object);
}

Result<QList<PrimaDocumentResult>> parseDocumentList(const QByteArray &body)
{
    auto object = objectFromBody(body);
    if (!object)
        return object.error();
    if (!object->value(u"items").isArray())
        return invalid(tr("Prima's answer has no “items” list."));
    return listFromArray(object->value(u"items").toArray(), &documentResultFromJson);
}

Result<PrimaPage<PrimaItem>> parseItemsPage(const QByteArray &body)
{
    return pageFromBody(body, &itemFromJson);
}

Result<PrimaPage<PrimaStockLevel>> parseStockPage(const QByteArray &body)
{
    return pageFromBody(body, &stockLevelFromJson);
}

Result<PrimaPage<PrimaLedgerPosting>> parseLedgerPage(const QByteArray &body)
{
    return pageFromBody(body, &ledgerPostingFromJson);
}

Result<QList<PrimaTaxCode>> parseTaxCodes(const QByteArray &body)
{
    auto array = arrayFromBody(body);
    if (!array)
        return array.error();
    return listFromArray(*array, &taxCodeFromJson);
}

Result<QList<PrimaLocation>> parseLocations(const QByteArray &body)
{
    auto array = arrayFromBody(body);
    if (!array)
        return array.error();
    return listFromArray(*array, &locationFromJson);
}

Result<QList<PrimaPeriod>> parsePeriods(const QByteArray &body)
{
    auto array = arrayFromBody(body);
    if (!array)
        return array.error();
    return listFromArray(*array, &periodFromJson);
}

Result<PrimaHealth> parseHealth(const QByteArray &body)
{
    auto object = objectFromBody(body);
    if (!object)
        return object.error();
    return healthFromJson(*object);
}

PrimaError parseProblem(int httpStatus, const QByteArray &body)
{
    PrimaError error;
    error.httpStatus = httpStatus;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        error.codeText = object.value(u"code").toString();
        error.type = object.value(u"type").toString();
        error.title = object.value(u"title").toString();
        error.detail = object.value(u"detail").toString();
        error.existingDocumentNo = object.value(u"documentNo").toString();
        if (error.existingDocumentNo.isEmpty())
            error.existingDocumentNo = object.value(u"existingDocumentNo").toString();
    } else if (!body.isEmpty()) {
        // Not problem+json (a proxy's HTML page, say): keep a short, printable excerpt for the log.
        constexpr qsizetype kExcerpt = 200;
        error.detail = QString::fromUtf8(body.left(kExcerpt)).simplified();
    }
    error.code = primaErrorCodeFromString(error.codeText);
    if (error.code == PrimaErrorCode::Other && error.codeText.isEmpty()) {
        if (httpStatus == 429)
            error.code = PrimaErrorCode::RateLimited;
        else if (httpStatus == 503)
            error.code = PrimaErrorCode::Unavailable;
    }
    return error;
}

QJsonObject batchResultsToJson(const QList<BatchEntry> &entries)
{
    QJsonArray results;
    for (const auto &entry : entries) {
        QJsonObject object{
            {str("status"), entry.status},
            {str("idempotencyReplayed"), entry.replayed},
            {str("body"), QJsonDocument::fromJson(entry.body).object()},
        };
        if (entry.retryAfter)
            object.insert(u"retryAfter", static_cast<double>(entry.retryAfter->count()));
        results.append(object);
    }
    return QJsonObject{{str("results"), results}};
}

Result<QList<BatchEntry>> parseBatchResults(const QByteArray &body)
{
    auto object = objectFromBody(body);
    if (!object)
        return object.error();
    if (!object->value(u"results").isArray())
        return invalid(tr("Prima's batch answer has no “results” list."));
    QList<BatchEntry> entries;
    const QJsonArray results = object->value(u"results").toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        auto status = integerFromJson(result.value(u"status"), str("status"));
        if (!status)
            return invalid(tr("Entry %1 of Prima's batch answer: %2").arg(i + 1).arg(status.errorString()));
        // Not an HTTP status: refused, because the int below would wrap 4294967497 into 201 (R12 finding).
        if (*status < 100 || *status > 599)
            return invalid(tr("Entry %1 of Prima's batch answer has status %2, which is not an HTTP status.")
                               .arg(i + 1)
                               .arg(*status));
        BatchEntry entry;
        entry.status = static_cast<int>(*status);
        entry.replayed = result.value(u"idempotencyReplayed").toBool();
        const QJsonValue retryAfter = result.value(u"retryAfter");
        if (!retryAfter.isUndefined() && !retryAfter.isNull()) {
            auto seconds = integerFromJson(retryAfter, str("retryAfter"));
            if (seconds && *seconds >= 0)
                entry.retryAfter = std::chrono::seconds(*seconds);
        }
        entry.body = toBody(result.value(u"body").toObject());
        entries.append(entry);
    }
    return entries;
}

} // namespace Tillbridge::Core::PrimaJson
