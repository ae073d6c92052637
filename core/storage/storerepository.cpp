// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/storerepository.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
Error sqlError(const QSqlQuery &query)
{
    qCWarning(lcDb) << "stores:" << query.lastError().text();
    return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::StoreRepository",
                                                                  "The stores could not be read or saved: %1")
                                          .arg(query.lastError().text())};
}
} // namespace

StoreRepository::StoreRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<Store>> StoreRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, sitoo_account, sitoo_store_id, sitoo_warehouse_id, name, currency, "
                                   "country_code, tax_regime, time_zone, prima_location, active FROM stores "
                                   "ORDER BY name, id")))
        return sqlError(query);
    QList<Store> stores;
    while (query.next()) {
        Store store;
        store.id = query.value(0).toLongLong();
        store.sitooAccount = query.value(1).toString();
        store.sitooStoreId = query.value(2).toString();
        store.sitooWarehouseId = query.value(3).toLongLong();
        store.name = query.value(4).toString();
        store.currency = Currency::fromCode(query.value(5).toString()).valueOr(Currency());
        store.countryCode = query.value(6).toString();
        store.taxRegime = taxRegimeFromCode(query.value(7).toString()).value_or(TaxRegime::UnitedKingdom);
        store.timeZone = query.value(8).toString();
        store.primaLocation = query.value(9).toString();
        store.active = query.value(10).toBool();
        stores.append(store);
    }
    return stores;
}

Result<Store> StoreRepository::save(DbTransaction &tx, Store store, const QString &actor)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery query(tx.database());
    query.prepare(QStringLiteral(
        "INSERT INTO stores (sitoo_account, sitoo_store_id, sitoo_warehouse_id, name, currency, country_code, "
        "tax_regime, time_zone, prima_location, active, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (sitoo_account, sitoo_store_id) DO UPDATE SET sitoo_warehouse_id = excluded.sitoo_warehouse_id, "
        "name = excluded.name, currency = excluded.currency, country_code = excluded.country_code, "
        "tax_regime = excluded.tax_regime, time_zone = excluded.time_zone, prima_location = excluded.prima_location, "
        "active = excluded.active, updated_at = excluded.updated_at"));
    query.addBindValue(store.sitooAccount);
    query.addBindValue(store.sitooStoreId);
    query.addBindValue(store.sitooWarehouseId);
    query.addBindValue(store.name);
    query.addBindValue(store.currency.code());
    query.addBindValue(store.countryCode);
    query.addBindValue(taxRegimeCode(store.taxRegime));
    query.addBindValue(store.timeZone);
    query.addBindValue(store.primaLocation.isEmpty() ? QVariant() : QVariant(store.primaLocation));
    query.addBindValue(store.active ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec())
        return sqlError(query);

    query.prepare(QStringLiteral("SELECT id FROM stores WHERE sitoo_account = ? AND sitoo_store_id = ?"));
    query.addBindValue(store.sitooAccount);
    query.addBindValue(store.sitooStoreId);
    if (!query.exec() || !query.next())
        return sqlError(query);
    store.id = query.value(0).toLongLong();

    AuditEvent event;
    event.actor = actor;
    event.action = QStringLiteral("store.saved");
    event.entityType = QStringLiteral("store");
    event.entityId = QString::number(store.id);
    event.details = QJsonObject{{QStringLiteral("name"), store.name},
                                {QStringLiteral("sitoo_account"), store.sitooAccount},
                                {QStringLiteral("sitoo_store_id"), store.sitooStoreId},
                                {QStringLiteral("currency"), store.currency.code()},
                                {QStringLiteral("tax_regime"), taxRegimeCode(store.taxRegime)},
                                {QStringLiteral("prima_location"), store.primaLocation}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return store;
}

} // namespace Tillbridge::Core
