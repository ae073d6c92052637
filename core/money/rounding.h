// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Tillbridge::Core {

// Wide intermediate for exact products and quotients of 64-bit amounts. __extension__ keeps -Wpedantic quiet about
// the GCC/Clang builtin type.
__extension__ typedef __int128 Int128;

/**
 * How a value that falls between two representable amounts is rounded. Every rounding in Tillbridge names one of
 * these; none happens by accident. UK and Swedish VAT both use HalfAwayFromZero (reliability.md §3.2-3.4), which also
 * makes a refund the exact mirror of its sale.
 */
enum class RoundingMode {
    HalfAwayFromZero, ///< 0.5 goes away from zero: 2.345 -> 2.35, -2.345 -> -2.35 ("half-up" in tax guidance)
    HalfEven,         ///< 0.5 goes to the even neighbour (banker's rounding): 2.345 -> 2.34, 2.355 -> 2.36
    TowardZero,       ///< truncate: 2.349 -> 2.34, -2.349 -> -2.34
    Floor,            ///< toward minus infinity ("round down" of a positive amount)
    Ceiling,          ///< toward plus infinity
};

/** A stable, untranslated name ("half-away-from-zero", ...) for configuration files and audit details. */
QString roundingModeName(RoundingMode mode);
std::optional<RoundingMode> roundingModeFromName(const QString &name);

namespace Rounding {

/**
 * numerator / denominator rounded to an integer with the given mode. Exact for every 128-bit input; nullopt if the
 * denominator is zero or the result does not fit in qint64.
 */
std::optional<qint64> divide(Int128 numerator, Int128 denominator, RoundingMode mode);

/** 10^exponent for 0 <= exponent <= 18. */
qint64 powerOfTen(int exponent);

} // namespace Rounding
} // namespace Tillbridge::Core
