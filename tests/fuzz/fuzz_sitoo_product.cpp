// SPDX-License-Identifier: GPL-3.0-or-later
// Sitoo products and product groups (sitoo-api.md §3.4, §3.5): SitooParsers::parseProducts, parseProduct and
// parseProductGroups, as the catalogue diff and the SKU audit call them. Input: a reply body.
// Invariants: every list element is either read or skipped with a problem; prices are whole minor units in the
// price list's currency and read back exactly; SKUs of accepted products are not empty; the same bytes give the same
// result; a single-product reply agrees with the same product read as the only element of a list.

#include "fuzzcheck.h"

#include "core/sitoo/sitooparsers.h"

using namespace Tillbridge::Core;
using TillbridgeFuzz::checkMoney;

namespace {

void checkProduct(const SitooProduct &product, Currency currency)
{
    FUZZ_CHECK(!product.sku.isEmpty());
    for (const auto &price : {product.price, product.priceOrg, product.priceIn, product.finalPrice})
        checkMoney(price, currency);
    if (product.vatRate)
        FUZZ_CHECK(product.vatRate->units() >= 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray body = TillbridgeFuzz::bytes(data, size);
        for (const Currency currency : {Currency::of(u"SEK"), Currency::of(u"JPY")}) {
            const auto products = SitooParsers::parseProducts(body, currency);
            TillbridgeFuzz::checkSitooList(products, body);
            if (products) {
                for (const SitooProduct &product : products->items)
                    checkProduct(product, currency);
                const auto again = SitooParsers::parseProducts(body, currency);
                FUZZ_CHECK(again.ok() && again->items.size() == products->items.size()
                           && again->problems == products->problems);
            }
            const auto single = SitooParsers::parseProduct(body, currency);
            if (single)
                checkProduct(*single, currency);
            else
                FUZZ_CHECK(!single.errorString().isEmpty());
        }
        // An invalid price currency is refused outright, never read as some default.
        FUZZ_CHECK(!SitooParsers::parseProducts(body, Currency()).ok());

        const auto groups = SitooParsers::parseProductGroups(body);
        TillbridgeFuzz::checkSitooList(groups, body);
        if (groups) {
            for (const SitooProductGroup &group : groups->items)
                FUZZ_CHECK(group.vatRate.units() >= 0);
        }
    });
}
