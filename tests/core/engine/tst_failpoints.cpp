// SPDX-License-Identifier: GPL-3.0-or-later
// Named crash points fire on exactly the configured hit and only there; secrets for servers come from the
// environment and cannot be written.
#include "core/engine/failpoints.h"
#include "core/secrets/environmentsecretstore.h"

#include <QTest>

using namespace Tillbridge::Core;

class tst_FailPoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesOnTheConfiguredHitOnly();
    void unconfiguredPointsNeverFire();
    void environmentSecrets();
};

void tst_FailPoints::firesOnTheConfiguredHitOnly()
{
    QStringList fired;
    FailPoints::configureForTest(QStringLiteral("relay.after_claim_commit:3, import.before_commit:1"),
                                 [&fired](const QString &name) { fired.append(name); });
    FailPoints::hit("relay.after_claim_commit");
    FailPoints::hit("relay.after_claim_commit");
    QVERIFY(fired.isEmpty());
    FailPoints::hit("relay.after_claim_commit");
    QCOMPARE(fired, QStringList{QStringLiteral("relay.after_claim_commit")});
    FailPoints::hit("relay.after_claim_commit"); // the 4th hit passes
    QCOMPARE(fired.size(), 1);
    FailPoints::hit("import.before_commit");
    QCOMPARE(fired.last(), QStringLiteral("import.before_commit"));
    QCOMPARE(FailPoints::hits("relay.after_claim_commit"), 4);
}

void tst_FailPoints::unconfiguredPointsNeverFire()
{
    bool fired = false;
    FailPoints::configureForTest(QString(), [&fired](const QString &) { fired = true; });
    for (int i = 0; i < 100; ++i)
        FailPoints::hit("relay.mid_batch_commit");
    QVERIFY(!fired);
}

void tst_FailPoints::environmentSecrets()
{
    qputenv(EnvironmentSecretStore::kSitooPasswordVariable, "from-the-environment");
    qunsetenv(EnvironmentSecretStore::kPrimaTokenVariable);
    EnvironmentSecretStore store;
    std::optional<SecretReadResult> sitoo;
    std::optional<SecretReadResult> prima;
    std::optional<Status> written;
    store.read(QStringLiteral("sitoo/90001-1"), this, [&sitoo](SecretReadResult r) { sitoo = r; });
    store.read(QStringLiteral("prima/erp.example.com"), this, [&prima](SecretReadResult r) { prima = r; });
    store.write(QStringLiteral("sitoo/90001-1"), QStringLiteral("x"), this, [&written](Status s) { written = s; });
    QTRY_VERIFY(sitoo && prima && written);
    QCOMPARE(sitoo->outcome, SecretReadResult::Outcome::Found);
    QCOMPARE(sitoo->secret, QStringLiteral("from-the-environment"));
    QCOMPARE(prima->outcome, SecretReadResult::Outcome::Absent);
    QVERIFY(!written->ok());
    QCOMPARE(EnvironmentSecretStore::variableFor(QStringLiteral("other/key")), QString());
}

QTEST_GUILESS_MAIN(tst_FailPoints)
#include "tst_failpoints.moc"
