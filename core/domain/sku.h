// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QString>

namespace Tillbridge::Core {

/**
 * A sellable item as Prima (the product master) defines it. A Prima SKU is style + matrix codes (colour/fit, size,
 * extra), e.g. "200CH" / "G" / "070"; `code` is the flat SKU string both systems share.
 */
struct Sku
{
    QString code;
    QString style;
    QString colour;
    QString size;
    QString title;
    QString barcode;
    Money price; ///< selling price including VAT
    VatRate vatRate;
    bool activeInPos = true;
    bool blocked = false; ///< blocked or discontinued in Prima: sales of it are exceptions
};

} // namespace Tillbridge::Core
