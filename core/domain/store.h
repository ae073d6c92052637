// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/currency.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** The VAT rules a store's sales follow (reliability.md §3.3-3.5). */
enum class TaxRegime { UnitedKingdom, Sweden };

QString taxRegimeCode(TaxRegime regime); ///< "UK", "SE": stable, stored in the cache
std::optional<TaxRegime> taxRegimeFromCode(const QString &code);

/** A physical shop: a Sitoo store with its warehouse, and the Prima location its sales post to. */
struct Store
{
    qint64 id = 0;            ///< cache id
    QString sitooAccount;     ///< Sitoo account id (orders are unique per account)
    QString sitooStoreId;     ///< Sitoo store id / store-externalid
    qint64 sitooWarehouseId = 0;
    QString name;
    Currency currency;
    QString countryCode;      ///< ISO 3166-1 alpha-2
    TaxRegime taxRegime = TaxRegime::UnitedKingdom;
    QString timeZone;         ///< IANA id; trading days are cut in this zone
    QString primaLocation;    ///< empty until mapped
    bool active = true;
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::Store)
