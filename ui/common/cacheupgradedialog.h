// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/databaseconnection.h"

#include <QProgressDialog>

namespace Tillbridge::Ui {

/**
 * What the workbench shows while a new version brings the cache to its schema (Core::CacheUpgrade, on a worker
 * thread). It appears only when the upgrade takes longer than a moment, says which step of how many is running and
 * that the wait happens once, and cannot be cancelled: a migration is never cut off halfway.
 */
class CacheUpgradeDialog : public QProgressDialog
{
    Q_OBJECT

public:
    explicit CacheUpgradeDialog(QWidget *parent = nullptr);

    /**
     * Upgrades the cache at options.path and returns when it is done, keeping the GUI thread's events turning
     * meanwhile. The dialog appears after `showAfterMs`.
     */
    static Core::Status upgrade(const Core::DatabaseConnection::Options &options, int showAfterMs = 700,
                                QWidget *parent = nullptr);

public Q_SLOTS:
    void showStep(int version, int step, int steps);

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Tillbridge::Ui
