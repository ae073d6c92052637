// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/money/rounding.h"
#include "core/money/vatrate.h"

namespace Tillbridge::Sandbox::VatSplit {

/**
 * The net part of a VAT-inclusive row amount the way Sitoo's order rows are read (sitoo-api.md §5.2):
 * net = round(gross / (1 + rate)) to minor units with the given mode; the row's VAT is then gross − net.
 * Exact (128-bit intermediate), one rounding. Note that at a tie this differs from rounding the VAT first
 * (VatRate::netFromGross), because both halves cannot be rounded up.
 */
Core::Money netOfGross(const Core::Money &gross, const Core::VatRate &rate, Core::RoundingMode mode);

/** True when gross / (1 + rate) lies exactly halfway between two minor units, so the rounding mode decides. */
bool isNetTie(const Core::Money &gross, const Core::VatRate &rate);

} // namespace Tillbridge::Sandbox::VatSplit
