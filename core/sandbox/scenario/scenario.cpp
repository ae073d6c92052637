// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/scenario/scenario.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

namespace Tillbridge::Sandbox {

using namespace Qt::StringLiterals;

namespace {

QJsonValue nullValue()
{
    return QJsonValue(QJsonValue::Null);
}

QString wire(const Core::Money &money)
{
    return money.toWireString();
}

QString zeroMoney(const Core::Currency &currency)
{
    return Core::Money::zero(currency).toWireString();
}

// Sitoo sends VAT percentages as JSON numbers ("vatvalue": 25). Every rate of the demo is a whole percent, so the
// integer is exact; a fractional rate would need a decimal text, never a double.
QJsonValue vatValue(const Core::VatRate &rate)
{
    Q_ASSERT(rate.units() % Core::VatRate::kUnitsPerPercent == 0);
    return QJsonValue(rate.units() / Core::VatRate::kUnitsPerPercent);
}

QJsonObject pairsToObject(const QList<QPair<QString, QString>> &pairs)
{
    QJsonObject object;
    for (const auto &pair : pairs)
        object.insert(pair.first, pair.second);
    return object;
}

QString friendlyName(const QString &title)
{
    QString slug;
    slug.reserve(title.size());
    bool dash = false;
    for (QChar c : title) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            slug += c.toLower();
            dash = false;
        } else if (!dash && !slug.isEmpty()) {
            slug += u'-';
            dash = true;
        }
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

QString decimalQuantity(qint64 quantity)
{
    return Core::Decimal(quantity * 1000, 3).toString();
}

} // namespace

const ScenarioSite *Scenario::site(int eshopId) const
{
    for (const ScenarioSite &site : m_sites) {
        if (site.eshopId == eshopId)
            return &site;
    }
    return nullptr;
}

const ScenarioStore *Scenario::storeForWarehouse(qint64 warehouseId) const
{
    for (const ScenarioStore &store : m_stores) {
        if (store.warehouseId == warehouseId)
            return &store;
    }
    return nullptr;
}

QStringList Scenario::usualPaymentMethodNames(Region region)
{
    if (region == Region::Sweden)
        return {u"Card"_s, u"Cash"_s, u"Gift Card"_s, u"Swish"_s, u"Klarna"_s};
    return {u"Card"_s, u"Cash"_s, u"Gift Card"_s};
}

qsizetype Scenario::indexOfOrder(qint64 orderId) const
{
    const auto it = std::lower_bound(m_orders.cbegin(), m_orders.cend(), orderId,
                                     [](const ScenarioOrder &order, qint64 id) { return order.orderId < id; });
    if (it == m_orders.cend() || it->orderId != orderId)
        return -1;
    return it - m_orders.cbegin();
}

QJsonObject Scenario::siteJson(const ScenarioSite &site)
{
    return QJsonObject{
        {u"siteid"_s, site.siteGuid},
        {u"eshopid"_s, site.eshopId},
        {u"protocol"_s, u"https"_s},
        {u"server"_s, u"tillbridge-%1.mysitoo.com"_s.arg(regionCode(site.region))},
        {u"abspath"_s, u"/"_s},
        {u"siteurl"_s, u"https://tillbridge-%1.mysitoo.com/"_s.arg(regionCode(site.region))},
        {u"name"_s, site.name},
        {u"currencycode"_s, site.currency.code()},
        {u"timezone"_s, site.timeZoneId},
    };
}

QJsonObject Scenario::storeJson(const ScenarioStore &store)
{
    return QJsonObject{
        {u"storeid"_s, store.storeId},
        {u"eshopid"_s, store.eshopId},
        {u"storetype"_s, store.storeType},
        {u"name"_s, store.name},
        {u"externalid"_s, store.externalId},
        {u"externalgroupid"_s, store.externalGroupId},
        {u"phone"_s, store.phone},
        {u"email"_s, store.email},
        {u"address"_s, store.address},
        {u"address2"_s, u""_s},
        {u"zip"_s, store.zip},
        {u"city"_s, store.city},
        {u"state"_s, u""_s},
        {u"countryid"_s, store.countryCode},
        {u"latitude"_s, nullValue()},
        {u"longitude"_s, nullValue()},
        {u"nearby_stores"_s, QJsonArray()},
        {u"usetype_movein"_s, nullValue()},
        {u"usetype_moveout"_s, nullValue()},
        {u"usetype_manualin"_s, nullValue()},
        {u"usetype_manualout"_s, nullValue()},
        {u"usetype_shipmentin"_s, nullValue()},
        {u"usetype_shipmentout"_s, nullValue()},
        {u"tags"_s, QJsonArray()},
        {u"additional_data"_s, nullValue()},
    };
}

QJsonObject Scenario::warehouseJson(const ScenarioStore &store)
{
    return QJsonObject{
        {u"warehouseid"_s, store.warehouseId},
        {u"warehousetype"_s, int(store.warehouseType)},
        {u"usetype"_s, 10},
        {u"storeid"_s, store.storeId},
        {u"sellable"_s, true},
        {u"currencycode"_s, store.currency.code()},
        {u"name"_s, store.warehouseName},
        {u"address"_s, store.address},
        {u"address2"_s, u""_s},
        {u"zip"_s, store.zip},
        {u"city"_s, store.city},
        {u"state"_s, u""_s},
        {u"countryid"_s, store.countryCode},
        {u"externalid"_s, store.warehouseExternalId},
    };
}

QJsonObject Scenario::productGroupJson(const ScenarioProductGroup &group)
{
    return QJsonObject{
        {u"vatid"_s, group.vatId},
        {u"value"_s, vatValue(group.vatRate)},
        {u"productgrouptype"_s, group.productGroupType},
        {u"productgroupname"_s, group.name},
        {u"comment"_s, u""_s},
    };
}

QJsonObject Scenario::productJson(const SitooProductRecord &product)
{
    QJsonArray variant;
    for (const auto &attribute : product.variant)
        variant.append(QJsonObject{{u"name"_s, attribute.first}, {u"value"_s, attribute.second}});
    const QString zero = zeroMoney(product.price.currency());
    QJsonObject o;
    o.insert(u"productid"_s, product.productId);
    o.insert(u"sku"_s, product.sku);
    o.insert(u"skumanufacturer"_s, u""_s);
    o.insert(u"title"_s, product.title);
    o.insert(u"descriptionshort"_s, u""_s);
    o.insert(u"description"_s, u""_s);
    o.insert(u"descriptionhtml"_s, u""_s);
    o.insert(u"deliverystatus"_s, u""_s);
    o.insert(u"moneyprice"_s, wire(product.price));
    o.insert(u"moneypriceorg"_s, wire(product.price));
    o.insert(u"moneypricein"_s, wire(product.purchasePrice));
    o.insert(u"moneyfinalprice"_s, wire(product.price));
    o.insert(u"unitlabel"_s, u""_s);
    o.insert(u"allowdecimals"_s, false);
    o.insert(u"deliveryinfo"_s, u""_s);
    o.insert(u"externalinputtitle"_s, u""_s);
    o.insert(u"offerisenabled"_s, false);
    o.insert(u"moneyofferprice"_s, zero);
    o.insert(u"offertitle"_s, u""_s);
    o.insert(u"offerdatestart"_s, nullValue());
    o.insert(u"offerdateend"_s, nullValue());
    o.insert(u"offerisactive"_s, false);
    o.insert(u"active"_s, product.active);
    o.insert(u"activepos"_s, product.activePos);
    o.insert(u"vatid"_s, product.vatId);
    o.insert(u"vatvalue"_s, vatValue(product.vatRate));
    o.insert(u"productgrouptype"_s, 10);
    o.insert(u"deliveryclassid"_s, 1);
    o.insert(u"defaultcategoryid"_s, product.categoryId);
    o.insert(u"categories"_s, QJsonArray{product.categoryId});
    o.insert(u"manufacturerid"_s, nullValue());
    o.insert(u"manufacturerurl"_s, u""_s);
    o.insert(u"custom1"_s, u""_s);
    o.insert(u"custom2"_s, u""_s);
    o.insert(u"custom3"_s, u""_s);
    o.insert(u"custom4"_s, u""_s);
    o.insert(u"custom5"_s, u""_s);
    o.insert(u"stockcountenable"_s, true);
    o.insert(u"stockallowbackorder"_s, false);
    o.insert(u"variantparentid"_s,
             product.variantParentId ? QJsonValue(*product.variantParentId) : nullValue());
    o.insert(u"variant"_s, variant);
    o.insert(u"barcode"_s, product.barcode.isEmpty() ? nullValue() : QJsonValue(product.barcode));
    o.insert(u"barcodealiases"_s, QJsonArray());
    o.insert(u"similar"_s, QJsonArray());
    o.insert(u"related"_s, QJsonArray());
    o.insert(u"accessories"_s, QJsonArray());
    o.insert(u"pricelisthasvolume"_s, false);
    o.insert(u"friendly"_s, friendlyName(product.title));
    o.insert(u"seo_title"_s, u""_s);
    o.insert(u"seo_keywords"_s, u""_s);
    o.insert(u"seo_description"_s, u""_s);
    o.insert(u"datecreated"_s, product.dateCreated);
    o.insert(u"datemodified"_s, product.dateModified);
    return o;
}

QJsonObject Scenario::paymentTypeJson(const ScenarioPaymentType &type)
{
    return QJsonObject{
        {u"paymenttypeid"_s, type.paymentTypeId},
        {u"paymentmethodid"_s, type.paymentMethodId},
        {u"name"_s, type.name},
        {u"sortorder"_s, type.sortOrder},
        {u"externalid"_s, type.externalId},
    };
}

QJsonObject Scenario::warehouseItemJson(const ScenarioWarehouseItem &item)
{
    const Core::Decimal available(item.total.units() - item.reserved.units(), item.total.scale());
    return QJsonObject{
        {u"warehouseitemid"_s, item.warehouseItemId},
        {u"sku"_s, item.sku},
        {u"binlocation"_s, item.binLocation},
        {u"decimalthreshold"_s, item.threshold.toString()},
        {u"decimaltotal"_s, item.total.toString()},
        {u"moneytotal"_s, wire(item.stockValue)},
        {u"datelastmodified"_s, item.dateLastModified},
        {u"datelaststocktaking"_s,
         item.dateLastStocktaking ? QJsonValue(*item.dateLastStocktaking) : nullValue()},
        {u"decimalreserved"_s, item.reserved.toString()},
        {u"decimalavailable"_s, available.toString()},
    };
}

QJsonObject Scenario::catalogueItemJson(const CatalogueItem &item)
{
    const auto price = [](const CataloguePrice &p) {
        return QJsonObject{{u"currency"_s, p.grossPrice.currency().code()},
                           {u"grossprice"_s, wire(p.grossPrice)},
                           {u"vatrate"_s, p.vatRate.toString()}};
    };
    return QJsonObject{
        {u"sku"_s, item.sku},
        {u"style"_s, item.style},
        {u"colour"_s, item.colour},
        {u"size"_s, item.size},
        {u"title"_s, item.title},
        {u"barcode"_s, item.barcode},
        {u"productgroup"_s, item.productGroup},
        {u"prices"_s, QJsonArray{price(item.gbp), price(item.sek)}},
        {u"status"_s, catalogueStatusCode(item.status)},
    };
}

QJsonObject Scenario::defectJson(const ScenarioDefect &defect)
{
    return QJsonObject{
        {u"orderid"_s, defect.orderId},
        {u"type"_s, defectTypeCode(defect.type)},
        {u"kind"_s, defect.kind},
        {u"sku"_s, defect.sku},
        {u"description"_s, defect.description},
    };
}

QJsonObject Scenario::orderJson(const ScenarioOrder &order, bool withLogItems) const
{
    const ScenarioStore &store = m_stores.at(order.storeIndex);
    const ScenarioRegister &posRegister = store.registers.at(order.registerIndex);
    const ScenarioStaff &staff = store.staff.at(order.staffIndex);
    const QString zero = zeroMoney(order.currency);

    QJsonArray items;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const ScenarioOrderLine &line = order.lines.at(i);
        QJsonObject additional{{u"product-group-name"_s, line.productGroupName}};
        if (line.originalLineIndex >= 0) {
            additional.insert(u"pos-originalsales-orderitemid"_s, QString::number(line.originalLineIndex));
            additional.insert(u"reasoncode-return"_s, line.returnReasonCode);
        }
        QString rowNet = wire(line.rowNet);
        if (i == 0 && order.malformation == OrderMalformation::CommaDecimalMoney)
            rowNet.replace(u'.', u','); // the "12,50" a mis-configured till locale produces
        QJsonObject item;
        item.insert(u"orderitemid"_s, qint64(i));
        item.insert(u"orderitemtype"_s, 10);
        item.insert(u"productid"_s, line.productId);
        item.insert(u"productname"_s, line.productName);
        item.insert(u"sku"_s, line.sku);
        item.insert(u"productattributes"_s, line.productAttributes);
        item.insert(u"externalinput"_s, u""_s);
        item.insert(u"externalinputtitle"_s, u""_s);
        item.insert(u"unitlabel"_s, u""_s);
        item.insert(u"quantity"_s, line.quantity);
        item.insert(u"decimalunitquantity"_s, nullValue());
        item.insert(u"decimalquantitytotal"_s, decimalQuantity(line.quantity));
        item.insert(u"moneynetpriceperunit"_s, wire(line.netPerUnit));
        item.insert(u"moneynetpriceperquantity"_s, wire(line.netPerUnit));
        item.insert(u"moneypriceorg"_s, zero);
        item.insert(u"vatvalue"_s, vatValue(line.vatRate));
        item.insert(u"deliveryinfo"_s, u""_s);
        item.insert(u"moneyitemtotal_net"_s, rowNet);
        item.insert(u"moneyitemtotal_vat"_s, wire(line.rowVat));
        item.insert(u"voucherid"_s, line.voucherId);
        item.insert(u"vouchercode"_s, line.voucherCode);
        item.insert(u"vouchername"_s, line.voucherName);
        item.insert(u"moneyoriginalprice"_s, wire(line.originalNetPerUnit));
        item.insert(u"moneydiscountedprice"_s, line.hasVoucher() ? wire(line.netPerUnit) : zero);
        item.insert(u"moneydiscount"_s, wire(line.discountNetPerUnit));
        item.insert(u"salestaxes"_s, QJsonArray());
        item.insert(u"additionaldata"_s, additional);
        items.append(item);
    }

    QJsonArray payments;
    for (const ScenarioPayment &payment : order.payments) {
        payments.append(QJsonObject{
            {u"name"_s, payment.name},
            {u"moneyamount"_s, wire(payment.amount)},
            {u"externalid"_s, payment.externalId},
            {u"reftype"_s, payment.refType},
            {u"refid"_s, payment.refId},
            {u"cardissuer"_s, payment.cardIssuer},
            {u"additionaldata"_s, pairsToObject(payment.additionalData)},
        });
    }

    QJsonObject additional{
        {u"pos-receiptid"_s, order.receiptId},
        {u"pos-timezone"_s, store.timeZoneId},
        {u"pos-staff-userid"_s, staff.userId},
        {u"pos-staff-externalid"_s, staff.externalId},
        {u"store-externalid"_s, store.externalId},
        {u"store-externalgroupid"_s, store.externalGroupId},
        {u"store-name"_s, store.name},
    };
    if (order.creditOrderId) {
        additional.insert(u"pos-originalsales-orderid"_s, QString::number(*order.creditOrderId));
        additional.insert(u"refundreasoncode-reasoncode"_s, order.refundReasonCode);
        additional.insert(u"refundreasoncode-comment"_s, order.refundReasonComment);
    }

    QJsonObject o;
    o.insert(u"orderid"_s, order.orderId);
    o.insert(u"eshopid"_s, order.eshopId);
    o.insert(u"externalid"_s, nullValue());
    o.insert(u"creditorderid"_s, order.creditOrderId ? QJsonValue(*order.creditOrderId) : nullValue());
    o.insert(u"checkouttypeid"_s, 0);
    o.insert(u"deliverytypeid"_s, 0);
    for (const auto &key : {u"email"_s, u"namefirst"_s, u"namelast"_s, u"personalid"_s, u"company"_s, u"phone"_s,
                            u"invoice_address"_s, u"invoice_address2"_s, u"invoice_zip"_s, u"invoice_city"_s,
                            u"invoice_state"_s, u"invoice_countryid"_s, u"delivery_address"_s,
                            u"delivery_address2"_s, u"delivery_zip"_s, u"delivery_city"_s, u"delivery_state"_s,
                            u"delivery_countryid"_s, u"comment"_s, u"commentinternal"_s, u"customerref"_s,
                            u"checkoutref"_s}) {
        o.insert(key, u""_s); // anonymous POS sale
    }
    o.insert(u"moneytotal_net"_s, wire(order.totalNet));
    o.insert(u"moneytotal_vat"_s, wire(order.totalVat));
    o.insert(u"moneycheckout_net"_s, zero);
    o.insert(u"moneycheckout_vat"_s, zero);
    o.insert(u"moneytotal_gross_checkout"_s, zero);
    o.insert(u"moneydelivery_net"_s, zero);
    o.insert(u"moneydelivery_vat"_s, zero);
    o.insert(u"moneytotal_gross_delivery"_s, zero);
    o.insert(u"moneyfinal_net"_s, wire(order.totalNet));
    o.insert(u"moneyfinal_vat"_s, wire(order.totalVat));
    o.insert(u"moneyfinal_salestax"_s, zero);
    o.insert(u"moneytotal_gross_roundoff"_s, wire(order.roundOff));
    o.insert(u"moneytotal_gross_all"_s, wire(order.totalGross));
    o.insert(u"checkouttypename"_s,
             order.payments.isEmpty() ? u"Sitoo POS"_s : u"Sitoo POS - "_s + order.payments.first().name);
    o.insert(u"checkoutmethodid"_s, 0);
    o.insert(u"checkoutmethodsubid"_s, 0);
    o.insert(u"deliverytypename"_s, u""_s);
    o.insert(u"orderdate"_s, order.orderDate);
    o.insert(u"orderstateid"_s, 10);
    o.insert(u"paymentstateid"_s, 20);
    o.insert(u"ordertypeid"_s, 10);
    o.insert(u"userid_staff"_s, staff.userId);
    o.insert(u"registerid"_s, posRegister.registerId);
    o.insert(u"warehouseid"_s, order.warehouseId);
    o.insert(u"datereserved"_s, nullValue());
    o.insert(u"currencycode"_s, order.malformation == OrderMalformation::NullCurrency
                                    ? nullValue()
                                    : QJsonValue(order.currency.code()));
    o.insert(u"additionaldata"_s, additional);
    o.insert(u"orderitems"_s, items);
    o.insert(u"payments"_s, payments);
    if (withLogItems) {
        const QString receiptText = u"Register %1 (%2)\nReceipt #%3\n%4"_s.arg(posRegister.registerNumber)
                                        .arg(posRegister.registerKey)
                                        .arg(order.receiptNumber)
                                        .arg(staff.name);
        o.insert(u"orderlogitems"_s,
                 QJsonArray{
                     QJsonObject{{u"datelog"_s, order.orderDate},
                                 {u"orderlogtypeid"_s, 0},
                                 {u"strvalue"_s, nullValue()},
                                 {u"fvalue"_s, nullValue()}},
                     QJsonObject{{u"datelog"_s, order.orderDate},
                                 {u"orderlogtypeid"_s, 999},
                                 {u"strvalue"_s, receiptText},
                                 {u"fvalue"_s, nullValue()}},
                 });
    }
    return o;
}

QJsonObject Scenario::toJson() const
{
    QJsonArray sites;
    for (const ScenarioSite &site : m_sites)
        sites.append(siteJson(site));

    QJsonArray stores;
    for (const ScenarioStore &store : m_stores) {
        QJsonObject object = storeJson(store);
        object.insert(u"timezone"_s, store.timeZoneId);
        object.insert(u"currencycode"_s, store.currency.code());
        object.insert(u"primalocation"_s, store.primaLocationCode);
        object.insert(u"warehouse"_s, warehouseJson(store));
        QJsonArray registers;
        for (const ScenarioRegister &r : store.registers) {
            registers.append(QJsonObject{{u"registerid"_s, r.registerId},
                                         {u"registerkey"_s, r.registerKey},
                                         {u"manufacturerid"_s, r.manufacturerId},
                                         {u"registernumber"_s, r.registerNumber}});
        }
        object.insert(u"registers"_s, registers);
        QJsonArray staff;
        for (const ScenarioStaff &s : store.staff) {
            staff.append(QJsonObject{
                {u"userid"_s, s.userId}, {u"externalid"_s, s.externalId}, {u"name"_s, s.name}});
        }
        object.insert(u"staff"_s, staff);
        stores.append(object);
    }

    QJsonArray groups;
    for (const ScenarioProductGroup &group : m_productGroups) {
        QJsonObject object = productGroupJson(group);
        object.insert(u"eshopid"_s, group.eshopId);
        groups.append(object);
    }
    QJsonArray vouchers;
    for (const ScenarioVoucher &voucher : m_vouchers) {
        vouchers.append(QJsonObject{{u"voucherid"_s, voucher.voucherId},
                                    {u"vouchercode"_s, voucher.code},
                                    {u"vouchername"_s, voucher.name},
                                    {u"percentoff"_s, voucher.percentOff}});
    }
    QJsonArray paymentTypes;
    for (const ScenarioPaymentType &type : m_paymentTypes) {
        QJsonObject object = paymentTypeJson(type);
        object.insert(u"eshopid"_s, type.eshopId);
        paymentTypes.append(object);
    }
    QJsonArray catalogue;
    for (const CatalogueItem &item : m_catalogue)
        catalogue.append(catalogueItemJson(item));
    QJsonArray products;
    for (const SitooProductRecord &product : m_products) {
        QJsonObject object = productJson(product);
        object.insert(u"eshopid"_s, product.eshopId);
        products.append(object);
    }
    QJsonArray orders;
    for (const ScenarioOrder &order : m_orders)
        orders.append(orderJson(order, true));
    QJsonArray items;
    for (const ScenarioWarehouseItem &item : m_warehouseItems) {
        QJsonObject object = warehouseItemJson(item);
        object.insert(u"warehouseid"_s, item.warehouseId);
        items.append(object);
    }
    QJsonArray zReports;
    for (const QJsonObject &report : m_zReports)
        zReports.append(report);
    QJsonArray defects;
    for (const ScenarioDefect &defect : m_defects)
        defects.append(defectJson(defect));

    return QJsonObject{
        {u"options"_s,
         QJsonObject{{u"seed"_s, qint64(m_options.seed)},
                     {u"storecount"_s, m_options.storeCount},
                     {u"tradingdays"_s, m_options.tradingDays},
                     {u"firsttradingday"_s, m_options.firstTradingDay.toString(Qt::ISODate)},
                     {u"defectrate"_s, m_options.defectRate},
                     {u"ordersperstoreday"_s, m_options.ordersPerStoreDay},
                     {u"refundrate"_s, m_options.refundRate},
                     {u"stylecount"_s, m_options.styleCount},
                     {u"firstorderid"_s, m_options.firstOrderId}}},
        {u"credentials"_s,
         QJsonObject{{u"accountid"_s, m_credentials.accountId},
                     {u"apiid"_s, m_credentials.apiId},
                     {u"password"_s, m_credentials.password}}},
        {u"sites"_s, sites},
        {u"stores"_s, stores},
        {u"productgroups"_s, groups},
        {u"vouchers"_s, vouchers},
        {u"pospaymenttypes"_s, paymentTypes},
        {u"catalogue"_s, catalogue},
        {u"products"_s, products},
        {u"orders"_s, orders},
        {u"warehouseitems"_s, items},
        {u"zreports"_s, zReports},
        {u"defects"_s, defects},
    };
}

QByteArray Scenario::toCanonicalJson() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

} // namespace Tillbridge::Sandbox
