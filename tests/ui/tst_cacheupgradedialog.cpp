// SPDX-License-Identifier: GPL-3.0-or-later
// The dialog a new version shows while it upgrades the cache: it says which step of how many runs, cannot be
// cancelled or closed halfway, shows itself while a real upgrade runs, and hands back why a cache cannot be opened.
#include "core/storage/schemamigrator.h"
#include "ui/common/cacheupgradedialog.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QApplication>
#include <QProgressBar>
#include <QTest>
#include <QTimer>

using namespace Tillbridge;
using Tillbridge::Test::TempCache;

class tst_CacheUpgradeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhichStepRunsAndCannotBeClosed();
    void showsItselfWhileARealUpgradeRuns();
    void aCacheThatCannotOpenComesBackWithItsReason();
};

void tst_CacheUpgradeDialog::saysWhichStepRunsAndCannotBeClosed()
{
    Ui::CacheUpgradeDialog dialog;
    dialog.setMinimumDuration(0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.showStep(12, 2, 3);
    QVERIFY2(dialog.labelText().contains(u"step 2 of 3"), qPrintable(dialog.labelText()));
    QVERIFY(dialog.labelText().contains(u"nothing is lost"));
    QCOMPARE(dialog.maximum(), 3);
    QCOMPARE(dialog.value(), 1);
    QCOMPARE(dialog.findChild<QProgressBar *>()->text(), QStringLiteral("1 of 3 steps done"));
    dialog.showStep(12, 1, 1);
    QCOMPARE(dialog.maximum(), 0); // a single step: busy, not "0 of 1"
    QVERIFY(dialog.labelText().contains(u"step 1 of 1"));
    dialog.showStep(12, 2, 3);

    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.wasCanceled());
    dialog.close();
    QVERIFY(dialog.isVisible());

    if (const QByteArray folder = qgetenv("TILLBRIDGE_SCREENSHOT_DIR"); !folder.isEmpty())
        QVERIFY(dialog.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/cache-upgrade.png")));
}

void tst_CacheUpgradeDialog::showsItselfWhileARealUpgradeRuns()
{
    TempCache cache;
    {
        auto db = Test::openRaw(cache.path());
        QVERIFY(db);
        QVERIFY(Core::SchemaMigrator::migrate(db->database(), 1).ok());
    }
    // The GUI thread's events keep turning during the upgrade: this timer sees the dialog and what it says.
    QStringList seen;
    QTimer watcher;
    watcher.setInterval(1);
    connect(&watcher, &QTimer::timeout, this, [&seen] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<Ui::CacheUpgradeDialog *>(widget); dialog && dialog->isVisible())
                seen.append(dialog->labelText());
        }
    });
    watcher.start();
    Core::DatabaseConnection::Options options;
    options.path = cache.path();
    const Core::Status status = Ui::CacheUpgradeDialog::upgrade(options, 0);
    watcher.stop();
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    QVERIFY2(!seen.isEmpty(), "the dialog never showed while the upgrade ran");
    auto db = Test::openRaw(cache.path(), QStringLiteral("check"));
    QCOMPARE(Core::SchemaMigrator::currentVersion(db->database()).valueOr(-1), Core::SchemaMigrator::latestVersion());
}

void tst_CacheUpgradeDialog::aCacheThatCannotOpenComesBackWithItsReason()
{
    TempCache cache;
    {
        auto db = cache.open();
        QVERIFY(db.ok());
        QVERIFY(Test::execSql((*db)->database(),
                              QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES "
                                             "(%1, 'from the future', '2030-01-01T00:00:00.000Z')")
                                  .arg(Core::SchemaMigrator::latestVersion() + 1)));
    }
    Core::DatabaseConnection::Options options;
    options.path = cache.path();
    const Core::Status status = Ui::CacheUpgradeDialog::upgrade(options);
    QVERIFY(!status.ok());
    QVERIFY2(status.errorString().contains(u"Update Tillbridge to open it"), qPrintable(status.errorString()));
}

QTEST_MAIN(tst_CacheUpgradeDialog)
#include "tst_cacheupgradedialog.moc"
