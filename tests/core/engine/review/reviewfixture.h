// SPDX-License-Identifier: GPL-3.0-or-later
// A small world for the quarantine review tests: one Swedish store, a Prima catalogue, mappings, and sales built from
// the sitoo-api.md §5.2 example with the defects a review has to deal with. Header-only so that tst_cli can use it.
#pragma once

#include "core/domain/store.h"
#include "core/engine/orderingestion.h"
#include "core/money/currency.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/storage/cataloguerepository.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/storerepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

namespace Tillbridge::Test::Review {

inline const QString kAccount = QStringLiteral("90001");

/** How a test sale differs from the §5.2 example (total 517.20 SEK, paid 100.00 Gift Card + 417.20 Card). */
struct SaleShape
{
    QString receiptId;                                 ///< empty: one derived from the order id
    QString giftPayment = QStringLiteral("Gift Card"); ///< the first payment's method
    QString cardPayment = QStringLiteral("Card");      ///< the second payment's method
    QString firstSku = QStringLiteral("TS-100-M");
    bool taxVariance = false; ///< line 0's VAT 0.10 too high (totals and payments still add up): TAX_VARIANCE
    bool malformed = false;   ///< a money field as a JSON number: MALFORMED_ORDER
    QString comment;          ///< changes the bytes without changing the order
};

/** The §5.2 sale as Sitoo's bytes, shaped. @p templatePath is order-sale-20001.json. */
inline QByteArray saleOrder(const QString &templatePath, qint64 orderId, const SaleShape &shape = {})
{
    QFile file(QDir::cleanPath(templatePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject order = QJsonDocument::fromJson(file.readAll()).object();
    order.insert(QStringLiteral("orderid"), orderId);
    order.insert(QStringLiteral("comment"), shape.comment);
    QJsonObject additional = order.value(u"additionaldata").toObject();
    additional.insert(QStringLiteral("pos-receiptid"),
                      shape.receiptId.isEmpty() ? QStringLiteral("R-%1").arg(orderId) : shape.receiptId);
    order.insert(QStringLiteral("additionaldata"), additional);

    QJsonArray items = order.value(u"orderitems").toArray();
    QJsonObject first = items.at(0).toObject();
    first.insert(QStringLiteral("sku"), shape.firstSku);
    QJsonArray payments = order.value(u"payments").toArray();
    QJsonObject gift = payments.at(0).toObject();
    QJsonObject card = payments.at(1).toObject();
    gift.insert(QStringLiteral("name"), shape.giftPayment);
    card.insert(QStringLiteral("name"), shape.cardPayment);
    if (shape.taxVariance) {
        first.insert(QStringLiteral("moneyitemtotal_vat"), QStringLiteral("79.70"));
        order.insert(QStringLiteral("moneytotal_vat"), QStringLiteral("103.54"));
        order.insert(QStringLiteral("moneyfinal_vat"), QStringLiteral("103.54"));
        order.insert(QStringLiteral("moneytotal_gross_all"), QStringLiteral("517.30"));
        card.insert(QStringLiteral("moneyamount"), QStringLiteral("417.30"));
    }
    items.replace(0, first);
    order.insert(QStringLiteral("orderitems"), items);
    payments.replace(0, gift);
    payments.replace(1, card);
    order.insert(QStringLiteral("payments"), payments);
    if (shape.malformed)
        order.insert(QStringLiteral("moneyfinal_net"), 413.76);
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

/** Every mapping the §5.2 sale needs except its payment methods' other than Card. */
inline QByteArray baseMappings()
{
    return R"({"store":{"200":"STO-01"},"tax_rate":{"25":"SE25"},"payment_method":{"Card":"CARD"},)"
           R"("promotion":{"SPRING20":"P-SPRING"},"refund_reason":{"102":"RESTOCK"}})";
}

/** The Prima item master: the two SKUs of the example, plus any @p extraSkus. */
inline Core::Status saveCatalogue(const QSqlDatabase &db, const QStringList &extraSkus = {})
{
    using namespace Core;
    QList<CatalogueEntry> entries;
    for (const QString &sku : QStringList{QStringLiteral("TS-100-M"), QStringLiteral("SO-300")} + extraSkus) {
        CatalogueEntry entry;
        entry.sku = sku;
        entry.title = sku;
        entry.barcode = QStringLiteral("0000000000000");
        entry.price = Money(19900, Currency::of(u"SEK"));
        entry.vatRate = VatRate::fromPercent(25);
        entries.append(entry);
    }
    DbTransaction tx(db);
    auto saved = CatalogueRepository(db).saveSnapshot(tx, CatalogueRepository::Source::Prima, entries,
                                                      QStringLiteral("system"));
    if (!saved)
        return saved.error();
    return tx.commit();
}

/** The store of the example (store-externalid 200, warehouse 1), the catalogue and @p mappings. */
inline Core::Status seed(const QSqlDatabase &db, const QByteArray &mappings = baseMappings())
{
    using namespace Core;
    {
        DbTransaction tx(db);
        Store store;
        store.sitooAccount = kAccount;
        store.sitooStoreId = QStringLiteral("200");
        store.sitooWarehouseId = 1;
        store.name = QStringLiteral("Concept Store");
        store.currency = Currency::of(u"SEK");
        store.countryCode = QStringLiteral("SE");
        store.taxRegime = TaxRegime::Sweden;
        store.timeZone = QStringLiteral("Europe/Stockholm");
        if (auto saved = StoreRepository(db).save(tx, store, QStringLiteral("system")); !saved)
            return saved.error();
        if (auto imported = MappingRepository(db).importJson(tx, mappings, QStringLiteral("system")); !imported)
            return imported.error();
        if (auto committed = tx.commit(); !committed)
            return committed;
    }
    return saveCatalogue(db);
}

/** Takes a page of orders in as the engine does. */
inline Core::Result<Core::IngestSummary> ingest(const QSqlDatabase &db, const QList<QByteArray> &orders)
{
    Core::OrderIngestion ingestion(db, kAccount);
    if (auto refreshed = ingestion.refreshReferenceData(); !refreshed)
        return refreshed.error();
    return ingestion.ingestPage(orders);
}

} // namespace Tillbridge::Test::Review
