// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** The exception kinds of product.md. Their codes are stable: database, CLI output, exports and tests use them. */
enum class ExceptionKind {
    UnknownSku,
    SkuBlocked,
    TotalsMismatch,
    TaxVariance,
    TaxRoundingMethod,
    UnmappedTaxRate,
    UnmappedPaymentMethod,
    UnmappedPromotion,
    UnmappedStore,
    CurrencyMismatch,
    ReturnWithoutOriginal,
    ReturnExceedsOriginal,
    DuplicateOrder,
    MalformedOrder,
    PostingFailed,
    PeriodClosed,
    CatalogOnlyInSitoo,
    CatalogOnlyInPrima,
    CatalogFieldMismatch,
    StockPushFailed,
    PayoutVariance,
    StoreFeedSilent,
};

/** The team that owns an exception kind and works it. */
enum class OwnerTeam { Finance, RetailOps, Data };

/** Blocking exceptions stop an order from posting and a period from closing; info never blocks. */
enum class Severity { Blocking, Warning, Info };

/** open → assigned → resolved | approved | rejected | auto-resolved */
enum class ExceptionState { Open, Assigned, Resolved, Approved, Rejected, AutoResolved };

namespace ExceptionKinds {
QList<ExceptionKind> all();
QString code(ExceptionKind kind); ///< "UNKNOWN_SKU", ...
std::optional<ExceptionKind> fromCode(const QString &code);
OwnerTeam owner(ExceptionKind kind);
Severity defaultSeverity(ExceptionKind kind);
QString title(ExceptionKind kind); ///< translated short title for people ("Unknown SKU")
} // namespace ExceptionKinds

QString ownerTeamCode(OwnerTeam team); ///< "finance", "retail-ops", "data"
std::optional<OwnerTeam> ownerTeamFromCode(const QString &code);
QString ownerTeamTitle(OwnerTeam team);

QString severityCode(Severity severity); ///< "blocking", "warning", "info"
std::optional<Severity> severityFromCode(const QString &code);

QString exceptionStateCode(ExceptionState state); ///< "open", "assigned", ..., "auto-resolved"
std::optional<ExceptionState> exceptionStateFromCode(const QString &code);
bool isTerminal(ExceptionState state);

/** An exception raised before something reaches the ledger, with an explanation a finance person can act on. */
struct ExceptionRecord
{
    qint64 id = 0;
    ExceptionKind kind = ExceptionKind::MalformedOrder;
    Severity severity = Severity::Blocking;
    OwnerTeam owner = OwnerTeam::Data;
    qint64 storeId = 0;    ///< 0 when not tied to a store
    QString entityType;    ///< "order", "sku", "store-day", ...
    QString entityId;
    QString explanation;   ///< with the numbers: "Lines 413.76 + VAT 103.44 = 517.20; order total 517.21; ..."
    QJsonObject details;   ///< machine-readable figures behind the explanation
    ExceptionState state = ExceptionState::Open;
    QString assignedTo;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString resolutionReason;
    QString madeBy;        ///< maker of an override
    QString approvedBy;    ///< checker; never the maker

    /** A new, open exception of `kind`, with the owner team and severity the kind's table gives. */
    static ExceptionRecord open(ExceptionKind kind, QString entityType, QString entityId, QString explanation,
                                QJsonObject details = {}, qint64 storeId = 0);
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::ExceptionRecord)
