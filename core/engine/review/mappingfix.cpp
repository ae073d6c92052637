// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/review/mappingfix.h"

namespace Tillbridge::Core {

std::optional<MappingFix> mappingFixFor(const ExceptionRecord &record, const QString &sitooStoreId)
{
    // The detail keys are the ones OrderValidator writes for each kind.
    auto fix = [&record](MappingKind kind, const char *detail) -> std::optional<MappingFix> {
        const QString key = record.details.value(QLatin1StringView(detail)).toString().trimmed();
        if (key.isEmpty())
            return std::nullopt;
        return MappingFix{kind, key};
    };
    switch (record.kind) {
    case ExceptionKind::UnmappedPaymentMethod:
        return fix(MappingKind::PaymentMethod, "paymentMethod");
    case ExceptionKind::UnmappedTaxRate:
        return fix(MappingKind::TaxRate, "rate");
    case ExceptionKind::UnmappedPromotion:
        return fix(MappingKind::Promotion, "voucherCode");
    case ExceptionKind::UnmappedStore:
        if (!sitooStoreId.trimmed().isEmpty())
            return MappingFix{MappingKind::Store, sitooStoreId.trimmed()};
        return fix(MappingKind::Store, "storeExternalId");
    default:
        return std::nullopt;
    }
}

} // namespace Tillbridge::Core
