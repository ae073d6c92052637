// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/settings/connectionsettings.h"

#include <QJsonObject>
#include <QString>

namespace Tillbridge::Core {

/** How often the engine works and how much at a time. */
struct SyncSchedule
{
    int orderPullSeconds = 60;    ///< a pull from Sitoo every minute by default
    int catalogueRefreshMinutes = 1440; ///< Prima's item master is read again (and pushed to Sitoo) once a day
    int skuAuditMinutes = 1440;         ///< the full SKU audit, daily by default
    int reconcileMinutes = 1440;        ///< payouts and VAT against Prima's ledger, daily by default
    int reconcileLookbackDays = 3;      ///< each run checks the trading days up to yesterday this far back
    int storeFeedCheckMinutes = 15;     ///< how often silent store feeds are looked for
    int orderPageSize = 100;      ///< orders per Sitoo request
    int postingBatchSize = 100;   ///< documents per Prima batch (the contract's maximum)
    double primaRequestsPerSecond = 20.0; ///< Prima's limit: 6,000 requests per 5 minutes by default
    /** How long a write may take before its outcome counts as unknown (then settled by a look-up). */
    int primaWriteTimeoutSeconds = 30;
};

/**
 * What `tillbridge-cli sync` runs with (docs/configuration.md). A JSON file:
 * {
 *   "cache": "/var/lib/tillbridge/cache.sqlite",
 *   "sitoo": {"baseUrl": "https://api.mysitoo.com/v2/accounts/90001", "accountId": "90001", "apiId": "90001-1",
 *             "eshopId": 1},
 *   "prima": {"baseUrl": "https://erp.example.com/prima/v1"},
 *   "tls": {"extraCaFile": "/etc/tillbridge/company-ca.pem"},
 *   "mappings": "mappings.json",
 *   "credentials": "keychain" | "environment",
 *   "schedule": {"orderPullSeconds": 60, "catalogueRefreshMinutes": 1440, "skuAuditMinutes": 1440,
 *                "reconcileMinutes": 1440, "reconcileLookbackDays": 3, "storeFeedCheckMinutes": 15, "orderPageSize": 100, "postingBatchSize": 100,
 *                "primaRequestsPerSecond": 20, "primaWriteTimeoutSeconds": 30}
 * }
 * Relative paths are relative to the file. Passwords and tokens are never in it.
 */
struct SyncConfig
{
    enum class Credentials { Keychain, Environment };

    QString cachePath;
    ConnectionSettings connections;
    QString mappingsFile; ///< optional: imported before the first sync
    Credentials credentials = Credentials::Keychain;
    SyncSchedule schedule;
    /** The file's whole root object: services with their own section ("reconciliation", "stock") read it. */
    QJsonObject document;

    /** Reads and checks a configuration file; errors name the file and the field. */
    static Result<SyncConfig> load(const QString &path);
    static Result<SyncConfig> fromJson(const QByteArray &json, const QString &baseFolder);
};

} // namespace Tillbridge::Core
