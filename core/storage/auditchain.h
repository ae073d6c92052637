// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/auditevent.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Tillbridge::Core {

class AuditDetails;
class DbTransaction;

/** The chain head exported outside the database, so that truncation or a rebuilt chain can be detected. */
struct AuditAnchor
{
    qint64 seq = 0;
    QByteArray hash; ///< hex
    QDateTime exportedAt;

    QJsonObject toJson() const;
    static Result<AuditAnchor> fromJson(const QJsonObject &json);

    /** Writes the anchor as JSON; loads one back. Errors are written for people. */
    Status save(const QString &fileName) const;
    static Result<AuditAnchor> load(const QString &fileName);
};

/** What verify() found. When intact is false, firstBadSeq names the first entry that cannot be trusted. */
struct AuditVerification
{
    enum class Problem {
        None,
        Modified,       ///< the entry's content no longer matches its hash
        Missing,        ///< an entry was deleted (a gap in the sequence)
        Inserted,       ///< an entry that does not belong was inserted before its successor
        BrokenLink,     ///< the entry does not continue from the one before it (moved or swapped)
        Truncated,      ///< the chain ends before the exported anchor
        AnchorMismatch, ///< the entry at the anchor's position is not the anchored one (chain rebuilt)
    };

    bool intact = false;
    qint64 entries = 0;
    qint64 headSeq = 0;
    QByteArray headHash;
    qint64 firstBadSeq = 0;
    Problem problem = Problem::None;
    QString explanation; ///< translated, for people
};

QString auditProblemCode(AuditVerification::Problem problem); ///< "modified", "missing", ... for the CLI

/**
 * The append-only, hash-chained audit trail (reliability.md §4.2): hash_n = SHA-256(hash_{n-1} || canonical(entry_n)).
 * Triggers refuse UPDATE and DELETE and any insert that does not extend the head; verify() detects what someone
 * with raw write access did after dropping them.
 */
class AuditChain
{
public:
    static QByteArray genesisHash(); ///< 64 hex zeros: the "previous hash" of entry 1

    /** The exact bytes that are hashed for an entry (every field but the hashes, length-prefixed). */
    static QByteArray canonicalBytes(qint64 seq, const QString &occurredAt, const QString &actor,
                                     const QString &action, const QString &entityType, const QString &entityId,
                                     const QByteArray &detailsJson);
    static QByteArray chainHash(const QByteArray &prevHashHex, const QByteArray &canonical);

    /**
     * Appends an event at the head of the chain, inside the caller's transaction (the state change and its audit
     * event commit or fail together). Fills in seq, occurredAt (if empty), prevHash and hash.
     */
    static Result<AuditEvent> append(DbTransaction &tx, AuditEvent event);

    /**
     * The same with the details written by AuditDetails (the same text QJsonDocument would write for them) instead
     * of event.details, which stays empty: for the entries the engine appends for every order.
     */
    static Result<AuditEvent> append(DbTransaction &tx, AuditEvent event, const AuditDetails &details);

    /**
     * The head of a chain that verifies, ready to be anchored. A broken chain gives ErrorCode::Tampered: anchoring
     * it would bless whatever broke it.
     */
    static Result<AuditAnchor> verifiedHead(const QSqlDatabase &db);

    /** The current head; seq 0 and the genesis hash for an empty chain. */
    static Result<AuditAnchor> head(const QSqlDatabase &db);

    /**
     * Re-computes the whole chain in order. With an anchor, also proves the chain still reaches it unchanged.
     * `progress` (optional) is called every few thousand entries with the number checked; return false to cancel.
     */
    static Result<AuditVerification> verify(const QSqlDatabase &db, const std::optional<AuditAnchor> &anchor = {},
                                            const std::function<bool(qint64)> &progress = {});

private:
    static Result<AuditEvent> appendWithDetails(DbTransaction &tx, AuditEvent event, const QByteArray &details);
};

} // namespace Tillbridge::Core
