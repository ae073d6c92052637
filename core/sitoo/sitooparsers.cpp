// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sitoo/sitooparsers.h"

#include "core/sitoo/sitoojson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <functional>

namespace Tillbridge::Core::SitooParsers {

namespace {

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}

Result<QJsonDocument> parseDocument(const QByteArray &body)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        return invalid(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                   "The reply from Sitoo is not valid JSON (%1 at byte %2).")
                           .arg(jsonError.errorString())
                           .arg(jsonError.offset));
    }
    return document;
}

Result<SitooCollection> collectionFromObject(const QJsonObject &object)
{
    QStringList problems;
    SitooJsonReader envelope(
        object, QCoreApplication::translate("Tillbridge::Core::SitooParsers", "The list from Sitoo"), &problems);
    const auto totalCount = envelope.integer("totalcount");
    if (totalCount && *totalCount < 0) {
        envelope.addProblem(
            QCoreApplication::translate("Tillbridge::Core::SitooParsers", "\"totalcount\" is %1, which is not a count.")
                .arg(*totalCount));
    }
    const auto items = envelope.array("items", SitooField::Optional);
    // A page past the end still has "items": []; a missing list with matches means the reply is not what we asked.
    if (!items && problems.isEmpty() && totalCount.value_or(0) != 0) {
        envelope.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                        "\"totalcount\" is %1, but there is no \"items\" list.")
                                .arg(*totalCount));
    }
    if (!problems.isEmpty())
        return invalid(problems.join(u'\n'));
    return SitooCollection{totalCount.value_or(0), items.value_or(QJsonArray())};
}

struct ListBody
{
    std::optional<qint64> totalCount;
    QJsonArray elements;
};

Result<ListBody> listBody(const QByteArray &body)
{
    auto document = parseDocument(body);
    if (!document)
        return document.error();
    if (document->isArray())
        return ListBody{std::nullopt, document->array()};
    auto collection = collectionFromObject(document->object());
    if (!collection)
        return collection.error();
    return ListBody{collection->totalCount, collection->items};
}

/** "Product 1001" when the element's id can be read, "Product number 3 in the list" otherwise. */
QString elementWhere(const QJsonValue &element, const char *idKey, const QString &withId, const QString &byPosition,
                     int position)
{
    const QJsonValue id = element.toObject().value(QLatin1String(idKey));
    QString idText;
    if (id.isString())
        idText = id.toString();
    else if (auto exact = SitooJsonReader::exactInteger(id))
        idText = QString::number(*exact);
    return idText.isEmpty() ? byPosition.arg(position + 1) : withId.arg(idText);
}

/** The element as an object, or a problem saying what it is instead. */
std::optional<QJsonObject> elementObject(const QJsonValue &element, const QString &where, QStringList *problems)
{
    if (element.isObject())
        return element.toObject();
    problems->append(QCoreApplication::translate("Tillbridge::Core::SitooParsers", "%1 is %2, not an object.")
                         .arg(where, SitooJsonReader::describe(element)));
    return std::nullopt;
}

template <typename T>
using ElementReader = std::function<std::optional<T>(const QJsonValue &element, int position, QStringList *problems)>;

template <typename T> Result<SitooList<T>> parseList(const QByteArray &body, const ElementReader<T> &read)
{
    auto parsed = listBody(body);
    if (!parsed)
        return parsed.error();
    SitooList<T> list;
    list.totalCount = parsed->totalCount;
    for (int position = 0; position < parsed->elements.size(); ++position) {
        QStringList problems;
        auto item = read(parsed->elements.at(position), position, &problems);
        if (item && problems.isEmpty()) {
            list.items.append(std::move(*item));
        } else {
            list.problems += problems;
            ++list.skippedCount;
        }
    }
    return list;
}

/** A string that must not be empty (keys such as sku); adds a problem when it is. */
QString requiredText(SitooJsonReader &reader, const char *key)
{
    const QString text = reader.string(key, SitooField::Required);
    if (text.isEmpty() && reader.hasValue(key)) {
        reader.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooParsers", "\"%1\" is empty.")
                              .arg(QString::fromLatin1(key)));
    }
    return text;
}

QStringList readTextList(SitooJsonReader &reader, const char *key)
{
    QStringList texts;
    const auto array = reader.array(key, SitooField::Optional);
    if (!array)
        return texts;
    for (int i = 0; i < array->size(); ++i) {
        const QJsonValue value = array->at(i);
        if (value.isString()) {
            texts.append(value.toString());
        } else if (auto exact = SitooJsonReader::exactInteger(value)) {
            texts.append(QString::number(*exact)); // the schemas say strings, the examples send ints (§1.5)
        } else {
            reader.addProblem(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                          "\"%1\" item %2 is %3, which is not text.")
                                  .arg(QString::fromLatin1(key))
                                  .arg(i + 1)
                                  .arg(SitooJsonReader::describe(value)));
        }
    }
    return texts;
}

// ---- Products ------------------------------------------------------------------------------------------------------

QList<SitooVariantAttribute> readVariant(SitooJsonReader &product)
{
    QList<SitooVariantAttribute> attributes;
    const auto array = product.array("variant", SitooField::Optional);
    if (!array)
        return attributes;
    for (int i = 0; i < array->size(); ++i) {
        const QString where = QCoreApplication::translate("Tillbridge::Core::SitooParsers", "%1, variant attribute %2")
                                  .arg(product.where(), QString::number(i + 1));
        if (const auto object = elementObject(array->at(i), where, product.problemList())) {
            SitooJsonReader attribute(*object, where, product.problemList());
            attributes.append({attribute.string("name"), attribute.string("value")});
        }
    }
    return attributes;
}

std::optional<SitooProduct> readProduct(const QJsonObject &object, const QString &where, Currency currency,
                                        QStringList *problems)
{
    SitooJsonReader reader(object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooProduct product;
    product.productId = reader.integer("productid").value_or(0);
    product.sku = requiredText(reader, "sku");
    product.title = reader.string("title");
    product.barcode = reader.string("barcode");
    product.active = reader.boolean("active", SitooField::Optional);
    product.activePos = reader.boolean("activepos", SitooField::Optional);
    product.vatId = reader.integer("vatid", SitooField::Optional);
    product.vatRate = reader.vatRate("vatvalue", SitooField::Optional);
    product.price = reader.money("moneyprice", currency, SitooField::Optional);
    product.priceOrg = reader.money("moneypriceorg", currency, SitooField::Optional);
    product.priceIn = reader.money("moneypricein", currency, SitooField::Optional);
    product.finalPrice = reader.money("moneyfinalprice", currency, SitooField::Optional);
    product.dateModified = reader.date("datemodified", SitooField::Optional).value_or(QDateTime());
    product.variantParentId = reader.integer("variantparentid", SitooField::Optional);
    product.variant = readVariant(reader);
    if (reader.problemCount() != before)
        return std::nullopt;
    return product;
}

QString productWhere(const QJsonValue &element, int position)
{
    return elementWhere(
        element, "productid", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Product %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Product number %1 in the list"), position);
}

Status checkCurrency(Currency currency)
{
    if (currency.isValid())
        return Status::success();
    return invalid(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                               "Sitoo prices cannot be read without the site's currency."));
}

// ---- Product groups, stores, warehouses, payment types
// ---------------------------------------------------------------

std::optional<SitooProductGroup> readProductGroup(const QJsonValue &element, int position, QStringList *problems)
{
    const QString where = elementWhere(
        element, "vatid", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Product group %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Product group number %1 in the list"), position);
    const auto object = elementObject(element, where, problems);
    if (!object)
        return std::nullopt;
    SitooJsonReader reader(*object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooProductGroup group;
    group.vatId = reader.integer("vatid").value_or(0);
    group.vatRate = reader.vatRate("value").value_or(VatRate());
    group.productGroupType = reader.smallInteger("productgrouptype", SitooField::Optional);
    group.name = reader.string("productgroupname");
    group.comment = reader.string("comment");
    if (reader.problemCount() != before)
        return std::nullopt;
    return group;
}

std::optional<SitooStore> readStore(const QJsonValue &element, int position, QStringList *problems)
{
    const QString where = elementWhere(
        element, "storeid", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Store %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Store number %1 in the list"), position);
    const auto object = elementObject(element, where, problems);
    if (!object)
        return std::nullopt;
    SitooJsonReader reader(*object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooStore store;
    store.storeId = reader.integer("storeid").value_or(0);
    store.eshopId = reader.integer("eshopid", SitooField::Optional);
    store.storeType = reader.smallInteger("storetype", SitooField::Optional);
    store.name = reader.string("name");
    store.externalId = reader.string("externalid");
    store.externalGroupId = reader.string("externalgroupid");
    store.city = reader.string("city");
    store.countryId = reader.string("countryid");
    store.tags = readTextList(reader, "tags");
    if (reader.problemCount() != before)
        return std::nullopt;
    return store;
}

std::optional<SitooWarehouse> readWarehouse(const QJsonValue &element, int position, QStringList *problems)
{
    const QString where = elementWhere(
        element, "warehouseid", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Warehouse %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Warehouse number %1 in the list"), position);
    const auto object = elementObject(element, where, problems);
    if (!object)
        return std::nullopt;
    SitooJsonReader reader(*object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooWarehouse warehouse;
    warehouse.warehouseId = reader.integer("warehouseid").value_or(0);
    warehouse.warehouseType = reader.smallInteger("warehousetype", SitooField::Optional);
    warehouse.useType = reader.smallInteger("usetype", SitooField::Optional);
    warehouse.storeId = reader.integer("storeid", SitooField::Optional);
    warehouse.sellable = reader.boolean("sellable", SitooField::Optional);
    warehouse.currency = reader.currency("currencycode", SitooField::Optional);
    warehouse.name = reader.string("name");
    warehouse.externalId = reader.string("externalid");
    if (reader.problemCount() != before)
        return std::nullopt;
    return warehouse;
}

std::optional<SitooWarehouseItem> readWarehouseItem(const QJsonValue &element, int position, Currency currency,
                                                    QStringList *problems)
{
    const QString where = elementWhere(
        element, "sku", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Stock of SKU %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Stock line %1 in the list"), position);
    const auto object = elementObject(element, where, problems);
    if (!object)
        return std::nullopt;
    SitooJsonReader reader(*object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooWarehouseItem item;
    item.warehouseItemId = reader.integer("warehouseitemid", SitooField::Optional);
    item.warehouseId = reader.integer("warehouseid", SitooField::Optional);
    item.sku = requiredText(reader, "sku");
    item.total = reader.decimal("decimaltotal").value_or(Decimal());
    item.reserved = reader.decimal("decimalreserved").value_or(Decimal());
    item.available = reader.decimal("decimalavailable").value_or(Decimal());
    item.threshold = reader.decimal("decimalthreshold", SitooField::Optional);
    if (currency.isValid())
        item.stockValue = reader.money("moneytotal", currency, SitooField::Optional);
    item.binLocation = reader.string("binlocation");
    item.dateLastModified = reader.date("datelastmodified", SitooField::Optional).value_or(QDateTime());
    if (reader.problemCount() != before)
        return std::nullopt;
    return item;
}

std::optional<SitooPaymentType> readPaymentType(const QJsonValue &element, int position, QStringList *problems)
{
    const QString where = elementWhere(
        element, "paymenttypeid", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Payment type %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Payment type number %1 in the list"), position);
    const auto object = elementObject(element, where, problems);
    if (!object)
        return std::nullopt;
    SitooJsonReader reader(*object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooPaymentType type;
    type.paymentTypeId = reader.integer("paymenttypeid").value_or(0);
    type.paymentMethodId = reader.smallInteger("paymentmethodid", SitooField::Optional);
    type.name = reader.string("name");
    type.sortOrder = reader.smallInteger("sortorder", SitooField::Optional);
    type.externalId = reader.string("externalid");
    if (reader.problemCount() != before)
        return std::nullopt;
    return type;
}

// ---- Z-reports -----------------------------------------------------------------------------------------------------

QString reportListWhere(const SitooJsonReader &report, const char *key, int index)
{
    return QCoreApplication::translate("Tillbridge::Core::SitooParsers", "%1, \"%2\" item %3")
        .arg(report.where(), QString::fromLatin1(key), QString::number(index + 1));
}

QList<SitooZReportVatGroup> readVatGroups(SitooJsonReader &report, const char *key, Currency currency)
{
    QList<SitooZReportVatGroup> groups;
    const auto array = report.array(key, SitooField::Optional);
    if (!array)
        return groups;
    for (int i = 0; i < array->size(); ++i) {
        const QString where = reportListWhere(report, key, i);
        const auto object = elementObject(array->at(i), where, report.problemList());
        if (!object)
            continue;
        SitooJsonReader group(*object, where, report.problemList());
        SitooZReportVatGroup value;
        value.vatRate = group.vatRate("vatvalue").value_or(VatRate());
        value.total = group.money("moneytotal", currency).value_or(Money());
        value.totalNet = group.money("moneytotalnet", currency).value_or(Money());
        value.totalVat = group.money("moneytotalvat", currency).value_or(Money());
        groups.append(value); // used only if the report as a whole has no problems
    }
    return groups;
}

QList<SitooZReportPayment> readZReportPayments(SitooJsonReader &report, const char *key, Currency currency)
{
    QList<SitooZReportPayment> payments;
    const auto array = report.array(key, SitooField::Optional);
    if (!array)
        return payments;
    for (int i = 0; i < array->size(); ++i) {
        const QString where = reportListWhere(report, key, i);
        const auto object = elementObject(array->at(i), where, report.problemList());
        if (!object)
            continue;
        SitooJsonReader payment(*object, where, report.problemList());
        SitooZReportPayment value;
        value.name = payment.string("name", SitooField::Required);
        value.total = payment.money("moneytotal", currency).value_or(Money());
        payments.append(value);
    }
    return payments;
}

std::optional<SitooZReport> readZReport(const QJsonValue &element, int position, QStringList *problems)
{
    const QString where = elementWhere(
        element, "zreportid", QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Z-report %1"),
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Z-report number %1 in the list"), position);
    const auto object = elementObject(element, where, problems);
    if (!object)
        return std::nullopt;
    SitooJsonReader reader(*object, where, problems);
    const qsizetype before = reader.problemCount();
    SitooZReport report;
    report.zReportId = reader.integer("zreportid").value_or(0);
    report.registerId = reader.string("registerid");
    report.registerKey = reader.string("registerkey");
    report.eshopId = reader.integer("eshopid", SitooField::Optional);
    report.storeExternalId = reader.string("store_id");
    report.storeName = reader.string("store_name");
    report.currency = reader.currency("currencycode").value_or(Currency());
    const Currency currency = report.currency; // invalid if a problem: amounts are then only syntax-checked
    report.dateOpened = reader.date("dateopened", SitooField::Optional).value_or(QDateTime());
    report.dateCreated = reader.date("datecreated", SitooField::Optional).value_or(QDateTime());
    report.dateAdded = reader.date("dateadded").value_or(QDateTime());
    report.salesTotal = reader.money("moneysalestotal", currency).value_or(Money());
    report.salesTotalNet = reader.money("moneysalestotalnet", currency, SitooField::Optional);
    report.numSales = reader.integer("numsales", SitooField::Optional);
    report.refundTotal = reader.money("moneyrefundtotal", currency).value_or(Money());
    report.refundTotalNet = reader.money("moneyrefundtotalnet", currency, SitooField::Optional);
    report.numRefunds = reader.integer("numrefund", SitooField::Optional);
    report.roundOff = reader.money("moneyroundoff", currency, SitooField::Optional);
    report.summaryTotal = reader.money("moneysummarytotal", currency, SitooField::Optional);
    report.cashExpected = reader.money("moneycash_expected", currency, SitooField::Optional);
    report.cashCounted = reader.money("moneycash_counted", currency, SitooField::Optional);
    report.cashDifference = reader.money("moneycash_diff", currency, SitooField::Optional);
    report.vatGroupsSales = readVatGroups(reader, "vatgroupssales", currency);
    report.vatGroupsRefund = readVatGroups(reader, "vatgroupsrefund", currency);
    report.paymentsSales = readZReportPayments(reader, "paymentssales", currency);
    report.paymentsRefund = readZReportPayments(reader, "paymentsrefund", currency);
    if (reader.problemCount() != before)
        return std::nullopt;
    return report;
}

// ---- Batch results -------------------------------------------------------------------------------------------------

SitooBatchElementResult readBatchElement(const QJsonValue &element, int position)
{
    const QString where =
        QCoreApplication::translate("Tillbridge::Core::SitooParsers", "Batch result %1").arg(position + 1);
    SitooBatchElementResult result;
    QStringList problems;
    if (const auto object = elementObject(element, where, &problems)) {
        SitooJsonReader reader(*object, where, &problems);
        result.statusCode = reader.smallInteger("statuscode").value_or(0);
        // Results are told apart by their HTTP status; anything else (0 included) says nothing about the element.
        if (problems.isEmpty() && (result.statusCode < 100 || result.statusCode > 599)) {
            problems.append(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                        "%1: the status %2 is not an HTTP status.")
                                .arg(where)
                                .arg(result.statusCode));
        }
        result.returnValue = object->value(QLatin1String("return"));
        result.errorText = reader.string("errortext");
        // The failing element's shape is undocumented (§2.5, §7): take a textual "return" as its message.
        if (result.errorText.isEmpty() && !result.isSuccess() && result.returnValue.isString())
            result.errorText = result.returnValue.toString();
    }
    if (!problems.isEmpty()) {
        result.statusCode = 0;
        result.errorText = problems.join(u'\n');
    }
    return result;
}

} // namespace

Result<SitooCollection> parseCollection(const QByteArray &body)
{
    auto document = parseDocument(body);
    if (!document)
        return document.error();
    if (!document->isObject()) {
        return invalid(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                   "The reply from Sitoo is a bare list, not a {\"totalcount\", "
                                                   "\"items\"} envelope."));
    }
    return collectionFromObject(document->object());
}

Result<SitooError> parseError(const QByteArray &body)
{
    auto document = parseDocument(body);
    if (!document)
        return document.error();
    if (!document->isObject()) {
        return invalid(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                   "The reply from Sitoo is not an error body."));
    }
    QStringList problems;
    SitooJsonReader reader(document->object(),
                           QCoreApplication::translate("Tillbridge::Core::SitooParsers", "The error from Sitoo"),
                           &problems);
    SitooError error;
    error.statusCode = reader.smallInteger("statuscode").value_or(0);
    error.errorText = reader.string("errortext");
    if (!problems.isEmpty())
        return invalid(problems.join(u'\n'));
    return error;
}

Result<QList<SitooBatchElementResult>> parseBatchResults(const QByteArray &body)
{
    auto document = parseDocument(body);
    if (!document)
        return document.error();
    if (!document->isArray()) {
        return invalid(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                   "The reply to a batch write is not a list of results."));
    }
    const QJsonArray elements = document->array();
    QList<SitooBatchElementResult> results;
    results.reserve(elements.size());
    for (int position = 0; position < elements.size(); ++position)
        results.append(readBatchElement(elements.at(position), position));
    return results;
}

Result<QJsonValue> parseWriteReturn(const QByteArray &body)
{
    // QJsonDocument only parses objects and arrays; a bare 503 or true is read as the only element of [503].
    QJsonParseError jsonError;
    QByteArray wrapped;
    wrapped.reserve(body.size() + 2);
    wrapped.append('[').append(body).append(']');
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || document.array().size() != 1) {
        return invalid(QCoreApplication::translate("Tillbridge::Core::SitooParsers",
                                                   "The reply to a write is not a single JSON value."));
    }
    return document.array().at(0);
}

Result<SitooList<SitooProduct>> parseProducts(const QByteArray &body, Currency priceCurrency)
{
    if (auto status = checkCurrency(priceCurrency); !status)
        return status.error();
    return parseList<SitooProduct>(
        body,
        [priceCurrency](const QJsonValue &element, int position, QStringList *problems) -> std::optional<SitooProduct> {
            const QString where = productWhere(element, position);
            const auto object = elementObject(element, where, problems);
            if (!object)
                return std::nullopt;
            return readProduct(*object, where, priceCurrency, problems);
        });
}

Result<SitooProduct> parseProduct(const QByteArray &body, Currency priceCurrency)
{
    if (auto status = checkCurrency(priceCurrency); !status)
        return status.error();
    auto document = parseDocument(body);
    if (!document)
        return document.error();
    QStringList problems;
    const QJsonValue element = document->isObject() ? QJsonValue(document->object()) : QJsonValue(document->array());
    const QString where = productWhere(element, 0);
    const auto object = elementObject(element, where, &problems);
    std::optional<SitooProduct> product;
    if (object)
        product = readProduct(*object, where, priceCurrency, &problems);
    if (!product || !problems.isEmpty())
        return invalid(problems.join(u'\n'));
    return *product;
}

Result<SitooList<SitooProductGroup>> parseProductGroups(const QByteArray &body)
{
    return parseList<SitooProductGroup>(body, readProductGroup);
}

Result<SitooList<SitooStore>> parseStores(const QByteArray &body)
{
    return parseList<SitooStore>(body, readStore);
}

Result<SitooList<SitooWarehouse>> parseWarehouses(const QByteArray &body)
{
    return parseList<SitooWarehouse>(body, readWarehouse);
}

Result<SitooList<SitooWarehouseItem>> parseWarehouseItems(const QByteArray &body, Currency stockValueCurrency)
{
    return parseList<SitooWarehouseItem>(
        body, [stockValueCurrency](const QJsonValue &element, int position, QStringList *problems) {
            return readWarehouseItem(element, position, stockValueCurrency, problems);
        });
}

Result<SitooList<SitooPaymentType>> parsePaymentTypes(const QByteArray &body)
{
    return parseList<SitooPaymentType>(body, readPaymentType);
}

Result<SitooList<SitooZReport>> parseZReports(const QByteArray &body)
{
    return parseList<SitooZReport>(body, readZReport);
}

} // namespace Tillbridge::Core::SitooParsers
