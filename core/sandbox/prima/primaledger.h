// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/prima/primatypes.h"
#include "core/result.h"
#include "core/sandbox/prima/primaincomingdocument.h"
#include "core/sandbox/prima/primasandboxseed.h"
#include "core/storage/databaseconnection.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

namespace Tillbridge::Sandbox {

/** A document in the sandbox ledger, as checkers see it (GET /__sandbox/ledger). */
struct PrimaLedgerDocument
{
    QString documentNo;
    QString type;           ///< SALES_ORDER or CREDIT_NOTE
    QString externalRef;
    QString idempotencyKey; ///< the key it arrived with, if any (also in modes that ignore keys)
    QString correlationId;
    QString location;
    QDate postingDate;
    Core::Money net;
    Core::Money tax;
    Core::Money gross;
    Core::Money rounding;
    Core::Money taxAdjustment;
    QString bodySha256;     ///< of the canonical (compact, key-sorted) request body
    QDateTime createdAt;
};

/** One line of the request log: what arrived, when, and which fault the sandbox applied (reliability.md §6.3). */
struct PrimaRequestLogEntry
{
    qint64 sequence = 0;       ///< request number (1, 2, ...); a batch's operations share their batch's number
    int operationIndex = -1;   ///< -1 for an HTTP request; 0, 1, ... for the operations of a batch
    QDateTime receivedAt;      ///< UTC, milliseconds
    QString method;
    QString path;
    QString idempotencyKey;
    QString externalRef;
    QString correlationId;
    QString fault;             ///< PrimaFaultDecision::label(), "none", or "unauthorized"
    int status = 0;            ///< the HTTP status answered; 0 while pending or when the connection was reset
    QString documentNo;        ///< the document created or replayed, if any
};

/** A stored idempotency key (mode "keys"). */
struct PrimaIdempotencyRecord
{
    QString key;
    bool inProgress = false;
    QByteArray requestSha256;
    int status = 0;
    QByteArray body;
    QString documentNo;
};

/**
 * The sandbox Prima's own SQLite ledger: master data, documents, the ledger postings generated from them, stock
 * levels with versions, idempotency keys and the request log. One connection (unique name, WAL, synchronous=FULL)
 * that is opened, used and closed in the emulator's thread; SQL only as prepared statements with bound values.
 */
class PrimaLedger
{
public:
    PrimaLedger();
    ~PrimaLedger();
    PrimaLedger(const PrimaLedger &) = delete;
    PrimaLedger &operator=(const PrimaLedger &) = delete;

    /** Opens (creating when missing) the ledger at @p path and its schema; forgets keys left in flight by a crash. */
    Core::Status open(const QString &path);
    void close();
    bool isOpen() const { return m_connection != nullptr; }

    /** Writes @p seed unless the ledger was seeded before (a restarted sandbox keeps what was posted). */
    Core::Status seedIfEmpty(const PrimaSandboxSeed &seed);

    // ---- master data -------------------------------------------------------------------------------------------

    /**
     * Checks @p document against master data and arithmetic: UNKNOWN_LOCATION, PERIOD_CLOSED, UNKNOWN_SKU,
     * SKU_BLOCKED, UNKNOWN_TAX_CODE (unknown or not valid on the posting date), TOTALS_MISMATCH, and for
     * ERP_RECALCULATE TAX_MISMATCH beyond @p toleranceMinorUnits. On success returns Prima's tax minus the
     * document's (half away from zero per line) as the tax adjustment.
     */
    Core::Result<Core::Money> validate(const PrimaIncomingDocument &document, qint64 toleranceMinorUnits,
                                       Core::PrimaError *problem) const;

    // ---- documents ---------------------------------------------------------------------------------------------

    /** Documents with @p externalRef, oldest first (more than one only in mode "none"). */
    QList<Core::PrimaDocumentResult> documentsByExternalRef(const QString &externalRef) const;

    /**
     * Commits @p document in one transaction: the document row (with the key it arrived with, whatever the mode),
     * its ledger postings, the stock movements (a sale lowers available-to-sell at its store, a RESTOCK return
     * raises it at its return location; version + 1 per change) and, when @p storeAnswerUnderKey, the key's stored
     * answer (201 and the returned body).
     */
    Core::Result<Core::PrimaDocumentResult> post(const PrimaIncomingDocument &document, const QByteArray &body,
                                                 const QByteArray &bodySha256, const QString &idempotencyKey,
                                                 bool storeAnswerUnderKey, const QString &correlationId,
                                                 const Core::Money &taxAdjustment, const QDateTime &now);

    QList<PrimaLedgerDocument> documents() const;

    // ---- idempotency keys --------------------------------------------------------------------------------------

    std::optional<PrimaIdempotencyRecord> findKey(const QString &key) const;
    /** Claims @p key as in flight; false when it exists already (claims are atomic: INSERT, never SELECT first). */
    bool claimKey(const QString &key, const QByteArray &requestSha256, const QDateTime &now);
    /** Stores a final answer under @p key (claimed or not). */
    Core::Status storeKeyAnswer(const QString &key, const QByteArray &requestSha256, int status,
                                const QByteArray &body, const QDateTime &now);
    /** Forgets @p key if it is still in flight: the request ended without a result worth replaying. */
    void releaseKey(const QString &key);

    // ---- reads -------------------------------------------------------------------------------------------------

    Core::Result<Core::PrimaPage<Core::PrimaItem>> items(const QDateTime &updatedSince, const QString &cursor,
                                                         int limit) const;
    Core::Result<Core::PrimaPage<Core::PrimaStockLevel>> stock(const QString &location, const QDateTime &updatedSince,
                                                               const QString &cursor, int limit) const;
    Core::Result<Core::PrimaPage<Core::PrimaLedgerPosting>> postings(const Core::PrimaLedgerQuery &query,
                                                                     const QString &cursor, int limit) const;
    /**
     * Sets available-to-sell of @p sku at @p location as a stock count would (on hand follows, allocations stay),
     * creating the level when missing; the version goes up by one. Returns the new version.
     */
    Core::Result<qint64> setAvailableToSell(const QString &sku, const QString &location, qint64 availableToSell,
                                            const QDateTime &now);
    /** Every (SKU, location, version, available-to-sell, asOf) the ledger ever held, oldest first. */
    QList<Core::StockLevel> stockHistory() const;
    QList<Core::PrimaTaxCode> taxCodes() const;
    QList<Core::PrimaLocation> locations() const;
    QList<Core::PrimaPeriod> periods() const;

    // ---- request log -------------------------------------------------------------------------------------------

    /** The highest request number logged so far (numbering continues across restarts). */
    qint64 lastSequence() const;
    Core::Status logRequest(const PrimaRequestLogEntry &entry);
    /** Records how request @p sequence (operation @p operationIndex of it, or -1 for the request) ended. */
    Core::Status finishRequest(qint64 sequence, int operationIndex, int status, const QString &documentNo,
                               const QString &fault);
    QList<PrimaRequestLogEntry> requestLog() const;

    /** Statements kept prepared for the connection's life, by SQL text. */
    using Statements = std::unordered_map<QString, std::unique_ptr<QSqlQuery>>;

    /** The ledger's connection, for a DbTransaction that groups several writes (a batch): the ledger's own join it. */
    QSqlDatabase database() const;
    /**
     * Ends every kept statement's read (a SELECT read only up to its first row keeps its snapshot open). Called before
     * a write transaction begins: SQLite refuses to turn a stale read snapshot into a write ("database is locked").
     */
    void releaseStatements() const;

private:
    Core::Status createSchema();

    Core::DatabaseConnectionPtr m_connection;
    mutable Statements m_statements; ///< SQL → statement kept prepared for the connection's life
};

} // namespace Tillbridge::Sandbox
