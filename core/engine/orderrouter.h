// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/domain/posorder.h"
#include "core/domain/store.h"
#include "core/engine/validation/validationcontext.h"
#include "core/engine/validation/validationfinding.h"
#include "core/result.h"
#include "core/storage/cataloguerepository.h"
#include "core/engine/posting/documentbuilder.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/outboxrepository.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/**
 * What is known about an order besides its content when it is routed. Empty on first receipt; a re-validation of a
 * stored order passes its open exceptions and what people decided about it.
 */
struct RoutingHistory
{
    /** Exceptions open on the order now; kinds the rules no longer find are auto-resolved by route(). */
    QList<ExceptionRecord> openExceptions;
    /** Approved: an override accepted the kind for this order. Rejected: it stays blocking, not raised again. */
    QMap<ExceptionKind, ExceptionState> decisions;
};

/** The router's verdict on one order, before anything is written. */
struct RoutingVerdict
{
    QList<ValidationFinding> findings;  ///< to raise: the rules' findings and the caller's, minus decided kinds
    QList<ExceptionKind> blockingKinds; ///< sorted, unique; empty means the order goes to the outbox
    QList<ExceptionKind> resolvedKinds; ///< open exceptions the rules no longer find (auto-resolved by route())
    std::optional<Store> store;         ///< the mapped store, when there is one

    bool ready() const { return blockingKinds.isEmpty(); }
};

/** What route() did. */
struct RoutingOutcome
{
    RoutingVerdict verdict;
    int exceptionsRaised = 0; ///< raised or refreshed (not those open already unchanged)
};

/** How route() words and attributes what it writes. */
struct PreparedPosting;

struct RoutingRequest
{
    QString actor = QStringLiteral("system"); ///< on order state changes
    QString quarantineReason;                 ///< on the order's audit event when it is held back
    QString releaseReason;                    ///< on the order's audit event when it becomes ready
    QString resolutionReason;                 ///< on exceptions the rules no longer find
    QList<ValidationFinding> extraFindings;   ///< found by the caller, e.g. a duplicate receipt on first receipt
    const PreparedPosting *prepared = nullptr; ///< the payload built ahead by prepare(), if the caller did
};

/** A valid order's outbox payload, built ahead of routing by OrderRouter::prepare(). */
struct PreparedPosting
{
    qint64 storeId = 0;
    QString location; ///< the Prima location it was built for
    OutboxPayload payload;
};

/**
 * Steps 2-3 of order-to-cash for one normalised order (product.md): validate it against the current reference data
 * (stores, mappings, the latest Prima catalogue) and route it — blocking findings keep it in quarantine with
 * exceptions; a valid order gets its Prima document built with the mappings frozen into the outbox row (the same
 * deterministic idempotency key whenever it is released) and becomes ready.
 *
 * Shared by first receipt (OrderIngestion) and by the quarantine review (re-validation after a mapping or catalogue
 * fix, or an approved override), so that a released order is exactly what ingestion would have produced.
 *
 * Kinds that the rules cannot re-decide (DUPLICATE_ORDER, MALFORMED_ORDER, POSTING_FAILED, ...) stay as they are
 * and, while open and blocking, keep the order quarantined: only a person closes them.
 */
class OrderRouter
{
public:
    explicit OrderRouter(QSqlDatabase db);

    /** Re-reads stores, mappings and the Prima catalogue (inside a transaction it sees that transaction's writes). */
    Status refreshReferenceData();

    /** Lays proposed mappings over the ones read, in memory only: what a mapping change would make the rules see. */
    void overlayMappings(const QList<Mapping> &mappings);

    /** The verdict on @p order, read-only. */
    RoutingVerdict assess(const QString &account, const PosOrder &order, const RoutingHistory &history,
                          const QList<ValidationFinding> &extraFindings = {}) const;

    /**
     * The outbox payload route() writes for @p order when it is valid, built ahead from the reference data as read.
     * Const and thread-safe while no refresh or overlay runs, so OrderIngestion builds it on its parsing thread.
     * Empty when the order has no mapped store or its document cannot be built: route() then decides as usual.
     */
    std::optional<PreparedPosting> prepare(const QString &account, const PosOrder &order) const;

    /** assess(), then writes its outcome: exceptions, auto-resolutions, the outbox row and the order's state. */
    Result<RoutingOutcome> route(DbTransaction &tx, const QString &account, qint64 posOrderId, const PosOrder &order,
                                 const RoutingHistory &history, const RoutingRequest &request);

    /** The entity an order's exceptions are filed under: unique across Sitoo accounts. */
    static QString orderEntityId(const QString &account, qint64 sitooOrderId);

    /** True for kinds the rules decide again on every validation (and so may auto-resolve). */
    static bool isRevalidated(ExceptionKind kind);

    /** The exception a finding is raised as. */
    static ExceptionRecord exceptionFor(const ValidationFinding &finding, const QString &entityId, qint64 storeId);

private:
    /**
     * `excludingRefundId`: the Sitoo id of the refund being validated, whose own lines must not count. With @p tx the
     * original sale is read through the transaction's prepared statements.
     */
    ValidationContext contextFor(const QString &account, const PosOrder &order, qint64 excludingRefundId,
                                 DbTransaction *tx = nullptr) const;
    /** assess(), reading inside @p tx when route() has one. */
    RoutingVerdict assess(const QString &account, const PosOrder &order, const RoutingHistory &history,
                          const QList<ValidationFinding> &extraFindings, DbTransaction *tx) const;
    std::optional<Store> storeFor(const QString &account, const PosOrder &order) const;
    PostingMappings mappingsFor(const QString &location) const;
    Result<OutboxPayload> postingPayload(const PosOrder &order, const Store &store) const;
    void freezeMappings();

    QSqlDatabase m_db;
    QList<Store> m_stores;
    QHash<QString, QString> m_locations; ///< store mapping: Sitoo store id → Prima location
    QHash<QString, QString> m_taxCodes;
    QHash<QString, QString> m_tenders;
    QHash<QString, QString> m_promotions;
    QHash<QString, QString> m_dispositions;
    QHash<QString, CatalogueEntry> m_catalogue;
    /// PostingMappings::toJson() per Prima location, built at each refresh: only read between refreshes, so
    /// prepare() may run on another thread while route() runs.
    QHash<QString, QJsonObject> m_frozenMappings;
};

} // namespace Tillbridge::Core
