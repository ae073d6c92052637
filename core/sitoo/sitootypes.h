// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/currency.h"
#include "core/money/decimal.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tillbridge::Core {

// Value types for what the Sitoo client reads besides orders (sitoo-api.md §3). Enumerations Sitoo does not fully
// document are kept as raw ints: an unknown value is data to show, never a reason to drop a record. Fields that a
// `fields` projection may leave out are std::optional, so that "not sent" is never mistaken for false or zero.

/** One `{name, value}` attribute of a product variant, e.g. Size: M. */
struct SitooVariantAttribute
{
    QString name;
    QString value;
};

/** A Sitoo product (§3.4). Prices are in the site's price currency; `moneyprice` is normally gross (incl. VAT). */
struct SitooProduct
{
    qint64 productId = 0;
    QString sku;
    QString title;
    QString barcode;                       ///< empty when null
    std::optional<bool> active;            ///< deprecated webshop visibility
    std::optional<bool> activePos;         ///< false hides the product in the POS
    std::optional<qint64> vatId;           ///< the product group, which fixes the VAT
    std::optional<VatRate> vatRate;        ///< read-only `vatvalue` of the product group
    std::optional<Money> price;            ///< `moneyprice`: the default price list (id 1), normally incl. VAT
    std::optional<Money> priceOrg;         ///< `moneypriceorg`: suggested retail price
    std::optional<Money> priceIn;          ///< `moneypricein`: purchase price, always excl. VAT
    std::optional<Money> finalPrice;       ///< `moneyfinalprice`: the effective price after offers
    QDateTime dateModified;                ///< invalid when not sent
    std::optional<qint64> variantParentId; ///< null for a plain product; equal to productId for the main variant
    QList<SitooVariantAttribute> variant;

    /** True for a variant of another product (not the main variant, not a plain product). */
    bool isVariantChild() const { return variantParentId && *variantParentId != productId; }
};

/** A product group (§3.5): `vatid` and the VAT rate it applies. Type 10 product, 20 service, 30 gift card. */
struct SitooProductGroup
{
    qint64 vatId = 0;
    VatRate vatRate;                     ///< `value`
    std::optional<int> productGroupType; ///< raw
    QString name;                        ///< `productgroupname`
    QString comment;
};

/** A Sitoo store (§3.3). Orders carry its external id in additionaldata "store-externalid". */
struct SitooStore
{
    qint64 storeId = 0;
    std::optional<qint64> eshopId;
    std::optional<int> storeType; ///< raw; [C-ex] 10 Concept Store, 20 Outlet, 30 Pop-Up
    QString name;
    QString externalId; ///< empty when null
    QString externalGroupId;
    QString city;
    QString countryId; ///< ISO 3166 alpha-2 as Sitoo sends it (often lower case)
    QStringList tags;
};

/** A Sitoo warehouse (§3.8). Stock is pushed differently to FIFO and Virtual warehouses. */
struct SitooWarehouse
{
    static constexpr int kTypeFifo = 10;    ///< [I] inferred: every example uses 10, and 20 is Virtual
    static constexpr int kTypeVirtual = 20; ///< [C] S4

    qint64 warehouseId = 0;
    std::optional<int> warehouseType; ///< raw `warehousetype`; unknown values kept
    std::optional<int> useType;       ///< raw `usetype` (names unknown)
    std::optional<qint64> storeId;    ///< null for warehouses without a store
    std::optional<bool> sellable;
    std::optional<Currency> currency;
    QString name;
    QString externalId;

    bool isVirtual() const { return warehouseType == kTypeVirtual; }
    bool isFifo() const { return warehouseType == kTypeFifo; }
};

/** The stock of one SKU in one warehouse (§3.8), exact to Sitoo's three decimals. */
struct SitooWarehouseItem
{
    std::optional<qint64> warehouseItemId; ///< left out by the usual stock-count projection
    std::optional<qint64> warehouseId;     ///< in the schema, absent from the list example
    QString sku;
    Decimal total;                    ///< `decimaltotal`: on hand
    Decimal reserved;                 ///< `decimalreserved`
    Decimal available;                ///< `decimalavailable`: total − reserved in every example
    std::optional<Decimal> threshold; ///< `decimalthreshold`: reorder level
    std::optional<Money> stockValue;  ///< `moneytotal`: FIFO stock value, when a currency was given
    QString binLocation;
    QDateTime dateLastModified; ///< invalid when not sent
};

/** A POS payment type (§3.7.5). `paymentMethodId` is the raw POSPaymentMethod (100 cash, 210 Verifone LPP, ...). */
struct SitooPaymentType
{
    qint64 paymentTypeId = 0;
    std::optional<int> paymentMethodId; ///< raw
    QString name;                       ///< matches payments[].name on orders
    std::optional<int> sortOrder;
    QString externalId;
};

/** A Z-report's total for one VAT rate (`vatgroupssales[]` / `vatgroupsrefund[]`). */
struct SitooZReportVatGroup
{
    VatRate vatRate;
    Money total; ///< gross
    Money totalNet;
    Money totalVat;
};

/** A Z-report's total for one tender (`paymentssales[]` / `paymentsrefund[]`). */
struct SitooZReportPayment
{
    QString name;
    Money total;
};

/**
 * A Z-report (§3.11): one register's settlement for one opening period, the basis of payout reconciliation per store
 * and trading day. Only the figures Tillbridge reconciles are read (not yet: product groups, discounts, sales tax
 * and grand totals).
 */
struct SitooZReport
{
    qint64 zReportId = 0;
    QString registerId;  ///< guid
    QString registerKey; ///< kassabeteckning, e.g. "SII0000001500001"
    std::optional<qint64> eshopId;
    QString storeExternalId; ///< `store_id`: the store's external id
    QString storeName;
    Currency currency;
    QDateTime dateOpened;  ///< invalid when not sent
    QDateTime dateCreated; ///< when the report was taken (invalid when not sent)
    QDateTime dateAdded;   ///< when Sitoo received it: the paging cursor of GET /pos-z-reports
    Money salesTotal;      ///< `moneysalestotal`, gross
    std::optional<Money> salesTotalNet;
    std::optional<qint64> numSales;
    Money refundTotal; ///< `moneyrefundtotal`, gross (as Sitoo signs it)
    std::optional<Money> refundTotalNet;
    std::optional<qint64> numRefunds;
    std::optional<Money> roundOff;       ///< `moneyroundoff`
    std::optional<Money> summaryTotal;   ///< `moneysummarytotal`
    std::optional<Money> cashExpected;   ///< `moneycash_expected`
    std::optional<Money> cashCounted;    ///< `moneycash_counted`
    std::optional<Money> cashDifference; ///< `moneycash_diff`
    QList<SitooZReportVatGroup> vatGroupsSales;
    QList<SitooZReportVatGroup> vatGroupsRefund;
    QList<SitooZReportPayment> paymentsSales;
    QList<SitooZReportPayment> paymentsRefund;
};

/**
 * One element of a batch write's reply (§2.5), in input order: `{"statuscode": 200, "return": 28}`. The failing
 * element's shape is not documented; `errorText` holds its "errortext", or its "return" when that is text.
 */
struct SitooBatchElementResult
{
    int statusCode = 0;     ///< 0 when the element itself could not be read (errorText says why)
    QJsonValue returnValue; ///< the new id for adds, true for updates and deletes
    QString errorText;

    bool isSuccess() const { return statusCode >= 200 && statusCode < 300; }
};

/** Sitoo's error body (§2.6). Branch on statusCode, never on errorText (its wording is not documented). */
struct SitooError
{
    int statusCode = 0;
    QString errorText;
};

/** A collection envelope (§2.1): the total number of matches (not the page size) and this page's items. */
struct SitooCollection
{
    qint64 totalCount = 0;
    QJsonArray items;
};

/**
 * A parsed list: the elements that could be read completely, and a problem text for each element that could not
 * (naming the element, the field and the bad value). One bad product never hides the others.
 */
template <typename T> struct SitooList
{
    std::optional<qint64> totalCount; ///< the envelope's totalcount; empty for a bare array
    QList<T> items;
    QStringList problems;
    int skippedCount = 0; ///< elements left out of items because of problems
};

} // namespace Tillbridge::Core
