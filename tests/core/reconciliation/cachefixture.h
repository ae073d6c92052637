// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Crafted cache rows for reconciliation and close tests: stores, orders with lines and payments, outbox rows,
// exceptions. Written with plain prepared SQL, as the engine would have left them, so that every figure is known.

#include "core/storage/dbtime.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>
#include <QVariant>

namespace Tillbridge::Test::Recon {

inline qint64 exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql)) {
        qWarning() << "prepare failed:" << sql << query.lastError().text();
        return -1;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning() << "exec failed:" << sql << query.lastError().text();
        return -1;
    }
    return query.lastInsertId().isValid() ? query.lastInsertId().toLongLong() : 0;
}

inline qint64 value(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

inline QString text(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec() || !query.next())
        return QStringLiteral("<none>");
    return query.value(0).toString();
}

inline qint64 addStore(const QSqlDatabase &db, const QString &sitooStoreId, const QString &name, const QString &currency,
                       const QString &regime, const QString &timeZone, const QString &primaLocation)
{
    const QString now = Core::dbTime(QDateTime::currentDateTimeUtc());
    return exec(db,
                QStringLiteral("INSERT INTO stores (sitoo_account, sitoo_store_id, sitoo_warehouse_id, name, currency, "
                               "country_code, tax_regime, time_zone, prima_location, active, created_at, updated_at) "
                               "VALUES ('1500', ?, 0, ?, ?, ?, ?, ?, ?, 1, ?, ?)"),
                {sitooStoreId, name, currency, regime == u"UK" ? QStringLiteral("GB") : QStringLiteral("SE"), regime,
                 timeZone, primaLocation, now, now});
}

struct Payment
{
    QString method;
    qint64 amountMinor;
};

struct Line
{
    qint64 vatRateUnits;
    qint64 netMinor;
    qint64 vatMinor;
};

/** One order of a store at a UTC instant, in a state, with its lines and payments. Returns pos_orders.id. */
inline qint64 addOrder(const QSqlDatabase &db, qint64 storeId, qint64 sitooOrderId, const QDateTime &orderDateUtc,
                       const QString &state, const QList<Line> &lines, const QList<Payment> &payments,
                       const QString &currency = QStringLiteral("GBP"), const QDateTime &receivedUtc = {})
{
    const QString received = Core::dbTime(receivedUtc.isValid() ? receivedUtc : orderDateUtc);
    const qint64 raw = exec(db,
                            QStringLiteral("INSERT INTO raw_orders (sitoo_account, sitoo_order_id, payload, "
                                           "payload_sha256, received_at) VALUES ('1500', ?, ?, ?, ?)"),
                            {sitooOrderId, QByteArray("{}"), QString::number(sitooOrderId).rightJustified(64, u'0'),
                             received});
    qint64 net = 0;
    qint64 vat = 0;
    for (const Line &line : lines) {
        net += line.netMinor;
        vat += line.vatMinor;
    }
    const qint64 order = exec(
        db,
        QStringLiteral("INSERT INTO pos_orders (sitoo_account, sitoo_order_id, raw_order_id, store_id, kind, "
                       "order_date, currency, total_net_minor, total_vat_minor, rounding_minor, total_gross_minor, "
                       "state, created_at, updated_at) VALUES ('1500', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"),
        {sitooOrderId, raw, storeId, net + vat < 0 ? QStringLiteral("refund") : QStringLiteral("sale"),
         Core::dbTime(orderDateUtc), currency, net, vat, net + vat, state, received, received});
    int index = 0;
    for (const Line &line : lines) {
        exec(db,
             QStringLiteral("INSERT INTO pos_order_lines (order_id, line_index, item_type, sku, product_name, quantity, "
                            "unit_net_minor, line_net_minor, line_vat_minor, vat_rate_units) "
                            "VALUES (?, ?, 1, 'SKU-1', 'Shoe', 1, ?, ?, ?, ?)"),
             {order, index++, line.netMinor, line.netMinor, line.vatMinor, line.vatRateUnits});
    }
    index = 0;
    for (const Payment &payment : payments) {
        exec(db,
             QStringLiteral("INSERT INTO pos_order_payments (order_id, payment_index, method_name, amount_minor) "
                            "VALUES (?, ?, ?, ?)"),
             {order, index++, payment.method, payment.amountMinor});
    }
    return order;
}

} // namespace Tillbridge::Test::Recon
