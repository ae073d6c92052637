// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/postingrelay.h"

#include "core/close/periodlock.h"
#include "core/engine/failpoints.h"
#include "core/engine/posting/documentbuilder.h"
#include "core/logging.h"
#include "core/prima/primagateway.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/orderrepository.h"
#include "core/storage/outboxrepository.h"
#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

#include <optional>
#include <utility>

namespace Tillbridge::Core {

namespace {
constexpr int kUnknownPerRun = 200;
constexpr double kPaceShare = 0.98; // of Prima's rate limit: the margin that keeps jitter from provoking 429s
constexpr auto kConfigurationDelay = std::chrono::minutes(5);
const QString kActor = QStringLiteral("system");

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::PostingRelay", text);
}

/** The document to send, re-built from the stored order with the frozen codes; refused if it changed. */
Result<PrimaBatchOperation> rebuild(const QSqlDatabase &db, const OutboxEntry &entry, const QList<Store> &stores)
{
    const QJsonObject payload = QJsonDocument::fromJson(entry.payload).object();
    const PostingMappings mappings = PostingMappings::fromJson(payload.value(u"mappings").toObject());
    const QJsonObject enqueued = payload.value(u"document").toObject();
    OrderRepository orders(db);
    auto order = orders.load(entry.posOrderId);
    if (!order)
        return order.error();
    auto stored = orders.storedOrder(entry.posOrderId);
    Store store;
    if (stored) {
        for (const Store &candidate : stores) {
            if (candidate.id == stored->storeId)
                store = candidate;
        }
    }
    auto rebuilt = DocumentBuilder::document(*order, store, mappings);
    if (!rebuilt)
        return rebuilt.error();
    const PrimaBatchOperation &operation = rebuilt->operation;
    // Same key, same body, same kind: anything else would be a different document under an old key.
    const bool sameType = (entry.documentType == OutboxDocumentType::SalesOrder) == (order->kind == PosOrderKind::Sale);
    if (!sameType || rebuilt->json != enqueued || operation.idempotencyKey() != entry.idempotencyKey) {
        return Error{ErrorCode::InvalidInput,
                     tr("The document for %1 no longer matches what was queued; it is not sent.").arg(entry.externalRef)};
    }
    return operation;
}
} // namespace

RelaySummary &RelaySummary::operator+=(const RelaySummary &other)
{
    posted += other.posted;
    requests += other.requests;
    circuitOpen = circuitOpen || other.circuitOpen;
    adopted += other.adopted;
    requeued += other.requeued;
    retrying += other.retrying;
    failed += other.failed;
    unknown += other.unknown;
    duplicatesInPrima += other.duplicatesInPrima;
    return *this;
}

struct PostingRelay::Run
{
    /** A document built ahead from an outbox row, valid only for that row's exact payload and key. */
    struct Prebuilt
    {
        QByteArray payload;
        QString idempotencyKey;
        PrimaBatchOperation operation;
    };

    std::function<void(const Result<RelaySummary> &)> done;
    RelaySummary summary;
    QList<OutboxEntry> unknown;
    QList<Store> stores;
    QHash<qint64, Prebuilt> prebuilt; ///< outbox id → document built while the previous request was in flight
    /** A request's answers not recorded yet: they are recorded once the next request has left (or the run ends). */
    struct Answered
    {
        QList<OutboxClaim> claims;
        QList<PrimaWriteResult> results;
    };
    std::optional<Answered> answered;
    bool finished = false;

    void finish(const Result<RelaySummary> &result)
    {
        if (finished)
            return;
        finished = true;
        done(result);
    }
};

PostingRelay::PostingRelay(QSqlDatabase db, PrimaGateway *gateway, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_gateway(gateway)
    , m_pace(20.0, 20)
{
    m_clock.start();
    // Transient answers without Retry-After: 2 s, 4 s, 8 s … up to 5 minutes, each uniformly jittered.
    m_backoff.baseDelay = std::chrono::seconds(2);
    m_backoff.maxBackoff = std::chrono::minutes(5);
}

void PostingRelay::setBatchSize(int documents)
{
    m_batchSize = std::clamp(documents, 1, PrimaGateway::kMaxBatchOperations);
}

void PostingRelay::setRequestsPerSecond(double rate)
{
    // A hair under the limit: paced exactly at it, network and scheduling jitter let a request now and then reach
    // Prima's bucket a few milliseconds before its token (measured: 17 of 300 requests answered 429 at 5/s).
    // Bursts of at most half the limit: with a bucket as large as Prima's, a burst after a slow cycle spends all of
    // Prima's tokens, and the next request that arrives a few milliseconds early is refused (measured: 28 of 302
    // answered 429 at 5/s once the sandbox answered in 27 ms). Half keeps that many tokens of slack at Prima and
    // still lets the relay catch up after a slow claim (a bucket of 1 lost 8 % of the rate that way).
    m_pace = TokenBucket(rate * kPaceShare, std::max(1, int(rate / 2)));
}

Result<int> PostingRelay::recoverAfterCrash()
{
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus().error();
    auto recovered = OutboxRepository(m_db).recoverAfterCrash(tx);
    if (!recovered)
        return recovered;
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    if (*recovered > 0)
        qCInfo(lcSync) << *recovered << "posting(s) left unfinished by a crash will be settled by look-up";
    return recovered;
}

void PostingRelay::run(std::function<void(const Result<RelaySummary> &)> done)
{
    m_cancelled = false;
    auto run = std::make_shared<Run>();
    run->done = std::move(done);
    auto stores = StoreRepository(m_db).all();
    if (!stores) {
        run->finish(stores.error());
        return;
    }
    run->stores = *stores;
    auto unknown = OutboxRepository(m_db).unknownRows(kUnknownPerRun);
    if (!unknown) {
        run->finish(unknown.error());
        return;
    }
    run->unknown = *unknown;
    settleNext(run);
}

void PostingRelay::settleNext(std::shared_ptr<Run> run)
{
    if (m_cancelled) {
        run->finish(run->summary);
        return;
    }
    if (run->unknown.isEmpty()) {
        claimNext(run);
        return;
    }
    if (!m_breaker.allowRequest(nowMs())) {
        run->summary.circuitOpen = true;
        run->finish(run->summary); // the unknowns stay unknown and are asked about once Prima answers again
        return;
    }
    // Look-ups count against Prima's rate limit like writes.
    if (const qint64 wait = m_pace.msUntilToken(nowMs()); wait > 0) {
        QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, run] { settleNext(run); });
        return;
    }
    m_pace.tryTake(nowMs());
    const OutboxEntry entry = run->unknown.takeFirst();
    m_gateway->findDocumentByExternalRef(
        entry.externalRef, this, [this, run, entry](PrimaReadResult<QList<PrimaDocumentResult>> found) {
            if (!found.ok()) {
                // Prima cannot tell us now: the row stays unknown and is asked about again next run.
                qCWarning(lcSync) << "look-up of" << entry.externalRef << "failed:" << found.error.summary();
                if (found.outcome == PrimaReadOutcome::Rejected)
                    m_breaker.recordSuccess();
                else
                    m_breaker.recordFailure(nowMs());
                settleNext(run);
                return;
            }
            m_breaker.recordSuccess();
            DbTransaction tx(m_db);
            OutboxRepository outbox(m_db);
            Status status;
            if (!found.value->isEmpty()) {
                if (found.value->size() > 1) {
                    ++run->summary.duplicatesInPrima;
                    qCWarning(lcSync) << entry.externalRef << "exists" << found.value->size() << "times in Prima";
                }
                auto attempts = outbox.attempts(entry.id);
                const qint64 attemptId = attempts && !attempts->isEmpty() ? attempts->last().id : 0;
                status = outbox.adopt(tx, entry.id, attemptId, found.value->first().documentNo);
                ++run->summary.adopted;
            } else {
                status = outbox.requeueUnknown(tx, entry.id, QDateTime::currentDateTimeUtc(),
                                               tr("Prima does not hold the document: it is sent again with the same "
                                                  "key."));
                ++run->summary.requeued;
            }
            if (status)
                status = tx.commit();
            if (!status) {
                run->finish(status.error());
                return;
            }
            settleNext(run);
        });
}

bool PostingRelay::batching() const
{
    return m_batchSize > 1 && m_gateway->supports(PrimaGateway::Capability::Batches);
}

void PostingRelay::noteRequestOutcome(PrimaWriteOutcome outcome)
{
    if (outcome == PrimaWriteOutcome::Posted || outcome == PrimaWriteOutcome::Rejected)
        m_breaker.recordSuccess();
    else
        m_breaker.recordFailure(nowMs());
}

void PostingRelay::claimNext(std::shared_ptr<Run> run)
{
    if (m_cancelled) {
        endRun(run);
        return;
    }
    // Prima keeps failing: stop here rather than claim rows that cannot go anywhere. They stay due for the next run.
    if (!m_breaker.allowRequest(nowMs())) {
        run->summary.circuitOpen = true;
        qCWarning(lcSync) << "Prima keeps failing; posting pauses for" << m_breaker.msUntilRetry(nowMs()) / 1000
                          << "s";
        endRun(run);
        return;
    }
    DbTransaction tx(m_db);
    if (!tx.isActive()) {
        endRun(run, tx.beginStatus().error());
        return;
    }
    // Claim only what the next request carries, so nothing sits claimed and unsent.
    auto claims = OutboxRepository(m_db).claimDue(tx, QDateTime::currentDateTimeUtc(), batching() ? m_batchSize : 1);
    // The claim transaction ends before endRun(): answers still to record must commit on their own, not join it.
    if (!claims) {
        tx.rollback();
        endRun(run, claims.error());
        return;
    }
    if (claims->isEmpty()) {
        tx.rollback(); // nothing was claimed
        // A half-open probe that found nothing to send proves nothing either way.
        m_breaker.recordSuccess();
        endRun(run);
        return;
    }
    // Write before you act: the claims and their attempt rows are durable before any request leaves.
    if (auto committed = tx.commit(); !committed) {
        endRun(run, committed.error());
        return;
    }
    FailPoints::hit("relay.after_claim_commit");
    send(run, *claims);
}

void PostingRelay::send(std::shared_ptr<Run> run, QList<OutboxClaim> claims)
{
    // Pace to Prima's limit instead of provoking 429s: one token per request, a batch included.
    if (const qint64 wait = m_pace.msUntilToken(nowMs()); wait > 0) {
        if (!recordAnswered(run)) // idle time anyway: the previous request's answers are recorded meanwhile
            return;
        QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, run, claims] { send(run, claims); });
        return;
    }
    m_pace.tryTake(nowMs());

    QList<OutboxClaim> sending;
    QList<PrimaBatchOperation> operations;
    QList<OutboxClaim> refusedClaims;
    QList<PrimaWriteResult> refusedResults;
    QHash<QDate, bool> lockedDates; // one look-up per posting date, not per document
    const QHash<qint64, Run::Prebuilt> prebuilt = std::exchange(run->prebuilt, {});
    for (const OutboxClaim &claim : claims) {
        // Built ahead from the same row (same payload, same key) while the previous request was in flight, or now.
        Result<PrimaBatchOperation> operation = Error{};
        const auto ahead = prebuilt.constFind(claim.entry.id);
        if (ahead != prebuilt.constEnd() && ahead->payload == claim.entry.payload
            && ahead->idempotencyKey == claim.entry.idempotencyKey) {
            operation = ahead->operation;
        } else {
            operation = rebuild(m_db, claim.entry, run->stores);
        }
        if (!operation) {
            PrimaWriteResult refused;
            refused.outcome = PrimaWriteOutcome::Rejected;
            refused.error.detail = operation.errorString();
            refused.error.codeText = QStringLiteral("DOCUMENT_CHANGED");
            refusedClaims.append(claim);
            refusedResults.append(refused);
            continue;
        }
        // A document dated in a closed (locked) period must not reach the ledger: a person decides what to do.
        const QDate postingDate = operation->kind == PrimaBatchOperation::Kind::SalesOrder
                                      ? operation->salesOrder.postingDate
                                      : operation->creditNote.postingDate;
        auto knownLock = lockedDates.constFind(postingDate);
        if (knownLock == lockedDates.constEnd()) {
            auto locked = PeriodLock::isLocked(m_db, postingDate);
            if (!locked) {
                endRun(run, locked.error());
                return;
            }
            knownLock = lockedDates.insert(postingDate, *locked);
        }
        if (*knownLock) {
            PrimaWriteResult refused;
            refused.outcome = PrimaWriteOutcome::Rejected;
            refused.error.code = PrimaErrorCode::PeriodClosed;
            refused.error.codeText = QStringLiteral("PERIOD_CLOSED");
            refused.error.detail = tr("%1 is dated %2, in a period that is closed and locked in Tillbridge.")
                                       .arg(claim.entry.externalRef, postingDate.toString(Qt::ISODate));
            refusedClaims.append(claim);
            refusedResults.append(refused);
            continue;
        }
        sending.append(claim);
        operations.append(*operation);
    }
    if (!refusedClaims.isEmpty()) {
        if (auto status = record(refusedClaims, refusedResults, run->summary); !status) {
            endRun(run, status.error());
            return;
        }
    }
    if (sending.isEmpty()) {
        claimNext(run);
        return;
    }

    ++run->summary.requests;
    PrimaWriteOptions options;
    options.correlationId = sending.first().correlationId;
    if (sending.size() > 1) {
        m_gateway->postBatch(operations, options, this, [this, run, sending](PrimaBatchResult batch) {
            noteRequestOutcome(batch.outcome);
            answered(run, sending, batch.results);
        });
    } else {
        auto onAnswer = [this, run, sending](PrimaWriteResult result) {
            noteRequestOutcome(result.outcome);
            answered(run, sending, {result});
        };
        const PrimaBatchOperation &operation = operations.first();
        if (operation.kind == PrimaBatchOperation::Kind::SalesOrder)
            m_gateway->postSalesOrder(operation.salesOrder, options, this, onAnswer);
        else
            m_gateway->postCreditNote(operation.creditNote, options, this, onAnswer);
    }
    FailPoints::hit("relay.after_http_send_before_response");
    // The answer takes Prima's time: record the previous request's answers and build the next request's documents
    // meanwhile, so that a cycle is only claim, commit, send and Prima's answer.
    if (!recordAnswered(run))
        return;
    QTimer::singleShot(0, this, [this, run] { prefetch(run); });
}

void PostingRelay::answered(const std::shared_ptr<Run> &run, const QList<OutboxClaim> &claims,
                            const QList<PrimaWriteResult> &results)
{
    // The next request is claimed and sent first; these answers are recorded (one transaction) while it is in
    // flight. Until then their rows stay 'sending', so nothing claims them twice; a crash meanwhile leaves them to
    // the look-up, like any answer that did not reach the cache.
    if (run->finished) {
        // The run ended (an error) while this request was in flight: record its answers, and go no further.
        if (auto status = record(claims, results, run->summary); !status)
            qCWarning(lcSync) << "answers after the run ended could not be recorded:" << status.errorString();
        return;
    }
    if (!recordAnswered(run))
        return;
    run->answered = Run::Answered{claims, results};
    claimNext(run);
}

bool PostingRelay::recordAnswered(const std::shared_ptr<Run> &run)
{
    if (!run->answered)
        return true;
    const Run::Answered answered = *std::exchange(run->answered, std::nullopt);
    if (auto status = record(answered.claims, answered.results, run->summary); !status) {
        run->finish(status.error());
        return false;
    }
    return true;
}

void PostingRelay::endRun(const std::shared_ptr<Run> &run, std::optional<Error> error)
{
    // Nothing is left unrecorded: the last request's answers commit before the run reports.
    if (!recordAnswered(run))
        return;
    if (error)
        run->finish(*error);
    else
        run->finish(run->summary);
}

void PostingRelay::prefetch(const std::shared_ptr<Run> &run)
{
    if (m_cancelled || run->finished)
        return;
    auto due = OutboxRepository(m_db).dueRows(QDateTime::currentDateTimeUtc(), batching() ? m_batchSize : 1);
    if (!due)
        return; // only an optimisation: send() builds whatever is missing and reports what fails
    for (const OutboxEntry &entry : std::as_const(*due)) {
        if (run->prebuilt.contains(entry.id))
            continue;
        auto operation = rebuild(m_db, entry, run->stores);
        if (operation)
            run->prebuilt.insert(entry.id, Run::Prebuilt{entry.payload, entry.idempotencyKey, *operation});
    }
}

Status PostingRelay::record(const QList<OutboxClaim> &claims, const QList<PrimaWriteResult> &results,
                            RelaySummary &summary)
{
    if (claims.size() != results.size()) {
        // The gateway promises one result per operation; without it nothing can be matched, so nothing is guessed.
        return Error{ErrorCode::Remote, tr("Prima's answer does not match the documents sent.")};
    }
    DbTransaction tx(m_db);
    if (!tx.isActive())
        return tx.beginStatus();
    RelaySummary counted;
    for (qsizetype i = 0; i < claims.size(); ++i) {
        if (i == claims.size() / 2 && claims.size() > 1)
            FailPoints::hit("relay.mid_batch_commit");
        if (auto status = apply(tx, claims.at(i), results.at(i), counted); !status)
            return status;
    }
    if (auto committed = tx.commit(); !committed)
        return committed;
    // Counted only once committed, so a summary never claims what the cache does not hold.
    summary += counted;
    Q_EMIT progressed(summary);
    return Status::success();
}

Status PostingRelay::apply(DbTransaction &tx, const OutboxClaim &claim, const PrimaWriteResult &result,
                           RelaySummary &summary)
{
    OutboxRepository outbox(m_db);
    const qint64 id = claim.entry.id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // 0 means no HTTP status arrived (a timeout or reset): the attempt row records none.
    const std::optional<int> httpStatus =
        result.error.httpStatus ? std::optional<int>(result.error.httpStatus) : std::nullopt;
    Status status;
    switch (result.outcome) {
    case PrimaWriteOutcome::Posted:
        FailPoints::hit("relay.after_2xx_before_posted_commit");
        status = outbox.markPosted(tx, id, claim.attemptId, result.document.documentNo, result.document.replayed);
        ++summary.posted;
        break;
    case PrimaWriteOutcome::Rejected:
        if (result.error.code == PrimaErrorCode::DuplicateExternalRef && !result.error.existingDocumentNo.isEmpty()) {
            // Prima already holds this document (an earlier attempt did get through): take it as ours.
            status = outbox.markUnknown(tx, id, claim.attemptId, result.error.summary());
            if (status)
                status = outbox.adopt(tx, id, claim.attemptId, result.error.existingDocumentNo);
            ++summary.adopted;
            break;
        }
        status = outbox.markFailed(tx, id, claim.attemptId, httpStatus, result.error.codeText, result.error.summary());
        if (status) {
            // A closed period (ours or Prima's) is the controller's decision, not a data problem.
            const bool periodClosed = result.error.code == PrimaErrorCode::PeriodClosed;
            const ExceptionRecord record = ExceptionRecord::open(
                periodClosed ? ExceptionKind::PeriodClosed : ExceptionKind::PostingFailed, QStringLiteral("outbox"),
                claim.entry.externalRef,
                periodClosed ? tr("Not posted: %1").arg(result.error.summary())
                             : tr("Prima refused %1: %2").arg(claim.entry.externalRef, result.error.summary()),
                QJsonObject{{QStringLiteral("code"), result.error.codeText},
                            {QStringLiteral("httpStatus"), result.error.httpStatus}});
            auto raised = ExceptionRepository(m_db).raise(tx, record, kActor);
            if (!raised)
                status = raised.error();
        }
        ++summary.failed;
        break;
    case PrimaWriteOutcome::Transient: {
        // Prima's own Retry-After wins; otherwise back off with full jitter so a fleet of rows does not return at once.
        const auto delay = result.error.retryAfter.value_or(m_backoff.backoff(claim.attemptNo, *QRandomGenerator::global()));
        status = outbox.markRetry(tx, id, claim.attemptId, now.addMSecs(delay.count()), httpStatus,
                                  result.error.codeText);
        ++summary.retrying;
        break;
    }
    case PrimaWriteOutcome::Configuration:
        status = outbox.markRetry(tx, id, claim.attemptId,
                                  now.addMSecs(std::chrono::milliseconds(kConfigurationDelay).count()), httpStatus,
                                  result.error.codeText);
        ++summary.retrying;
        qCWarning(lcSync) << "Prima is not usable as configured:" << result.error.summary();
        break;
    case PrimaWriteOutcome::Unknown:
        status = outbox.markUnknown(tx, id, claim.attemptId, result.error.summary());
        ++summary.unknown;
        break;
    }
    return status;
}

} // namespace Tillbridge::Core
