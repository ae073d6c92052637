// SPDX-License-Identifier: GPL-3.0-or-later
// The seeded demo scenario: determinism, Sitoo's order invariants in exact minor units, Swedish cash rounding,
// refunds, injected defects and the shapes of Z-reports and stock.
#include "core/money/money.h"
#include "core/money/rounding.h"
#include "core/money/vatrate.h"
#include "core/sandbox/scenario/ean13.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sandbox/scenario/vatsplit.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <map>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using namespace Qt::StringLiterals;

namespace {

ScenarioOptions smallOptions(quint32 seed, double defectRate)
{
    ScenarioOptions options;
    options.seed = seed;
    options.storeCount = 4;
    options.tradingDays = 6;
    options.ordersPerStoreDay = 30;
    options.defectRate = defectRate;
    options.refundRate = 0.1;
    return options;
}

Money money(const QJsonValue &value, const Currency &currency)
{
    auto parsed = Money::parse(value.toString(), currency);
    if (!parsed) {
        qWarning() << "not money:" << value << parsed.errorString();
        return Money();
    }
    return *parsed;
}

/** Independent recomputation of §5.2's per-row rule: net = round(gross / (1 + VAT)) half away from zero. */
qint64 expectedNet(qint64 grossMinor, qint64 vatPercent)
{
    return *Rounding::divide(Int128(grossMinor) * 100, 100 + vatPercent, RoundingMode::HalfAwayFromZero);
}

} // namespace

class tst_ScenarioGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedGivesIdenticalJson();
    void differentSeedGivesDifferentJson();
    void optionsAreClamped();
    void storesAndWarehouses();
    void credentials();
    void catalogueBarcodesAreValidEan13();
    void catalogueMatchesSitooProducts();
    void orderIdsStrictlyIncrease();
    void orderDatesFallInTradingHours();
    void validOrdersSatisfySitooInvariants();
    void tiesAreRoundedHalfUp();
    void swedishCashIsRoundedToWholeKronor();
    void refundsReferenceEarlierSalesAndNeverExceedThem();
    void zeroDefectsAtRateZero();
    void everyDefectKindAtHighRate();
    void zReportsAddUp();
    void warehouseItemsHaveThreeDecimals();
    void paymentTypes();
    void hundredThousandOrders();

private:
    Scenario m_clean;
    Scenario m_defective;
};

void tst_ScenarioGenerator::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    m_clean = ScenarioGenerator(smallOptions(11, 0.0)).generate();
    m_defective = ScenarioGenerator(smallOptions(12, 0.4)).generate();
    QVERIFY(m_clean.orders().size() > 500);
    QVERIFY(m_defective.orders().size() > 500);
}

void tst_ScenarioGenerator::sameSeedGivesIdenticalJson()
{
    for (double rate : {0.0, 0.3}) {
        const QByteArray first = ScenarioGenerator(smallOptions(42, rate)).generate().toCanonicalJson();
        const QByteArray second = ScenarioGenerator(smallOptions(42, rate)).generate().toCanonicalJson();
        QVERIFY(first.size() > 100000);
        QCOMPARE(first, second);
    }
}

void tst_ScenarioGenerator::differentSeedGivesDifferentJson()
{
    const Scenario a = ScenarioGenerator(smallOptions(42, 0.0)).generate();
    const Scenario b = ScenarioGenerator(smallOptions(43, 0.0)).generate();
    QVERIFY(a.toCanonicalJson() != b.toCanonicalJson());
    QVERIFY(a.credentials().password != b.credentials().password);
    QVERIFY(a.orders().size() != b.orders().size() || a.orders().first().totalGross != b.orders().first().totalGross);
}

void tst_ScenarioGenerator::optionsAreClamped()
{
    ScenarioOptions options;
    options.storeCount = 0;
    options.tradingDays = -3;
    options.defectRate = 7.0;
    options.ordersPerStoreDay = 0;
    const ScenarioGenerator generator(options);
    QCOMPARE(generator.options().storeCount, 1);
    QCOMPARE(generator.options().tradingDays, 1);
    QCOMPARE(generator.options().defectRate, 1.0);
    const Scenario scenario = generator.generate();
    QCOMPARE(scenario.stores().size(), 1);
    QVERIFY(!scenario.orders().isEmpty());
}

void tst_ScenarioGenerator::storesAndWarehouses()
{
    const auto &stores = m_clean.stores();
    QCOMPARE(stores.size(), 4);
    QSet<QString> externalIds;
    QSet<QString> locations;
    bool fifo = false;
    bool virtualWarehouse = false;
    for (const ScenarioStore &store : stores) {
        const bool uk = store.region == Region::UnitedKingdom;
        QCOMPARE(store.currency.code(), uk ? u"GBP"_s : u"SEK"_s);
        QCOMPARE(store.timeZoneId, uk ? u"Europe/London"_s : u"Europe/Stockholm"_s);
        QCOMPARE(store.eshopId, uk ? 1 : 2);
        QVERIFY(!store.registers.isEmpty() && store.registers.size() <= 3);
        QVERIFY(!store.staff.isEmpty());
        QVERIFY(!store.primaLocationCode.isEmpty());
        externalIds.insert(store.externalId);
        locations.insert(store.primaLocationCode);
        fifo |= store.warehouseType == WarehouseType::Fifo;
        virtualWarehouse |= store.warehouseType == WarehouseType::Virtual;
        for (const ScenarioRegister &posRegister : store.registers) {
            QCOMPARE(posRegister.registerKey.size(), 16);
            QVERIFY(posRegister.registerId.startsWith(u'{') && posRegister.registerId.endsWith(u'}'));
        }
        const QJsonObject warehouse = Scenario::warehouseJson(store);
        QCOMPARE(warehouse.value(u"warehousetype"_s).toInt(), int(store.warehouseType));
        QCOMPARE(warehouse.value(u"storeid"_s).toInt(), store.storeId);
    }
    QCOMPARE(externalIds.size(), 4);
    QCOMPARE(locations.size(), 4);
    QVERIFY(fifo);
    QVERIFY(virtualWarehouse);
}

void tst_ScenarioGenerator::credentials()
{
    const ApiCredentials &credentials = m_clean.credentials();
    QCOMPARE(credentials.accountId.size(), 5);
    QVERIFY(credentials.accountId.startsWith(u'9'));
    QCOMPARE(credentials.apiId, credentials.accountId + u"-1"_s);
    QCOMPARE(credentials.password.size(), 24);
}

void tst_ScenarioGenerator::catalogueBarcodesAreValidEan13()
{
    QVERIFY(Ean13::isValid(u"4006381333931"));
    QVERIFY(!Ean13::isValid(u"4006381333932"));
    QVERIFY(!Ean13::isValid(u"400638133393"));
    QCOMPARE(Ean13::withCheckDigit(u"400638133393"), u"4006381333931"_s);
    QCOMPARE(Ean13::checkDigit(u"40063813339x"), -1);

    QSet<QString> barcodes;
    QSet<QString> skus;
    for (const CatalogueItem &item : m_clean.catalogue()) {
        QVERIFY2(Ean13::isValid(item.barcode), qPrintable(item.sku + u' ' + item.barcode));
        barcodes.insert(item.barcode);
        skus.insert(item.sku);
        QVERIFY(item.sku.startsWith(item.style));
        QVERIFY(item.gbp.grossPrice.currency().code() == u"GBP"_s);
        QVERIFY(item.sek.grossPrice.currency().code() == u"SEK"_s);
        QVERIFY(!item.gbp.grossPrice.isNegative() && !item.gbp.grossPrice.isZero());
    }
    QCOMPARE(barcodes.size(), m_clean.catalogue().size());
    QCOMPARE(skus.size(), m_clean.catalogue().size());
    QVERIFY(skus.contains(u"TS100-BLK-M"_s) || skus.contains(u"TS100-WHT-M"_s) || skus.contains(u"TS100-NVY-M"_s)
            || m_clean.catalogue().first().sku.startsWith(u"TS100-"_s));
}

void tst_ScenarioGenerator::catalogueMatchesSitooProducts()
{
    // Every catalogue SKU exists on both sites with the same gross price and VAT; VAT rates cover both regimes.
    std::map<std::pair<int, QString>, SitooProductRecord> bySiteSku;
    QSet<qint64> productIds;
    for (const SitooProductRecord &product : m_clean.products()) {
        bySiteSku[{product.eshopId, product.sku}] = product;
        productIds.insert(product.productId);
        QVERIFY(!product.createdInPos);
    }
    QCOMPARE(productIds.size(), m_clean.products().size());
    QSet<qint64> ukRates;
    QSet<qint64> seRates;
    for (const CatalogueItem &item : m_clean.catalogue()) {
        const SitooProductRecord &uk = bySiteSku.at({1, item.sku});
        const SitooProductRecord &se = bySiteSku.at({2, item.sku});
        QCOMPARE(uk.price, item.gbp.grossPrice);
        QCOMPARE(se.price, item.sek.grossPrice);
        QCOMPARE(uk.vatRate, item.gbp.vatRate);
        QCOMPARE(se.vatRate, item.sek.vatRate);
        QCOMPARE(uk.barcode, item.barcode);
        QCOMPARE(uk.activePos, item.status == CatalogueStatus::Active);
        ukRates.insert(item.gbp.vatRate.units() / VatRate::kUnitsPerPercent);
        seRates.insert(item.sek.vatRate.units() / VatRate::kUnitsPerPercent);
    }
    QCOMPARE(ukRates, (QSet<qint64>{20, 5, 0}));
    QCOMPARE(seRates, (QSet<qint64>{25, 12, 6}));

    const QJsonObject json = Scenario::productJson(m_clean.products().first());
    for (const auto &key : {u"productid"_s, u"sku"_s, u"title"_s, u"moneyprice"_s, u"vatid"_s, u"vatvalue"_s,
                            u"active"_s, u"activepos"_s, u"barcode"_s, u"variantparentid"_s, u"variant"_s,
                            u"datemodified"_s}) {
        QVERIFY2(json.contains(key), qPrintable(key));
    }
    QVERIFY(json.value(u"moneyprice"_s).isString());
}

void tst_ScenarioGenerator::orderIdsStrictlyIncrease()
{
    for (const Scenario *scenario : {&m_clean, &m_defective}) {
        qint64 previous = 0;
        for (const ScenarioOrder &order : scenario->orders()) {
            QVERIFY(order.orderId > previous);
            previous = order.orderId;
        }
        QCOMPARE(scenario->orders().first().orderId, scenario->options().firstOrderId);
        QCOMPARE(scenario->indexOfOrder(scenario->orders().at(17).orderId), 17);
        QCOMPARE(scenario->indexOfOrder(-5), -1);
    }
}

void tst_ScenarioGenerator::orderDatesFallInTradingHours()
{
    for (const ScenarioOrder &order : m_defective.orders()) {
        const ScenarioStore &store = m_defective.stores().at(order.storeIndex);
        const QDateTime local = QDateTime::fromSecsSinceEpoch(order.orderDate, QTimeZone(store.timeZoneId.toLatin1()));
        QCOMPARE(local.date(), m_defective.options().firstTradingDay.addDays(order.tradingDay));
        const int hour = local.time().hour();
        const bool sunday = local.date().dayOfWeek() == 7;
        if (store.region == Region::UnitedKingdom)
            QVERIFY2(sunday ? (hour >= 11 && hour < 17) : (hour >= 9 && hour < 20), qPrintable(local.toString()));
        else
            QVERIFY2(hour >= 10 && hour < 19, qPrintable(local.toString()));
    }
}

void tst_ScenarioGenerator::validOrdersSatisfySitooInvariants()
{
    int checked = 0;
    int discounted = 0;
    QSet<QString> tenders;
    for (const Scenario *scenario : {&m_clean, &m_defective}) {
        for (const ScenarioOrder &order : scenario->orders()) {
            if (order.hasDefect)
                continue;
            // Parse what goes on the wire, exactly as a client would.
            const QJsonObject json = scenario->orderJson(order);
            const Currency currency = Currency::fromCode(json.value(u"currencycode"_s).toString()).value();
            qint64 sumNet = 0;
            qint64 sumVat = 0;
            const QJsonArray items = json.value(u"orderitems"_s).toArray();
            QVERIFY(!items.isEmpty() && items.size() <= 6);
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QJsonObject item = items.at(i).toObject();
                QCOMPARE(item.value(u"orderitemid"_s).toInteger(), i);
                const qint64 quantity = item.value(u"quantity"_s).toInteger();
                const qint64 unitNet = money(item.value(u"moneynetpriceperunit"_s), currency).minorUnits();
                const qint64 rowNet = money(item.value(u"moneyitemtotal_net"_s), currency).minorUnits();
                const qint64 rowVat = money(item.value(u"moneyitemtotal_vat"_s), currency).minorUnits();
                const qint64 vatPercent = item.value(u"vatvalue"_s).toInteger();
                QVERIFY(unitNet > 0);
                QCOMPARE(rowNet, unitNet * quantity);
                QCOMPARE(rowNet, expectedNet(rowNet + rowVat, vatPercent));
                QCOMPARE(item.value(u"decimalquantitytotal"_s).toString(),
                         Decimal(quantity * 1000, 3).toString());
                if (!item.value(u"vouchercode"_s).toString().isEmpty()) {
                    ++discounted;
                    const qint64 original = money(item.value(u"moneyoriginalprice"_s), currency).minorUnits();
                    const qint64 discount = money(item.value(u"moneydiscount"_s), currency).minorUnits();
                    QCOMPARE(original - discount, unitNet);
                    QCOMPARE(money(item.value(u"moneydiscountedprice"_s), currency).minorUnits(), unitNet);
                }
                sumNet += rowNet;
                sumVat += rowVat;
            }
            const qint64 totalNet = money(json.value(u"moneytotal_net"_s), currency).minorUnits();
            const qint64 totalVat = money(json.value(u"moneytotal_vat"_s), currency).minorUnits();
            const qint64 finalNet = money(json.value(u"moneyfinal_net"_s), currency).minorUnits();
            const qint64 finalVat = money(json.value(u"moneyfinal_vat"_s), currency).minorUnits();
            const qint64 roundOff = money(json.value(u"moneytotal_gross_roundoff"_s), currency).minorUnits();
            const qint64 grossAll = money(json.value(u"moneytotal_gross_all"_s), currency).minorUnits();
            QCOMPARE(totalNet, sumNet);
            QCOMPARE(totalVat, sumVat);
            QCOMPARE(finalNet, totalNet);
            QCOMPARE(finalVat, totalVat);
            QCOMPARE(grossAll, finalNet + finalVat + roundOff);
            qint64 paid = 0;
            for (const QJsonValue &payment : json.value(u"payments"_s).toArray()) {
                paid += money(payment.toObject().value(u"moneyamount"_s), currency).minorUnits();
                tenders.insert(payment.toObject().value(u"name"_s).toString());
            }
            QCOMPARE(paid, grossAll);
            QCOMPARE(json.value(u"orderstateid"_s).toInt(), 10);
            QCOMPARE(json.value(u"paymentstateid"_s).toInt(), 20);
            QVERIFY(!json.value(u"additionaldata"_s).toObject().value(u"pos-receiptid"_s).toString().isEmpty());
            ++checked;
        }
    }
    QVERIFY(checked > 1000);
    QVERIFY(discounted > 20);
    for (const auto &name : {u"Card"_s, u"Cash"_s, u"Gift Card"_s, u"Swish"_s, u"Klarna"_s})
        QVERIFY2(tenders.contains(name), qPrintable(name));
}

void tst_ScenarioGenerator::tiesAreRoundedHalfUp()
{
    // Given a 9.99 GBP line at 20 %: the net 8.325 is an exact tie and rounds half up to 8.33, VAT 1.66.
    const Money gross(999, Currency::of(u"GBP"));
    QVERIFY(VatSplit::isNetTie(gross, VatRate::fromPercent(20)));
    QCOMPARE(VatSplit::netOfGross(gross, VatRate::fromPercent(20), RoundingMode::HalfAwayFromZero).minorUnits(), 833);
    QCOMPARE(VatSplit::netOfGross(gross, VatRate::fromPercent(20), RoundingMode::HalfEven).minorUnits(), 832);
    QCOMPARE(VatSplit::netOfGross(Money(-999, gross.currency()), VatRate::fromPercent(20),
                                  RoundingMode::HalfAwayFromZero)
                 .minorUnits(),
             -833);
    QVERIFY(!VatSplit::isNetTie(Money(19900, Currency::of(u"SEK")), VatRate::fromPercent(25)));

    // Then valid scenario orders contain such ties, rounded half up.
    int ties = 0;
    for (const ScenarioOrder &order : m_clean.orders()) {
        for (const ScenarioOrderLine &line : order.lines) {
            const Money gross = Money(line.rowNet.minorUnits() + line.rowVat.minorUnits(), line.rowNet.currency());
            if (VatSplit::isNetTie(gross, line.vatRate)) {
                ++ties;
                QCOMPARE(line.rowNet, VatSplit::netOfGross(gross, line.vatRate, RoundingMode::HalfAwayFromZero));
            }
        }
    }
    QVERIFY(ties > 10);
}

void tst_ScenarioGenerator::swedishCashIsRoundedToWholeKronor()
{
    int roundedOrders = 0;
    for (const Scenario *scenario : {&m_clean, &m_defective}) {
        for (const ScenarioOrder &order : scenario->orders()) {
            if (order.hasDefect)
                continue;
            const Region region = scenario->stores().at(order.storeIndex).region;
            bool cash = false;
            for (const ScenarioPayment &payment : order.payments)
                cash |= payment.name == u"Cash"_s;
            qint64 rowVat = 0;
            for (const ScenarioOrderLine &line : order.lines)
                rowVat += line.rowVat.minorUnits();
            // VAT is never touched by the rounding.
            QCOMPARE(order.totalVat.minorUnits(), rowVat);
            if (region == Region::Sweden && cash) {
                QCOMPARE(order.totalGross.minorUnits() % 100, 0);
                QVERIFY(qAbs(order.roundOff.minorUnits()) <= 50);
                QCOMPARE(order.totalGross.minorUnits(),
                         order.totalNet.minorUnits() + order.totalVat.minorUnits() + order.roundOff.minorUnits());
                for (const ScenarioPayment &payment : order.payments)
                    QCOMPARE(payment.amount.minorUnits() % 100, 0);
                if (!order.roundOff.isZero())
                    ++roundedOrders;
            } else {
                QVERIFY(order.roundOff.isZero());
            }
        }
    }
    QVERIFY(roundedOrders > 10);
}

void tst_ScenarioGenerator::refundsReferenceEarlierSalesAndNeverExceedThem()
{
    for (const Scenario *scenario : {&m_clean, &m_defective}) {
        std::map<std::pair<qint64, int>, qint64> returned;
        int refunds = 0;
        for (const ScenarioOrder &order : scenario->orders()) {
            if (!order.isRefund())
                continue;
            ++refunds;
            const qsizetype index = scenario->indexOfOrder(*order.creditOrderId);
            QVERIFY(index >= 0);
            const ScenarioOrder &sale = scenario->orders().at(index);
            QVERIFY(!sale.isRefund());
            QVERIFY(sale.orderId < order.orderId);
            QVERIFY(sale.orderDate < order.orderDate);
            QCOMPARE(sale.storeIndex, order.storeIndex);
            const QJsonObject json = scenario->orderJson(order);
            QCOMPARE(json.value(u"creditorderid"_s).toInteger(), sale.orderId);
            const QJsonObject additional = json.value(u"additionaldata"_s).toObject();
            QCOMPARE(additional.value(u"pos-originalsales-orderid"_s).toString(), QString::number(sale.orderId));
            QVERIFY(!additional.value(u"refundreasoncode-reasoncode"_s).toString().isEmpty());
            QVERIFY(order.totalGross.isNegative());
            for (const ScenarioPayment &payment : order.payments)
                QVERIFY(payment.amount.isNegative());
            for (const ScenarioOrderLine &line : order.lines) {
                QVERIFY(line.quantity < 0);
                QVERIFY(line.rowNet.isNegative() || line.rowNet.isZero());
                QVERIFY(!line.netPerUnit.isNegative());
                const ScenarioOrderLine &sold = sale.lines.at(line.originalLineIndex);
                QCOMPARE(line.sku, sold.sku);
                QCOMPARE(line.netPerUnit, sold.netPerUnit);
                if (order.hasDefect)
                    continue; // the over-return defect, checked in everyDefectKindAtHighRate
                qint64 &units = returned[std::pair{sale.orderId, line.originalLineIndex}];
                units += -line.quantity;
                QVERIFY(units <= sold.quantity);
            }
        }
        QVERIFY(refunds > 20);
    }
}

void tst_ScenarioGenerator::zeroDefectsAtRateZero()
{
    QVERIFY(m_clean.defects().isEmpty());
    for (const ScenarioOrder &order : m_clean.orders()) {
        QVERIFY(!order.hasDefect);
        QCOMPARE(order.malformation, OrderMalformation::None);
        QVERIFY(order.countsInZReport);
    }
    for (const SitooProductRecord &product : m_clean.products())
        QVERIFY(!product.createdInPos);
}

void tst_ScenarioGenerator::everyDefectKindAtHighRate()
{
    const Scenario &scenario = m_defective;
    QSet<QString> catalogueSkus;
    for (const CatalogueItem &item : scenario.catalogue())
        catalogueSkus.insert(item.sku);
    QSet<QString> sitooSkus;
    for (const SitooProductRecord &product : scenario.products())
        sitooSkus.insert(product.sku);

    std::map<DefectType, int> counts;
    QSet<qint64> defectiveOrders;
    for (const ScenarioDefect &defect : scenario.defects()) {
        ++counts[defect.type];
        QCOMPARE(defect.kind, defectExceptionCode(defect.type));
        QVERIFY(!defect.description.isEmpty());
        QVERIFY2(!defect.description.contains(u"{orderid}"_s), qPrintable(defect.description));
        if (defect.type == DefectType::PosCreatedProduct) {
            QCOMPARE(defect.orderId, 0);
            QVERIFY(sitooSkus.contains(defect.sku));
            QVERIFY(!catalogueSkus.contains(defect.sku));
            continue;
        }
        const qsizetype index = scenario.indexOfOrder(defect.orderId);
        QVERIFY(index >= 0);
        const ScenarioOrder &order = scenario.orders().at(index);
        QVERIFY(order.hasDefect);
        defectiveOrders.insert(order.orderId);
        const QJsonObject json = scenario.orderJson(order);
        switch (defect.type) {
        case DefectType::UnknownSku:
            QVERIFY(!sitooSkus.contains(order.lines.first().sku));
            QVERIFY(!catalogueSkus.contains(order.lines.first().sku));
            break;
        case DefectType::PosCreatedSkuSale:
            QVERIFY(sitooSkus.contains(order.lines.first().sku));
            QVERIFY(!catalogueSkus.contains(order.lines.first().sku));
            break;
        case DefectType::UnmappedPaymentMethod: {
            const Region region = scenario.stores().at(order.storeIndex).region;
            QVERIFY(!Scenario::usualPaymentMethodNames(region).contains(order.payments.first().name));
            break;
        }
        case DefectType::VatTieHalfEven: {
            const ScenarioOrderLine &line = order.lines.first();
            const qint64 gross = line.rowNet.minorUnits() + line.rowVat.minorUnits();
            const qint64 percent = line.vatRate.units() / VatRate::kUnitsPerPercent;
            QVERIFY(VatSplit::isNetTie(Money(gross, order.currency), line.vatRate));
            QCOMPARE(expectedNet(gross, percent) - line.rowNet.minorUnits(), 1);
            QCOMPARE(*Rounding::divide(Int128(gross) * 100, 100 + percent, RoundingMode::HalfEven),
                     line.rowNet.minorUnits());
            break;
        }
        case DefectType::TotalsOffByOne: {
            qint64 rowVat = 0;
            for (const ScenarioOrderLine &line : order.lines)
                rowVat += line.rowVat.minorUnits();
            QCOMPARE(order.totalVat.minorUnits() - rowVat, 1);
            QCOMPARE(money(json.value(u"moneytotal_vat"_s), order.currency), order.totalVat);
            break;
        }
        case DefectType::LateOfflineSale: {
            // Older than orders that reached Sitoo before it: a day or more behind the latest of them.
            int latestDay = 0;
            qint64 latestDate = 0;
            for (qsizetype i = 0; i < index; ++i) {
                latestDay = std::max(latestDay, scenario.orders().at(i).tradingDay);
                latestDate = std::max(latestDate, scenario.orders().at(i).orderDate);
            }
            QVERIFY(order.orderDate < latestDate);
            QVERIFY(order.tradingDay < latestDay);
            break;
        }
        case DefectType::DuplicateReceipt: {
            bool found = false;
            for (qsizetype i = 0; i < index && !found; ++i) {
                const ScenarioOrder &other = scenario.orders().at(i);
                found = other.receiptId == order.receiptId && other.totalGross != order.totalGross;
            }
            QVERIFY(found);
            QVERIFY(!order.countsInZReport);
            break;
        }
        case DefectType::RefundExceedsSale: {
            QVERIFY(order.isRefund());
            const ScenarioOrder &sale = scenario.orders().at(scenario.indexOfOrder(*order.creditOrderId));
            const ScenarioOrderLine &line = order.lines.first();
            const ScenarioOrderLine &sold = sale.lines.at(line.originalLineIndex);
            QVERIFY(-line.quantity > sold.quantity - sold.refundedQuantity);
            break;
        }
        case DefectType::MalformedField: {
            const bool nullCurrency = json.value(u"currencycode"_s).isNull();
            const QJsonObject row = json.value(u"orderitems"_s).toArray().first().toObject();
            const bool comma = row.value(u"moneyitemtotal_net"_s).toString().contains(u',');
            QVERIFY(nullCurrency != comma);
            if (comma)
                QVERIFY(!Money::parse(row.value(u"moneyitemtotal_net"_s).toString(), order.currency).ok());
            break;
        }
        case DefectType::PosCreatedProduct:
            break;
        }
    }
    for (DefectType type : {DefectType::UnknownSku, DefectType::PosCreatedProduct, DefectType::PosCreatedSkuSale,
                            DefectType::UnmappedPaymentMethod, DefectType::VatTieHalfEven, DefectType::TotalsOffByOne,
                            DefectType::LateOfflineSale, DefectType::DuplicateReceipt, DefectType::RefundExceedsSale,
                            DefectType::MalformedField}) {
        QVERIFY2(counts[type] > 0, qPrintable(defectTypeCode(type)));
    }
    QCOMPARE(defectExceptionCode(DefectType::VatTieHalfEven), u"TAX_ROUNDING_METHOD"_s);
    QCOMPARE(defectExceptionCode(DefectType::DuplicateReceipt), u"DUPLICATE_ORDER"_s);
    QVERIFY(defectExceptionCode(DefectType::LateOfflineSale).isEmpty());
    // Every order flagged as defective is named by a defect entry.
    for (const ScenarioOrder &order : scenario.orders())
        QCOMPARE(order.hasDefect, defectiveOrders.contains(order.orderId));
    // About 40 % of orders carry a defect.
    QVERIFY(defectiveOrders.size() > scenario.orders().size() / 4);
}

void tst_ScenarioGenerator::zReportsAddUp()
{
    for (const Scenario *scenario : {&m_clean, &m_defective}) {
        // Per register and day, Sitoo orders vs the Z-report.
        std::map<std::pair<QString, qint64>, qint64> orderTotals; // (registerid, dateopened day) not needed: use key
        std::map<std::tuple<int, int, int>, std::pair<qint64, int>> byBucket;
        for (const ScenarioOrder &order : scenario->orders()) {
            if (!order.countsInZReport)
                continue;
            auto &bucket = byBucket[{order.storeIndex, order.registerIndex, order.tradingDay}];
            bucket.first += order.totalGross.minorUnits();
            bucket.second += 1;
        }
        QCOMPARE(qsizetype(byBucket.size()), scenario->zReports().size());
        qint64 previousAdded = 0;
        QSet<qint64> ids;
        qint64 allReports = 0;
        for (const QJsonObject &z : scenario->zReports()) {
            const Currency currency = Currency::fromCode(z.value(u"currencycode"_s).toString()).value();
            const qint64 added = z.value(u"dateadded"_s).toInteger();
            QVERIFY(added >= previousAdded);
            previousAdded = added;
            ids.insert(z.value(u"zreportid"_s).toInteger());
            const qint64 total = money(z.value(u"moneysummarytotal"_s), currency).minorUnits();
            const qint64 subtotal = money(z.value(u"moneysummarysubtotal"_s), currency).minorUnits();
            const qint64 roundOff = money(z.value(u"moneysummaryroundoff"_s), currency).minorUnits();
            QCOMPARE(total, subtotal + roundOff);
            QCOMPARE(subtotal, money(z.value(u"moneysalestotal"_s), currency).minorUnits()
                                   + money(z.value(u"moneyrefundtotal"_s), currency).minorUnits());
            qint64 payments = 0;
            for (const auto &key : {u"paymentssales"_s, u"paymentsrefund"_s}) {
                for (const QJsonValue &p : z.value(key).toArray())
                    payments += money(p.toObject().value(u"moneytotal"_s), currency).minorUnits();
            }
            QCOMPARE(payments, total);
            qint64 byRate = 0;
            for (const QJsonValue &g : z.value(u"vatgroupssales"_s).toArray()) {
                const QJsonObject group = g.toObject();
                const qint64 gross = money(group.value(u"moneytotal"_s), currency).minorUnits();
                QCOMPARE(gross, money(group.value(u"moneytotalnet"_s), currency).minorUnits()
                                    + money(group.value(u"moneytotalvat"_s), currency).minorUnits());
                byRate += gross;
            }
            QCOMPARE(byRate, money(z.value(u"moneysalestotal"_s), currency).minorUnits());
            allReports += total;
            Q_UNUSED(orderTotals);
        }
        QCOMPARE(qsizetype(ids.size()), scenario->zReports().size());
        qint64 allOrders = 0;
        for (const auto &[key, bucket] : byBucket)
            allOrders += bucket.first;
        // Mixed currencies add up per currency too; one sum is enough to catch a missing or doubled order.
        QCOMPARE(allReports, allOrders);
    }
}

void tst_ScenarioGenerator::warehouseItemsHaveThreeDecimals()
{
    QVERIFY(!m_clean.warehouseItems().isEmpty());
    QSet<qint64> warehouses;
    for (const ScenarioWarehouseItem &item : m_clean.warehouseItems()) {
        warehouses.insert(item.warehouseId);
        const QJsonObject json = Scenario::warehouseItemJson(item);
        for (const auto &key : {u"decimaltotal"_s, u"decimalreserved"_s, u"decimalavailable"_s, u"decimalthreshold"_s}) {
            const QString text = json.value(key).toString();
            QVERIFY2(text.size() >= 5 && text.at(text.size() - 4) == u'.', qPrintable(text));
        }
        const Decimal total = Decimal::parse(json.value(u"decimaltotal"_s).toString()).value();
        const Decimal reserved = Decimal::parse(json.value(u"decimalreserved"_s).toString()).value();
        const Decimal available = Decimal::parse(json.value(u"decimalavailable"_s).toString()).value();
        QCOMPARE(available.units(), total.units() - reserved.units());
        QVERIFY(json.value(u"moneytotal"_s).toString().contains(u'.'));
    }
    QCOMPARE(warehouses.size(), m_clean.stores().size());
}

void tst_ScenarioGenerator::paymentTypes()
{
    QStringList uk;
    QStringList se;
    for (const ScenarioPaymentType &type : m_clean.paymentTypes())
        (type.eshopId == 1 ? uk : se).append(type.name);
    for (const QString &name : Scenario::usualPaymentMethodNames(Region::UnitedKingdom))
        QVERIFY(uk.contains(name));
    for (const QString &name : Scenario::usualPaymentMethodNames(Region::Sweden))
        QVERIFY(se.contains(name));
    QVERIFY(!uk.contains(u"Swish"_s));
    QCOMPARE(uk.size(), 4); // plus the custom lunch voucher that Tillbridge has no mapping for
}

void tst_ScenarioGenerator::hundredThousandOrders()
{
    // Smoke test for linear work at benchmark scale; the speed target itself is a benchmark's job.
    ScenarioOptions options;
    options.seed = 5;
    options.storeCount = 20;
    options.tradingDays = 50;
    options.ordersPerStoreDay = 100;
    options.defectRate = 0.01;
    QElapsedTimer timer;
    timer.start();
    const Scenario scenario = ScenarioGenerator(options).generate();
    const qint64 elapsed = timer.elapsed();
    qInfo("%lld orders in %lld ms", qint64(scenario.orders().size()), elapsed);
    QVERIFY(scenario.orders().size() >= 90000);
    QVERIFY(!scenario.defects().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ScenarioGenerator)
#include "tst_scenariogenerator.moc"
