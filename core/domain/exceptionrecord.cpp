// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/exceptionrecord.h"

#include <QCoreApplication>

#include <array>

namespace Tillbridge::Core {

namespace {
struct KindInfo
{
    ExceptionKind kind;
    const char *code;
    OwnerTeam owner;
    Severity severity;
    const char *title;
};

// The table of product.md. Titles are marked for translation here and translated in ExceptionKinds::title().
constexpr std::array kKinds{
    KindInfo{ExceptionKind::UnknownSku, "UNKNOWN_SKU", OwnerTeam::Data, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Unknown SKU")},
    KindInfo{ExceptionKind::SkuBlocked, "SKU_BLOCKED", OwnerTeam::Data, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "SKU blocked in Prima")},
    KindInfo{ExceptionKind::TotalsMismatch, "TOTALS_MISMATCH", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Totals do not add up")},
    KindInfo{ExceptionKind::TaxVariance, "TAX_VARIANCE", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "VAT variance")},
    KindInfo{ExceptionKind::TaxRoundingMethod, "TAX_ROUNDING_METHOD", OwnerTeam::Finance, Severity::Info,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "VAT rounding method differs")},
    KindInfo{ExceptionKind::UnmappedTaxRate, "UNMAPPED_TAX_RATE", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "VAT rate not mapped")},
    KindInfo{ExceptionKind::UnmappedPaymentMethod, "UNMAPPED_PAYMENT_METHOD", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Payment method not mapped")},
    KindInfo{ExceptionKind::UnmappedPromotion, "UNMAPPED_PROMOTION", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Promotion not mapped")},
    KindInfo{ExceptionKind::UnmappedStore, "UNMAPPED_STORE", OwnerTeam::RetailOps, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Store not mapped")},
    KindInfo{ExceptionKind::CurrencyMismatch, "CURRENCY_MISMATCH", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Currency differs from the store's")},
    KindInfo{ExceptionKind::ReturnWithoutOriginal, "RETURN_WITHOUT_ORIGINAL", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Return without original sale")},
    KindInfo{ExceptionKind::ReturnExceedsOriginal, "RETURN_EXCEEDS_ORIGINAL", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Return exceeds original sale")},
    KindInfo{ExceptionKind::DuplicateOrder, "DUPLICATE_ORDER", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Duplicate receipt with different content")},
    KindInfo{ExceptionKind::MalformedOrder, "MALFORMED_ORDER", OwnerTeam::Data, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Order could not be read")},
    KindInfo{ExceptionKind::PostingFailed, "POSTING_FAILED", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Prima rejected the posting")},
    KindInfo{ExceptionKind::PeriodClosed, "PERIOD_CLOSED", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Posting date in a closed period")},
    KindInfo{ExceptionKind::CatalogOnlyInSitoo, "CATALOG_ONLY_IN_SITOO", OwnerTeam::Data, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "SKU only in Sitoo")},
    KindInfo{ExceptionKind::CatalogOnlyInPrima, "CATALOG_ONLY_IN_PRIMA", OwnerTeam::Data, Severity::Warning,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "SKU missing from Sitoo")},
    KindInfo{ExceptionKind::CatalogFieldMismatch, "CATALOG_FIELD_MISMATCH", OwnerTeam::Data, Severity::Warning,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Catalogue field differs")},
    KindInfo{ExceptionKind::StockPushFailed, "STOCK_PUSH_FAILED", OwnerTeam::RetailOps, Severity::Warning,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Stock level not written to Sitoo")},
    KindInfo{ExceptionKind::PayoutVariance, "PAYOUT_VARIANCE", OwnerTeam::Finance, Severity::Blocking,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Takings differ from the ledger")},
    KindInfo{ExceptionKind::StoreFeedSilent, "STORE_FEED_SILENT", OwnerTeam::RetailOps, Severity::Warning,
             QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionKinds", "Store feed silent")},
};

// info() indexes the table by the enum's value, so the table must list the kinds in declaration order.
constexpr bool kindsInDeclarationOrder()
{
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        if (static_cast<std::size_t>(kKinds[i].kind) != i)
            return false;
    }
    return true;
}
static_assert(kindsInDeclarationOrder(), "kKinds must follow the order of enum ExceptionKind");
static_assert(kKinds.size() == static_cast<std::size_t>(ExceptionKind::StoreFeedSilent) + 1);

const KindInfo &info(ExceptionKind kind)
{
    return kKinds[static_cast<std::size_t>(kind)];
}

template<typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, const char *>, N> &table, const QString &code)
{
    for (const auto &[value, text] : table) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QString codeOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return QString::fromLatin1(text);
    }
    return {};
}

constexpr std::array kOwnerCodes{
    std::pair{OwnerTeam::Finance, "finance"},
    std::pair{OwnerTeam::RetailOps, "retail-ops"},
    std::pair{OwnerTeam::Data, "data"},
};
constexpr std::array kSeverityCodes{
    std::pair{Severity::Blocking, "blocking"},
    std::pair{Severity::Warning, "warning"},
    std::pair{Severity::Info, "info"},
};
constexpr std::array kStateCodes{
    std::pair{ExceptionState::Open, "open"},
    std::pair{ExceptionState::Assigned, "assigned"},
    std::pair{ExceptionState::Resolved, "resolved"},
    std::pair{ExceptionState::Approved, "approved"},
    std::pair{ExceptionState::Rejected, "rejected"},
    std::pair{ExceptionState::AutoResolved, "auto-resolved"},
};
} // namespace

namespace ExceptionKinds {

QList<ExceptionKind> all()
{
    QList<ExceptionKind> kinds;
    for (const auto &entry : kKinds)
        kinds.append(entry.kind);
    return kinds;
}

QString code(ExceptionKind kind)
{
    return QString::fromLatin1(info(kind).code);
}

std::optional<ExceptionKind> fromCode(const QString &code)
{
    for (const auto &entry : kKinds) {
        if (code == QLatin1StringView(entry.code))
            return entry.kind;
    }
    return std::nullopt;
}

OwnerTeam owner(ExceptionKind kind)
{
    return info(kind).owner;
}

Severity defaultSeverity(ExceptionKind kind)
{
    return info(kind).severity;
}

QString title(ExceptionKind kind)
{
    return QCoreApplication::translate("Tillbridge::Core::ExceptionKinds", info(kind).title);
}

} // namespace ExceptionKinds

ExceptionRecord ExceptionRecord::open(ExceptionKind kind, QString entityType, QString entityId, QString explanation,
                                      QJsonObject details, qint64 storeId)
{
    ExceptionRecord record;
    record.kind = kind;
    record.severity = ExceptionKinds::defaultSeverity(kind);
    record.owner = ExceptionKinds::owner(kind);
    record.storeId = storeId;
    record.entityType = std::move(entityType);
    record.entityId = std::move(entityId);
    record.explanation = std::move(explanation);
    record.details = std::move(details);
    record.state = ExceptionState::Open;
    return record;
}

QString ownerTeamCode(OwnerTeam team)
{
    return codeOf(kOwnerCodes, team);
}

std::optional<OwnerTeam> ownerTeamFromCode(const QString &code)
{
    return lookup(kOwnerCodes, code);
}

QString ownerTeamTitle(OwnerTeam team)
{
    switch (team) {
    case OwnerTeam::Finance:
        return QCoreApplication::translate("Tillbridge::Core::OwnerTeam", "Finance");
    case OwnerTeam::RetailOps:
        return QCoreApplication::translate("Tillbridge::Core::OwnerTeam", "Retail operations");
    case OwnerTeam::Data:
        return QCoreApplication::translate("Tillbridge::Core::OwnerTeam", "Data team");
    }
    return {};
}

QString severityCode(Severity severity)
{
    return codeOf(kSeverityCodes, severity);
}

std::optional<Severity> severityFromCode(const QString &code)
{
    return lookup(kSeverityCodes, code);
}

QString exceptionStateCode(ExceptionState state)
{
    return codeOf(kStateCodes, state);
}

std::optional<ExceptionState> exceptionStateFromCode(const QString &code)
{
    return lookup(kStateCodes, code);
}

bool isTerminal(ExceptionState state)
{
    return state != ExceptionState::Open && state != ExceptionState::Assigned;
}

} // namespace Tillbridge::Core
