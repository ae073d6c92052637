// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/cacheupgradedialog.h"

#include "core/storage/cacheupgrade.h"

#include <QCloseEvent>
#include <QEventLoop>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>

namespace Tillbridge::Ui {

CacheUpgradeDialog::CacheUpgradeDialog(QWidget *parent)
    : QProgressDialog(parent)
{
    setWindowTitle(tr("Updating the Tillbridge cache"));
    setCancelButton(nullptr);
    setAutoClose(false);
    setAutoReset(false);
    setWindowModality(Qt::ApplicationModal);
    setMinimumWidth(520);
    setRange(0, 0); // busy until the first step says how many there are
    setLabelText(tr("Preparing the cache for this version of Tillbridge…"));
    if (auto *bar = findChild<QProgressBar *>())
        bar->setFormat(tr("%v of %m steps done"));
    if (auto *label = findChild<QLabel *>()) {
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    }
}

void CacheUpgradeDialog::showStep(int version, int step, int steps)
{
    setLabelText(tr("This version of Tillbridge is updating its cache (step %1 of %2, schema version %3).\n\n"
                    "This happens once, at the first start of a new version, and takes a few minutes for a cache "
                    "that holds a year of sales. Please keep Tillbridge open; if it is closed, the update goes on "
                    "from the last finished step at the next start, and nothing is lost.")
                     .arg(step)
                     .arg(steps)
                     .arg(version));
    // A migration has no progress of its own: the bar counts the steps done, or, for a single step, shows that
    // work is going on ("0 of 1 steps done" would say nothing).
    setRange(0, steps > 1 ? steps : 0);
    setValue(steps > 1 ? step - 1 : 0);
}

void CacheUpgradeDialog::closeEvent(QCloseEvent *event)
{
    event->ignore(); // the upgrade cannot be stopped halfway; the text says it goes on at the next start
}

void CacheUpgradeDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        event->ignore(); // QProgressDialog would cancel and hide
        return;
    }
    QProgressDialog::keyPressEvent(event);
}

Core::Status CacheUpgradeDialog::upgrade(const Core::DatabaseConnection::Options &options, int showAfterMs,
                                         QWidget *parent)
{
    CacheUpgradeDialog dialog(parent);
    dialog.setMinimumDuration(showAfterMs);
    dialog.setValue(0); // starts QProgressDialog's clock: it shows itself after showAfterMs if still busy
    Core::CacheUpgrade upgrade;
    QEventLoop loop;
    Core::Status result = Core::Status::success();
    connect(&upgrade, &Core::CacheUpgrade::stepStarted, &dialog, &CacheUpgradeDialog::showStep);
    connect(&upgrade, &Core::CacheUpgrade::finished, &loop, [&result, &loop](const Core::Status &status) {
        result = status;
        loop.quit();
    });
    upgrade.start(options);
    loop.exec();
    return result;
}

} // namespace Tillbridge::Ui
