// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/scenario/scenariooptions.h"
#include "core/sandbox/scenario/scenariotypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Tillbridge::Sandbox {

class ScenarioGenerator;

/**
 * A generated demo world: one Sitoo account with a UK and a Swedish site, stores with warehouses and registers, a
 * catalogue, trading days of POS sales and refunds, Z-reports, stock levels and a recorded list of injected
 * defects. Immutable once generated; copies are cheap (every container is implicitly shared).
 *
 * Orders are held as compact structs and rendered to Sitoo JSON on demand, so that 100,000 of them fit in memory
 * and an emulator can serve one page without building the rest.
 */
class Scenario
{
public:
    /** An empty scenario (no stores, no orders). Use ScenarioGenerator to make a real one. */
    Scenario() = default;

    /** The options the scenario was generated from, after clamping to sane ranges. */
    const ScenarioOptions &options() const { return m_options; }
    /** Sitoo API credentials: account id, API id and password. */
    const ApiCredentials &credentials() const { return m_credentials; }

    /** Sites in eshopid order (1 = UK, 2 = Sweden). */
    const QList<ScenarioSite> &sites() const { return m_sites; }
    /** The site with this eshopid, or nullptr. */
    const ScenarioSite *site(int eshopId) const;
    /** Stores in storeid order; storeid == index + 1, warehouseid == storeid. */
    const QList<ScenarioStore> &stores() const { return m_stores; }
    /** The store whose warehouse this is, or nullptr. */
    const ScenarioStore *storeForWarehouse(qint64 warehouseId) const;
    /** Sitoo product groups (vatid → VAT rate) of every site. */
    const QList<ScenarioProductGroup> &productGroups() const { return m_productGroups; }
    /** Campaign vouchers, valid on both sites. */
    const QList<ScenarioVoucher> &vouchers() const { return m_vouchers; }
    /** POS payment types of every site, including the one Tillbridge has no mapping for. */
    const QList<ScenarioPaymentType> &paymentTypes() const { return m_paymentTypes; }
    /** The tender names a store's region uses every day ("Card", "Cash", "Gift Card"; plus Swish and Klarna in SE). */
    static QStringList usualPaymentMethodNames(Region region);

    /** The Prima-side item master (excludes products that were created only in the POS). */
    const QList<CatalogueItem> &catalogue() const { return m_catalogue; }
    /** Products of every Sitoo site in productid order, including POS-created ones. */
    const QList<SitooProductRecord> &products() const { return m_products; }

    /** Every order (sales and refunds) in ascending orderid order. */
    const QList<ScenarioOrder> &orders() const { return m_orders; }
    /** The index into orders() of an orderid, or -1 (binary search). */
    qsizetype indexOfOrder(qint64 orderId) const;

    /** Stock per warehouse and SKU, in warehouseid then SKU order. */
    const QList<ScenarioWarehouseItem> &warehouseItems() const { return m_warehouseItems; }
    /** Z-reports in Sitoo's shape (§3.11), sorted by dateadded then zreportid. */
    const QList<QJsonObject> &zReports() const { return m_zReports; }

    /** Every injected defect, in the order the defective orders were created (catalogue defects first). */
    const QList<ScenarioDefect> &defects() const { return m_defects; }

    /** `GET /sites.json` item. */
    static QJsonObject siteJson(const ScenarioSite &site);
    /** `GET /sites/{id}/stores.json` item (§3.3). */
    static QJsonObject storeJson(const ScenarioStore &store);
    /** `GET /sites/{id}/warehouses.json` item (§3.8). */
    static QJsonObject warehouseJson(const ScenarioStore &store);
    /** `GET /sites/{id}/productgroups.json` item (§3.5). */
    static QJsonObject productGroupJson(const ScenarioProductGroup &group);
    /** A product with every field of the §5.1 example. */
    static QJsonObject productJson(const SitooProductRecord &product);
    /** `GET /sites/{id}/pospaymenttypes.json` item (S7). */
    static QJsonObject paymentTypeJson(const ScenarioPaymentType &type);
    /** `GET …/warehouseitems.json` item (§3.8, §5.4). */
    static QJsonObject warehouseItemJson(const ScenarioWarehouseItem &item);
    /** The Prima-side facts of a catalogue item, for fixtures and determinism checks. */
    static QJsonObject catalogueItemJson(const CatalogueItem &item);
    /** A defect entry: {orderid, type, kind, sku, description}. */
    static QJsonObject defectJson(const ScenarioDefect &defect);

    /**
     * An order in Sitoo's read model (§3.7.3, §5.2, §5.3), with any injected malformation applied. The single-order
     * endpoint includes `orderlogitems`; the list endpoint does not.
     */
    QJsonObject orderJson(const ScenarioOrder &order, bool withLogItems = true) const;

    /** Everything, in one object with stable key order: the basis of the determinism guarantee. */
    QJsonObject toJson() const;
    /** toJson() as compact UTF-8: byte-identical for identical options. */
    QByteArray toCanonicalJson() const;

private:
    friend class ScenarioGenerator;

    ScenarioOptions m_options;
    ApiCredentials m_credentials;
    QList<ScenarioSite> m_sites;
    QList<ScenarioStore> m_stores;
    QList<ScenarioProductGroup> m_productGroups;
    QList<ScenarioVoucher> m_vouchers;
    QList<ScenarioPaymentType> m_paymentTypes;
    QList<CatalogueItem> m_catalogue;
    QList<SitooProductRecord> m_products;
    QList<ScenarioOrder> m_orders;
    QList<ScenarioWarehouseItem> m_warehouseItems;
    QList<QJsonObject> m_zReports;
    QList<ScenarioDefect> m_defects;
};

} // namespace Tillbridge::Sandbox
