// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/orderrepository.h"

#include "core/storage/dbtime.h"

#include "core/logging.h"
#include "core/sha256.h"
#include "core/storage/auditchain.h"
#include "core/storage/auditdetails.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>
#include <utility>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OrderRepository", text);
}

Error sqlError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "orders:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The orders could not be read or saved: %1").arg(query.lastError().text())};
}

Error storageError(const Error &error, const char *tag)
{
    qCWarning(lcDb) << "orders:" << tag << error.message;
    return Error{error.code, tr("The orders could not be read or saved: %1").arg(error.message)};
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}




constexpr std::array kStateCodes{
    std::pair{PosOrderState::Received, "received"},     std::pair{PosOrderState::Quarantined, "quarantined"},
    std::pair{PosOrderState::Ready, "ready"},           std::pair{PosOrderState::Posted, "posted"},
    std::pair{PosOrderState::Superseded, "superseded"},
};

// The placeholders of a malformed order (see the class comment): "XXX" is ISO 4217's code for "no currency".
constexpr auto kNoCurrency = "XXX";

StoredOrder storedOrderFrom(const QSqlQuery &query)
{
    // Column order of every SELECT that feeds this function.
    StoredOrder order;
    order.id = query.value(0).toLongLong();
    order.sitooAccount = query.value(1).toString();
    order.sitooOrderId = query.value(2).toLongLong();
    order.rawOrderId = query.value(3).toLongLong();
    order.kind = posOrderKindFromCode(query.value(4).toString()).value_or(PosOrderKind::Sale);
    order.state = posOrderStateFromCode(query.value(5).toString()).value_or(PosOrderState::Quarantined);
    order.malformed = query.value(6).toInt() != 0;
    order.storeId = query.value(7).isNull() ? 0 : query.value(7).toLongLong();
    order.currency = query.value(8).toString();
    order.totalGrossMinor = query.value(9).toLongLong();
    order.orderDate = fromDbTime(query.value(10));
    if (!query.value(11).isNull())
        order.originalOrderId = query.value(11).toLongLong();
    order.createdAt = fromDbTime(query.value(12));
    order.updatedAt = fromDbTime(query.value(13));
    return order;
}

QString auditActionFor(PosOrderState state)
{
    switch (state) {
    case PosOrderState::Received:
        return QStringLiteral("order.requeued");
    case PosOrderState::Quarantined:
        return QStringLiteral("order.quarantined");
    case PosOrderState::Ready:
        return QStringLiteral("order.ready");
    case PosOrderState::Posted:
        return QStringLiteral("order.posted");
    case PosOrderState::Superseded:
        return QStringLiteral("order.superseded");
    }
    return {};
}

} // namespace

QString posOrderStateCode(PosOrderState state)
{
    for (const auto &[value, code] : kStateCodes) {
        if (value == state)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<PosOrderState> posOrderStateFromCode(const QString &code)
{
    for (const auto &[value, text] : kStateCodes) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

OrderRepository::OrderRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<OrderReceiveResult> OrderRepository::receive(DbTransaction &tx, const QString &account, qint64 sitooOrderId,
                                                    const QByteArray &rawBytes, const QByteArray &sha256Hex,
                                                    const std::optional<PosOrder> &parsed)
{
    if (account.isEmpty())
        return invalid(tr("An order cannot be stored without its Sitoo account."));
    // The hash is the identity of a version: a wrong one would make a changed order look unchanged.
    const QByteArray actualSha = Sha256::hexHash(rawBytes);
    if (sha256Hex.toLower() != actualSha) {
        return invalid(tr("Order %1: the SHA-256 given for the raw payload does not match its bytes.")
                           .arg(sitooOrderId));
    }
    if (parsed) {
        if (sitooOrderId <= 0 || parsed->orderId != sitooOrderId || parsed->sitooAccount != account) {
            return invalid(tr("Order %1 of account %2: the parsed order names order %3 of account %4.")
                               .arg(sitooOrderId)
                               .arg(account)
                               .arg(parsed->orderId)
                               .arg(parsed->sitooAccount));
        }
        if (!parsed->currency.isValid())
            return invalid(tr("Order %1 has no valid currency.").arg(sitooOrderId));
    }
    const qint64 knownOrderId = sitooOrderId > 0 ? sitooOrderId : 0;

    return tx.atomically([&]() -> Result<OrderReceiveResult> {
        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        OrderReceiveResult result;

        QSqlQuery *query = nullptr; // the statement in use, kept prepared by the transaction
        auto prepare = [&tx, &query](const QString &sql) -> Status {
            auto statement = tx.statement(sql);
            if (!statement)
                return statement.error();
            query = *statement;
            return Status::success();
        };
        // The inserts of a new order bind straight into SQLite (SqliteStatement): they run for every order.
        auto rawInsert = tx.sqlite(
            "INSERT INTO raw_orders (sitoo_account, sitoo_order_id, payload, payload_sha256, received_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sitoo_account, sitoo_order_id, payload_sha256) DO NOTHING");
        if (!rawInsert)
            return rawInsert.error();
        SqliteStatement &raw = **rawInsert;
        raw.bind(1, account);
        raw.bind(2, knownOrderId);
        raw.bindBlob(3, rawBytes);
        raw.bindUtf8(4, actualSha);
        raw.bind(5, now);
        if (auto inserted = raw.execute(); !inserted)
            return storageError(inserted.error(), "insert raw");

        if (raw.changes() == 0) {
            // These exact bytes were stored before: a re-read page. Nothing is written, nothing audited.
            result.receipt = OrderReceipt::Unchanged;
            if (auto status = prepare(QStringLiteral("SELECT id FROM raw_orders WHERE sitoo_account = ? AND sitoo_order_id = ? "
                                         "AND payload_sha256 = ?")); !status)
                return status.error();
            query->addBindValue(account);
            query->addBindValue(knownOrderId);
            query->addBindValue(QString::fromLatin1(actualSha));
            if (!query->exec() || !query->next())
                return sqlError(*query, "find raw");
            result.rawOrderId = query->value(0).toLongLong();
            if (knownOrderId > 0) {
                if (auto status = prepare(QStringLiteral("SELECT id FROM pos_orders WHERE sitoo_account = ? AND "
                                             "sitoo_order_id = ?")); !status)
                    return status.error();
                query->addBindValue(account);
                query->addBindValue(knownOrderId);
            } else {
                if (auto status = prepare(QStringLiteral("SELECT id FROM pos_orders WHERE raw_order_id = ?")); !status)
                    return status.error();
                query->addBindValue(result.rawOrderId);
            }
            if (!query->exec())
                return sqlError(*query, "find order");
            if (query->next())
                result.posOrderId = query->value(0).toLongLong();
            return result;
        }
        result.rawOrderId = raw.lastInsertRowId();
        // An order whose id could not be read gets -raw id: unique, and never a real (positive) Sitoo id.
        const qint64 storedOrderId = knownOrderId > 0 ? knownOrderId : -result.rawOrderId;

        auto orderInsert = tx.sqlite(
            "INSERT INTO pos_orders (sitoo_account, sitoo_order_id, raw_order_id, store_id, kind, receipt_id, "
            "register_id, warehouse_id, order_date, currency, total_net_minor, total_vat_minor, rounding_minor, "
            "total_gross_minor, original_order_id, refund_reason_code, state, created_at, updated_at, malformed, "
            "store_external_id, time_zone, sales_tax_minor, eshop_id, external_id, credit_order_id, order_state_id, "
            "payment_state_id, order_type_id) "
            "VALUES (?, ?, ?, (SELECT id FROM stores WHERE sitoo_account = ? AND sitoo_store_id = ?), ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (sitoo_account, sitoo_order_id) DO NOTHING");
        if (!orderInsert)
            return orderInsert.error();
        SqliteStatement &insert = **orderInsert;
        insert.bind(1, account);
        insert.bind(2, storedOrderId);
        insert.bind(3, result.rawOrderId);
        insert.bind(4, account);
        if (parsed) {
            const PosOrder &order = *parsed;
            insert.bind(5, order.storeExternalId);
            insert.bind(6, posOrderKindCode(order.kind));
            insert.bind(7, order.receiptId);
            insert.bind(8, order.registerId);
            insert.bind(9, order.warehouseId);
            insert.bind(10, order.orderDate.isValid() ? dbTime(order.orderDate) : now);
            insert.bind(11, order.currency.code());
            insert.bind(12, order.totalNet.minorUnits());
            insert.bind(13, order.totalVat.minorUnits());
            insert.bind(14, order.cashRounding.minorUnits());
            insert.bind(15, order.totalGross.minorUnits());
            insert.bind(16, order.originalOrderId);
            insert.bind(17, order.refundReasonCode);
            insert.bind(18, posOrderStateCode(PosOrderState::Received));
            insert.bind(19, now);
            insert.bind(20, now);
            insert.bind(21, 0);
            insert.bind(22, order.storeExternalId);
            insert.bind(23, order.timeZone);
            insert.bind(24, order.salesTax.minorUnits());
            insert.bind(25, order.eshopId);
            insert.bind(26, order.externalId);
            insert.bind(27, order.creditOrderId);
            insert.bind(28, order.orderStateId);
            insert.bind(29, order.paymentStateId);
            insert.bind(30, order.orderTypeId);
        } else {
            // Placeholders, flagged by malformed = 1 (see the class comment).
            insert.bind(5, QString());
            insert.bind(6, posOrderKindCode(PosOrderKind::Sale));
            insert.bind(7, QString());
            insert.bind(8, QString());
            insert.bind(9, 0);
            insert.bind(10, now);
            insert.bind(11, QLatin1StringView(kNoCurrency));
            insert.bind(12, 0);
            insert.bind(13, 0);
            insert.bind(14, 0);
            insert.bind(15, 0);
            insert.bindNull(16);
            insert.bind(17, QString());
            insert.bind(18, posOrderStateCode(PosOrderState::Quarantined));
            insert.bind(19, now);
            insert.bind(20, now);
            insert.bind(21, 1);
            insert.bind(22, QString());
            insert.bind(23, QString());
            insert.bind(24, 0);
            insert.bind(25, 0);
            insert.bind(26, QString());
            for (int index = 27; index <= 30; ++index)
                insert.bindNull(index);
        }
        if (auto inserted = insert.execute(); !inserted)
            return storageError(inserted.error(), "insert order");

        if (insert.changes() == 0) {
            // Same order id, different bytes: keep the new version next to the old one and leave the order alone.
            result.receipt = OrderReceipt::ChangedContent;
            if (auto status = prepare(QStringLiteral("SELECT p.id, r.payload_sha256 FROM pos_orders p JOIN raw_orders r ON "
                                         "r.id = p.raw_order_id WHERE p.sitoo_account = ? AND p.sitoo_order_id = ?")); !status)
                return status.error();
            query->addBindValue(account);
            query->addBindValue(storedOrderId);
            if (!query->exec() || !query->next())
                return sqlError(*query, "find changed order");
            result.posOrderId = query->value(0).toLongLong();
            const QString previousSha = query->value(1).toString();

            AuditEvent event;
            event.actor = QStringLiteral("system");
            event.action = QStringLiteral("order.content-changed");
            event.entityType = QStringLiteral("order");
            event.entityId = QString::number(result.posOrderId);
            event.details = QJsonObject{{QStringLiteral("sitoo_account"), account},
                                        {QStringLiteral("sitoo_order_id"), storedOrderId},
                                        {QStringLiteral("raw_order_id"), result.rawOrderId},
                                        {QStringLiteral("payload_sha256"), QString::fromLatin1(actualSha)},
                                        {QStringLiteral("stored_payload_sha256"), previousSha},
                                        {QStringLiteral("parsed"), parsed.has_value()}};
            if (auto appended = AuditChain::append(tx, event); !appended)
                return appended.error();
            return result;
        }
        result.receipt = OrderReceipt::New;
        result.posOrderId = insert.lastInsertRowId();

        if (parsed) {
            auto lineInsert = tx.sqlite(
                "INSERT INTO pos_order_lines (order_id, line_index, item_type, sku, product_name, quantity, "
                "unit_net_minor, line_net_minor, line_vat_minor, vat_rate_units, discount_net_minor, voucher_code, "
                "original_line_index, return_reason_code, has_discount, discount_unit_net_minor, voucher_name, "
                "unit_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            if (!lineInsert)
                return lineInsert.error();
            SqliteStatement &lineRow = **lineInsert;
            for (const PosOrderLine &line : parsed->lines) {
                lineRow.bind(1, result.posOrderId);
                lineRow.bind(2, line.lineIndex);
                lineRow.bind(3, line.itemType);
                lineRow.bind(4, line.sku);
                lineRow.bind(5, line.productName);
                lineRow.bind(6, line.quantity);
                lineRow.bind(7, line.unitNetPrice.minorUnits());
                lineRow.bind(8, line.lineNet.minorUnits());
                lineRow.bind(9, line.lineVat.minorUnits());
                lineRow.bind(10, line.vatRate.units());
                lineRow.bind(11, line.discount ? line.discount->lineNet.minorUnits() : qint64(0));
                lineRow.bind(12, line.discount ? line.discount->voucherCode : QString());
                lineRow.bind(13, line.originalLineIndex);
                lineRow.bind(14, line.returnReasonCode);
                lineRow.bind(15, line.discount.has_value());
                lineRow.bind(16, line.discount ? line.discount->perUnitNet.minorUnits() : qint64(0));
                lineRow.bind(17, line.discount ? line.discount->voucherName : QString());
                if (line.unitQuantity)
                    lineRow.bind(18, line.unitQuantity->toString());
                else
                    lineRow.bindNull(18);
                if (auto inserted = lineRow.execute(); !inserted)
                    return storageError(inserted.error(), "insert line");
            }
            auto paymentInsert = tx.sqlite(
                "INSERT INTO pos_order_payments (order_id, payment_index, method_name, amount_minor, reference, "
                "original_payment_index) VALUES (?, ?, ?, ?, ?, ?)");
            if (!paymentInsert)
                return paymentInsert.error();
            SqliteStatement &paymentRow = **paymentInsert;
            for (const PosPayment &payment : parsed->payments) {
                paymentRow.bind(1, result.posOrderId);
                paymentRow.bind(2, payment.paymentIndex);
                paymentRow.bind(3, payment.methodName);
                paymentRow.bind(4, payment.amount.minorUnits());
                paymentRow.bind(5, payment.reference);
                paymentRow.bind(6, payment.originalPaymentIndex);
                if (auto inserted = paymentRow.execute(); !inserted)
                    return storageError(inserted.error(), "insert payment");
            }
        }

        AuditEvent event;
        event.actor = QStringLiteral("system");
        event.action = QStringLiteral("order.received");
        event.entityType = QStringLiteral("order");
        event.entityId = QString::number(result.posOrderId);
        AuditDetails details;
        details.insert(QLatin1StringView("sitoo_account"), account)
            .insert(QLatin1StringView("sitoo_order_id"), storedOrderId)
            .insert(QLatin1StringView("raw_order_id"), result.rawOrderId)
            .insert(QLatin1StringView("payload_sha256"), QString::fromLatin1(actualSha))
            .insert(QLatin1StringView("malformed"), !parsed.has_value())
            .insert(QLatin1StringView("state"),
                    posOrderStateCode(parsed ? PosOrderState::Received : PosOrderState::Quarantined));
        if (parsed) {
            details.insert(QLatin1StringView("kind"), posOrderKindCode(parsed->kind))
                .insert(QLatin1StringView("currency"), parsed->currency.code())
                .insert(QLatin1StringView("total_gross_minor"), parsed->totalGross.minorUnits())
                .insert(QLatin1StringView("lines"), qint64(parsed->lines.size()));
        }
        if (auto appended = AuditChain::append(tx, event, details); !appended)
            return appended.error();
        return result;
    });
}

Status OrderRepository::setState(DbTransaction &tx, qint64 orderId, PosOrderState state, const QString &actor,
                                 const QString &reason)
{
    if (state == PosOrderState::Posted) {
        return invalid(tr("Order %1 cannot be marked posted by hand: it becomes posted when Prima confirms its "
                          "document.")
                           .arg(orderId));
    }
    if (actor.trimmed().isEmpty())
        return invalid(tr("A change of an order's state must name who made it."));

    return tx.atomically([&]() -> Status {
        // Both statements run for every order routed: kept prepared, values bound straight into SQLite.
        auto read = tx.sqlite("SELECT state, malformed, sitoo_account, sitoo_order_id FROM pos_orders WHERE id = ?");
        if (!read)
            return read.error();
        SqliteStatement &current = **read;
        current.bind(1, orderId);
        auto found = current.step();
        if (!found)
            return storageError(found.error(), "read state");
        if (!*found)
            return Error{ErrorCode::NotFound, tr("Order %1 is not in the cache.").arg(orderId)};
        const QString fromCode = current.columnText(0);
        const bool malformed = current.columnInt64(1) != 0;
        const QString account = current.columnText(2);
        const qint64 sitooOrderId = current.columnInt64(3);
        const auto from = posOrderStateFromCode(fromCode);
        current.reset();

        if (from == state)
            return Status::success();
        if (from == PosOrderState::Posted || from == PosOrderState::Superseded) {
            return invalid(tr("Order %1 is %2; its state can no longer change.").arg(orderId).arg(fromCode));
        }
        if (malformed && state != PosOrderState::Quarantined && state != PosOrderState::Superseded) {
            return invalid(tr("Order %1 could not be read when it arrived; it stays quarantined until it is "
                              "superseded.")
                               .arg(orderId));
        }

        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        auto write = tx.sqlite("UPDATE pos_orders SET state = ?, updated_at = ? WHERE id = ? AND state = ?");
        if (!write)
            return write.error();
        SqliteStatement &update = **write;
        update.bind(1, posOrderStateCode(state));
        update.bind(2, now);
        update.bind(3, orderId);
        update.bind(4, fromCode);
        if (auto updated = update.execute(); !updated)
            return storageError(updated.error(), "update state");
        if (update.changes() != 1) {
            return Error{ErrorCode::Database,
                         tr("Order %1 changed while it was being updated; nothing was saved.").arg(orderId)};
        }

        AuditEvent event;
        event.actor = actor;
        event.action = auditActionFor(state);
        event.entityType = QStringLiteral("order");
        event.entityId = QString::number(orderId);
        AuditDetails details;
        details.insert(QLatin1StringView("sitoo_account"), account)
            .insert(QLatin1StringView("sitoo_order_id"), sitooOrderId)
            .insert(QLatin1StringView("from_state"), fromCode)
            .insert(QLatin1StringView("to_state"), posOrderStateCode(state))
            .insert(QLatin1StringView("reason"), reason);
        if (auto appended = AuditChain::append(tx, event, details); !appended)
            return appended.error();
        return Status::success();
    });
}

Result<PosOrder> OrderRepository::load(qint64 orderId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT p.sitoo_account, p.sitoo_order_id, p.kind, p.receipt_id, p.register_id, p.warehouse_id, "
        "p.order_date, p.currency, p.total_net_minor, p.total_vat_minor, p.rounding_minor, p.total_gross_minor, "
        "p.original_order_id, p.refund_reason_code, p.malformed, p.store_external_id, p.time_zone, "
        "p.sales_tax_minor, p.eshop_id, p.external_id, p.credit_order_id, p.order_state_id, p.payment_state_id, "
        "p.order_type_id, r.payload_sha256 FROM pos_orders p JOIN raw_orders r ON r.id = p.raw_order_id "
        "WHERE p.id = ?"));
    query.addBindValue(orderId);
    if (!query.exec())
        return sqlError(query, "load order");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("Order %1 is not in the cache.").arg(orderId)};
    if (query.value(14).toInt() != 0) {
        return invalid(tr("Order %1 could not be read when it arrived; only its raw payload is kept.").arg(orderId));
    }
    const auto currency = Currency::fromCode(query.value(7).toString());
    if (!currency)
        return invalid(tr("Order %1: %2").arg(orderId).arg(currency.errorString()));
    const Currency cur = *currency;
    auto money = [&cur](const QVariant &value) { return Money(value.toLongLong(), cur); };

    PosOrder order;
    order.sitooAccount = query.value(0).toString();
    order.orderId = query.value(1).toLongLong();
    order.kind = posOrderKindFromCode(query.value(2).toString()).value_or(PosOrderKind::Sale);
    order.receiptId = query.value(3).toString();
    order.registerId = query.value(4).toString();
    order.warehouseId = query.value(5).toLongLong();
    order.orderDate = fromDbTime(query.value(6));
    order.currency = cur;
    order.totalNet = money(query.value(8));
    order.totalVat = money(query.value(9));
    order.cashRounding = money(query.value(10));
    order.totalGross = money(query.value(11));
    if (!query.value(12).isNull())
        order.originalOrderId = query.value(12).toLongLong();
    order.refundReasonCode = query.value(13).toString();
    order.storeExternalId = query.value(15).toString();
    order.timeZone = query.value(16).toString();
    order.salesTax = money(query.value(17));
    order.eshopId = query.value(18).toLongLong();
    order.externalId = query.value(19).toString();
    if (!query.value(20).isNull())
        order.creditOrderId = query.value(20).toLongLong();
    if (!query.value(21).isNull())
        order.orderStateId = query.value(21).toInt();
    if (!query.value(22).isNull())
        order.paymentStateId = query.value(22).toInt();
    if (!query.value(23).isNull())
        order.orderTypeId = query.value(23).toInt();
    order.rawPayloadSha256 = query.value(24).toString().toLatin1();
    query.finish();

    query.prepare(QStringLiteral(
        "SELECT line_index, item_type, sku, product_name, quantity, unit_net_minor, line_net_minor, "
        "line_vat_minor, vat_rate_units, discount_net_minor, voucher_code, original_line_index, return_reason_code, "
        "has_discount, discount_unit_net_minor, voucher_name, unit_quantity FROM pos_order_lines WHERE order_id = ? "
        "ORDER BY line_index"));
    query.addBindValue(orderId);
    if (!query.exec())
        return sqlError(query, "load lines");
    while (query.next()) {
        PosOrderLine line;
        line.lineIndex = query.value(0).toInt();
        line.itemType = query.value(1).toInt();
        line.sku = query.value(2).toString();
        line.productName = query.value(3).toString();
        line.quantity = query.value(4).toLongLong();
        line.unitNetPrice = money(query.value(5));
        line.lineNet = money(query.value(6));
        line.lineVat = money(query.value(7));
        line.vatRate = VatRate::fromUnits(query.value(8).toLongLong());
        if (query.value(13).toInt() != 0) {
            PosDiscount discount;
            discount.lineNet = money(query.value(9));
            discount.voucherCode = query.value(10).toString();
            discount.perUnitNet = money(query.value(14));
            discount.voucherName = query.value(15).toString();
            line.discount = discount;
        }
        if (!query.value(11).isNull())
            line.originalLineIndex = query.value(11).toInt();
        line.returnReasonCode = query.value(12).toString();
        if (!query.value(16).isNull()) {
            const auto quantity = Decimal::parse(query.value(16).toString());
            if (!quantity)
                return invalid(
                    tr("Order %1, line %2: %3").arg(orderId).arg(line.lineIndex).arg(quantity.errorString()));
            line.unitQuantity = *quantity;
        }
        order.lines.append(line);
    }
    if (query.lastError().isValid())
        return sqlError(query, "load lines");
    query.finish();

    query.prepare(QStringLiteral("SELECT payment_index, method_name, amount_minor, reference, original_payment_index "
                                 "FROM pos_order_payments WHERE order_id = ? ORDER BY payment_index"));
    query.addBindValue(orderId);
    if (!query.exec())
        return sqlError(query, "load payments");
    while (query.next()) {
        PosPayment payment;
        payment.paymentIndex = query.value(0).toInt();
        payment.methodName = query.value(1).toString();
        payment.amount = money(query.value(2));
        payment.reference = query.value(3).toString();
        if (!query.value(4).isNull())
            payment.originalPaymentIndex = query.value(4).toInt();
        order.payments.append(payment);
    }
    if (query.lastError().isValid())
        return sqlError(query, "load payments");
    return order;
}

Result<StoredOrder> OrderRepository::storedOrder(qint64 orderId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, sitoo_account, sitoo_order_id, raw_order_id, kind, state, malformed, store_id, currency, "
        "total_gross_minor, order_date, original_order_id, created_at, updated_at FROM pos_orders WHERE id = ?"));
    query.addBindValue(orderId);
    if (!query.exec())
        return sqlError(query, "stored order");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("Order %1 is not in the cache.").arg(orderId)};
    return storedOrderFrom(query);
}

Result<std::optional<StoredOrder>> OrderRepository::findBySitooId(const QString &account, qint64 sitooOrderId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, sitoo_account, sitoo_order_id, raw_order_id, kind, state, malformed, store_id, currency, "
        "total_gross_minor, order_date, original_order_id, created_at, updated_at FROM pos_orders "
        "WHERE sitoo_account = ? AND sitoo_order_id = ?"));
    query.addBindValue(account);
    query.addBindValue(sitooOrderId);
    if (!query.exec())
        return sqlError(query, "find order");
    if (!query.next())
        return std::optional<StoredOrder>();
    return std::optional<StoredOrder>(storedOrderFrom(query));
}

namespace {
// The unary + keeps SQLite from answering the ORDER BY by walking the whole (account, order id) unique index — which
// made every receipt cost more as the cache grew — and lets it use the receipt index instead.
const QString kOtherWithReceiptSql = QStringLiteral(
    "SELECT id, sitoo_account, sitoo_order_id, raw_order_id, kind, state, malformed, store_id, currency, "
    "total_gross_minor, order_date, original_order_id, created_at, updated_at FROM pos_orders "
    "WHERE sitoo_account = ? AND receipt_id = ? AND sitoo_order_id <> ? ORDER BY +sitoo_order_id LIMIT 1");

Result<std::optional<StoredOrder>> otherWithReceipt(QSqlQuery &query, const QString &account,
                                                    const QString &receiptId, qint64 excludingSitooOrderId)
{
    query.bindValue(0, account);
    query.bindValue(1, receiptId);
    query.bindValue(2, excludingSitooOrderId);
    if (!query.exec())
        return sqlError(query, "find receipt");
    if (!query.next())
        return std::optional<StoredOrder>();
    std::optional<StoredOrder> found = storedOrderFrom(query);
    query.finish();
    return found;
}
} // namespace

Result<std::optional<StoredOrder>> OrderRepository::findOtherWithReceipt(const QString &account,
                                                                         const QString &receiptId,
                                                                         qint64 excludingSitooOrderId) const
{
    if (receiptId.isEmpty())
        return std::optional<StoredOrder>();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(kOtherWithReceiptSql))
        return sqlError(query, "find receipt");
    return otherWithReceipt(query, account, receiptId, excludingSitooOrderId);
}

Result<std::optional<StoredOrder>> OrderRepository::findOtherWithReceipt(DbTransaction &tx, const QString &account,
                                                                         const QString &receiptId,
                                                                         qint64 excludingSitooOrderId) const
{
    if (receiptId.isEmpty())
        return std::optional<StoredOrder>();
    // Asked for every order received, and almost always answered "none": that answer binds straight into SQLite.
    auto probe = tx.sqlite("SELECT 1 FROM pos_orders WHERE sitoo_account = ? AND receipt_id = ? "
                           "AND sitoo_order_id <> ? LIMIT 1");
    if (!probe)
        return probe.error();
    (*probe)->bind(1, account);
    (*probe)->bind(2, receiptId);
    (*probe)->bind(3, excludingSitooOrderId);
    auto twin = (*probe)->step();
    if (!twin)
        return storageError(twin.error(), "find receipt");
    (*probe)->reset();
    if (!*twin)
        return std::optional<StoredOrder>();
    auto query = tx.statement(kOtherWithReceiptSql);
    if (!query)
        return query.error();
    return otherWithReceipt(**query, account, receiptId, excludingSitooOrderId);
}

Result<QList<RawOrderVersion>> OrderRepository::rawVersions(const QString &account, qint64 sitooOrderId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, payload, payload_sha256, received_at FROM raw_orders "
                                 "WHERE sitoo_account = ? AND sitoo_order_id = ? ORDER BY id"));
    query.addBindValue(account);
    query.addBindValue(sitooOrderId);
    if (!query.exec())
        return sqlError(query, "raw versions");
    QList<RawOrderVersion> versions;
    while (query.next()) {
        versions.append(RawOrderVersion{query.value(0).toLongLong(), query.value(1).toByteArray(),
                                        query.value(2).toString().toLatin1(), fromDbTime(query.value(3))});
    }
    if (query.lastError().isValid())
        return sqlError(query, "raw versions");
    return versions;
}

Result<RawOrderVersion> OrderRepository::rawPayload(qint64 orderId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT r.id, r.payload, r.payload_sha256, r.received_at FROM pos_orders p "
                                 "JOIN raw_orders r ON r.id = p.raw_order_id WHERE p.id = ?"));
    query.addBindValue(orderId);
    if (!query.exec())
        return sqlError(query, "raw payload");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("Order %1 is not in the cache.").arg(orderId)};
    return RawOrderVersion{query.value(0).toLongLong(), query.value(1).toByteArray(),
                           query.value(2).toString().toLatin1(), fromDbTime(query.value(3))};
}

namespace {
const QString kSaleSql = QStringLiteral("SELECT id, state FROM pos_orders WHERE sitoo_account = ? "
                                        "AND sitoo_order_id = ? AND kind = 'sale' AND malformed = 0");
// Refund quantities are negative; the net returned per sale line is minus their sum. Superseded refunds were
// replaced by another version and do not count.
const QString kSaleLinesSql = QStringLiteral(
    "SELECT l.line_index, l.sku, l.quantity, "
    "COALESCE((SELECT -SUM(rl.quantity) FROM pos_order_lines rl JOIN pos_orders r ON r.id = rl.order_id "
    "          WHERE r.sitoo_account = ? AND r.original_order_id = ? AND r.kind = 'refund' "
    "            AND r.state <> 'superseded' AND r.malformed = 0 AND r.sitoo_order_id <> ? "
    "            AND rl.original_line_index = l.line_index), 0) "
    "FROM pos_order_lines l WHERE l.order_id = ? ORDER BY l.line_index");

Result<std::optional<StoredSale>> originalSale(QSqlQuery &saleQuery, QSqlQuery &linesQuery, const QString &account,
                                               qint64 saleSitooOrderId, qint64 excludingRefundOrderId)
{
    saleQuery.bindValue(0, account);
    saleQuery.bindValue(1, saleSitooOrderId);
    if (!saleQuery.exec())
        return sqlError(saleQuery, "original sale");
    if (!saleQuery.next())
        return std::optional<StoredSale>();
    StoredSale sale;
    sale.posOrderId = saleQuery.value(0).toLongLong();
    sale.state = posOrderStateFromCode(saleQuery.value(1).toString()).value_or(PosOrderState::Received);
    saleQuery.finish();

    linesQuery.bindValue(0, account);
    linesQuery.bindValue(1, saleSitooOrderId);
    linesQuery.bindValue(2, excludingRefundOrderId);
    linesQuery.bindValue(3, sale.posOrderId);
    if (!linesQuery.exec())
        return sqlError(linesQuery, "original sale lines");
    while (linesQuery.next()) {
        sale.lines.append(StoredSaleLine{linesQuery.value(0).toInt(), linesQuery.value(1).toString(),
                                         linesQuery.value(2).toLongLong(), linesQuery.value(3).toLongLong()});
    }
    if (linesQuery.lastError().isValid())
        return sqlError(linesQuery, "original sale lines");
    linesQuery.finish();
    return std::optional<StoredSale>(sale);
}
} // namespace

Result<std::optional<StoredSale>> OrderRepository::originalSaleFor(const QString &account, qint64 saleSitooOrderId,
                                                                     qint64 excludingRefundOrderId) const
{
    QSqlQuery saleQuery(m_db);
    saleQuery.setForwardOnly(true);
    if (!saleQuery.prepare(kSaleSql))
        return sqlError(saleQuery, "original sale");
    QSqlQuery linesQuery(m_db);
    linesQuery.setForwardOnly(true);
    if (!linesQuery.prepare(kSaleLinesSql))
        return sqlError(linesQuery, "original sale lines");
    return originalSale(saleQuery, linesQuery, account, saleSitooOrderId, excludingRefundOrderId);
}

Result<std::optional<StoredSale>> OrderRepository::originalSaleFor(DbTransaction &tx, const QString &account,
                                                                     qint64 saleSitooOrderId,
                                                                     qint64 excludingRefundOrderId) const
{
    // Asked for every refund of a page: prepared once per transaction, the statement planning is paid once.
    auto saleQuery = tx.statement(kSaleSql);
    if (!saleQuery)
        return saleQuery.error();
    auto linesQuery = tx.statement(kSaleLinesSql);
    if (!linesQuery)
        return linesQuery.error();
    return originalSale(**saleQuery, **linesQuery, account, saleSitooOrderId, excludingRefundOrderId);
}

Result<QList<StoredOrder>> OrderRepository::ordersInState(PosOrderState state, qint64 afterId, int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, sitoo_account, sitoo_order_id, raw_order_id, kind, state, malformed, store_id, currency, "
        "total_gross_minor, order_date, original_order_id, created_at, updated_at FROM pos_orders "
        "WHERE state = ? AND id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(posOrderStateCode(state));
    query.addBindValue(afterId);
    query.addBindValue(qBound(1, limit, 10000));
    if (!query.exec())
        return sqlError(query, "orders in state");
    QList<StoredOrder> orders;
    while (query.next())
        orders.append(storedOrderFrom(query));
    if (query.lastError().isValid())
        return sqlError(query, "orders in state");
    return orders;
}

Result<QMap<PosOrderState, qint64>> OrderRepository::countsByState() const
{
    QMap<PosOrderState, qint64> counts;
    for (const auto &[state, code] : kStateCodes)
        counts.insert(state, 0);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT state, COUNT(*) FROM pos_orders GROUP BY state")))
        return sqlError(query, "counts");
    while (query.next()) {
        if (const auto state = posOrderStateFromCode(query.value(0).toString()))
            counts[*state] = query.value(1).toLongLong();
    }
    if (query.lastError().isValid())
        return sqlError(query, "counts");
    return counts;
}

} // namespace Tillbridge::Core
