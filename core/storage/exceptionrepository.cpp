// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/exceptionrepository.h"

#include "core/storage/dbtime.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::ExceptionRepository", text);
}

Error sqlError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "exceptions:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The exceptions could not be read or saved: %1").arg(query.lastError().text())};
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}




bool samePerson(const QString &a, const QString &b)
{
    // Stricter than the trigger's ASCII lower(): "Anna" and "anna " are one person here too.
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool isSystemAccount(const QString &name)
{
    return samePerson(name, QStringLiteral("system"));
}

QByteArray compactJson(const QJsonObject &object)
{
    // QJsonObject keeps its keys sorted, so equal content gives equal text.
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The columns every ExceptionRecord is read from, in this order.
Result<ExceptionRecord> recordFrom(const QSqlQuery &query)
{
    ExceptionRecord record;
    record.id = query.value(0).toLongLong();
    const QString kindCode = query.value(1).toString();
    const auto kind = ExceptionKinds::fromCode(kindCode);
    const auto severity = severityFromCode(query.value(2).toString());
    const auto owner = ownerTeamFromCode(query.value(3).toString());
    const auto state = exceptionStateFromCode(query.value(9).toString());
    if (!kind || !severity || !owner || !state) {
        qCWarning(lcDb) << "exceptions: unknown code in row" << record.id << kindCode;
        return Error{ErrorCode::Database,
                     tr("Exception %1 has a kind, severity, owner or state this version does not know (%2).")
                         .arg(record.id)
                         .arg(kindCode)};
    }
    record.kind = *kind;
    record.severity = *severity;
    record.owner = *owner;
    record.storeId = query.value(4).isNull() ? 0 : query.value(4).toLongLong();
    record.entityType = query.value(5).toString();
    record.entityId = query.value(6).toString();
    record.explanation = query.value(7).toString();
    record.details = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
    record.state = *state;
    record.assignedTo = query.value(10).toString();
    record.createdAt = fromDbTime(query.value(11));
    record.updatedAt = fromDbTime(query.value(12));
    record.resolutionReason = query.value(13).toString();
    record.madeBy = query.value(14).toString();
    record.approvedBy = query.value(15).toString();
    return record;
}

/** The state of an exception as a transition sees it. */
struct Current
{
    ExceptionRecord record;
    QString stateCode;
};

Result<Current> readCurrent(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, kind, severity, owner_team, store_id, entity_type, entity_id, explanation, details, state, "
        "assigned_to, created_at, updated_at, resolution_reason, made_by, approved_by FROM exceptions WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query, "read");
    if (!query.next())
        return Error{ErrorCode::NotFound, tr("Exception %1 does not exist.").arg(id)};
    auto record = recordFrom(query);
    if (!record)
        return record.error();
    return Current{*record, query.value(9).toString()};
}

Status refuseClosed(const Current &current)
{
    if (!isTerminal(current.record.state))
        return Status::success();
    return invalid(tr("Exception %1 is already %2; a closed exception cannot change.")
                       .arg(current.record.id)
                       .arg(current.stateCode));
}

/** Writes the history row and the audit event of a transition (or of a change within a state). */
Status recordTransition(DbTransaction &tx, const ExceptionRecord &record, const std::optional<QString> &fromState,
                        ExceptionState toState, const QString &actor, const QString &note, const QString &action,
                        QJsonObject details, const QString &now)
{
    QSqlQuery query(tx.database());
    query.prepare(QStringLiteral("INSERT INTO exception_history (exception_id, at, actor, from_state, to_state, "
                                 "note) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.id);
    query.addBindValue(now);
    query.addBindValue(actor);
    query.addBindValue(fromState ? QVariant(*fromState) : QVariant());
    query.addBindValue(exceptionStateCode(toState));
    query.addBindValue(note);
    if (!query.exec())
        return sqlError(query, "history");

    details.insert(QStringLiteral("kind"), ExceptionKinds::code(record.kind));
    details.insert(QStringLiteral("entity_type"), record.entityType);
    details.insert(QStringLiteral("entity_id"), record.entityId);
    details.insert(QStringLiteral("from_state"), fromState ? QJsonValue(*fromState) : QJsonValue());
    details.insert(QStringLiteral("to_state"), exceptionStateCode(toState));
    details.insert(QStringLiteral("note"), note);
    AuditEvent event;
    event.actor = actor;
    event.action = action;
    event.entityType = QStringLiteral("exception");
    event.entityId = QString::number(record.id);
    event.details = details;
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return Status::success();
}

/** open|assigned → a closed state, with reason, history and audit. */
Status close(DbTransaction &tx, qint64 id, ExceptionState toState, const QString &reason, const QString &actor,
             const QString &action)
{
    if (reason.trimmed().isEmpty())
        return invalid(tr("Closing exception %1 needs a reason.").arg(id));
    if (actor.trimmed().isEmpty())
        return invalid(tr("A change to exception %1 must name who made it.").arg(id));
    return tx.atomically([&]() -> Status {
        auto current = readCurrent(tx.database(), id);
        if (!current)
            return current.error();
        if (auto refused = refuseClosed(*current); !refused)
            return refused;
        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        QSqlQuery query(tx.database());
        query.prepare(QStringLiteral("UPDATE exceptions SET state = ?, resolved_at = ?, resolution_reason = ?, "
                                     "updated_at = ? WHERE id = ? AND state = ?"));
        query.addBindValue(exceptionStateCode(toState));
        query.addBindValue(now);
        query.addBindValue(reason);
        query.addBindValue(now);
        query.addBindValue(id);
        query.addBindValue(current->stateCode);
        if (!query.exec())
            return sqlError(query, "close");
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Exception %1 changed while it was being updated.").arg(id)};
        return recordTransition(tx, current->record, current->stateCode, toState, actor, reason, action, {}, now);
    });
}

} // namespace

ExceptionRepository::ExceptionRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

ExceptionPageKey ExceptionRepository::keyOf(const ExceptionRecord &record)
{
    return ExceptionPageKey{dbTime(record.createdAt), record.id};
}

Result<ExceptionRaiseResult> ExceptionRepository::raise(DbTransaction &tx, const ExceptionRecord &record,
                                                        const QString &actor)
{
    if (record.entityType.trimmed().isEmpty() || record.entityId.trimmed().isEmpty())
        return invalid(tr("An exception must name the entity it concerns."));
    if (record.explanation.trimmed().isEmpty())
        return invalid(tr("An exception needs an explanation a person can act on."));
    if (actor.trimmed().isEmpty())
        return invalid(tr("An exception must name who raised it."));

    return tx.atomically([&]() -> Result<ExceptionRaiseResult> {
        const QSqlDatabase db = tx.database();
        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        const QString kindCode = ExceptionKinds::code(record.kind);
        const QByteArray details = compactJson(record.details);
        const QVariant storeId = record.storeId > 0 ? QVariant(record.storeId) : QVariant();

        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral(
            "SELECT id, kind, severity, owner_team, store_id, entity_type, entity_id, explanation, details, state, "
            "assigned_to, created_at, updated_at, resolution_reason, made_by, approved_by FROM exceptions "
            "WHERE entity_type = ? AND entity_id = ? AND kind = ? AND state IN ('open', 'assigned')"));
        query.addBindValue(record.entityType);
        query.addBindValue(record.entityId);
        query.addBindValue(kindCode);
        if (!query.exec())
            return sqlError(query, "find open");
        if (query.next()) {
            auto existingRecord = recordFrom(query);
            if (!existingRecord)
                return existingRecord.error();
            const ExceptionRecord existing = *existingRecord;
            const QString stateCode = query.value(9).toString();
            const QByteArray existingDetails = query.value(8).toString().toUtf8();
            query.finish();
            if (existing.severity == record.severity && existing.owner == record.owner
                && existing.storeId == (record.storeId > 0 ? record.storeId : 0)
                && existing.explanation == record.explanation && existingDetails == details) {
                return ExceptionRaiseResult{ExceptionRaise::AlreadyOpen, existing.id};
            }
            // New figures for the same problem: refresh the one open copy instead of stacking another.
            query.prepare(QStringLiteral(
                "UPDATE exceptions SET severity = ?, owner_team = ?, store_id = ?, explanation = ?, details = ?, "
                "made_by = NULL, updated_at = ? WHERE id = ? AND state = ?"));
            query.addBindValue(severityCode(record.severity));
            query.addBindValue(ownerTeamCode(record.owner));
            query.addBindValue(storeId);
            query.addBindValue(record.explanation);
            query.addBindValue(QString::fromUtf8(details));
            query.addBindValue(now);
            query.addBindValue(existing.id);
            query.addBindValue(stateCode);
            if (!query.exec())
                return sqlError(query, "refresh");
            if (query.numRowsAffected() != 1) {
                return Error{ErrorCode::Database,
                             tr("Exception %1 changed while it was being updated.").arg(existing.id)};
            }
            QString note = tr("Raised again with new figures: %1").arg(record.explanation);
            QJsonObject auditDetails{{QStringLiteral("explanation"), record.explanation},
                                     {QStringLiteral("previous_explanation"), existing.explanation}};
            if (!existing.madeBy.isEmpty()) {
                note += u' ' + tr("The override proposed by %1 was withdrawn.").arg(existing.madeBy);
                auditDetails.insert(QStringLiteral("withdrawn_override_by"), existing.madeBy);
            }
            if (auto recorded = recordTransition(tx, existing, stateCode, existing.state, actor, note,
                                                 QStringLiteral("exception.refreshed"), auditDetails, now);
                !recorded)
                return recorded.error();
            return ExceptionRaiseResult{ExceptionRaise::Refreshed, existing.id};
        }
        query.finish();

        const QString createdAt = record.createdAt.isValid() ? dbTime(record.createdAt) : now;
        query.prepare(QStringLiteral(
            "INSERT INTO exceptions (kind, severity, owner_team, store_id, entity_type, entity_id, explanation, "
            "details, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)"));
        query.addBindValue(kindCode);
        query.addBindValue(severityCode(record.severity));
        query.addBindValue(ownerTeamCode(record.owner));
        query.addBindValue(storeId);
        query.addBindValue(record.entityType);
        query.addBindValue(record.entityId);
        query.addBindValue(record.explanation);
        query.addBindValue(QString::fromUtf8(details));
        query.addBindValue(createdAt);
        query.addBindValue(now);
        if (!query.exec())
            return sqlError(query, "insert");
        ExceptionRecord stored = record;
        stored.id = query.lastInsertId().toLongLong();
        stored.state = ExceptionState::Open;
        const QJsonObject auditDetails{{QStringLiteral("severity"), severityCode(record.severity)},
                                       {QStringLiteral("owner"), ownerTeamCode(record.owner)},
                                       {QStringLiteral("store_id"), record.storeId},
                                       {QStringLiteral("explanation"), record.explanation}};
        if (auto recorded = recordTransition(tx, stored, std::nullopt, ExceptionState::Open, actor,
                                             tr("Raised: %1").arg(record.explanation),
                                             QStringLiteral("exception.raised"), auditDetails, now);
            !recorded)
            return recorded.error();
        return ExceptionRaiseResult{ExceptionRaise::Raised, stored.id};
    });
}

Status ExceptionRepository::assign(DbTransaction &tx, qint64 id, const QString &assignee, const QString &actor)
{
    if (assignee.trimmed().isEmpty())
        return invalid(tr("Exception %1 can only be assigned to a named person.").arg(id));
    if (actor.trimmed().isEmpty())
        return invalid(tr("A change to exception %1 must name who made it.").arg(id));
    return tx.atomically([&]() -> Status {
        auto current = readCurrent(tx.database(), id);
        if (!current)
            return current.error();
        if (auto refused = refuseClosed(*current); !refused)
            return refused;
        if (current->record.state == ExceptionState::Assigned && current->record.assignedTo == assignee)
            return Status::success();
        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        QSqlQuery query(tx.database());
        query.prepare(QStringLiteral("UPDATE exceptions SET state = 'assigned', assigned_to = ?, updated_at = ? "
                                     "WHERE id = ? AND state = ?"));
        query.addBindValue(assignee);
        query.addBindValue(now);
        query.addBindValue(id);
        query.addBindValue(current->stateCode);
        if (!query.exec())
            return sqlError(query, "assign");
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Exception %1 changed while it was being updated.").arg(id)};
        const QJsonObject details{{QStringLiteral("assignee"), assignee},
                                  {QStringLiteral("previous_assignee"), current->record.assignedTo}};
        return recordTransition(tx, current->record, current->stateCode, ExceptionState::Assigned, actor,
                                tr("Assigned to %1").arg(assignee), QStringLiteral("exception.assigned"), details,
                                now);
    });
}

Status ExceptionRepository::resolve(DbTransaction &tx, qint64 id, const QString &reason, const QString &actor)
{
    return close(tx, id, ExceptionState::Resolved, reason, actor, QStringLiteral("exception.resolved"));
}

Status ExceptionRepository::reject(DbTransaction &tx, qint64 id, const QString &reason, const QString &actor)
{
    return close(tx, id, ExceptionState::Rejected, reason, actor, QStringLiteral("exception.rejected"));
}

Status ExceptionRepository::markOverride(DbTransaction &tx, qint64 id, const QString &maker, const QString &reason)
{
    if (maker.trimmed().isEmpty())
        return invalid(tr("An override of exception %1 must name who makes it.").arg(id));
    if (isSystemAccount(maker)) {
        return Error{ErrorCode::PermissionDenied,
                     tr("An override is made by a person, not by the engine's system account (maker-checker).")};
    }
    if (reason.trimmed().isEmpty())
        return invalid(tr("An override of exception %1 needs a reason.").arg(id));
    return tx.atomically([&]() -> Status {
        auto current = readCurrent(tx.database(), id);
        if (!current)
            return current.error();
        if (auto refused = refuseClosed(*current); !refused)
            return refused;
        if (!current->record.madeBy.isEmpty()) {
            return invalid(tr("An override of exception %1 was already proposed by %2 and waits for approval.")
                               .arg(id)
                               .arg(current->record.madeBy));
        }
        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        QSqlQuery query(tx.database());
        query.prepare(QStringLiteral("UPDATE exceptions SET made_by = ?, updated_at = ? WHERE id = ? AND state = ? "
                                     "AND made_by IS NULL"));
        query.addBindValue(maker);
        query.addBindValue(now);
        query.addBindValue(id);
        query.addBindValue(current->stateCode);
        if (!query.exec())
            return sqlError(query, "mark override");
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Exception %1 changed while it was being updated.").arg(id)};
        const QJsonObject details{{QStringLiteral("maker"), maker}, {QStringLiteral("reason"), reason}};
        return recordTransition(tx, current->record, current->stateCode, current->record.state, maker,
                                tr("Override proposed: %1").arg(reason),
                                QStringLiteral("exception.override-proposed"), details, now);
    });
}

Status ExceptionRepository::approveOverride(DbTransaction &tx, qint64 id, const QString &approver,
                                            const QString &reason)
{
    if (!tx.isActive())
        return Error{ErrorCode::Database, tr("Exceptions can only be written inside an open transaction.")};
    if (approver.trimmed().isEmpty())
        return invalid(tr("An approval of exception %1 must name the approver.").arg(id));
    if (reason.trimmed().isEmpty())
        return invalid(tr("An approval of exception %1 needs a reason.").arg(id));

    auto current = readCurrent(tx.database(), id);
    if (!current)
        return current.error();
    if (auto refused = refuseClosed(*current); !refused)
        return refused;
    const QString maker = current->record.madeBy;
    if (maker.isEmpty()) {
        return invalid(tr("Exception %1 has no override to approve: someone must propose one first.").arg(id));
    }
    if (samePerson(approver, maker) || isSystemAccount(approver)) {
        // Refused before anything changes; the refused attempt itself is evidence for the auditor (R8).
        const QString message =
            isSystemAccount(approver)
                ? tr("An override must be approved by a person, not by the engine's system account (maker-checker).")
                : tr("An override must be approved by someone other than the person who made it (maker-checker).");
        AuditEvent event;
        event.actor = approver;
        event.action = QStringLiteral("exception.approval-refused");
        event.entityType = QStringLiteral("exception");
        event.entityId = QString::number(id);
        event.details = QJsonObject{{QStringLiteral("kind"), ExceptionKinds::code(current->record.kind)},
                                    {QStringLiteral("maker"), maker},
                                    {QStringLiteral("checker"), approver},
                                    {QStringLiteral("reason"), reason},
                                    {QStringLiteral("refusal"), QStringLiteral("maker-checker")}};
        if (auto appended = AuditChain::append(tx, event); !appended)
            return appended.error();
        qCInfo(lcDb) << "exceptions: approval of" << id << "refused by maker-checker";
        return Error{ErrorCode::PermissionDenied, message};
    }

    return tx.atomically([&]() -> Status {
        const QString now = dbTime(QDateTime::currentDateTimeUtc());
        QSqlQuery query(tx.database());
        query.prepare(QStringLiteral(
            "UPDATE exceptions SET state = 'approved', approved_by = ?, resolved_at = ?, resolution_reason = ?, "
            "updated_at = ? WHERE id = ? AND state = ? AND made_by = ?"));
        query.addBindValue(approver);
        query.addBindValue(now);
        query.addBindValue(reason);
        query.addBindValue(now);
        query.addBindValue(id);
        query.addBindValue(current->stateCode);
        query.addBindValue(maker);
        if (!query.exec())
            return sqlError(query, "approve");
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("Exception %1 changed while it was being updated.").arg(id)};
        const QJsonObject details{{QStringLiteral("maker"), maker},
                                  {QStringLiteral("checker"), approver},
                                  {QStringLiteral("reason"), reason}};
        return recordTransition(tx, current->record, current->stateCode, ExceptionState::Approved, approver,
                                tr("Override by %1 approved: %2").arg(maker).arg(reason),
                                QStringLiteral("exception.approved"), details, now);
    });
}

Result<bool> ExceptionRepository::autoResolve(DbTransaction &tx, const QString &entityType, const QString &entityId,
                                              ExceptionKind kind, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return invalid(tr("Closing an exception needs a reason."));
    return tx.atomically([&]() -> Result<bool> {
        QSqlQuery query(tx.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id FROM exceptions WHERE entity_type = ? AND entity_id = ? AND kind = ? "
                                     "AND state IN ('open', 'assigned')"));
        query.addBindValue(entityType);
        query.addBindValue(entityId);
        query.addBindValue(ExceptionKinds::code(kind));
        if (!query.exec())
            return sqlError(query, "find open");
        if (!query.next())
            return false;
        const qint64 id = query.value(0).toLongLong();
        query.finish();
        if (auto closed = close(tx, id, ExceptionState::AutoResolved, reason, QStringLiteral("system"),
                                QStringLiteral("exception.auto-resolved"));
            !closed)
            return closed.error();
        return true;
    });
}

Result<ExceptionRecord> ExceptionRepository::load(qint64 id) const
{
    auto current = readCurrent(m_db, id);
    if (!current)
        return current.error();
    return current->record;
}

Result<QList<ExceptionRecord>> ExceptionRepository::openForEntity(const QString &entityType,
                                                                  const QString &entityId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, kind, severity, owner_team, store_id, entity_type, entity_id, explanation, details, state, "
        "assigned_to, created_at, updated_at, resolution_reason, made_by, approved_by FROM exceptions "
        "WHERE entity_type = ? AND entity_id = ? AND state IN ('open', 'assigned') ORDER BY created_at, id"));
    query.addBindValue(entityType);
    query.addBindValue(entityId);
    if (!query.exec())
        return sqlError(query, "open for entity");
    QList<ExceptionRecord> records;
    while (query.next()) {
        auto record = recordFrom(query);
        if (!record)
            return record.error();
        records.append(*record);
    }
    if (query.lastError().isValid())
        return sqlError(query, "open for entity");
    return records;
}

Result<QMap<ExceptionKind, ExceptionState>> ExceptionRepository::decisionsForEntity(const QString &entityType,
                                                                                   const QString &entityId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT kind, state FROM exceptions WHERE entity_type = ? AND entity_id = ? "
                                 "AND state IN ('approved', 'rejected') ORDER BY updated_at, id"));
    query.addBindValue(entityType);
    query.addBindValue(entityId);
    if (!query.exec())
        return sqlError(query, "decisions");
    QMap<ExceptionKind, ExceptionState> decisions;
    while (query.next()) {
        const auto kind = ExceptionKinds::fromCode(query.value(0).toString());
        const auto state = exceptionStateFromCode(query.value(1).toString());
        if (kind && state)
            decisions.insert(*kind, *state); // later rows are newer decisions
    }
    if (query.lastError().isValid())
        return sqlError(query, "decisions");
    return decisions;
}

Result<QList<ExceptionHistoryEntry>> ExceptionRepository::history(qint64 id) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, at, actor, from_state, to_state, note FROM exception_history "
                                 "WHERE exception_id = ? ORDER BY id"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query, "history");
    QList<ExceptionHistoryEntry> entries;
    while (query.next()) {
        ExceptionHistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = fromDbTime(query.value(1));
        entry.actor = query.value(2).toString();
        if (!query.value(3).isNull())
            entry.fromState = exceptionStateFromCode(query.value(3).toString());
        entry.toState = exceptionStateFromCode(query.value(4).toString()).value_or(ExceptionState::Open);
        entry.note = query.value(5).toString();
        entries.append(entry);
    }
    if (query.lastError().isValid())
        return sqlError(query, "history");
    return entries;
}

namespace {
/** Search texts shorter than this cannot use the trigram index: they are matched row by row. */
constexpr qsizetype kShortestIndexedSearch = 3;

/**
 * The queue's WHERE clause, made of fixed SQL fragments with every value bound. Only the criteria in use appear, and
 * sets are real IN lists, so that SQLite can count with the exceptions_filter index instead of reading a million
 * rows. The column names and fragments are constants of this file; no value ever becomes SQL text.
 */
class QueueWhere
{
public:
    explicit QueueWhere(const ExceptionFilter &filter)
    {
        if (!filter.states.isEmpty()) {
            QStringList codes;
            for (const ExceptionState state : filter.states)
                codes.append(exceptionStateCode(state));
            addIn("state", codes);
        }
        if (filter.owner)
            add("owner_team = ?", ownerTeamCode(*filter.owner));
        if (!filter.kinds.isEmpty()) {
            QStringList codes;
            for (const ExceptionKind kind : filter.kinds)
                codes.append(ExceptionKinds::code(kind));
            addIn("kind", codes);
        }
        if (filter.blockingOnly)
            add("severity = ?", QStringLiteral("blocking"));
        if (filter.storeId)
            add("store_id = ?", *filter.storeId);
        if (filter.createdFrom.isValid())
            add("created_at >= ?", dbTime(filter.createdFrom));
        if (filter.createdBefore.isValid())
            add("created_at < ?", dbTime(filter.createdBefore));
        // FTS5's query syntax ends a string at a NUL character ("unterminated string"): such a text keeps LIKE.
        // Trigrams are of characters (code points), not UTF-16 units.
        if (filter.text.toUcs4().size() >= kShortestIndexedSearch && !filter.text.contains(QChar(u'\0'))) {
            // The trigram index (migration 13): a phrase of trigrams is the text as a substring, matched
            // case-insensitively in any of the three columns. Inside the quotes every character is literal but the
            // quote itself, which is doubled.
            QString phrase = filter.text;
            phrase.replace(u'"', QStringLiteral("\"\""));
            add("id IN (SELECT rowid FROM exceptions_search WHERE exceptions_search MATCH ?)", u'"' + phrase + u'"');
        } else if (!filter.text.isEmpty()) {
            // Too short for a trigram: matched literally, row by row (LIKE's wildcards and escape are escaped).
            QString escaped = filter.text;
            escaped.replace(u'\\', QStringLiteral("\\\\"));
            escaped.replace(u'%', QStringLiteral("\\%"));
            escaped.replace(u'_', QStringLiteral("\\_"));
            const QString pattern = u'%' + escaped + u'%';
            add("(explanation LIKE ? ESCAPE '\\' OR entity_id LIKE ? ESCAPE '\\' "
                "OR COALESCE(assigned_to, '') LIKE ? ESCAPE '\\')",
                pattern, pattern, pattern);
        }
    }

    /** Appends a keyset bound: rows after (or before) @p key in (created_at, id) order. */
    void addKeyset(const ExceptionPageKey &key, PageDirection direction)
    {
        if (direction == PageDirection::Forward)
            add("(created_at > ? OR (created_at = ? AND id > ?))", key.createdAt, key.createdAt, key.id);
        else
            add("(created_at < ? OR (created_at = ? AND id < ?))", key.createdAt, key.createdAt, key.id);
    }

    /** " WHERE a AND b" or nothing. */
    QString sql() const
    {
        return m_terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_terms.join(QStringLiteral(" AND "));
    }

    void bind(QSqlQuery &query) const
    {
        for (const QVariant &value : m_values)
            query.addBindValue(value);
    }

private:
    template <typename... Values>
    void add(const char *term, const Values &...values)
    {
        m_terms.append(QLatin1StringView(term));
        (m_values.append(QVariant(values)), ...);
    }

    void addIn(const char *column, const QStringList &codes)
    {
        QStringList marks(codes.size(), QStringLiteral("?"));
        m_terms.append(QLatin1StringView(column) + QStringLiteral(" IN (") + marks.join(u',') + u')');
        for (const QString &code : codes)
            m_values.append(code);
    }

    QStringList m_terms;
    QVariantList m_values;
};

const char *const kQueueColumns =
    "SELECT id, kind, severity, owner_team, store_id, entity_type, entity_id, explanation, details, state, "
    "assigned_to, created_at, updated_at, resolution_reason, made_by, approved_by "
    // Pages follow the queue's order through its index; left to itself the planner would sort every match. A text
    // search too: the search index's matches become a set that each step of the walk looks its id up in, without
    // reading the row, which on a million exceptions is faster than sorting them (226 ms against 1,051 ms for a
    // word in every explanation, 115 against 147 ms for one order).
    "FROM exceptions INDEXED BY exceptions_age";
} // namespace

Result<QList<ExceptionRecord>> ExceptionRepository::page(const ExceptionFilter &filter,
                                                         const std::optional<ExceptionPageKey> &after,
                                                         int limit) const
{
    return page(filter, PageRequest<ExceptionPageKey>{after, PageDirection::Forward, 0, limit});
}

Result<QList<ExceptionRecord>> ExceptionRepository::page(const ExceptionFilter &filter,
                                                         const PageRequest<ExceptionPageKey> &request) const
{
    QueueWhere where(filter);
    if (request.anchor)
        where.addKeyset(*request.anchor, request.direction);
    const bool forward = request.direction == PageDirection::Forward;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QLatin1StringView(kQueueColumns) + where.sql()
                  + (forward ? QStringLiteral(" ORDER BY created_at, id LIMIT ? OFFSET ?")
                             : QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")));
    where.bind(query);
    query.addBindValue(qBound(1, request.limit, 10000));
    query.addBindValue(request.anchor ? qint64(0) : std::max<qint64>(0, request.skip));
    if (!query.exec())
        return sqlError(query, "page");
    QList<ExceptionRecord> records;
    while (query.next()) {
        auto record = recordFrom(query);
        if (!record)
            return record.error();
        records.append(*record);
    }
    if (query.lastError().isValid())
        return sqlError(query, "page");
    return records;
}

Result<qint64> ExceptionRepository::count(const ExceptionFilter &filter) const
{
    const QueueWhere where(filter);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM exceptions") + where.sql());
    where.bind(query);
    if (!query.exec() || !query.next())
        return sqlError(query, "count");
    return query.value(0).toLongLong();
}

Result<qint64> ExceptionRepository::position(const ExceptionFilter &filter, const ExceptionPageKey &key) const
{
    QueueWhere where(filter);
    where.addKeyset(key, PageDirection::Backward);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM exceptions") + where.sql());
    where.bind(query);
    if (!query.exec() || !query.next())
        return sqlError(query, "position");
    return query.value(0).toLongLong();
}

Result<QList<ExceptionCount>> ExceptionRepository::countsByOwnerAndState() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT owner_team, state, COUNT(*) FROM exceptions GROUP BY owner_team, state "
                                   "ORDER BY owner_team, state")))
        return sqlError(query, "counts");
    QList<ExceptionCount> counts;
    while (query.next()) {
        const auto owner = ownerTeamFromCode(query.value(0).toString());
        const auto state = exceptionStateFromCode(query.value(1).toString());
        if (owner && state)
            counts.append(ExceptionCount{*owner, *state, query.value(2).toLongLong()});
    }
    if (query.lastError().isValid())
        return sqlError(query, "counts");
    return counts;
}

} // namespace Tillbridge::Core
