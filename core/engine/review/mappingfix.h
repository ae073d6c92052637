// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"
#include "core/storage/mappingrepository.h"

#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** The mapping that would fix an exception, with the Sitoo value it needs already known. */
struct MappingFix
{
    MappingKind kind = MappingKind::PaymentMethod;
    QString sourceKey; ///< as Sitoo sends it: "Swish", "25", "SUMMER10", the Sitoo store id
};

/**
 * For an UNMAPPED_* exception, the mapping to add: its kind and the Sitoo value from the figures the validator stored
 * with it (the payment method, the VAT rate, the voucher code). A store without a Prima location is mapped by its
 * Sitoo store id, which the exception only knows through its store: pass it as @p sitooStoreId. Nothing for any other
 * kind, or when the figures do not name the value.
 */
std::optional<MappingFix> mappingFixFor(const ExceptionRecord &record, const QString &sitooStoreId = {});

} // namespace Tillbridge::Core
