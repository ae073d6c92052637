// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/auditchain.h"

#include "core/logging.h"
#include "core/storage/auditdetails.h"
#include "core/sha256.h"
#include "core/storage/dbtime.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>


namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::AuditChain", text);
}

void appendField(QByteArray &out, QByteArrayView field)
{
    // Length-prefixed so that no choice of field contents can make two different entries hash the same bytes.
    out += DecimalText(field.size()).view();
    out += ':';
    out += field;
    out += ';';
}

void appendField(QByteArray &out, const QString &field)
{
    appendField(out, QByteArrayView(field.toUtf8()));
}

Error appendError(const Error &error)
{
    return Error{error.code, tr("The audit trail could not be read or written: %1").arg(error.message)};
}

Error sqlError(const QSqlQuery &query, const char *what)
{
    qCWarning(lcAudit) << what << query.lastError().text();
    return Error{ErrorCode::Database, tr("The audit trail could not be read or written: %1")
                                          .arg(query.lastError().text())};
}
} // namespace

QString auditProblemCode(AuditVerification::Problem problem)
{
    switch (problem) {
    case AuditVerification::Problem::None:
        return QStringLiteral("none");
    case AuditVerification::Problem::Modified:
        return QStringLiteral("modified");
    case AuditVerification::Problem::Missing:
        return QStringLiteral("missing");
    case AuditVerification::Problem::Inserted:
        return QStringLiteral("inserted");
    case AuditVerification::Problem::BrokenLink:
        return QStringLiteral("broken-link");
    case AuditVerification::Problem::Truncated:
        return QStringLiteral("truncated");
    case AuditVerification::Problem::AnchorMismatch:
        return QStringLiteral("anchor-mismatch");
    }
    return {};
}

QJsonObject AuditAnchor::toJson() const
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("tillbridge-audit-anchor-v1")},
                       {QStringLiteral("seq"), seq},
                       {QStringLiteral("hash"), QString::fromLatin1(hash)},
                       {QStringLiteral("exported_at"), exportedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

Result<AuditAnchor> AuditAnchor::fromJson(const QJsonObject &json)
{
    AuditAnchor anchor;
    anchor.seq = json.value(QStringLiteral("seq")).toInteger(-1);
    anchor.hash = json.value(QStringLiteral("hash")).toString().toLatin1();
    anchor.exportedAt = QDateTime::fromString(json.value(QStringLiteral("exported_at")).toString(), Qt::ISODateWithMs);
    if (json.value(QStringLiteral("format")).toString() != u"tillbridge-audit-anchor-v1" || anchor.seq < 0
        || anchor.hash.size() != 64) {
        return Error{ErrorCode::InvalidInput, tr("This is not a Tillbridge audit anchor file.")};
    }
    return anchor;
}

Status AuditAnchor::save(const QString &fileName) const
{
    QSaveFile file(fileName);
    const QByteArray text = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        return Error{ErrorCode::Io, tr("Could not write the audit anchor to %1: %2")
                                        .arg(QDir::toNativeSeparators(fileName), file.errorString())};
    }
    return Status::success();
}

Result<AuditAnchor> AuditAnchor::load(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, tr("Could not read the audit anchor %1: %2")
                                        .arg(QDir::toNativeSeparators(fileName), file.errorString())};
    }
    return fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

Result<AuditAnchor> AuditChain::verifiedHead(const QSqlDatabase &db)
{
    auto verification = verify(db);
    if (!verification)
        return verification.error();
    if (!verification->intact) {
        return Error{ErrorCode::Tampered,
                     tr("The audit trail does not verify, so its head is not exported. %1")
                         .arg(verification->explanation)};
    }
    return AuditAnchor{verification->headSeq, verification->headHash, QDateTime::currentDateTimeUtc()};
}

QByteArray AuditChain::genesisHash()
{
    return QByteArray(64, '0');
}

QByteArray AuditChain::canonicalBytes(qint64 seq, const QString &occurredAt, const QString &actor,
                                      const QString &action, const QString &entityType, const QString &entityId,
                                      const QByteArray &detailsJson)
{
    QByteArray out;
    // One allocation: the fixed text, seven length prefixes and separators, and the fields (UTF-8 is at most three
    // bytes per UTF-16 unit).
    out.reserve(20 + 7 * 24 + 3 * (occurredAt.size() + actor.size() + action.size() + entityType.size()
                                   + entityId.size())
                + detailsJson.size());
    out += "tillbridge-audit-v1;";
    appendField(out, DecimalText(seq).view());
    appendField(out, occurredAt);
    appendField(out, actor);
    appendField(out, action);
    appendField(out, entityType);
    appendField(out, entityId);
    appendField(out, QByteArrayView(detailsJson));
    return out;
}

QByteArray AuditChain::chainHash(const QByteArray &prevHashHex, const QByteArray &canonical)
{
    Sha256 hash;
    hash.addData(prevHashHex);
    hash.addData(canonical);
    return hash.result().toHex();
}

Result<AuditAnchor> AuditChain::head(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")))
        return sqlError(query, "head:");
    AuditAnchor anchor;
    anchor.exportedAt = QDateTime::currentDateTimeUtc();
    if (query.next()) {
        anchor.seq = query.value(0).toLongLong();
        anchor.hash = query.value(1).toString().toLatin1();
    } else {
        anchor.hash = genesisHash();
    }
    return anchor;
}

Result<AuditEvent> AuditChain::append(DbTransaction &tx, AuditEvent event)
{
    // QJsonObject keeps its keys sorted, so the compact text is canonical for the same content.
    const QByteArray details = QJsonDocument(event.details).toJson(QJsonDocument::Compact);
    return appendWithDetails(tx, std::move(event), details);
}

Result<AuditEvent> AuditChain::append(DbTransaction &tx, AuditEvent event, const AuditDetails &details)
{
    return appendWithDetails(tx, std::move(event), details.toCompactJson());
}

Result<AuditEvent> AuditChain::appendWithDetails(DbTransaction &tx, AuditEvent event, const QByteArray &details)
{
    if (!tx.isActive())
        return Error{ErrorCode::Database, tr("An audit event can only be written inside an open transaction.")};
    // Both statements are kept prepared for the transaction, values bound straight into SQLite: a page of orders
    // appends hundreds of events.
    auto headQuery = tx.sqlite("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
    if (!headQuery)
        return headQuery.error();
    SqliteStatement &head = **headQuery;
    auto headRow = head.step();
    if (!headRow)
        return appendError(headRow.error());
    qint64 headSeq = 0;
    QByteArray headHash = genesisHash();
    if (*headRow) {
        headSeq = head.columnInt64(0);
        headHash = head.columnText(1).toLatin1();
    }
    head.reset();

    if (!event.occurredAt.isValid())
        event.occurredAt = QDateTime::currentDateTimeUtc();
    const QString occurredAt = dbTime(event.occurredAt);
    event.seq = headSeq + 1;
    event.prevHash = headHash;
    event.hash = chainHash(event.prevHash, canonicalBytes(event.seq, occurredAt, event.actor, event.action,
                                                          event.entityType, event.entityId, details));

    auto insertQuery = tx.sqlite(
        "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, entity_id, details, prev_hash, "
        "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insertQuery)
        return insertQuery.error();
    SqliteStatement &insert = **insertQuery;
    insert.bind(1, event.seq);
    insert.bind(2, occurredAt);
    insert.bind(3, event.actor);
    insert.bind(4, event.action);
    insert.bind(5, event.entityType);
    insert.bind(6, event.entityId);
    insert.bindUtf8(7, details);
    insert.bindUtf8(8, event.prevHash);
    insert.bindUtf8(9, event.hash);
    if (auto inserted = insert.execute(); !inserted)
        return appendError(inserted.error());
    return event;
}

Result<AuditVerification> AuditChain::verify(const QSqlDatabase &db, const std::optional<AuditAnchor> &anchor,
                                             const std::function<bool(qint64)> &progress)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT seq, occurred_at, actor, action, entity_type, entity_id, details, "
                                   "prev_hash, hash FROM audit_events ORDER BY seq")))
        return sqlError(query, "verify:");

    AuditVerification result;
    QByteArray previousHash = genesisHash();       // hash of entry n-1
    QByteArray beforePreviousHash;                 // hash of entry n-2, to recognise an inserted entry n-1
    qint64 expectedSeq = 1;
    bool anchorSeen = false;

    auto fail = [&result](qint64 seq, AuditVerification::Problem problem, const QString &explanation) {
        result.intact = false;
        result.firstBadSeq = seq;
        result.problem = problem;
        result.explanation = explanation;
        return result;
    };

    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        const QByteArray prevHash = query.value(7).toString().toLatin1();
        const QByteArray storedHash = query.value(8).toString().toLatin1();
        if (seq != expectedSeq) {
            return fail(expectedSeq, AuditVerification::Problem::Missing,
                        tr("Audit entry %1 is missing: the trail jumps from entry %2 to entry %3.")
                            .arg(expectedSeq)
                            .arg(expectedSeq - 1)
                            .arg(seq));
        }
        if (prevHash != previousHash) {
            if (!beforePreviousHash.isEmpty() && prevHash == beforePreviousHash) {
                return fail(seq - 1, AuditVerification::Problem::Inserted,
                            tr("Audit entry %1 was inserted: entry %2 continues from entry %3, not from it.")
                                .arg(seq - 1)
                                .arg(seq)
                                .arg(seq - 2));
            }
            return fail(seq, AuditVerification::Problem::BrokenLink,
                        tr("Audit entry %1 does not continue from entry %2: entries were moved, swapped or "
                           "replaced.")
                            .arg(seq)
                            .arg(seq - 1));
        }
        const QByteArray canonical = canonicalBytes(seq, query.value(1).toString(), query.value(2).toString(),
                                                    query.value(3).toString(), query.value(4).toString(),
                                                    query.value(5).toString(), query.value(6).toString().toUtf8());
        if (chainHash(prevHash, canonical) != storedHash) {
            return fail(seq, AuditVerification::Problem::Modified,
                        tr("Audit entry %1 was changed after it was written: its content no longer matches its "
                           "hash.")
                            .arg(seq));
        }
        if (anchor && seq == anchor->seq) {
            anchorSeen = true;
            if (storedHash != anchor->hash) {
                return fail(seq, AuditVerification::Problem::AnchorMismatch,
                            tr("Audit entry %1 is not the entry that was anchored: the trail was rebuilt.").arg(seq));
            }
        }
        beforePreviousHash = previousHash;
        previousHash = storedHash;
        result.entries = seq;
        ++expectedSeq;
        if (progress && seq % 4096 == 0 && !progress(seq))
            return Error{ErrorCode::InvalidInput, tr("Verification was cancelled.")};
    }
    if (query.lastError().isValid())
        return sqlError(query, "verify:");

    result.headSeq = result.entries;
    result.headHash = previousHash;
    if (anchor && anchor->seq > 0 && !anchorSeen) {
        return fail(result.entries + 1, AuditVerification::Problem::Truncated,
                    tr("The audit trail ends at entry %1, but entry %2 was anchored: entries were removed from the "
                       "end.")
                        .arg(result.entries)
                        .arg(anchor->seq));
    }
    result.intact = true;
    result.explanation = result.entries == 0
                             ? tr("The audit trail is empty.")
                             : tr("All %1 audit entries verify; the chain is intact.").arg(result.entries);
    return result;
}

} // namespace Tillbridge::Core
