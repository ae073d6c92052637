// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration file (docs/configuration.md): SyncConfig::fromJson, which SyncConfig::load and every
// tillbridge-cli command that takes --config use, and ReconciliationSettings::fromJson on its "reconciliation"
// section, as the engine reads it. Input: the file's bytes.
// Invariants: an accepted configuration is usable as it stands (a cache path, checked addresses, a schedule of
// positive whole numbers within the contract's limits, a positive finite request rate, absolute paths); a refused
// one says why; the same bytes give the same result.

#include "fuzzcheck.h"

#include "core/engine/syncconfig.h"
#include "core/reconciliation/reconciliationtypes.h"

#include <QDir>

#include <cmath>

using namespace Tillbridge::Core;

namespace {
// Relative paths are resolved against the configuration's folder; this one does not exist, so nothing is read.
const QString kFolder = QStringLiteral("/nonexistent/tillbridge-fuzz");
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray json = TillbridgeFuzz::bytes(data, size);
        const auto config = SyncConfig::fromJson(json, kFolder);
        const auto again = SyncConfig::fromJson(json, kFolder);
        FUZZ_CHECK(config.ok() == again.ok());
        if (!config) {
            FUZZ_CHECK(!config.errorString().isEmpty() && config.errorString() == again.errorString());
            return;
        }
        FUZZ_CHECK(QDir::isAbsolutePath(config->cachePath));
        FUZZ_CHECK(config->mappingsFile.isEmpty() || QDir::isAbsolutePath(config->mappingsFile));
        FUZZ_CHECK(config->connections.validate().ok());
        FUZZ_CHECK(config->connections.isSitooConfigured() && config->connections.isPrimaConfigured());
        const SyncSchedule &schedule = config->schedule;
        for (int value : {schedule.orderPullSeconds, schedule.catalogueRefreshMinutes, schedule.skuAuditMinutes,
                          schedule.reconcileMinutes, schedule.reconcileLookbackDays, schedule.storeFeedCheckMinutes,
                          schedule.orderPageSize, schedule.postingBatchSize, schedule.primaWriteTimeoutSeconds})
            FUZZ_CHECK(value > 0 && value <= 1000000);
        FUZZ_CHECK(schedule.postingBatchSize <= 100);
        FUZZ_CHECK(std::isfinite(schedule.primaRequestsPerSecond) && schedule.primaRequestsPerSecond > 0);
        FUZZ_CHECK(config->cachePath == again->cachePath && config->document == again->document);

        const auto reconciliation = ReconciliationSettings::fromJson(config->document);
        if (reconciliation)
            FUZZ_CHECK(reconciliation->toleranceMinor >= 0);
        else
            FUZZ_CHECK(!reconciliation.errorString().isEmpty());
    });
}
