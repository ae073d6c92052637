// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/databaseconnection.h"

#include <QObject>
#include <QThread>

namespace Tillbridge::Core {

/**
 * Brings a cache to this build's schema on a thread of its own, saying which migration runs, so that the workbench
 * can show progress instead of freezing: the first start of a new version may rebuild a table of millions of audit
 * entries (migration 12 takes about 10 s per million). The worker opens, migrates and closes its own connection;
 * nothing here touches a widget. Each migration is its own transaction, so an upgrade that is interrupted (the
 * program killed, the power gone) leaves the cache at the last finished step and the next start goes on from there.
 */
class CacheUpgrade : public QObject
{
    Q_OBJECT

public:
    explicit CacheUpgrade(QObject *parent = nullptr);
    ~CacheUpgrade() override; ///< waits for a running upgrade: a migration is never cut off mid-transaction

    /** Starts the upgrade of the cache at options.path (created when missing). Call once. */
    void start(const DatabaseConnection::Options &options);

Q_SIGNALS:
    /** Emitted from the worker thread before each migration: `step` of `steps` (from 1), bringing it to `version`. */
    void stepStarted(int version, int step, int steps);
    /** Emitted from the worker thread once, after its connection is closed: success, or why the cache cannot open. */
    void finished(const Tillbridge::Core::Status &status);

private:
    QThread *m_thread = nullptr;
};

} // namespace Tillbridge::Core
