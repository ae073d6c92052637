// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/domain/posorder.h"
#include "core/result.h"
#include "core/storage/exceptionrepository.h"
#include "core/storage/outboxrepository.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** One VAT rate of an order recomputed: what the lines carry against what the rate gives on their net amount. */
struct VatRecomputation
{
    VatRate rate;
    Money net;         ///< Σ line net at this rate
    Money vatOnOrder;  ///< Σ line VAT at this rate, as Sitoo sent it
    Money vatExpected; ///< net × rate, rounded half away from zero once per rate
    Money difference;  ///< vatOnOrder − vatExpected
    int lines = 0;
};

/** The arithmetic behind an order's totals, for the person deciding about it. */
struct OrderRecomputation
{
    Money linesNet;
    Money linesVat;
    Money rounding;
    Money computedTotal; ///< linesNet + linesVat + rounding
    Money orderTotal;    ///< what the order says it is
    Money difference;    ///< orderTotal − computedTotal
    QList<VatRecomputation> byRate;
};

/**
 * Everything the exception queue's detail pane shows about one exception, read in one go off the GUI thread: the
 * exception and its history, the order with its lines, the recomputation that explains a variance, the raw Sitoo
 * payload, and for a posting what Prima answered.
 */
struct ExceptionDetail
{
    ExceptionRecord record;
    QString storeName;
    std::optional<qint64> posOrderId;
    std::optional<PosOrder> order;
    QString orderState;
    bool malformed = false;
    std::optional<OrderRecomputation> recomputation;
    QByteArray rawPayload; ///< indented JSON as Sitoo sent it (or the bytes themselves if they are not JSON)
    QList<ExceptionHistoryEntry> history;
    QList<ExceptionRecord> otherOpen; ///< other open exceptions of the same order
    std::optional<OutboxEntry> outbox;
    QList<PostingAttempt> attempts; ///< Prima's answers, oldest first

    static Result<ExceptionDetail> load(const QSqlDatabase &db, qint64 exceptionId);
    /** The recomputation of an order's totals and VAT per rate (pure). */
    static Result<OrderRecomputation> recompute(const PosOrder &order);
};

} // namespace Tillbridge::Core
