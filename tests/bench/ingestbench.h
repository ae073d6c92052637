// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Bench {

struct IngestBenchOptions
{
    int orders = 100000;
    int pageSize = 100;        ///< orders per ingestPage() call, as a Sitoo page carries them
    double defectRate = 0.02;  ///< injected defects: most orders are clean and reach the outbox
    quint32 seed = 1;
    QString directory;         ///< where the temporary caches go; empty: the system's temporary folder
    bool measureFloor = true;
    bool keepFiles = false;    ///< leave the temporary folder in place for inspection
};

/**
 * The `ingest` scenario: the real OrderIngestion on a fresh cache, page by page, then the storage floor of the same
 * rows (StorageFloor). Goal: ingest seconds ≤ 2 × floor seconds.
 */
Core::Result<QJsonObject> runIngestBench(const IngestBenchOptions &options);

} // namespace Tillbridge::Bench
