// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Bench {

struct StockBenchOptions
{
    int skus = 200000;
    int stores = 50;
    int changes = 20;          ///< fast-lane changes measured, one after the other
    int fastLaneMinutes = 5;   ///< the cadence the goal is measured against
    quint32 seed = 1;
    QString directory;         ///< where the sandbox ledger and the cache go; empty: the system's temporary folder
    bool keepFiles = false;
};

/**
 * The `stock-fast-lane` scenario: a Prima sandbox holding skus × stores levels and a cache that has pushed them
 * all, generated directly (no HTTP). Then, `changes` times: one SKU's available-to-sell drops to low stock in Prima
 * (a new version) and a fast-lane run starts at once; the figure is the time from the change to Sitoo's answer to
 * the write. The worst case adds a whole cadence (the change lands just after a run started). Goal: change → write
 * under 2 s, so the worst case stays under the cadence plus 2 seconds.
 */
Core::Result<QJsonObject> runStockBench(const StockBenchOptions &options);

} // namespace Tillbridge::Bench
