// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/prima/primatypes.h"

#include <QList>
#include <QString>

namespace Tillbridge::Sandbox {

/**
 * The master data a fresh sandbox Prima starts with. It is written into the emulator's ledger the first time the
 * ledger file is opened (an existing ledger keeps its own data, so a restarted emulator does not forget what was
 * posted). The demo scenario builds one of these; tests build small ones by hand.
 */
struct PrimaSandboxSeed
{
    QList<Core::PrimaItem> items;
    QList<Core::PrimaLocation> locations;
    QList<Core::PrimaTaxCode> taxCodes;
    QList<Core::StockLevel> stock;    ///< version 0 is stored as 1: every level Prima reports has a version
    QList<Core::PrimaPeriod> periods; ///< a period that is not listed counts as open
    /** The bearer token the emulator accepts. Empty turns authentication off (never in a shipped configuration). */
    QString token;
};

} // namespace Tillbridge::Sandbox
