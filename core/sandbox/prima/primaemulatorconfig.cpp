// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primaemulatorconfig.h"

namespace Tillbridge::Sandbox {

QString primaIdempotencyModeName(PrimaIdempotencyMode mode)
{
    switch (mode) {
    case PrimaIdempotencyMode::Keys:
        return QStringLiteral("keys");
    case PrimaIdempotencyMode::UniqueRef:
        return QStringLiteral("unique-ref");
    case PrimaIdempotencyMode::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<PrimaIdempotencyMode> primaIdempotencyModeFromName(QStringView name)
{
    for (const auto mode : {PrimaIdempotencyMode::Keys, PrimaIdempotencyMode::UniqueRef, PrimaIdempotencyMode::None}) {
        if (name == primaIdempotencyModeName(mode))
            return mode;
    }
    return std::nullopt;
}

} // namespace Tillbridge::Sandbox
