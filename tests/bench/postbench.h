// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Bench {

struct PostBenchOptions
{
    int requestsPerSecond = 5; ///< the sandbox Prima's rate limit, and the relay's pace
    int seconds = 60;          ///< how long the relay posts
    int batchSize = 100;       ///< documents per request (PostingRelay::setBatchSize)
    int documents = 0;         ///< ready documents to put in the outbox; 0: enough for the whole run at the goal
    double defectRate = 0.02;
    quint32 seed = 1;
    QString directory;         ///< where the temporary cache and Prima ledger go; empty: the system's temporary folder
    bool keepFiles = false;    ///< leave the temporary folder in place for inspection
};

/**
 * The `post` scenario: the sandbox Prima on 127.0.0.1 with a server-side limit of L requests/s (429 RATE_LIMITED
 * with Retry-After beyond it), an outbox filled through OrderIngestion, and the real PostingRelay with a
 * RestPrimaGateway for S seconds. Goal: documents/s ≥ 0.95 × L × batch size, without a 429 storm.
 */
Core::Result<QJsonObject> runPostBench(const PostBenchOptions &options);

} // namespace Tillbridge::Bench
