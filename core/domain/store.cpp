// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/store.h"

namespace Tillbridge::Core {

QString taxRegimeCode(TaxRegime regime)
{
    switch (regime) {
    case TaxRegime::UnitedKingdom:
        return QStringLiteral("UK");
    case TaxRegime::Sweden:
        return QStringLiteral("SE");
    }
    return {};
}

std::optional<TaxRegime> taxRegimeFromCode(const QString &code)
{
    if (code == u"UK")
        return TaxRegime::UnitedKingdom;
    if (code == u"SE")
        return TaxRegime::Sweden;
    return std::nullopt;
}

} // namespace Tillbridge::Core
