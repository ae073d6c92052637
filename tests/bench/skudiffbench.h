// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Bench {

struct SkuDiffBenchOptions
{
    int skus = 500000;
    double differenceRate = 0.02; ///< share of SKUs with a difference: a third each only-in-Prima, only-in-Sitoo, fields
    quint32 seed = 1;
    QString directory;            ///< where the CSV files go; empty: the system's temporary folder
    bool keepFiles = false;
};

/**
 * The `sku-diff` scenario: two catalogues as CSV files (Prima in SKU order, Sitoo shuffled), then the same diff twice:
 * Tillbridge's CatalogueDiff (reading both files into value rows and a sort-merge join) and, as the reference, the
 * `sqlite3` shell (an in-memory database, `.import` of both files, one FULL OUTER JOIN). Both must report the same
 * counts. Goal: seconds / sqlite3_seconds < 1.0 with peak RSS under 500 MB.
 */
Core::Result<QJsonObject> runSkuDiffBench(const SkuDiffBenchOptions &options);

} // namespace Tillbridge::Bench
