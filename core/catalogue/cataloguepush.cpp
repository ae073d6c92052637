// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogue/cataloguepush.h"

#include "core/catalogue/cataloguediff.h"
#include "core/catalogue/catalogueio.h"
#include "core/catalogue/skuauditrepository.h"
#include "core/logging.h"
#include "core/prima/primagateway.h"
#include "core/sitoo/sitooclient.h"
#include "core/sitoo/sitooparsers.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/syncstaterepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

namespace Tillbridge::Core {

namespace {
/** SKUs per Sitoo read (`sku=a,b,c`): keeps the URL short. */
constexpr int kSkusPerRead = 100;

/** One element of a batch and what it means. */
struct PlannedWrite
{
    QString sku;
    QString title;
    Money price;
    QJsonObject element;
    QStringList changes; ///< "price 55.00 GBP → 59.00 GBP", for the explanation of a refusal
};

struct Batch
{
    QByteArray method; ///< "POST" creates, "PUT" updates
    QList<PlannedWrite> writes;
};

std::optional<qint64> productGroupFor(const QList<SitooProductGroup> &groups, const VatRate &rate)
{
    std::optional<qint64> best;
    bool bestIsProduct = false;
    for (const SitooProductGroup &group : groups) {
        if (group.vatRate != rate)
            continue;
        // Prefer a group of type 10 (products) over services and gift cards, then the lowest id: deterministic.
        const bool isProduct = !group.productGroupType || *group.productGroupType == 10;
        if (!best || (isProduct && !bestIsProduct) || (isProduct == bestIsProduct && group.vatId < *best)) {
            best = group.vatId;
            bestIsProduct = isProduct;
        }
    }
    return best;
}
} // namespace

struct CataloguePush::Pass
{
    CataloguePushOptions options;
    QPointer<QObject> context;
    std::function<void(const Result<CataloguePushSummary> &)> done;
    CataloguePushSummary summary;
    QDateTime newestUpdate;
    QList<PrimaItem> items;
    Currency currency;
    QList<SitooProductGroup> groups;
    QStringList skus;
    QHash<QString, SitooProduct> sitoo;
    QList<Batch> batches;
    int nextBatch = 0;
    bool finished = false;
};

CataloguePush::CataloguePush(QSqlDatabase db, SitooClient *sitoo, PrimaGateway *prima, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_sitoo(sitoo)
    , m_prima(prima)
{
}

CataloguePush::~CataloguePush() = default;

void CataloguePush::finish(std::shared_ptr<Pass> pass, const Result<CataloguePushSummary> &result)
{
    if (pass->finished)
        return;
    pass->finished = true;
    if (!result)
        qCWarning(lcSync) << "catalogue push failed:" << result.errorString();
    if (pass->context)
        pass->done(result);
}

void CataloguePush::run(const CataloguePushOptions &options, QObject *context,
                        std::function<void(const Result<CataloguePushSummary> &)> done)
{
    auto pass = std::make_shared<Pass>();
    pass->options = options;
    pass->options.batchSize = std::clamp(options.batchSize, 1, 1000);
    pass->context = context;
    pass->done = std::move(done);

    QDateTime since;
    if (!options.fullResync) {
        auto cursor = SyncStateRepository(m_db).cursor(QStringLiteral("prima"), options.primaAccount,
                                                       cursorStream(options.eshopId));
        if (!cursor) {
            finish(pass, cursor.error());
            return;
        }
        if (cursor->has_value()) {
            since = QDateTime::fromString(**cursor, Qt::ISODateWithMs);
            pass->summary.cursor = **cursor;
        }
    }
    CatalogueIo::fetchPrimaItems(m_prima, since, this, [this, pass](const Result<QList<PrimaItem>> &items) {
        if (!items) {
            finish(pass, items.error());
            return;
        }
        // The newest version of each SKU, in Prima's order.
        QHash<QString, qsizetype> position;
        for (const PrimaItem &item : *items) {
            if (!pass->newestUpdate.isValid() || item.updatedAt > pass->newestUpdate)
                pass->newestUpdate = item.updatedAt;
            const auto it = position.constFind(item.sku);
            if (it == position.cend()) {
                position.insert(item.sku, pass->items.size());
                pass->items.append(item);
            } else if (item.updatedAt >= pass->items.at(*it).updatedAt) {
                pass->items[*it] = item;
            }
        }
        pass->summary.primaItems = int(pass->items.size());
        readSitoo(pass);
    });
}

void CataloguePush::readSitoo(std::shared_ptr<Pass> pass)
{
    const int eshopId = pass->options.eshopId;
    CatalogueIo::fetchSiteCurrency(m_sitoo, eshopId, this, [this, pass, eshopId](const Result<Currency> &currency) {
        if (!currency) {
            finish(pass, currency.error());
            return;
        }
        pass->currency = *currency;
        CatalogueIo::fetchProductGroups(m_sitoo, eshopId, this,
                                        [this, pass](const Result<QList<SitooProductGroup>> &groups) {
                                            if (!groups) {
                                                finish(pass, groups.error());
                                                return;
                                            }
                                            pass->groups = *groups;
                                            for (const PrimaItem &item : std::as_const(pass->items)) {
                                                // A comma would split the filter; Sitoo refuses such a SKU anyway.
                                                if (!item.sku.contains(u','))
                                                    pass->skus.append(item.sku);
                                            }
                                            readSitooSkus(pass, 0);
                                        });
    });
}

void CataloguePush::readSitooSkus(std::shared_ptr<Pass> pass, int from)
{
    if (from >= pass->skus.size()) {
        plan(pass);
        return;
    }
    const QStringList chunk = pass->skus.mid(from, kSkusPerRead);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sku"), chunk.join(u','));
    query.addQueryItem(QStringLiteral("includeinactive"), QStringLiteral("true"));
    m_sitoo->fetchAll(
        m_sitoo->sitePath(pass->options.eshopId, QStringLiteral("products.json")), query, kSkusPerRead, this,
        [this, pass, from, count = int(chunk.size())](const Result<QJsonArray> &items) {
            if (!items) {
                finish(pass, items.error());
                return;
            }
            const QJsonObject envelope{{QStringLiteral("totalcount"), qint64(items->size())},
                                       {QStringLiteral("items"), *items}};
            auto products = SitooParsers::parseProducts(QJsonDocument(envelope).toJson(), pass->currency);
            if (!products) {
                finish(pass, products.error());
                return;
            }
            for (const QString &problem : products->problems)
                qCWarning(lcSync) << "catalogue push: a Sitoo product could not be read:" << problem;
            for (const SitooProduct &product : products->items)
                pass->sitoo.insert(product.sku, product);
            readSitooSkus(pass, from + count);
        });
}

void CataloguePush::plan(std::shared_ptr<Pass> pass)
{
    QList<PlannedWrite> creates;
    QList<PlannedWrite> updates;
    QList<std::pair<PlannedWrite, bool>> unmappable; // the write, and whether the SKU exists in Sitoo
    for (const PrimaItem &item : std::as_const(pass->items)) {
        if (item.priceIncVat.currency() != pass->currency) {
            ++pass->summary.skipped; // a price list question (docs/catalogue.md)
            continue;
        }
        const bool active = item.status == PrimaItemStatus::Active;
        const QString barcode = item.gtins.value(0);
        const auto existing = pass->sitoo.constFind(item.sku);
        const bool exists = existing != pass->sitoo.cend();
        if (!exists && !active) {
            ++pass->summary.skipped; // nothing to sell, so nothing to create
            continue;
        }
        PlannedWrite write;
        write.sku = item.sku;
        write.title = item.description;
        write.price = item.priceIncVat;
        const std::optional<qint64> vatId = productGroupFor(pass->groups, item.vatRate);
        if (!vatId) {
            write.changes.append(QCoreApplication::translate("Tillbridge::Core::CataloguePush",
                                                             "no product group of Sitoo site %1 has VAT %2 %")
                                     .arg(pass->options.eshopId)
                                     .arg(item.vatRate.toString()));
            unmappable.append({write, exists});
            continue;
        }
        if (!exists) {
            write.element = QJsonObject{{QStringLiteral("sku"), item.sku},
                                        {QStringLiteral("title"), item.description},
                                        {QStringLiteral("barcode"), barcode},
                                        {QStringLiteral("moneyprice"), item.priceIncVat.toWireString()},
                                        {QStringLiteral("vatid"), *vatId},
                                        {QStringLiteral("activepos"), true},
                                        {QStringLiteral("active"), true}};
            creates.append(write);
            continue;
        }
        const SitooProduct &product = *existing;
        QJsonObject element{{QStringLiteral("productid"), product.productId}};
        const auto change = [&write](const QString &field, const QString &from, const QString &to) {
            write.changes.append(QStringLiteral("%1 %2 → %3").arg(field, from, to));
        };
        if (product.title != item.description) {
            element.insert(QStringLiteral("title"), item.description);
            change(QStringLiteral("title"), u'"' + product.title + u'"', u'"' + item.description + u'"');
        }
        if (product.barcode != barcode) {
            element.insert(QStringLiteral("barcode"), barcode);
            change(QStringLiteral("barcode"), product.barcode, barcode);
        }
        if (!product.price || *product.price != item.priceIncVat) {
            element.insert(QStringLiteral("moneyprice"), item.priceIncVat.toWireString());
            change(QStringLiteral("price"), CatalogueDiff::moneyText(product.price.value_or(Money())),
                   CatalogueDiff::moneyText(item.priceIncVat));
        }
        if (!product.vatRate || *product.vatRate != item.vatRate) {
            element.insert(QStringLiteral("vatid"), *vatId);
            change(QStringLiteral("VAT"), product.vatRate ? product.vatRate->toString() + QStringLiteral(" %") : QString(),
                   item.vatRate.toString() + QStringLiteral(" %"));
        }
        if (product.activePos.value_or(!active) != active) {
            element.insert(QStringLiteral("activepos"), active);
            element.insert(QStringLiteral("active"), active);
            change(QStringLiteral("activepos"), active ? QStringLiteral("false") : QStringLiteral("true"),
                   active ? QStringLiteral("true") : QStringLiteral("false"));
        }
        if (element.size() == 1) {
            ++pass->summary.unchanged;
            continue;
        }
        write.element = element;
        updates.append(write);
    }

    // What cannot be mapped is an exception now; it is not sent.
    if (!unmappable.isEmpty()) {
        DbTransaction tx(m_db);
        ExceptionRepository exceptions(m_db);
        for (const auto &[write, exists] : std::as_const(unmappable)) {
            const QString explanation =
                QCoreApplication::translate("Tillbridge::Core::CataloguePush",
                                            "Prima SKU %1 (\"%2\", %3) cannot be pushed to Sitoo: %4. Add the product "
                                            "group in Sitoo or correct the VAT code in Prima.")
                    .arg(write.sku, write.title, CatalogueDiff::moneyText(write.price), write.changes.join(u"; "));
            auto raised = exceptions.raise(
                tx,
                ExceptionRecord::open(exists ? ExceptionKind::CatalogFieldMismatch : ExceptionKind::CatalogOnlyInPrima,
                                      SkuAuditRepository::entityType(),
                                      SkuAuditRepository::entityId(pass->options.eshopId, write.sku), explanation,
                                      QJsonObject{{QStringLiteral("push"), QStringLiteral("unmappable")}}),
                pass->options.actor);
            if (!raised) {
                finish(pass, raised.error());
                return;
            }
            ++pass->summary.failed;
        }
        if (auto committed = tx.commit(); !committed) {
            finish(pass, committed.error());
            return;
        }
    }

    const int size = pass->options.batchSize;
    for (qsizetype i = 0; i < creates.size(); i += size)
        pass->batches.append(Batch{QByteArrayLiteral("POST"), creates.mid(i, size)});
    for (qsizetype i = 0; i < updates.size(); i += size)
        pass->batches.append(Batch{QByteArrayLiteral("PUT"), updates.mid(i, size)});
    sendNext(pass);
}

void CataloguePush::sendNext(std::shared_ptr<Pass> pass)
{
    if (pass->nextBatch >= pass->batches.size()) {
        // Every request was answered: move the cursor past what was read.
        if (pass->newestUpdate.isValid()) {
            const QString cursor = pass->newestUpdate.toUTC().toString(Qt::ISODateWithMs);
            DbTransaction tx(m_db);
            Status status = SyncStateRepository(m_db).setCursor(tx, QStringLiteral("prima"),
                                                                pass->options.primaAccount,
                                                                cursorStream(pass->options.eshopId), cursor);
            if (status)
                status = tx.commit();
            if (!status) {
                finish(pass, status.error());
                return;
            }
            pass->summary.cursor = cursor;
        }
        finish(pass, pass->summary);
        return;
    }
    const Batch &batch = pass->batches.at(pass->nextBatch);
    QJsonArray elements;
    for (const PlannedWrite &write : batch.writes)
        elements.append(write.element);
    ++pass->summary.requests;
    m_sitoo->writeProducts(
        pass->options.eshopId, batch.method, elements, this,
        [this, pass](const Result<QList<SitooBatchElementResult>> &results) {
            const Batch &batch = pass->batches.at(pass->nextBatch);
            const bool create = batch.method == "POST";
            if (!results) {
                finish(pass, Error{results.error().code,
                                   tr("Sitoo did not take a batch of %1 products (%2): %3. Nothing is lost: the "
                                      "next push reads them again.")
                                       .arg(batch.writes.size())
                                       .arg(create ? tr("new") : tr("changes"))
                                       .arg(results.errorString())});
                return;
            }
            if (results->size() != batch.writes.size()) {
                finish(pass, Error{ErrorCode::Remote, tr("Sitoo answered a batch of %1 products with %2 results.")
                                                          .arg(batch.writes.size())
                                                          .arg(results->size())});
                return;
            }
            const ExceptionKind kind = create ? ExceptionKind::CatalogOnlyInPrima
                                              : ExceptionKind::CatalogFieldMismatch;
            DbTransaction tx(m_db);
            ExceptionRepository exceptions(m_db);
            QJsonArray written;
            QJsonArray refused;
            for (qsizetype i = 0; i < results->size(); ++i) {
                const SitooBatchElementResult &result = results->at(i);
                const PlannedWrite &write = batch.writes.at(i);
                const QString entityId = SkuAuditRepository::entityId(pass->options.eshopId, write.sku);
                if (result.isSuccess()) {
                    written.append(write.sku);
                    if (create)
                        ++pass->summary.created;
                    else
                        ++pass->summary.updated;
                    auto resolved = exceptions.autoResolve(tx, SkuAuditRepository::entityType(), entityId, kind,
                                                           tr("Pushed from Prima to Sitoo."));
                    if (!resolved) {
                        finish(pass, resolved.error());
                        return;
                    }
                    continue;
                }
                refused.append(write.sku);
                ++pass->summary.failed;
                const QString explanation =
                    create ? tr("Sitoo refused to create Prima SKU %1 (\"%2\", %3): status %4, \"%5\". It stays "
                                "missing from the POS until it is corrected in Prima, which pushes it again.")
                                 .arg(write.sku, write.title, CatalogueDiff::moneyText(write.price))
                                 .arg(result.statusCode)
                                 .arg(result.errorText)
                           : tr("Sitoo refused to update SKU %1 to match Prima (%2): status %3, \"%4\". Sitoo keeps "
                                "its old values until the next successful push.")
                                 .arg(write.sku, write.changes.join(u"; "))
                                 .arg(result.statusCode)
                                 .arg(result.errorText);
                auto raised = exceptions.raise(
                    tx,
                    ExceptionRecord::open(kind, SkuAuditRepository::entityType(), entityId, explanation,
                                          QJsonObject{{QStringLiteral("push"), create ? QStringLiteral("create")
                                                                                      : QStringLiteral("update")},
                                                      {QStringLiteral("statuscode"), result.statusCode},
                                                      {QStringLiteral("errortext"), result.errorText},
                                                      {QStringLiteral("element"), write.element}}),
                    pass->options.actor);
                if (!raised) {
                    finish(pass, raised.error());
                    return;
                }
            }
            AuditEvent event;
            event.actor = pass->options.actor;
            event.action = QStringLiteral("catalogue.pushed");
            event.entityType = QStringLiteral("sitoo-site");
            event.entityId = QString::number(pass->options.eshopId);
            event.details = QJsonObject{{QStringLiteral("method"), QString::fromLatin1(batch.method)},
                                        {QStringLiteral("written"), written},
                                        {QStringLiteral("refused"), refused}};
            if (auto appended = AuditChain::append(tx, event); !appended) {
                finish(pass, appended.error());
                return;
            }
            if (auto committed = tx.commit(); !committed) {
                finish(pass, committed.error());
                return;
            }
            ++pass->nextBatch;
            sendNext(pass);
        });
}

} // namespace Tillbridge::Core
