// SPDX-License-Identifier: GPL-3.0-or-later
// Sitoo warehouses, stock levels and stores (sitoo-api.md §3.3, §3.8): SitooParsers::parseWarehouses,
// parseWarehouseItems and parseStores, as the stock push and store set-up call them. Input: a reply body.
// Invariants: every list element is either read or skipped with a problem; quantities are exact decimals whose text
// reads back the same; a stock value is read only in a valid currency and is whole minor units in it; the same
// bytes give the same result.

#include "fuzzcheck.h"

#include "core/sitoo/sitooparsers.h"

using namespace Tillbridge::Core;
using TillbridgeFuzz::checkMoney;

namespace {

void checkDecimal(const Decimal &value)
{
    FUZZ_CHECK(value.scale() >= 0 && value.scale() <= Decimal::kMaxScale);
    const auto again = Decimal::parse(value.toString());
    FUZZ_CHECK_MSG(again.ok() && again->units() == value.units() && again->scale() == value.scale(),
                   value.toString());
}

void checkItems(const QByteArray &body, Currency currency)
{
    const auto items = SitooParsers::parseWarehouseItems(body, currency);
    TillbridgeFuzz::checkSitooList(items, body);
    if (!items)
        return;
    for (const SitooWarehouseItem &item : items->items) {
        FUZZ_CHECK(!item.sku.isEmpty());
        for (const Decimal &quantity : {item.total, item.reserved, item.available})
            checkDecimal(quantity);
        if (item.threshold)
            checkDecimal(*item.threshold);
        if (currency.isValid())
            checkMoney(item.stockValue, currency);
        else
            FUZZ_CHECK(!item.stockValue); // no currency: the value is never read in some default one
    }
    const auto again = SitooParsers::parseWarehouseItems(body, currency);
    FUZZ_CHECK(again.ok() && again->items.size() == items->items.size() && again->problems == items->problems);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray body = TillbridgeFuzz::bytes(data, size);
        const auto warehouses = SitooParsers::parseWarehouses(body);
        TillbridgeFuzz::checkSitooList(warehouses, body);
        if (warehouses) {
            for (const SitooWarehouse &warehouse : warehouses->items) {
                if (warehouse.currency)
                    FUZZ_CHECK(warehouse.currency->isValid());
            }
        }
        checkItems(body, Currency::of(u"SEK"));
        checkItems(body, Currency());

        const auto stores = SitooParsers::parseStores(body);
        TillbridgeFuzz::checkSitooList(stores, body);
    });
}
