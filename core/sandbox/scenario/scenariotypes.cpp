// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/scenario/scenariotypes.h"

#include "core/domain/exceptionrecord.h"

namespace Tillbridge::Sandbox {

using namespace Qt::StringLiterals;

QString regionCode(Region region)
{
    return region == Region::UnitedKingdom ? u"uk"_s : u"se"_s;
}

QString catalogueStatusCode(CatalogueStatus status)
{
    return status == CatalogueStatus::Active ? u"active"_s : u"discontinued"_s;
}

std::optional<CataloguePrice> CatalogueItem::priceIn(const Core::Currency &currency) const
{
    if (currency == gbp.grossPrice.currency())
        return gbp;
    if (currency == sek.grossPrice.currency())
        return sek;
    return std::nullopt;
}

QString defectTypeCode(DefectType type)
{
    switch (type) {
    case DefectType::UnknownSku:
        return u"unknown-sku"_s;
    case DefectType::PosCreatedProduct:
        return u"pos-created-product"_s;
    case DefectType::PosCreatedSkuSale:
        return u"pos-created-sku-sale"_s;
    case DefectType::UnmappedPaymentMethod:
        return u"unmapped-payment-method"_s;
    case DefectType::VatTieHalfEven:
        return u"vat-tie-half-even"_s;
    case DefectType::TotalsOffByOne:
        return u"totals-off-by-one"_s;
    case DefectType::LateOfflineSale:
        return u"late-offline-sale"_s;
    case DefectType::DuplicateReceipt:
        return u"duplicate-receipt"_s;
    case DefectType::RefundExceedsSale:
        return u"refund-exceeds-sale"_s;
    case DefectType::MalformedField:
        return u"malformed-field"_s;
    }
    return QString();
}

QString defectExceptionCode(DefectType type)
{
    using Core::ExceptionKind;
    switch (type) {
    case DefectType::UnknownSku:
    case DefectType::PosCreatedSkuSale:
        return Core::ExceptionKinds::code(ExceptionKind::UnknownSku);
    case DefectType::PosCreatedProduct:
        return Core::ExceptionKinds::code(ExceptionKind::CatalogOnlyInSitoo);
    case DefectType::UnmappedPaymentMethod:
        return Core::ExceptionKinds::code(ExceptionKind::UnmappedPaymentMethod);
    case DefectType::VatTieHalfEven:
        return Core::ExceptionKinds::code(ExceptionKind::TaxRoundingMethod);
    case DefectType::TotalsOffByOne:
        return Core::ExceptionKinds::code(ExceptionKind::TotalsMismatch);
    case DefectType::LateOfflineSale:
        // Valid on purpose: the only thing that can go wrong is a date cursor missing it.
        return QString();
    case DefectType::DuplicateReceipt:
        return Core::ExceptionKinds::code(ExceptionKind::DuplicateOrder);
    case DefectType::RefundExceedsSale:
        return Core::ExceptionKinds::code(ExceptionKind::ReturnExceedsOriginal);
    case DefectType::MalformedField:
        return Core::ExceptionKinds::code(ExceptionKind::MalformedOrder);
    }
    return QString();
}

} // namespace Tillbridge::Sandbox
