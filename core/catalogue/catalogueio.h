// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalogue/cataloguediff.h"
#include "core/money/currency.h"
#include "core/prima/primatypes.h"
#include "core/result.h"
#include "core/sitoo/sitootypes.h"
#include "core/storage/cataloguerepository.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace Tillbridge::Core {

class PrimaGateway;
class SitooClient;

/**
 * The reads the catalogue services share: a site's price currency, its product groups, Prima's item master page by
 * page, and the mapping of each source's record to the diff's CatalogueRow. Every callback runs once, on the
 * thread of the clients, and not at all when @p context died first.
 */
namespace CatalogueIo {

/** The site's currency from `GET /sites/{id}/settings.json` (`currencycode`, sitoo-api.md §3.1). */
void fetchSiteCurrency(SitooClient *sitoo, int eshopId, QObject *context,
                       std::function<void(const Result<Currency> &)> done);

/** Every product group of a site (§3.5). */
void fetchProductGroups(SitooClient *sitoo, int eshopId, QObject *context,
                        std::function<void(const Result<QList<SitooProductGroup>> &)> done);

/** Every Prima item changed since @p updatedSince (all when invalid), following the cursor to the end. */
void fetchPrimaItems(PrimaGateway *prima, const QDateTime &updatedSince, QObject *context,
                     std::function<void(const Result<QList<PrimaItem>> &)> done);

/** Prima's item as a snapshot entry: description → title, first GTIN → barcode, ACTIVE → active. */
CatalogueEntry entryFromPrima(const PrimaItem &item);
CatalogueRow rowFromEntry(const CatalogueEntry &entry);
/** A Sitoo product as the diff sees it: activepos is "active"; a missing VAT rate comes from its product group. */
CatalogueRow rowFromSitoo(const SitooProduct &product, const QList<SitooProductGroup> &groups);
CatalogueEntry entryFromRow(const CatalogueRow &row, Currency currency);

} // namespace CatalogueIo

} // namespace Tillbridge::Core
