// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/outboxrepository.h"

#include "core/storage/dbtime.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/auditdetails.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <array>
#include <utility>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::OutboxRepository", text);
}

Error sqlError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "outbox:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The posting queue could not be read or saved: %1").arg(query.lastError().text())};
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}


QString nowText()
{
    return dbTime(QDateTime::currentDateTimeUtc());
}


constexpr std::array kDocumentTypeCodes{
    std::pair{OutboxDocumentType::SalesOrder, "sales_order"},
    std::pair{OutboxDocumentType::CreditNote, "credit_note"},
};
constexpr std::array kStateCodes{
    std::pair{OutboxState::Pending, "pending"},
    std::pair{OutboxState::Sending, "sending"},
    std::pair{OutboxState::Posted, "posted"},
    std::pair{OutboxState::RetryWait, "retry_wait"},
    std::pair{OutboxState::FailedPermanent, "failed_permanent"},
    std::pair{OutboxState::Unknown, "unknown"},
};
constexpr std::array kOutcomeCodes{
    std::pair{AttemptOutcome::Posted, "posted"},     std::pair{AttemptOutcome::Replayed, "replayed"},
    std::pair{AttemptOutcome::Rejected, "rejected"}, std::pair{AttemptOutcome::Transient, "transient"},
    std::pair{AttemptOutcome::Unknown, "unknown"},   std::pair{AttemptOutcome::Adopted, "adopted"},
};

template<typename Enum, std::size_t N>
QString codeOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, code] : table) {
        if (candidate == value)
            return QString::fromLatin1(code);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &code)
{
    for (const auto &[value, text] : table) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

constexpr qsizetype kMaxKeyLength = 255; // what idempotency-key stores commonly accept (reliability.md §1.1)

// The columns every OutboxEntry is read from, in this order.
OutboxEntry entryFrom(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.posOrderId = query.value(1).toLongLong();
    entry.documentType =
        valueOf(kDocumentTypeCodes, query.value(2).toString()).value_or(OutboxDocumentType::SalesOrder);
    entry.idempotencyKey = query.value(3).toString();
    entry.externalRef = query.value(4).toString();
    entry.payload = query.value(5).toString().toUtf8();
    entry.state = valueOf(kStateCodes, query.value(6).toString()).value_or(OutboxState::Unknown);
    entry.primaDocumentNo = query.value(7).toString();
    entry.attempts = query.value(8).toInt();
    entry.nextAttemptAt = fromDbTime(query.value(9));
    entry.createdAt = fromDbTime(query.value(10));
    entry.updatedAt = fromDbTime(query.value(11));
    return entry;
}

Result<OutboxEntry> readEntry(const QSqlDatabase &db, qint64 outboxId)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload, "
                                 "state, prima_document_no, attempts, next_attempt_at, created_at, updated_at "
                                 "FROM outbox WHERE id = ?"));
    query.addBindValue(outboxId);
    if (!query.exec())
        return sqlError(query, "read");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("Outbox row %1 does not exist.").arg(outboxId)};
    return entryFrom(query);
}

const QString kReadEntrySql = QStringLiteral(
    "SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload, state, prima_document_no, "
    "attempts, next_attempt_at, created_at, updated_at FROM outbox WHERE id = ?");

/** readEntry() inside a write, with the statement kept prepared for the transaction. */
Result<OutboxEntry> readEntry(DbTransaction &tx, qint64 outboxId)
{
    auto statement = tx.statement(kReadEntrySql);
    if (!statement)
        return statement.error();
    QSqlQuery &query = **statement;
    query.bindValue(0, outboxId);
    if (!query.exec())
        return sqlError(query, "read");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("Outbox row %1 does not exist.").arg(outboxId)};
    OutboxEntry entry = entryFrom(query);
    query.finish();
    return entry;
}

Status checkIdentity(qint64 posOrderId, const QString &idempotencyKey, const QString &externalRef)
{
    if (posOrderId <= 0)
        return invalid(tr("A document can only be queued for a stored order."));
    if (idempotencyKey.trimmed().isEmpty() || idempotencyKey.size() > kMaxKeyLength)
        return invalid(tr("A document needs an idempotency key of 1 to 255 characters."));
    if (externalRef.trimmed().isEmpty() || externalRef.size() > kMaxKeyLength)
        return invalid(tr("A document needs an external reference of 1 to 255 characters."));
    return Status::success();
}

Status appendAudit(DbTransaction &tx, const QString &action, const OutboxEntry &entry, AuditDetails details)
{
    details.insert(QLatin1StringView("pos_order_id"), entry.posOrderId);
    details.insert(QLatin1StringView("document_type"), codeOf(kDocumentTypeCodes, entry.documentType));
    details.insert(QLatin1StringView("idempotency_key"), entry.idempotencyKey);
    details.insert(QLatin1StringView("external_ref"), entry.externalRef);
    AuditEvent event;
    event.actor = QStringLiteral("system");
    event.action = action;
    event.entityType = QStringLiteral("outbox");
    event.entityId = QString::number(entry.id);
    if (auto appended = AuditChain::append(tx, event, details); !appended)
        return appended.error();
    return Status::success();
}

/** How one attempt ends and where its row goes. */
struct Finish
{
    OutboxState fromState = OutboxState::Sending;
    OutboxState toState = OutboxState::Sending;
    AttemptOutcome outcome = AttemptOutcome::Unknown;
    QString documentNo;    ///< posted/adopted only
    QString nextAttemptAt; ///< retry only
    std::optional<int> httpStatus;
    QString errorCode;
    QString response;
    QString action;
};

/** Moves a row on from the state its latest attempt left it in, and records the attempt's outcome, atomically. */
Status finish(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const Finish &how)
{
    return tx.atomically([&]() -> Status {
        auto entry = readEntry(tx, outboxId);
        if (!entry)
            return entry.error();
        if (entry->state != how.fromState) {
            return invalid(tr("Outbox row %1 is %2, not %3; the outcome was not recorded.")
                               .arg(outboxId)
                               .arg(codeOf(kStateCodes, entry->state), codeOf(kStateCodes, how.fromState)));
        }

        QSqlQuery *query = nullptr; // the statement in use, kept prepared by the transaction
        auto prepare = [&tx, &query](const QString &sql) -> Status {
            auto statement = tx.statement(sql);
            if (!statement)
                return statement.error();
            query = *statement;
            return Status::success();
        };
        if (auto status = prepare(QStringLiteral("SELECT attempt_no, outcome, (SELECT MAX(attempt_no) FROM posting_attempts "
                                     "WHERE outbox_id = ?) FROM posting_attempts WHERE id = ? AND outbox_id = ?")); !status)
            return status.error();
        query->addBindValue(outboxId);
        query->addBindValue(attemptId);
        query->addBindValue(outboxId);
        if (!query->exec())
            return sqlError(*query, "read attempt");
        if (!query->next()) {
            return Error{ErrorCode::NotFound,
                         tr("Attempt %1 is not an attempt of outbox row %2.").arg(attemptId).arg(outboxId)};
        }
        const int attemptNo = query->value(0).toInt();
        const QString previousOutcome = query->value(1).toString();
        const bool isLatest = query->value(2).toInt() == attemptNo;
        query->finish();
        // Only the latest attempt speaks for the row; an adopted document settles an attempt that ended unknown.
        const bool attemptOpen = previousOutcome.isEmpty()
                                 || (how.outcome == AttemptOutcome::Adopted && previousOutcome == u"unknown");
        if (!isLatest || !attemptOpen) {
            return invalid(tr("Attempt %1 of outbox row %2 is not the one in flight; the outcome was not recorded.")
                               .arg(attemptNo)
                               .arg(outboxId));
        }

        const QString now = nowText();
        if (auto status = prepare(QStringLiteral(
            "UPDATE outbox SET state = ?, prima_document_no = COALESCE(?, prima_document_no), next_attempt_at = ?, "
            "updated_at = ? WHERE id = ? AND state = ?")); !status)
            return status.error();
        query->addBindValue(codeOf(kStateCodes, how.toState));
        query->addBindValue(how.documentNo.isEmpty() ? QVariant() : QVariant(how.documentNo));
        query->addBindValue(how.nextAttemptAt.isEmpty() ? QVariant() : QVariant(how.nextAttemptAt));
        query->addBindValue(now);
        query->addBindValue(outboxId);
        query->addBindValue(codeOf(kStateCodes, how.fromState));
        if (!query->exec())
            return sqlError(*query, "update row");
        if (query->numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Outbox row %1 changed while it was being updated.").arg(outboxId)};

        if (auto status = prepare(QStringLiteral(
            "UPDATE posting_attempts SET finished_at = COALESCE(finished_at, ?), outcome = ?, "
            "http_status = COALESCE(?, http_status), error_code = COALESCE(?, error_code), "
            "response = COALESCE(?, response) WHERE id = ? AND outbox_id = ? "
            "AND (outcome IS NULL OR (outcome = 'unknown' AND ? = 'adopted'))")); !status)
            return status.error();
        query->addBindValue(now);
        query->addBindValue(codeOf(kOutcomeCodes, how.outcome));
        query->addBindValue(how.httpStatus ? QVariant(*how.httpStatus) : QVariant());
        query->addBindValue(how.errorCode.isEmpty() ? QVariant() : QVariant(how.errorCode));
        query->addBindValue(how.response.isEmpty() ? QVariant() : QVariant(how.response));
        query->addBindValue(attemptId);
        query->addBindValue(outboxId);
        query->addBindValue(codeOf(kOutcomeCodes, how.outcome));
        if (!query->exec())
            return sqlError(*query, "update attempt");
        if (query->numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Attempt %1 changed while it was being updated.").arg(attemptId)};

        AuditDetails details;
        details.insert(QLatin1StringView("attempt_id"), attemptId)
            .insert(QLatin1StringView("attempt_no"), attemptNo)
            .insert(QLatin1StringView("from_state"), codeOf(kStateCodes, how.fromState))
            .insert(QLatin1StringView("to_state"), codeOf(kStateCodes, how.toState))
            .insert(QLatin1StringView("outcome"), codeOf(kOutcomeCodes, how.outcome));
        if (how.httpStatus)
            details.insert(QLatin1StringView("http_status"), *how.httpStatus);
        if (!how.errorCode.isEmpty())
            details.insert(QLatin1StringView("error_code"), how.errorCode);
        if (!how.response.isEmpty())
            details.insert(QLatin1StringView("message"), how.response);
        if (!how.nextAttemptAt.isEmpty())
            details.insert(QLatin1StringView("next_attempt_at"), how.nextAttemptAt);

        if (how.toState == OutboxState::Posted) {
            details.insert(QLatin1StringView("prima_document_no"), how.documentNo);
            // The POS order is posted together with its document, in the same commit as the audit event.
            if (auto status = prepare(QStringLiteral("SELECT state FROM pos_orders WHERE id = ?")); !status)
                return status.error();
            query->addBindValue(entry->posOrderId);
            if (!query->exec() || !query->next())
                return sqlError(*query, "read order");
            const QString orderState = query->value(0).toString();
            query->finish();
            details.insert(QLatin1StringView("order_previous_state"), orderState);
            if (orderState != u"posted") {
                if (auto status =
                        prepare(QStringLiteral("UPDATE pos_orders SET state = 'posted', updated_at = ? WHERE id = ? "
                                               "AND state = ?"));
                    !status)
                    return status.error();
                query->addBindValue(now);
                query->addBindValue(entry->posOrderId);
                query->addBindValue(orderState);
                if (!query->exec())
                    return sqlError(*query, "post order");
                if (query->numRowsAffected() != 1) {
                    return Error{ErrorCode::Database,
                                 tr("Order %1 changed while it was being updated.").arg(entry->posOrderId)};
                }
            }
        }
        return appendAudit(tx, how.action, *entry, details);
    });
}

} // namespace

QString outboxDocumentTypeCode(OutboxDocumentType type)
{
    return codeOf(kDocumentTypeCodes, type);
}

std::optional<OutboxDocumentType> outboxDocumentTypeFromCode(const QString &code)
{
    return valueOf(kDocumentTypeCodes, code);
}

QString outboxStateCode(OutboxState state)
{
    return codeOf(kStateCodes, state);
}

std::optional<OutboxState> outboxStateFromCode(const QString &code)
{
    return valueOf(kStateCodes, code);
}

QString attemptOutcomeCode(AttemptOutcome outcome)
{
    return codeOf(kOutcomeCodes, outcome);
}

std::optional<AttemptOutcome> attemptOutcomeFromCode(const QString &code)
{
    return valueOf(kOutcomeCodes, code);
}

OutboxRepository::OutboxRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<OutboxEnqueueResult> OutboxRepository::enqueue(DbTransaction &tx, qint64 posOrderId,
                                                      OutboxDocumentType documentType, const QString &idempotencyKey,
                                                      const QString &externalRef, const QByteArray &payloadJson)
{
    if (auto checked = checkIdentity(posOrderId, idempotencyKey, externalRef); !checked)
        return checked.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payloadJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(tr("The document for key %1 is not a JSON object.").arg(idempotencyKey));
    return enqueueText(tx, posOrderId, documentType, idempotencyKey, externalRef, payloadJson);
}

OutboxPayload OutboxPayload::fromObject(const QJsonObject &payload)
{
    OutboxPayload built;
    built.m_text = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    return built;
}

Result<OutboxEnqueueResult> OutboxRepository::enqueue(DbTransaction &tx, qint64 posOrderId,
                                                      OutboxDocumentType documentType, const QString &idempotencyKey,
                                                      const QString &externalRef, const QJsonObject &payload)
{
    return enqueue(tx, posOrderId, documentType, idempotencyKey, externalRef, OutboxPayload::fromObject(payload));
}

Result<OutboxEnqueueResult> OutboxRepository::enqueue(DbTransaction &tx, qint64 posOrderId,
                                                      OutboxDocumentType documentType, const QString &idempotencyKey,
                                                      const QString &externalRef, const OutboxPayload &payload)
{
    // An object by construction: no need to parse the text back to check.
    return enqueueText(tx, posOrderId, documentType, idempotencyKey, externalRef, payload.text());
}

Result<OutboxEnqueueResult> OutboxRepository::enqueueText(DbTransaction &tx, qint64 posOrderId,
                                                          OutboxDocumentType documentType,
                                                          const QString &idempotencyKey, const QString &externalRef,
                                                          const QByteArray &payloadJson)
{
    if (auto checked = checkIdentity(posOrderId, idempotencyKey, externalRef); !checked)
        return checked.error();

    return tx.atomically([&]() -> Result<OutboxEnqueueResult> {
        const QString now = nowText();
        const QString typeCode = outboxDocumentTypeCode(documentType);
        // Claims the key atomically (reliability.md §1.1): never SELECT-then-INSERT. Kept prepared for the page,
        // values bound straight into SQLite.
        auto insertStatement = tx.sqlite(
            "INSERT INTO outbox (pos_order_id, document_type, idempotency_key, external_ref, payload, state, "
            "attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING");
        if (!insertStatement)
            return insertStatement.error();
        SqliteStatement &insert = **insertStatement;
        insert.bind(1, posOrderId);
        insert.bind(2, typeCode);
        insert.bind(3, idempotencyKey);
        insert.bind(4, externalRef);
        insert.bindUtf8(5, payloadJson);
        insert.bind(6, now);
        insert.bind(7, now);
        if (auto inserted = insert.execute(); !inserted) {
            qCWarning(lcDb) << "outbox: enqueue" << inserted.error().message;
            return Error{inserted.error().code,
                         tr("The posting queue could not be read or saved: %1").arg(inserted.error().message)};
        }
        if (insert.changes() == 1) {
            // The row is exactly what was bound: the audit event is written from these values, not read back.
            OutboxEntry entry;
            entry.id = insert.lastInsertRowId();
            entry.posOrderId = posOrderId;
            entry.documentType = documentType;
            entry.idempotencyKey = idempotencyKey;
            entry.externalRef = externalRef;
            if (auto audited = appendAudit(tx, QStringLiteral("outbox.enqueued"), entry, {}); !audited)
                return audited.error();
            return OutboxEnqueueResult{entry.id, true};
        }

        // Something with this key, reference, or order and type is queued already: the same document is a no-op.
        const QString payload = QString::fromUtf8(payloadJson);
        QSqlQuery existing(tx.database());
        existing.setForwardOnly(true);
        existing.prepare(QStringLiteral(
            "SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload FROM outbox "
            "WHERE idempotency_key = ? OR external_ref = ? OR (pos_order_id = ? AND document_type = ?) ORDER BY id"));
        existing.addBindValue(idempotencyKey);
        existing.addBindValue(externalRef);
        existing.addBindValue(posOrderId);
        existing.addBindValue(typeCode);
        if (!existing.exec())
            return sqlError(existing, "find queued");
        int rows = 0;
        qint64 sameDocumentId = 0;
        while (existing.next()) {
            ++rows;
            if (existing.value(1).toLongLong() == posOrderId && existing.value(2).toString() == typeCode
                && existing.value(3).toString() == idempotencyKey && existing.value(4).toString() == externalRef
                && existing.value(5).toString() == payload)
                sameDocumentId = existing.value(0).toLongLong();
        }
        if (existing.lastError().isValid())
            return sqlError(existing, "find queued");
        if (rows == 1 && sameDocumentId > 0)
            return OutboxEnqueueResult{sameDocumentId, false};
        qCWarning(lcDb) << "outbox: refused to enqueue a different document under key" << idempotencyKey;
        return invalid(tr("A different document is queued already under key %1, reference %2, or for order %3 as "
                          "%4. A changed document needs a new key (a new version); it never replaces a queued one.")
                           .arg(idempotencyKey, externalRef)
                           .arg(posOrderId)
                           .arg(typeCode));
    });
}

Result<QList<OutboxClaim>> OutboxRepository::claimDue(DbTransaction &tx, const QDateTime &now, int limit)
{
    if (!now.isValid())
        return invalid(tr("Claiming due postings needs the current time."));
    return tx.atomically([&]() -> Result<QList<OutboxClaim>> {
        QSqlQuery *query = nullptr; // the statement in use, kept prepared by the transaction
        auto prepare = [&tx, &query](const QString &sql) -> Status {
            auto statement = tx.statement(sql);
            if (!statement)
                return statement.error();
            query = *statement;
            return Status::success();
        };
        // SQLite-only: INDEXED BY makes the planner walk outbox_claim_order (migration 10) in claim order and stop
        // at the limit; left alone it sorts every due row first, which grows with a backlog.
        if (auto status = prepare(QStringLiteral(
            "SELECT id FROM outbox INDEXED BY outbox_claim_order WHERE state IN ('pending', 'retry_wait') "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
            "ORDER BY COALESCE(next_attempt_at, created_at), id LIMIT ?")); !status)
            return status.error();
        query->addBindValue(dbTime(now));
        query->addBindValue(qBound(1, limit, 10000));
        if (!query->exec())
            return sqlError(*query, "due");
        QList<qint64> ids;
        while (query->next())
            ids.append(query->value(0).toLongLong());
        if (query->lastError().isValid())
            return sqlError(*query, "due");
        query->finish();

        QList<OutboxClaim> claims;
        for (const qint64 id : std::as_const(ids)) {
            auto before = readEntry(tx, id);
            if (!before)
                return before.error();
            // started_at is the real time of this commit (the write-ahead proof compares it with the ERP's log),
            // whatever clock decided what is due.
            const QString startedAt = nowText();
            if (auto status = prepare(QStringLiteral(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = NULL, "
                "updated_at = ? WHERE id = ? AND state IN ('pending', 'retry_wait')")); !status)
                return status.error();
            query->addBindValue(startedAt);
            query->addBindValue(id);
            if (!query->exec())
                return sqlError(*query, "claim");
            if (query->numRowsAffected() != 1)
                return Error{ErrorCode::Database, tr("Outbox row %1 changed while it was being claimed.").arg(id)};
            // The row is now exactly what the UPDATE made of it: no need to read it (and its payload) back.
            OutboxEntry claimed = *before;
            claimed.state = OutboxState::Sending;
            claimed.attempts = before->attempts + 1;
            claimed.nextAttemptAt = QDateTime();
            claimed.updatedAt = fromDbTime(QVariant(startedAt));
            const OutboxEntry *entry = &claimed;

            OutboxClaim claim;
            claim.entry = *entry;
            claim.attemptNo = entry->attempts;
            claim.correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (auto status = prepare(QStringLiteral("INSERT INTO posting_attempts (outbox_id, attempt_no, idempotency_key, "
                                         "correlation_id, started_at) VALUES (?, ?, ?, ?, ?)")); !status)
                return status.error();
            query->addBindValue(id);
            query->addBindValue(claim.attemptNo);
            query->addBindValue(entry->idempotencyKey);
            query->addBindValue(claim.correlationId);
            query->addBindValue(startedAt);
            if (!query->exec())
                return sqlError(*query, "attempt");
            claim.attemptId = query->lastInsertId().toLongLong();

            AuditDetails details;
            details.insert(QLatin1StringView("attempt_id"), claim.attemptId)
                .insert(QLatin1StringView("attempt_no"), claim.attemptNo)
                .insert(QLatin1StringView("correlation_id"), claim.correlationId)
                .insert(QLatin1StringView("from_state"), outboxStateCode(before->state))
                .insert(QLatin1StringView("to_state"), outboxStateCode(OutboxState::Sending));
            if (auto audited = appendAudit(tx, QStringLiteral("outbox.claimed"), *entry, details); !audited)
                return audited.error();
            claims.append(claim);
        }
        return claims;
    });
}

Result<QList<OutboxEntry>> OutboxRepository::dueRows(const QDateTime &now, int limit) const
{
    if (!now.isValid())
        return invalid(tr("Claiming due postings needs the current time."));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The same rows, in the same order, as claimDue() (see there for INDEXED BY).
    query.prepare(QStringLiteral(
        "SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload, state, prima_document_no, "
        "attempts, next_attempt_at, created_at, updated_at FROM outbox INDEXED BY outbox_claim_order "
        "WHERE state IN ('pending', 'retry_wait') AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
        "ORDER BY COALESCE(next_attempt_at, created_at), id LIMIT ?"));
    query.addBindValue(dbTime(now));
    query.addBindValue(qBound(1, limit, 10000));
    if (!query.exec())
        return sqlError(query, "due rows");
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    if (query.lastError().isValid())
        return sqlError(query, "due rows");
    return entries;
}

Status OutboxRepository::markPosted(DbTransaction &tx, qint64 outboxId, qint64 attemptId,
                                    const QString &primaDocumentNo, bool replayed)
{
    if (primaDocumentNo.trimmed().isEmpty())
        return invalid(tr("Outbox row %1 cannot be posted without Prima's document number.").arg(outboxId));
    Finish how;
    how.fromState = OutboxState::Sending;
    how.toState = OutboxState::Posted;
    how.outcome = replayed ? AttemptOutcome::Replayed : AttemptOutcome::Posted;
    how.documentNo = primaDocumentNo.trimmed();
    how.action = QStringLiteral("outbox.posted");
    return finish(tx, outboxId, attemptId, how);
}

Status OutboxRepository::markRetry(DbTransaction &tx, qint64 outboxId, qint64 attemptId,
                                   const QDateTime &nextAttemptAt, std::optional<int> httpStatus,
                                   const QString &errorCode)
{
    if (!nextAttemptAt.isValid())
        return invalid(tr("A retry of outbox row %1 needs the time of the next attempt.").arg(outboxId));
    Finish how;
    how.fromState = OutboxState::Sending;
    how.toState = OutboxState::RetryWait;
    how.outcome = AttemptOutcome::Transient;
    how.nextAttemptAt = dbTime(nextAttemptAt);
    how.httpStatus = httpStatus;
    how.errorCode = errorCode;
    how.action = QStringLiteral("outbox.retry");
    return finish(tx, outboxId, attemptId, how);
}

Status OutboxRepository::markFailed(DbTransaction &tx, qint64 outboxId, qint64 attemptId,
                                    std::optional<int> httpStatus, const QString &errorCode, const QString &message)
{
    Finish how;
    how.fromState = OutboxState::Sending;
    how.toState = OutboxState::FailedPermanent;
    how.outcome = AttemptOutcome::Rejected;
    how.httpStatus = httpStatus;
    how.errorCode = errorCode;
    how.response = message;
    how.action = QStringLiteral("outbox.failed");
    return finish(tx, outboxId, attemptId, how);
}

Status OutboxRepository::markUnknown(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const QString &note)
{
    Finish how;
    how.fromState = OutboxState::Sending;
    how.toState = OutboxState::Unknown;
    how.outcome = AttemptOutcome::Unknown;
    how.response = note;
    how.action = QStringLiteral("outbox.unknown");
    return finish(tx, outboxId, attemptId, how);
}

Result<int> OutboxRepository::recoverAfterCrash(DbTransaction &tx)
{
    return tx.atomically([&]() -> Result<int> {
        const QSqlDatabase db = tx.database();
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT id FROM outbox WHERE state = 'sending' ORDER BY id")))
            return sqlError(query, "find sending");
        QList<qint64> ids;
        while (query.next())
            ids.append(query.value(0).toLongLong());
        if (query.lastError().isValid())
            return sqlError(query, "find sending");
        query.finish();

        const QString note = tr("The application stopped while this document was being sent; Prima may or may not "
                                "have it.");
        for (const qint64 id : std::as_const(ids)) {
            const QString now = nowText();
            query.prepare(QStringLiteral("UPDATE outbox SET state = 'unknown', updated_at = ? WHERE id = ? "
                                         "AND state = 'sending'"));
            query.addBindValue(now);
            query.addBindValue(id);
            if (!query.exec())
                return sqlError(query, "recover row");
            if (query.numRowsAffected() != 1)
                return Error{ErrorCode::Database, tr("Outbox row %1 changed while it was being recovered.").arg(id)};
            query.prepare(QStringLiteral("UPDATE posting_attempts SET outcome = 'unknown', finished_at = ?, "
                                         "response = ? WHERE outbox_id = ? AND outcome IS NULL"));
            query.addBindValue(now);
            query.addBindValue(note);
            query.addBindValue(id);
            if (!query.exec())
                return sqlError(query, "recover attempts");
            const int attemptsMarked = query.numRowsAffected();
            auto entry = readEntry(db, id);
            if (!entry)
                return entry.error();
            AuditDetails details;
            details.insert(QLatin1StringView("from_state"), outboxStateCode(OutboxState::Sending))
                .insert(QLatin1StringView("to_state"), outboxStateCode(OutboxState::Unknown))
                .insert(QLatin1StringView("attempts_marked_unknown"), attemptsMarked)
                .insert(QLatin1StringView("message"), QStringLiteral("recovered after a crash"));
            if (auto audited = appendAudit(tx, QStringLiteral("outbox.unknown"), *entry, details); !audited)
                return audited.error();
        }
        if (!ids.isEmpty())
            qCInfo(lcDb) << "outbox:" << ids.size() << "row(s) left sending by a crash are now unknown";
        return int(ids.size());
    });
}

Result<QList<OutboxEntry>> OutboxRepository::unknownRows(int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload, "
                                 "state, prima_document_no, attempts, next_attempt_at, created_at, updated_at "
                                 "FROM outbox WHERE state = 'unknown' ORDER BY updated_at, id LIMIT ?"));
    query.addBindValue(qBound(1, limit, 10000));
    if (!query.exec())
        return sqlError(query, "unknown rows");
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    if (query.lastError().isValid())
        return sqlError(query, "unknown rows");
    return entries;
}

Status OutboxRepository::adopt(DbTransaction &tx, qint64 outboxId, qint64 attemptId, const QString &primaDocumentNo)
{
    if (primaDocumentNo.trimmed().isEmpty())
        return invalid(tr("Outbox row %1 cannot adopt a document without its number.").arg(outboxId));
    Finish how;
    how.fromState = OutboxState::Unknown;
    how.toState = OutboxState::Posted;
    how.outcome = AttemptOutcome::Adopted;
    how.documentNo = primaDocumentNo.trimmed();
    how.action = QStringLiteral("outbox.posted"); // one "posted" event per document, however it was settled
    return finish(tx, outboxId, attemptId, how);
}

Status OutboxRepository::requeueUnknown(DbTransaction &tx, qint64 outboxId, const QDateTime &nextAttemptAt,
                                        const QString &note)
{
    if (!nextAttemptAt.isValid())
        return invalid(tr("A retry of outbox row %1 needs the time of the next attempt.").arg(outboxId));
    return tx.atomically([&]() -> Status {
        const QSqlDatabase db = tx.database();
        auto entry = readEntry(db, outboxId);
        if (!entry)
            return entry.error();
        if (entry->state != OutboxState::Unknown) {
            return invalid(tr("Outbox row %1 is %2, not unknown; it was not queued again.")
                               .arg(outboxId)
                               .arg(outboxStateCode(entry->state)));
        }
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE outbox SET state = 'retry_wait', next_attempt_at = ?, updated_at = ? "
                                     "WHERE id = ? AND state = 'unknown'"));
        query.addBindValue(dbTime(nextAttemptAt));
        query.addBindValue(nowText());
        query.addBindValue(outboxId);
        if (!query.exec())
            return sqlError(query, "requeue");
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Outbox row %1 changed while it was being updated.").arg(outboxId)};
        AuditDetails details;
        details.insert(QLatin1StringView("from_state"), outboxStateCode(OutboxState::Unknown))
            .insert(QLatin1StringView("to_state"), outboxStateCode(OutboxState::RetryWait))
            .insert(QLatin1StringView("next_attempt_at"), dbTime(nextAttemptAt))
            .insert(QLatin1StringView("message"), note);
        return appendAudit(tx, QStringLiteral("outbox.requeued"), *entry, details);
    });
}

Result<OutboxEntry> OutboxRepository::load(qint64 outboxId) const
{
    return readEntry(m_db, outboxId);
}

Result<std::optional<OutboxEntry>> OutboxRepository::findByKey(const QString &idempotencyKey) const
{
    return findOne(FindBy::IdempotencyKey, idempotencyKey);
}

Result<std::optional<OutboxEntry>> OutboxRepository::findByExternalRef(const QString &externalRef) const
{
    return findOne(FindBy::ExternalRef, externalRef);
}

Result<std::optional<OutboxEntry>> OutboxRepository::findOne(FindBy by, const QString &value) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // Two fixed statements, both unique columns; the value is always bound.
    query.prepare(by == FindBy::IdempotencyKey
                      ? QStringLiteral("SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload, "
                                       "state, prima_document_no, attempts, next_attempt_at, created_at, updated_at "
                                       "FROM outbox WHERE idempotency_key = ?")
                      : QStringLiteral("SELECT id, pos_order_id, document_type, idempotency_key, external_ref, payload, "
                                       "state, prima_document_no, attempts, next_attempt_at, created_at, updated_at "
                                       "FROM outbox WHERE external_ref = ?"));
    query.addBindValue(value);
    if (!query.exec())
        return sqlError(query, "find");
    if (!query.next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(entryFrom(query));
}

Result<QList<PostingAttempt>> OutboxRepository::attempts(qint64 outboxId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, outbox_id, attempt_no, idempotency_key, correlation_id, started_at, "
                                 "finished_at, outcome, http_status, error_code, response FROM posting_attempts "
                                 "WHERE outbox_id = ? ORDER BY attempt_no"));
    query.addBindValue(outboxId);
    if (!query.exec())
        return sqlError(query, "attempts");
    QList<PostingAttempt> attempts;
    while (query.next()) {
        PostingAttempt attempt;
        attempt.id = query.value(0).toLongLong();
        attempt.outboxId = query.value(1).toLongLong();
        attempt.attemptNo = query.value(2).toInt();
        attempt.idempotencyKey = query.value(3).toString();
        attempt.correlationId = query.value(4).toString();
        attempt.startedAt = fromDbTime(query.value(5));
        attempt.finishedAt = fromDbTime(query.value(6));
        if (!query.value(7).isNull())
            attempt.outcome = attemptOutcomeFromCode(query.value(7).toString());
        if (!query.value(8).isNull())
            attempt.httpStatus = query.value(8).toInt();
        attempt.errorCode = query.value(9).toString();
        attempt.response = query.value(10).toString();
        attempts.append(attempt);
    }
    if (query.lastError().isValid())
        return sqlError(query, "attempts");
    return attempts;
}

Result<QMap<OutboxState, qint64>> OutboxRepository::countsByState() const
{
    QMap<OutboxState, qint64> counts;
    for (const auto &[state, code] : kStateCodes)
        counts.insert(state, 0);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT state, COUNT(*) FROM outbox GROUP BY state")))
        return sqlError(query, "counts");
    while (query.next()) {
        if (const auto state = outboxStateFromCode(query.value(0).toString()))
            counts[*state] = query.value(1).toLongLong();
    }
    if (query.lastError().isValid())
        return sqlError(query, "counts");
    return counts;
}

Result<QDateTime> OutboxRepository::nextDue() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // Unknown rows are due at once (a look-up); pending and retry rows when their time comes.
    if (!query.exec(QStringLiteral("SELECT MIN(CASE WHEN state IN ('unknown', 'sending') THEN '' "
                                   "ELSE COALESCE(next_attempt_at, '') END) "
                                   "FROM outbox WHERE state IN ('pending', 'retry_wait', 'unknown', 'sending')")))
        return sqlError(query, "next due");
    if (!query.next() || query.value(0).isNull())
        return QDateTime();
    const QString text = query.value(0).toString();
    return text.isEmpty() ? QDateTime::currentDateTimeUtc() : fromDbTime(text);
}

} // namespace Tillbridge::Core
