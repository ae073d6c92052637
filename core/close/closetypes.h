// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** The gates of the month-end close checklist (product.md step 8), in walkthrough order. */
enum class CloseGate {
    StoresSynced,         ///< every active store's orders were pulled past the period's end
    NothingUnposted,      ///< no order of the period still waits to be posted to Prima
    NoBlockingExceptions, ///< no open blocking exception concerns the period (accepted overrides are closed)
    PayoutsMatched,       ///< every store-day with sales reconciled, and no open payout variance
    TaxVarianceReviewed,  ///< tax variance aggregated for every store-day; passes on a person's sign-off
    SkuAuditClean,        ///< a SKU audit ran in the period and no blocking catalogue exception is open
};

namespace CloseGates {
QList<CloseGate> all();
QString code(CloseGate gate); ///< "stores-synced", ... (stable: database, CLI, close pack)
std::optional<CloseGate> fromCode(const QString &code);
QString title(CloseGate gate); ///< translated
/** The gates that must be signed before this one can be. */
QList<CloseGate> dependencies(CloseGate gate);
} // namespace CloseGates

/** The sign-off code of the period itself, stored next to the gates' ones. */
inline QString periodSignoffCode()
{
    return QStringLiteral("period");
}

/** A month "YYYY-MM" and its first and last day. */
struct ClosePeriod
{
    QString code;
    QDate first;
    QDate last;

    static Result<ClosePeriod> parse(const QString &code);
    static ClosePeriod containing(QDate day);
};

/** A person's sign-off of a gate or of the period. */
struct CloseSignoff
{
    qint64 id = 0;
    QString gate;
    QString signedBy;
    QDateTime signedAt;
    QString comment;
    QJsonObject evidence; ///< the gate's figures when it was signed
};

/** What the data says about one gate now. */
struct GateEvaluation
{
    CloseGate gate = CloseGate::StoresSynced;
    bool passes = false;     ///< the data condition holds
    QString explanation;     ///< for people, with the numbers
    QJsonObject evidence;    ///< the figures behind it
    QList<CloseGate> blockedBy; ///< dependencies not signed yet
    std::optional<CloseSignoff> signoff;
};

/** A re-open request of a locked period (maker-checker). */
struct ReopenRequest
{
    qint64 id = 0;
    QString period;
    QString requestedBy;
    QDateTime requestedAt;
    QString reason;
    QString state; ///< "pending", "approved", "rejected"
    QString decidedBy;
    QDateTime decidedAt;
};

/** The close of one period: its gates, sign-offs and lock. */
struct CloseStatus
{
    ClosePeriod period;
    QList<GateEvaluation> gates;
    std::optional<CloseSignoff> periodSignoff;
    bool locked = false;
    QString lockedBy;
    QDateTime lockedAt;
    QList<ReopenRequest> reopenRequests;

    bool allGatesPass() const;
    bool allGatesSigned() const;
    const GateEvaluation *gate(CloseGate gate) const;
};

} // namespace Tillbridge::Core
