// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up upgrade on its worker thread: each migration announced in order from that thread (never the GUI
// thread), the cache current afterwards, and a cache that cannot be upgraded refused with its reason.
#include "core/storage/cacheupgrade.h"
#include "core/storage/schemamigrator.h"

#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Tillbridge::Core;
using Tillbridge::Test::TempCache;

namespace {

struct Step
{
    int version = 0;
    int step = 0;
    int steps = 0;
    bool onWorker = false;
    bool operator==(const Step &) const = default;
};

/** Runs one upgrade to its end and returns the steps it announced and how it finished. */
std::pair<QList<Step>, Status> upgradeOnce(const QString &path)
{
    CacheUpgrade upgrade;
    QList<Step> steps;
    QThread *gui = QThread::currentThread();
    QObject::connect(&upgrade, &CacheUpgrade::stepStarted, &upgrade,
                     [&steps, gui](int version, int step, int count) {
                         steps.append({version, step, count, QThread::currentThread() != gui});
                     },
                     Qt::DirectConnection); // runs where the signal is emitted: tells which thread migrates
    QSignalSpy finished(&upgrade, &CacheUpgrade::finished);
    DatabaseConnection::Options options;
    options.path = path;
    upgrade.start(options);
    if (!finished.wait(120000)) // (the worker may still be adding steps: they are not read)
        return {{}, Error{ErrorCode::Database, QStringLiteral("the upgrade did not finish")}};
    return {steps, finished.first().first().value<Status>()};
}

int versionOf(const QString &path)
{
    auto db = Tillbridge::Test::openRaw(path, QStringLiteral("check"));
    return db ? SchemaMigrator::currentVersion(db->database()).valueOr(-1) : -1;
}

} // namespace

class tst_CacheUpgrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anOlderCacheIsUpgradedStepByStepOnAWorker();
    void aNewCacheIsCreated();
    void aCurrentCacheHasNothingToDo();
    void aCacheFromANewerVersionIsRefusedWithItsReason();
};

void tst_CacheUpgrade::anOlderCacheIsUpgradedStepByStepOnAWorker()
{
    TempCache cache;
    const int start = SchemaMigrator::latestVersion() - 3;
    {
        auto db = Tillbridge::Test::openRaw(cache.path());
        QVERIFY(db);
        QVERIFY(SchemaMigrator::migrate(db->database(), start).ok());
    }
    const auto [steps, status] = upgradeOnce(cache.path());
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    QList<Step> expected;
    for (int version = start + 1; version <= SchemaMigrator::latestVersion(); ++version)
        expected.append({version, version - start, 3, true});
    QCOMPARE(steps, expected);
    QCOMPARE(versionOf(cache.path()), SchemaMigrator::latestVersion());
}

void tst_CacheUpgrade::aNewCacheIsCreated()
{
    TempCache cache;
    const QString path = cache.dirPath() + QStringLiteral("/not/yet/there/cache.sqlite");
    const auto [steps, status] = upgradeOnce(path);
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    QCOMPARE(steps.size(), SchemaMigrator::latestVersion());
    QCOMPARE(steps.constLast().step, steps.constLast().steps);
    QCOMPARE(versionOf(path), SchemaMigrator::latestVersion());
}

void tst_CacheUpgrade::aCurrentCacheHasNothingToDo()
{
    TempCache cache;
    QVERIFY(cache.open().ok());
    const auto [steps, status] = upgradeOnce(cache.path());
    QVERIFY(status.ok());
    QVERIFY(steps.isEmpty());
}

void tst_CacheUpgrade::aCacheFromANewerVersionIsRefusedWithItsReason()
{
    TempCache cache;
    {
        auto db = cache.open();
        QVERIFY(db.ok());
        QVERIFY(Tillbridge::Test::execSql(
            (*db)->database(), QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES "
                                              "(%1, 'from the future', '2030-01-01T00:00:00.000Z')")
                                   .arg(SchemaMigrator::latestVersion() + 1)));
    }
    const auto [steps, status] = upgradeOnce(cache.path());
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Schema);
    QVERIFY2(status.errorString().contains(u"newer Tillbridge"), qPrintable(status.errorString()));
    QVERIFY(steps.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CacheUpgrade)
#include "tst_cacheupgrade.moc"
