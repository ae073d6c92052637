// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogue/catalogueio.h"

#include "core/prima/primagateway.h"
#include "core/sitoo/sitooclient.h"
#include "core/sitoo/sitooparsers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <memory>

namespace Tillbridge::Core::CatalogueIo {

namespace {
/** The snapshot's text columns are NOT NULL: an absent barcode or title is stored as empty text. */
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::CatalogueIo", text);
}

struct PrimaPaging
{
    PrimaGateway *prima = nullptr;
    QDateTime updatedSince;
    QPointer<QObject> context;
    QList<PrimaItem> items;
    std::function<void(const Result<QList<PrimaItem>> &)> done;
};

void nextPrimaPage(std::shared_ptr<PrimaPaging> paging, const QString &cursor)
{
    if (!paging->context)
        return;
    paging->prima->items(paging->updatedSince, cursor, PrimaGateway::kMaxPageSize, paging->context,
                         [paging](PrimaReadResult<PrimaPage<PrimaItem>> page) {
                             if (!page.ok()) {
                                 paging->done(Error{ErrorCode::Remote,
                                                    tr("Prima's item master could not be read: %1")
                                                        .arg(page.error.summary())});
                                 return;
                             }
                             paging->items.append(page.value->items);
                             if (page.value->hasMore()) {
                                 nextPrimaPage(paging, page.value->nextCursor);
                                 return;
                             }
                             paging->done(std::move(paging->items));
                         });
}
} // namespace

void fetchSiteCurrency(SitooClient *sitoo, int eshopId, QObject *context,
                       std::function<void(const Result<Currency> &)> done)
{
    sitoo->fetchValue(sitoo->sitePath(eshopId, QStringLiteral("settings.json")), {}, context,
                      [eshopId, done](const Result<QJsonValue> &settings) {
                          if (!settings) {
                              done(settings.error());
                              return;
                          }
                          const QString code = settings->toObject().value(u"currencycode").toString();
                          auto currency = Currency::fromCode(code.toUpper());
                          if (!currency) {
                              done(Error{ErrorCode::InvalidInput,
                                         tr("Sitoo site %1 did not name a currency Tillbridge knows (\"%2\").")
                                             .arg(eshopId)
                                             .arg(code)});
                              return;
                          }
                          done(*currency);
                      });
}

void fetchProductGroups(SitooClient *sitoo, int eshopId, QObject *context,
                        std::function<void(const Result<QList<SitooProductGroup>> &)> done)
{
    sitoo->fetchAll(sitoo->sitePath(eshopId, QStringLiteral("productgroups.json")), {}, 100, context,
                    [eshopId, done](const Result<QJsonArray> &items) {
                        if (!items) {
                            done(items.error());
                            return;
                        }
                        const QJsonObject envelope{{QStringLiteral("totalcount"), qint64(items->size())},
                                                   {QStringLiteral("items"), *items}};
                        auto parsed = SitooParsers::parseProductGroups(QJsonDocument(envelope).toJson());
                        if (!parsed) {
                            done(parsed.error());
                            return;
                        }
                        if (!parsed->problems.isEmpty()) {
                            done(Error{ErrorCode::InvalidInput,
                                       tr("Product groups of Sitoo site %1 could not be read: %2")
                                           .arg(eshopId)
                                           .arg(parsed->problems.join(QStringLiteral("; ")))});
                            return;
                        }
                        done(parsed->items);
                    });
}

void fetchPrimaItems(PrimaGateway *prima, const QDateTime &updatedSince, QObject *context,
                     std::function<void(const Result<QList<PrimaItem>> &)> done)
{
    auto paging = std::make_shared<PrimaPaging>();
    paging->prima = prima;
    paging->updatedSince = updatedSince;
    paging->context = context;
    paging->done = std::move(done);
    nextPrimaPage(paging, QString());
}

CatalogueEntry entryFromPrima(const PrimaItem &item)
{
    CatalogueEntry entry;
    entry.sku = item.sku;
    entry.title = notNull(item.description);
    entry.barcode = notNull(item.gtins.value(0));
    entry.price = item.priceIncVat;
    entry.vatRate = item.vatRate;
    entry.active = item.status == PrimaItemStatus::Active;
    entry.blocked = item.status == PrimaItemStatus::Blocked;
    return entry;
}

CatalogueRow rowFromEntry(const CatalogueEntry &entry)
{
    CatalogueRow row;
    row.sku = entry.sku;
    row.title = entry.title;
    row.barcode = entry.barcode;
    row.price = entry.price;
    row.vatRate = entry.vatRate;
    row.active = entry.active && !entry.blocked;
    return row;
}

CatalogueRow rowFromSitoo(const SitooProduct &product, const QList<SitooProductGroup> &groups)
{
    CatalogueRow row;
    row.sku = product.sku;
    row.title = product.title;
    row.barcode = product.barcode;
    row.price = product.price.value_or(Money());
    row.productId = product.productId;
    row.vatId = product.vatId;
    row.active = product.activePos.value_or(false);
    if (product.vatRate) {
        row.vatRate = *product.vatRate;
    } else if (product.vatId) {
        for (const SitooProductGroup &group : groups) {
            if (group.vatId == *product.vatId)
                row.vatRate = group.vatRate;
        }
    }
    return row;
}

CatalogueEntry entryFromRow(const CatalogueRow &row, Currency currency)
{
    CatalogueEntry entry;
    entry.sku = row.sku;
    entry.title = notNull(row.title);
    entry.barcode = notNull(row.barcode);
    entry.price = row.price.isValid() ? row.price : Money::zero(currency);
    entry.vatRate = row.vatRate;
    entry.active = row.active;
    return entry;
}

} // namespace Tillbridge::Core::CatalogueIo
