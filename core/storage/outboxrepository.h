// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** The Prima document an outbox row posts. */
enum class OutboxDocumentType { SalesOrder, CreditNote };

QString outboxDocumentTypeCode(OutboxDocumentType type); ///< "sales_order", "credit_note"
std::optional<OutboxDocumentType> outboxDocumentTypeFromCode(const QString &code);

/**
 * pending → sending → posted | retry_wait | failed_permanent | unknown (reliability.md §1.4). retry_wait goes
 * back to sending when due; unknown is settled by a look-up: adopt() when Prima has the document,
 * requeueUnknown() when not.
 */
enum class OutboxState { Pending, Sending, Posted, RetryWait, FailedPermanent, Unknown };

QString outboxStateCode(OutboxState state); ///< "pending", "sending", "posted", "retry_wait", ...
std::optional<OutboxState> outboxStateFromCode(const QString &code);

/** One document waiting to be, being, or having been posted to Prima. */
struct OutboxEntry
{
    qint64 id = 0;
    qint64 posOrderId = 0;
    OutboxDocumentType documentType = OutboxDocumentType::SalesOrder;
    QString idempotencyKey; ///< deterministic, from the caller ("sitoo:{account}:{orderid}:sale:v1")
    QString externalRef;    ///< unique in Prima; what a look-up searches by
    QByteArray payload;     ///< the JSON document exactly as enqueued
    OutboxState state = OutboxState::Pending;
    QString primaDocumentNo; ///< set once posted
    int attempts = 0;
    QDateTime nextAttemptAt; ///< invalid: due at once
    QDateTime createdAt;
    QDateTime updatedAt;
};

/** How an attempt ended; empty while it is in flight. */
enum class AttemptOutcome { Posted, Replayed, Rejected, Transient, Unknown, Adopted };

QString attemptOutcomeCode(AttemptOutcome outcome); ///< "posted", "replayed", "rejected", "transient", ...
std::optional<AttemptOutcome> attemptOutcomeFromCode(const QString &code);

/** One try at posting an outbox row, written (and committed) before the request is sent. */
struct PostingAttempt
{
    qint64 id = 0;
    qint64 outboxId = 0;
    int attemptNo = 0;
    QString idempotencyKey;
    QString correlationId;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<AttemptOutcome> outcome;
    std::optional<int> httpStatus;
    QString errorCode;
    QString response; ///< the error message or note
};

/** A row claimed by claimDue(): what to send, and the attempt that records the send. */
struct OutboxClaim
{
    OutboxEntry entry;       ///< already in state sending, attempts counted
    qint64 attemptId = 0;
    int attemptNo = 0;
    QString correlationId;   ///< send as X-Correlation-Id
};

/** What enqueue() did. */
struct OutboxEnqueueResult
{
    qint64 outboxId = 0;
    bool enqueued = false; ///< false: this key was enqueued before with the same document; nothing was written
};

/**
 * An outbox row's payload: the compact JSON text of an object. It can only be made from a QJsonObject, so a payload
 * of this type is an object by construction and the outbox stores it without parsing it back.
 */
class OutboxPayload
{
public:
    static OutboxPayload fromObject(const QJsonObject &payload);
    const QByteArray &text() const { return m_text; }

private:
    QByteArray m_text;
};

/**
 * The transactional outbox for Prima postings, the core of exactly-once (reliability.md §1.3-1.4: at-least-once
 * delivery with a deterministic key, plus look-up of unclear outcomes). "Write before you act":
 *
 * 1. enqueue() in the same transaction as the order becomes ready;
 * 2. claimDue() moves due rows to 'sending' and writes their posting_attempts rows; the caller COMMITS, and only
 *    then sends each request with the attempt's key and correlation id;
 * 3. after a definite answer, markPosted()/markRetry()/markFailed() commit the outcome with its audit event in one
 *    transaction; an unclear one is markUnknown().
 *
 * After a crash, recoverAfterCrash() turns every row left in 'sending' into 'unknown': it may or may not have reached
 * Prima, so it is settled by a look-up (unknownRows(), then adopt() or requeueUnknown()), never re-sent blindly.
 *
 * Keys and external references are the caller's and deterministic; the only random value made here is the
 * correlation id of an attempt. Every state change is audited in the same transaction ("outbox.enqueued",
 * "outbox.claimed", "outbox.posted" — also for an adopted document, so there is exactly one per document —,
 * "outbox.retry", "outbox.failed", "outbox.unknown", "outbox.requeued"), and every write is atomic on its own (a
 * savepoint): on failure nothing of it stays in the transaction.
 */
class OutboxRepository
{
public:
    explicit OutboxRepository(QSqlDatabase db);

    /**
     * Adds a document for @p posOrderId in state pending. Idempotent: the same key with the same order, type,
     * reference and payload again writes nothing. The same key (or reference, or order and type) with anything
     * different is refused: a changed document needs a new key (a new version), never a silent overwrite.
     */
    Result<OutboxEnqueueResult> enqueue(DbTransaction &tx, qint64 posOrderId, OutboxDocumentType documentType,
                                        const QString &idempotencyKey, const QString &externalRef,
                                        const QByteArray &payloadJson);

    /** enqueue() for a document built here as JSON: stored as its compact text, without parsing it back. */
    Result<OutboxEnqueueResult> enqueue(DbTransaction &tx, qint64 posOrderId, OutboxDocumentType documentType,
                                        const QString &idempotencyKey, const QString &externalRef,
                                        const QJsonObject &payload);
    Result<OutboxEnqueueResult> enqueue(DbTransaction &tx, qint64 posOrderId, OutboxDocumentType documentType,
                                        const QString &idempotencyKey, const QString &externalRef,
                                        const OutboxPayload &payload);

    /**
     * Claims up to @p limit rows that are pending, or waiting for a retry that is due at @p now, oldest due first:
     * each moves to 'sending' and gets a new posting_attempts row (attempt number, key, correlation id, started_at).
     * Commit before sending anything.
     */
    Result<QList<OutboxClaim>> claimDue(DbTransaction &tx, const QDateTime &now, int limit);

    /**
     * The rows claimDue() would claim at @p now, in the same order, read-only: nothing is claimed. The relay builds
     * their documents while the previous request is in flight; claiming still happens just before sending.
     */
    Result<QList<OutboxEntry>> dueRows(const QDateTime &now, int limit) const;

    /**
     * sending → posted with Prima's document number; the attempt's outcome is 'posted' ('replayed' when Prima
     * answered from its idempotency store); the POS order becomes 'posted'. One audit event "outbox.posted".
     */
    Status markPosted(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const QString &primaDocumentNo,
                      bool replayed);

    /** sending → retry_wait until @p nextAttemptAt (a transient failure: not processed); attempt 'transient'. */
    Status markRetry(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const QDateTime &nextAttemptAt,
                     std::optional<int> httpStatus, const QString &errorCode);

    /** sending → failed_permanent (Prima rejected the document); attempt 'rejected' with its code and message. */
    Status markFailed(DbTransaction &tx, qint64 outboxId, qint64 attemptId, std::optional<int> httpStatus,
                      const QString &errorCode, const QString &message);

    /** sending → unknown (timeout or reset after sending, 5xx): settle it by look-up; attempt 'unknown'. */
    Status markUnknown(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const QString &note);

    /**
     * At start-up, before anything is claimed: every row left in 'sending' becomes 'unknown' and its open attempts
     * get the outcome 'unknown'. Returns how many rows.
     */
    Result<int> recoverAfterCrash(DbTransaction &tx);

    /** Rows in 'unknown', oldest first, to be settled by looking the external reference up in Prima. */
    Result<QList<OutboxEntry>> unknownRows(int limit) const;

    /**
     * unknown → posted: the look-up found @p primaDocumentNo for the row's external reference. The attempt (the
     * last one, whose outcome was unknown) becomes 'adopted'; the POS order becomes 'posted'. Audited as
     * "outbox.posted" with outcome "adopted".
     */
    Status adopt(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const QString &primaDocumentNo);

    /**
     * unknown → retry_wait: the look-up found nothing, so the document is sent again, with the same key, when
     * @p nextAttemptAt is due.
     */
    Status requeueUnknown(DbTransaction &tx, qint64 outboxId, const QDateTime &nextAttemptAt, const QString &note);

    /** One row; NotFound if there is none. */
    Result<OutboxEntry> load(qint64 outboxId) const;

    /** The row of an idempotency key, if any. */
    Result<std::optional<OutboxEntry>> findByKey(const QString &idempotencyKey) const;

    /** The row with this external reference, if any. */
    Result<std::optional<OutboxEntry>> findByExternalRef(const QString &externalRef) const;

    /** Every attempt of a row, in order. */
    Result<QList<PostingAttempt>> attempts(qint64 outboxId) const;

    /** The number of rows per state; every state is present (0 when none). */
    Result<QMap<OutboxState, qint64>> countsByState() const;

    /** When the next row not yet posted or failed becomes due (now for unknowns); invalid when there is none. */
    Result<QDateTime> nextDue() const;

private:
    Result<OutboxEnqueueResult> enqueueText(DbTransaction &tx, qint64 posOrderId, OutboxDocumentType documentType,
                                            const QString &idempotencyKey, const QString &externalRef,
                                            const QByteArray &payloadJson);
    enum class FindBy { IdempotencyKey, ExternalRef };
    Result<std::optional<OutboxEntry>> findOne(FindBy by, const QString &value) const;

    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
