// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money/rounding.h"

#include <array>
#include <limits>

namespace Tillbridge::Core {

namespace {
struct ModeName
{
    RoundingMode mode;
    const char *name;
};
constexpr std::array kModeNames{
    ModeName{RoundingMode::HalfAwayFromZero, "half-away-from-zero"},
    ModeName{RoundingMode::HalfEven, "half-even"},
    ModeName{RoundingMode::TowardZero, "truncate"},
    ModeName{RoundingMode::Floor, "floor"},
    ModeName{RoundingMode::Ceiling, "ceiling"},
};
} // namespace

QString roundingModeName(RoundingMode mode)
{
    for (const auto &entry : kModeNames) {
        if (entry.mode == mode)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RoundingMode> roundingModeFromName(const QString &name)
{
    for (const auto &entry : kModeNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.mode;
    }
    return std::nullopt;
}

namespace Rounding {

qint64 powerOfTen(int exponent)
{
    qint64 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

std::optional<qint64> divide(Int128 numerator, Int128 denominator, RoundingMode mode)
{
    if (denominator == 0)
        return std::nullopt;
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    // C++ integer division truncates toward zero; the remainder carries the numerator's sign.
    Int128 quotient = numerator / denominator;
    const Int128 remainder = numerator % denominator;
    if (remainder != 0) {
        const bool negative = numerator < 0;
        const Int128 twiceRemainder = (remainder < 0 ? -remainder : remainder) * 2;
        const int sign = negative ? -1 : 1;
        switch (mode) {
        case RoundingMode::HalfAwayFromZero:
            if (twiceRemainder >= denominator)
                quotient += sign;
            break;
        case RoundingMode::HalfEven:
            if (twiceRemainder > denominator || (twiceRemainder == denominator && (quotient % 2) != 0))
                quotient += sign;
            break;
        case RoundingMode::TowardZero:
            break;
        case RoundingMode::Floor:
            if (negative)
                quotient -= 1;
            break;
        case RoundingMode::Ceiling:
            if (!negative)
                quotient += 1;
            break;
        }
    }
    if (quotient > std::numeric_limits<qint64>::max() || quotient < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return static_cast<qint64>(quotient);
}

} // namespace Rounding
} // namespace Tillbridge::Core
