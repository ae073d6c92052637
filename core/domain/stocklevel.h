// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Tillbridge::Core {

/**
 * Prima's stock of one SKU at one location. Only available-to-sell (on hand minus allocated, as Prima computes it)
 * is pushed to Sitoo; `version` orders the levels so that a push never goes back to an older one.
 */
struct StockLevel
{
    QString sku;
    QString location;
    qint64 onHand = 0;
    qint64 allocated = 0;
    qint64 availableToSell = 0;
    qint64 version = 0;
    QDateTime observedAt;
    QDate nextAvailableDate; ///< when available-to-sell is 0: Prima's expected restock date; null if none
};

} // namespace Tillbridge::Core
