// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/close/closetypes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Tillbridge::Core {

namespace {

struct GateInfo
{
    CloseGate gate;
    const char *code;
    const char *title;
};

constexpr GateInfo kGates[] = {
    {CloseGate::StoresSynced, "stores-synced",
     QT_TRANSLATE_NOOP("Tillbridge::Core::CloseGates", "Every store synced through period end")},
    {CloseGate::NothingUnposted, "nothing-unposted",
     QT_TRANSLATE_NOOP("Tillbridge::Core::CloseGates", "Nothing left unposted")},
    {CloseGate::NoBlockingExceptions, "no-blocking-exceptions",
     QT_TRANSLATE_NOOP("Tillbridge::Core::CloseGates", "No open blocking exceptions")},
    {CloseGate::PayoutsMatched, "payouts-matched",
     QT_TRANSLATE_NOOP("Tillbridge::Core::CloseGates", "Payouts matched within tolerance")},
    {CloseGate::TaxVarianceReviewed, "tax-variance-reviewed",
     QT_TRANSLATE_NOOP("Tillbridge::Core::CloseGates", "Tax variance reviewed")},
    {CloseGate::SkuAuditClean, "sku-audit-clean",
     QT_TRANSLATE_NOOP("Tillbridge::Core::CloseGates", "SKU audit clean")},
};

} // namespace

QList<CloseGate> CloseGates::all()
{
    QList<CloseGate> gates;
    for (const GateInfo &info : kGates)
        gates.append(info.gate);
    return gates;
}

QString CloseGates::code(CloseGate gate)
{
    for (const GateInfo &info : kGates) {
        if (info.gate == gate)
            return QLatin1StringView(info.code);
    }
    return {};
}

std::optional<CloseGate> CloseGates::fromCode(const QString &code)
{
    for (const GateInfo &info : kGates) {
        if (code == QLatin1StringView(info.code))
            return info.gate;
    }
    return std::nullopt;
}

QString CloseGates::title(CloseGate gate)
{
    for (const GateInfo &info : kGates) {
        if (info.gate == gate)
            return QCoreApplication::translate("Tillbridge::Core::CloseGates", info.title);
    }
    return {};
}

QList<CloseGate> CloseGates::dependencies(CloseGate gate)
{
    // Posting completeness needs the orders in; exceptions and payouts are only final once everything is posted;
    // tax variance is reviewed on reconciled days. The SKU audit stands on its own.
    switch (gate) {
    case CloseGate::StoresSynced:
    case CloseGate::SkuAuditClean:
        return {};
    case CloseGate::NothingUnposted:
        return {CloseGate::StoresSynced};
    case CloseGate::NoBlockingExceptions:
    case CloseGate::PayoutsMatched:
        return {CloseGate::NothingUnposted};
    case CloseGate::TaxVarianceReviewed:
        return {CloseGate::PayoutsMatched};
    }
    return {};
}

Result<ClosePeriod> ClosePeriod::parse(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(code);
    const QDate first = match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
    if (!first.isValid()) {
        return Error{ErrorCode::InvalidInput,
                     QCoreApplication::translate("Tillbridge::Core::ClosePeriod",
                                                 "\"%1\" is not a period; write it as YYYY-MM, e.g. 2026-10.")
                         .arg(code)};
    }
    return ClosePeriod{code, first, first.addMonths(1).addDays(-1)};
}

ClosePeriod ClosePeriod::containing(QDate day)
{
    const QDate first(day.year(), day.month(), 1);
    return ClosePeriod{day.toString(QStringLiteral("yyyy-MM")), first, first.addMonths(1).addDays(-1)};
}

bool CloseStatus::allGatesPass() const
{
    return std::all_of(gates.cbegin(), gates.cend(), [](const GateEvaluation &gate) { return gate.passes; });
}

bool CloseStatus::allGatesSigned() const
{
    return std::all_of(gates.cbegin(), gates.cend(),
                       [](const GateEvaluation &gate) { return gate.signoff.has_value(); });
}

const GateEvaluation *CloseStatus::gate(CloseGate which) const
{
    for (const GateEvaluation &evaluation : gates) {
        if (evaluation.gate == which)
            return &evaluation;
    }
    return nullptr;
}

} // namespace Tillbridge::Core
