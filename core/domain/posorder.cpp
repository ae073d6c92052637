// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/posorder.h"

namespace Tillbridge::Core {

QString posOrderKindCode(PosOrderKind kind)
{
    return kind == PosOrderKind::Sale ? QStringLiteral("sale") : QStringLiteral("refund");
}

std::optional<PosOrderKind> posOrderKindFromCode(const QString &code)
{
    if (code == u"sale")
        return PosOrderKind::Sale;
    if (code == u"refund")
        return PosOrderKind::Refund;
    return std::nullopt;
}

} // namespace Tillbridge::Core
