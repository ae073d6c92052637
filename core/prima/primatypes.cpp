// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prima/primatypes.h"

#include <array>
#include <utility>

namespace Tillbridge::Core {

namespace {

template<typename Enum, std::size_t N>
QString codeOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[entry, code] : table) {
        if (entry == value)
            return QString::fromLatin1(code);
    }
    return {};
}

template<typename Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char *>, N> &table, QStringView text, Enum fallback)
{
    for (const auto &[entry, code] : table) {
        if (text == QLatin1StringView(code))
            return entry;
    }
    return fallback;
}

constexpr std::array<std::pair<PrimaErrorCode, const char *>, 13> kErrorCodes{{
    {PrimaErrorCode::UnknownSku, "UNKNOWN_SKU"},
    {PrimaErrorCode::SkuBlocked, "SKU_BLOCKED"},
    {PrimaErrorCode::UnknownLocation, "UNKNOWN_LOCATION"},
    {PrimaErrorCode::UnknownTaxCode, "UNKNOWN_TAX_CODE"},
    {PrimaErrorCode::TaxMismatch, "TAX_MISMATCH"},
    {PrimaErrorCode::TotalsMismatch, "TOTALS_MISMATCH"},
    {PrimaErrorCode::PeriodClosed, "PERIOD_CLOSED"},
    {PrimaErrorCode::DuplicateExternalRef, "DUPLICATE_EXTERNAL_REF"},
    {PrimaErrorCode::IdempotencyKeyReused, "IDEMPOTENCY_KEY_REUSED"},
    {PrimaErrorCode::IdempotencyInProgress, "IDEMPOTENCY_IN_PROGRESS"},
    {PrimaErrorCode::ValidationFailed, "VALIDATION_FAILED"},
    {PrimaErrorCode::RateLimited, "RATE_LIMITED"},
    {PrimaErrorCode::Unavailable, "UNAVAILABLE"},
}};

constexpr std::array<std::pair<PrimaItemStatus, const char *>, 3> kItemStatuses{{
    {PrimaItemStatus::Active, "ACTIVE"},
    {PrimaItemStatus::Discontinued, "DISCONTINUED"},
    {PrimaItemStatus::Blocked, "BLOCKED"},
}};

constexpr std::array<std::pair<PrimaLocationType, const char *>, 2> kLocationTypes{{
    {PrimaLocationType::Store, "STORE"},
    {PrimaLocationType::Warehouse, "WAREHOUSE"},
}};

constexpr std::array<std::pair<PrimaPeriodStatus, const char *>, 3> kPeriodStatuses{{
    {PrimaPeriodStatus::Open, "OPEN"},
    {PrimaPeriodStatus::SoftClosed, "SOFT_CLOSED"},
    {PrimaPeriodStatus::Closed, "CLOSED"},
}};

constexpr std::array<std::pair<PrimaWriteOutcome, const char *>, 5> kWriteOutcomes{{
    {PrimaWriteOutcome::Posted, "posted"},
    {PrimaWriteOutcome::Rejected, "rejected"},
    {PrimaWriteOutcome::Transient, "transient"},
    {PrimaWriteOutcome::Unknown, "unknown"},
    {PrimaWriteOutcome::Configuration, "configuration"},
}};

} // namespace

QString primaErrorCodeString(PrimaErrorCode code)
{
    return codeOf(kErrorCodes, code);
}

PrimaErrorCode primaErrorCodeFromString(QStringView text)
{
    return valueOf(kErrorCodes, text, PrimaErrorCode::Other);
}

QString primaItemStatusString(PrimaItemStatus status)
{
    return codeOf(kItemStatuses, status);
}

PrimaItemStatus primaItemStatusFromString(QStringView text)
{
    return valueOf(kItemStatuses, text, PrimaItemStatus::Unknown);
}

QString primaLocationTypeString(PrimaLocationType type)
{
    return codeOf(kLocationTypes, type);
}

PrimaLocationType primaLocationTypeFromString(QStringView text)
{
    return valueOf(kLocationTypes, text, PrimaLocationType::Unknown);
}

QString primaPeriodStatusString(PrimaPeriodStatus status)
{
    return codeOf(kPeriodStatuses, status);
}

PrimaPeriodStatus primaPeriodStatusFromString(QStringView text)
{
    return valueOf(kPeriodStatuses, text, PrimaPeriodStatus::Unknown);
}

QString primaWriteOutcomeName(PrimaWriteOutcome outcome)
{
    return codeOf(kWriteOutcomes, outcome);
}

QString PrimaError::summary() const
{
    QString text;
    if (httpStatus > 0)
        text += QString::number(httpStatus);
    const QString shownCode = codeText.isEmpty() ? primaErrorCodeString(code) : codeText;
    if (!shownCode.isEmpty()) {
        if (!text.isEmpty())
            text += u' ';
        text += shownCode;
    }
    const QString what = detail.isEmpty() ? title : detail;
    if (!what.isEmpty()) {
        if (!text.isEmpty())
            text += QStringLiteral(": ");
        text += what;
    }
    return text;
}

} // namespace Tillbridge::Core
