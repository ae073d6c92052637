// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/creditnote.h"
#include "core/domain/posorder.h"
#include "core/domain/salesorder.h"
#include "core/domain/store.h"
#include "core/prima/primatypes.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Tillbridge::Core {

/** The Prima codes a validated order posts with (from the mapping tables). */
struct PostingMappings
{
    QString location;                          ///< Prima location of the order's store
    QHash<QString, QString> taxCodeByRate;      ///< VatRate::toString() ("25", "12.5") → Prima tax code
    QHash<QString, QString> tenderByMethod;     ///< Sitoo payment name → Prima tender
    QHash<QString, QString> promotionByVoucher; ///< Sitoo voucher code → Prima promotion
    QHash<QString, QString> dispositionByReason; ///< refund reason code → RESTOCK / QUARANTINE / WRITE_OFF / ...

    /**
     * The codes frozen into an outbox row: the document is re-built from the stored order with exactly these, so
     * every attempt sends the same body under the same idempotency key even if a mapping changes meanwhile.
     */
    QJsonObject toJson() const;
    static PostingMappings fromJson(const QJsonObject &json);
};

/**
 * Turns a validated POS order into the Prima document that posts it: a sale into a SalesOrder, a refund into a
 * CreditNote linked to its sale. The keys are deterministic, so a re-built document after a crash carries the same
 * idempotency key and external reference (reliability.md §1.4):
 *   externalRef     "sitoo:{account}:order:{orderid}"
 *   idempotencyKey  "sitoo:{account}:{orderid}:sale:v1" / "…:credit:v1"
 * Amounts are net-based (pricesIncludeTax = false): Sitoo's rows carry exact net unit prices and discounts, so
 * quantity × unit price − discount equals the line's net to the minor unit. Credit notes carry positive amounts.
 */
class DocumentBuilder
{
public:
    static constexpr int kDocumentVersion = 1;

    static QString externalRef(const QString &sitooAccount, qint64 orderId);
    static QString idempotencyKey(const QString &sitooAccount, qint64 orderId, PosOrderKind kind);

    /** The trading day of a POS transaction in the store's time zone (UTC when the zone is unknown). */
    static QDate tradingDay(const QDateTime &orderDate, const QString &timeZoneId);

    static Result<SalesOrder> salesOrder(const PosOrder &order, const Store &store, const PostingMappings &mappings);
    static Result<CreditNote> creditNote(const PosOrder &refund, const Store &store, const PostingMappings &mappings);

    /** A sale's sales order or a refund's credit note, as the gateway's operation and as its JSON document. */
    struct Document
    {
        PrimaBatchOperation operation;
        QJsonObject json;
    };
    static Result<Document> document(const PosOrder &order, const Store &store, const PostingMappings &mappings);
};

} // namespace Tillbridge::Core
