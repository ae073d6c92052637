// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/currency.h"
#include "core/money/decimal.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QTime>

#include <optional>

namespace Tillbridge::Sandbox {

// Plain value types of a generated scenario. They describe what the emulated Sitoo serves and the facts the Prima
// side needs (the catalogue), without any Sitoo client or Prima types, so both sides of a test can be set up from
// the same scenario.

/** The tax regions of the demo: they fix the currency, the VAT rates and the time zone of a store. */
enum class Region { UnitedKingdom, Sweden };

/** "uk" or "se". */
QString regionCode(Region region);

/** Sitoo REST API credentials of the scenario's account (sitoo-api.md §1.3). */
struct ApiCredentials
{
    QString accountId; ///< e.g. "90001"; the first segment of the API id
    QString apiId;     ///< e.g. "90001-1"
    QString password;  ///< random, from the seed
};

/** A Sitoo site (eshop). The demo has one per region: eshopid 1 is the UK (GBP), eshopid 2 Sweden (SEK). */
struct ScenarioSite
{
    int eshopId = 0;
    Region region = Region::UnitedKingdom;
    Core::Currency currency;
    QString timeZoneId; ///< IANA, e.g. "Europe/Stockholm"
    QString countryCode; ///< ISO 3166 alpha-2, lower case as Sitoo's examples
    QString name;
    QString siteGuid; ///< the legacy `siteid`
};

/** Sitoo warehouse types (sitoo-api.md §3.8): 20 is Virtual [C]; 10 FIFO is inferred [I]. */
enum class WarehouseType { Fifo = 10, Virtual = 20 };

/** A POS register of a store (§3.11 posregister). Receipt ids are the register key plus the receipt number. */
struct ScenarioRegister
{
    QString registerId;     ///< guid
    QString registerKey;    ///< kassabeteckning, 16 characters, e.g. "SIE9000100020001"
    QString manufacturerId; ///< tillverkningsnummer
    int registerNumber = 1; ///< 1-based within the store
};

/** A member of the store staff, as orders and Z-reports reference them. */
struct ScenarioStaff
{
    QString userId;     ///< guid
    QString externalId; ///< initials, e.g. "PS"
    QString name;
};

/** A store with its one warehouse, its registers and staff, and the Prima location it posts to. */
struct ScenarioStore
{
    int storeId = 0;
    int eshopId = 0;
    Region region = Region::UnitedKingdom;
    Core::Currency currency;
    QString timeZoneId;
    int storeType = 10; ///< 10 Store, 20 Outlet ([I] §3.3)
    QString name;
    QString externalId;      ///< Sitoo `externalid`, echoed as "store-externalid" on orders
    QString externalGroupId; ///< "UK" or "NORDIC"
    QString primaLocationCode;
    QString address;
    QString zip;
    QString city;
    QString countryCode;
    QString phone;
    QString email;
    qint64 warehouseId = 0;
    WarehouseType warehouseType = WarehouseType::Fifo;
    QString warehouseName;
    QString warehouseExternalId;
    QList<ScenarioRegister> registers;
    QList<ScenarioStaff> staff;
};

/** A Sitoo product group: the VAT rate of the products in it (§3.5). */
struct ScenarioProductGroup
{
    int eshopId = 0;
    int vatId = 0;
    Core::VatRate vatRate;
    int productGroupType = 10; ///< 10 product
    QString name;
};

/** Whether the Prima item master lets a SKU be sold. */
enum class CatalogueStatus { Active, Discontinued };

/** "active" or "discontinued". */
QString catalogueStatusCode(CatalogueStatus status);

/** A gross (VAT-inclusive) shelf price and the VAT rate that applies to it in one currency's region. */
struct CataloguePrice
{
    Core::Money grossPrice;
    Core::VatRate vatRate;
};

/** A SKU as the Prima item master knows it: the product master that Tillbridge pushes to Sitoo. */
struct CatalogueItem
{
    QString sku;          ///< e.g. "TS100-BLK-M"
    QString style;        ///< e.g. "TS100"
    QString colour;       ///< colour code, e.g. "BLK"; empty for products without colours
    QString size;         ///< e.g. "M"; empty for products without sizes
    QString title;        ///< e.g. "T-shirt Classic Black M"
    QString barcode;      ///< EAN-13 with a valid check digit
    QString productGroup; ///< e.g. "Apparel", "Books"
    CataloguePrice gbp;   ///< UK price and VAT
    CataloguePrice sek;   ///< Swedish price and VAT
    CatalogueStatus status = CatalogueStatus::Active;

    /** The price and VAT in a currency (GBP or SEK); nullopt for any other currency. */
    std::optional<CataloguePrice> priceIn(const Core::Currency &currency) const;
};

/** A product as one Sitoo site holds it (§3.4). Products created in the POS have no catalogue entry. */
struct SitooProductRecord
{
    qint64 productId = 0;
    int eshopId = 0;
    QString sku;
    QString title;
    Core::Money price;         ///< `moneyprice`: gross, incl. VAT (pricesstoredwithvat)
    Core::Money purchasePrice; ///< `moneypricein`: excl. VAT
    int vatId = 0;
    Core::VatRate vatRate;
    QString productGroupName;
    bool active = true;
    bool activePos = true;
    std::optional<qint64> variantParentId;
    QList<QPair<QString, QString>> variant; ///< {"Color", "Black"}, {"Size", "M"}
    QString barcode;
    int categoryId = 0;
    qint64 dateCreated = 0;
    qint64 dateModified = 0;
    bool createdInPos = false; ///< exists only in Sitoo (a staff member created it in the POS)
};

/** A campaign voucher that discounts order rows by a percentage of the gross price. */
struct ScenarioVoucher
{
    int voucherId = 0;
    QString code; ///< e.g. "SPRING20"
    QString name;
    int percentOff = 0;
};

/** A POS payment type (§3.7.5, S7). */
struct ScenarioPaymentType
{
    int eshopId = 0;
    int paymentTypeId = 0;
    int paymentMethodId = 0; ///< POSPaymentMethod: 100 Cash, 210 Card (Verifone LPP), 500 Gift Card, ...
    QString name;
    int sortOrder = 0;
    QString externalId;
};

/** One order row in Sitoo's read model (§3.7.4). Signed: quantities and row totals are negative on refunds. */
struct ScenarioOrderLine
{
    qint64 productId = 0;
    QString sku;
    QString productName;
    QString productAttributes; ///< "Color: Black, Size: M"
    QString productGroupName;
    qint64 quantity = 0;
    Core::VatRate vatRate;
    Core::Money unitGross;           ///< shelf price incl. VAT, before discount
    Core::Money discountedUnitGross; ///< incl. VAT, after discount (== unitGross without a voucher)
    Core::Money originalNetPerUnit;  ///< `moneyoriginalprice`
    Core::Money netPerUnit;          ///< `moneynetpriceperunit`, after discount, always positive
    Core::Money discountNetPerUnit;  ///< `moneydiscount`
    Core::Money rowNet;              ///< `moneyitemtotal_net` = netPerUnit × quantity
    Core::Money rowVat;              ///< `moneyitemtotal_vat` = row gross − row net
    int voucherId = 0;
    QString voucherCode;
    QString voucherName;
    int originalLineIndex = -1; ///< refunds: `pos-originalsales-orderitemid`
    QString returnReasonCode;   ///< refunds: `reasoncode-return`
    qint64 refundedQuantity = 0; ///< sales: units later returned by valid refunds (bookkeeping for tests)

    bool hasVoucher() const { return voucherId != 0; }
};

/** One tender of an order (§3.7.5). Negative on refunds. */
struct ScenarioPayment
{
    QString name; ///< "Card", "Cash", "Gift Card", "Swish", "Klarna", ...
    int paymentMethodId = 0;
    Core::Money amount;
    QString externalId;
    QString refType;
    QString refId;
    QString cardIssuer;
    QList<QPair<QString, QString>> additionalData;
};

/** A field the scenario deliberately breaks on the wire (the MALFORMED_ORDER defect). */
enum class OrderMalformation {
    None,
    CommaDecimalMoney, ///< row 0's moneyitemtotal_net is sent as "12,50"
    NullCurrency,      ///< currencycode is null
};

/** A POS sale or refund as Sitoo's order read model serves it (§3.7.3, §5.2, §5.3). */
struct ScenarioOrder
{
    qint64 orderId = 0;
    int eshopId = 0;
    int storeIndex = 0;    ///< into Scenario::stores()
    int registerIndex = 0; ///< into the store's registers
    int staffIndex = 0;    ///< into the store's staff
    qint64 warehouseId = 0;
    QString receiptId; ///< register key + receipt number
    int receiptNumber = 0;
    qint64 orderDate = 0; ///< Unix seconds: when the POS rang it up (may be days before it reached Sitoo)
    int tradingDay = 0;   ///< days since the first trading day, in the store's time zone
    Core::Currency currency;
    Core::Money totalNet;   ///< `moneytotal_net` == `moneyfinal_net`
    Core::Money totalVat;   ///< `moneytotal_vat` == `moneyfinal_vat`
    Core::Money roundOff;   ///< `moneytotal_gross_roundoff`: Swedish cash rounding, never part of VAT
    Core::Money totalGross; ///< `moneytotal_gross_all`: the sum to pay
    std::optional<qint64> creditOrderId; ///< refunds: the sale being refunded
    QString refundReasonCode;
    QString refundReasonComment;
    QList<ScenarioOrderLine> lines;
    QList<ScenarioPayment> payments;
    OrderMalformation malformation = OrderMalformation::None;
    bool countsInZReport = true; ///< false for the second copy of a duplicated receipt
    bool hasDefect = false;      ///< true when a defect entry names this order

    bool isRefund() const { return creditOrderId.has_value(); }
};

/** Stock of one SKU in one warehouse (§3.8), quantities exact to three decimals. */
struct ScenarioWarehouseItem
{
    qint64 warehouseItemId = 0;
    qint64 warehouseId = 0;
    QString sku;
    Core::Decimal total;     ///< on hand, scale 3
    Core::Decimal reserved;  ///< scale 3
    Core::Decimal threshold; ///< scale 3
    QString binLocation;
    Core::Money stockValue; ///< `moneytotal`: total × purchase price
    qint64 dateLastModified = 0;
    std::optional<qint64> dateLastStocktaking;
};

/** The realistic defects a scenario injects; each one is recorded in Scenario::defects(). */
enum class DefectType {
    UnknownSku,            ///< a row SKU that exists nowhere (UNKNOWN_SKU)
    PosCreatedProduct,     ///< a product created in the POS: in Sitoo, not in Prima (CATALOG_ONLY_IN_SITOO)
    PosCreatedSkuSale,     ///< a sale of such a product (UNKNOWN_SKU)
    UnmappedPaymentMethod, ///< a tender outside the usual list (UNMAPPED_PAYMENT_METHOD)
    VatTieHalfEven,        ///< a row whose net tie was rounded half-even, not half-up (TAX_ROUNDING_METHOD)
    TotalsOffByOne,        ///< moneytotal_vat one minor unit off the rows (TOTALS_MISMATCH)
    LateOfflineSale,       ///< a valid sale with an old orderdate and a new orderid (no exception expected)
    DuplicateReceipt,      ///< a second order with an earlier order's receipt id and other amounts (DUPLICATE_ORDER)
    RefundExceedsSale,     ///< a refund of more units than the sale had (RETURN_EXCEEDS_ORIGINAL)
    MalformedField,        ///< a money string with a comma, or a null currency code (MALFORMED_ORDER)
};

/** A stable machine name: "unknown-sku", "late-offline-sale", ... */
QString defectTypeCode(DefectType type);

/**
 * The exception code (product.md) a correct validator raises for the defect, or an empty string when the defect
 * must not raise one (a late offline sale is valid; it tests that the orderid cursor does not miss it).
 */
QString defectExceptionCode(DefectType type);

/** An injected defect. `orderId` is 0 for catalogue-level defects. */
struct ScenarioDefect
{
    qint64 orderId = 0;
    DefectType type = DefectType::MalformedField;
    QString kind; ///< defectExceptionCode(type)
    QString sku;  ///< the SKU concerned, when one is
    QString description;
};

} // namespace Tillbridge::Sandbox
