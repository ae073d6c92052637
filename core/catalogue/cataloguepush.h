// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace Tillbridge::Core {

class PrimaGateway;
class SitooClient;

/** How one catalogue push runs. */
struct CataloguePushOptions
{
    int eshopId = 1;       ///< the Sitoo site written to
    QString primaAccount;  ///< names the cursor (sync_cursors.account): the Prima host
    int batchSize = 100;   ///< products per Sitoo batch request
    bool fullResync = false; ///< ignore the cursor and compare every Prima item
    QString actor = QStringLiteral("system");
};

/** What one push did. */
struct CataloguePushSummary
{
    int primaItems = 0; ///< items Prima reported changed since the cursor
    int created = 0;    ///< new Sitoo products
    int updated = 0;    ///< Sitoo products changed to match Prima
    int unchanged = 0;  ///< already equal in Sitoo: nothing written
    int failed = 0;     ///< refused by Sitoo (or not mappable): each is an exception
    int skipped = 0;    ///< inactive in Prima and absent from Sitoo, or priced in another currency than the site's
    int requests = 0;   ///< batch requests sent
    QString cursor;     ///< the cursor after this push
};

/**
 * Pushes Prima's item master (the product master) to one Sitoo site; nothing flows back. Reads the items Prima
 * changed since the cursor (`updatedSince`, kept in sync_cursors as source "prima", stream
 * "catalogue-push/<eshopid>"), reads those SKUs from Sitoo, and writes only what differs: new products with a batch
 * POST, changes with a batch PUT keyed by productid, `batchSize` elements per request.
 *
 * Mapping (docs/catalogue.md): flat SKUs, one Sitoo product per Prima SKU with the same SKU text; price incl. VAT →
 * `moneyprice` (only when Prima's currency is the site's); VAT rate → `vatid` of the site's product group with that
 * rate; description → title; first GTIN → barcode; ACTIVE → activepos and active.
 *
 * A refused element becomes an exception on entity "sitoo-product" "<eshopid>/<sku>" (CATALOG_ONLY_IN_PRIMA for a
 * failed create, CATALOG_FIELD_MISMATCH for a failed update) with Sitoo's status and text; the rest go through, and
 * a success auto-resolves that SKU's exception of the same kind. Each request's outcome commits in one transaction
 * with its audit event ("catalogue.pushed"). The cursor moves only when every request was answered: a request that
 * failed as a whole (network, 5xx after retries, or an unknown outcome of a POST) ends the run and the next run
 * starts from the same cursor; since it first reads the SKUs back from Sitoo, a POST that did land is then an
 * update, never a second product.
 *
 * Lives in the thread of its clients and uses the connection given, which must belong to that thread.
 */
class CataloguePush : public QObject
{
    Q_OBJECT

public:
    CataloguePush(QSqlDatabase db, SitooClient *sitoo, PrimaGateway *prima, QObject *parent = nullptr);
    ~CataloguePush() override;

    /** Runs one push; @p done runs once on this thread (not at all when @p context died first). */
    void run(const CataloguePushOptions &options, QObject *context,
             std::function<void(const Result<CataloguePushSummary> &)> done);

    /** The sync_cursors stream of a site's push. */
    static QString cursorStream(int eshopId) { return QStringLiteral("catalogue-push/%1").arg(eshopId); }

private:
    struct Pass;
    void readSitoo(std::shared_ptr<Pass> pass);
    void readSitooSkus(std::shared_ptr<Pass> pass, int from);
    void plan(std::shared_ptr<Pass> pass);
    void sendNext(std::shared_ptr<Pass> pass);
    void finish(std::shared_ptr<Pass> pass, const Result<CataloguePushSummary> &result);

    QSqlDatabase m_db;
    SitooClient *m_sitoo;
    PrimaGateway *m_prima;
};

} // namespace Tillbridge::Core
