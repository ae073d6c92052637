// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QtGlobal>

namespace Tillbridge::Sandbox {

/**
 * The inputs of a generated demo scenario. The same options always give a byte-identical scenario: the seed drives
 * every random choice, and nothing depends on the wall clock, the locale or hash ordering.
 */
struct ScenarioOptions
{
    quint32 seed = 1;                          ///< seeds QRandomGenerator
    int storeCount = 4;                        ///< stores alternate UK (GBP) and Sweden (SEK), starting with the UK
    int tradingDays = 7;                       ///< consecutive calendar days of trading
    QDate firstTradingDay = QDate(2024, 6, 3); ///< a Monday
    double defectRate = 0.0;                   ///< probability in [0, 1] that an order carries an injected defect
    int ordersPerStoreDay = 40;                ///< mean orders per store and day, before the weekday pattern
    double refundRate = 0.05;                  ///< probability that an order is a refund of an earlier sale
    int styleCount = 16;                       ///< catalogue size: styles, each with colour × size variants
    qint64 firstOrderId = 20001;               ///< Sitoo's example numbering
};

} // namespace Tillbridge::Sandbox
