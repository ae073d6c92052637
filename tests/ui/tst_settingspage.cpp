// SPDX-License-Identifier: GPL-3.0-or-later
// Settings on a real cache: the mapping editor previews how many quarantined orders a change releases — and applying
// it releases exactly those, audited under the signed-in user; users and roles, where only an administrator adds an
// account and everyone else is told why.
#include "core/secrets/memorysecretstore.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/userrepository.h"
#include "ui/common/workbenchuser.h"
#include "core/export/pdf/closepackpdf.h"
#include "ui/settings/closepackform.h"
#include "ui/settings/mappingsform.h"
#include "ui/settings/mappingtablemodel.h"
#include "ui/settings/settingspage.h"
#include "ui/settings/usersform.h"
#include "ui/settings/usertablemodel.h"

#include "tests/core/engine/review/reviewfixture.h"
#include "tests/core/reconciliation/cachefixture.h"
#include "tests/testutils/tempcache.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Ui;
using Tillbridge::Reports::ClosePackPdf;
using namespace Tillbridge::Test::Review;
using Tillbridge::Test::TempCache;

namespace {
const QString kTemplate = QStringLiteral(TILLBRIDGE_TEST_DATA "/../../core/engine/validation/data/order-sale-20001.json");
const QString kPassword = QStringLiteral("correct horse battery");

qint64 quarantined(const QSqlDatabase &db)
{
    return Tillbridge::Test::Recon::value(db, QStringLiteral("SELECT COUNT(*) FROM pos_orders WHERE state = "
                                                             "'quarantined'"));
}
} // namespace

class tst_SettingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mappingPreviewCountIsWhatApplyReleases();
    void invalidMappingIsRefusedBeforeAnyPreview();
    void onlyAnAdministratorAddsUsers();
    void theClosePackCompanyIsSavedForTheNextPack();
    void cleanupTestCase();

private:
    User user(const QString &name) const;

    TempCache m_cache;
    DatabaseConnectionPtr m_connection;
    MemorySecretStore m_secrets;
    WorkbenchUser m_user;
    std::unique_ptr<SettingsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_mappingTester;
    std::unique_ptr<QAbstractItemModelTester> m_userTester;
};

User tst_SettingsPage::user(const QString &name) const
{
    return UserRepository(m_connection->database()).find(name).value().value();
}

void tst_SettingsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    auto connection = m_cache.open(QStringLiteral("gui"));
    QVERIFY(connection.ok());
    m_connection = *connection;
    const QSqlDatabase db = m_connection->database();
    QVERIFY(seed(db).ok()); // Card is mapped; Gift Card and Swish are not
    SaleShape swish;
    swish.giftPayment = QStringLiteral("Swish");
    SaleShape variance;
    variance.taxVariance = true;
    // Three sales paid partly by gift card, one by Swish, one by gift card with a VAT variance.
    const auto ingested = ingest(db, {saleOrder(kTemplate, 61001), saleOrder(kTemplate, 61002),
                                      saleOrder(kTemplate, 61003), saleOrder(kTemplate, 61004, swish),
                                      saleOrder(kTemplate, 61005, variance)});
    QVERIFY2(ingested.ok(), qPrintable(ingested.errorString()));
    QCOMPARE(quarantined(db), qint64(5));
    DbTransaction tx(db);
    UserRepository users(db);
    QVERIFY(users.create(tx, QStringLiteral("ada"), QStringLiteral("Ada Admin"), UserRole::Admin, kPassword,
                         QStringLiteral("system")).ok());
    QVERIFY(users.create(tx, QStringLiteral("pia"), QStringLiteral("Pia Preparer"), UserRole::Preparer, kPassword,
                         QStringLiteral("ada")).ok());
    QVERIFY(users.create(tx, QStringLiteral("alex"), QStringLiteral("Alex Approver"), UserRole::Approver, kPassword,
                         QStringLiteral("ada")).ok());
    QVERIFY(tx.commit().ok());

    m_page = std::make_unique<SettingsPage>(m_cache.path(), 12, &m_secrets, db, &m_user);
    QVERIFY(m_page->mappingsForm());
    QVERIFY(m_page->usersForm());
    m_mappingTester = std::make_unique<QAbstractItemModelTester>(
        m_page->mappingsForm()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_userTester = std::make_unique<QAbstractItemModelTester>(m_page->usersForm()->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1440, 900);
    m_page->show();
}

void tst_SettingsPage::mappingPreviewCountIsWhatApplyReleases()
{
    MappingsForm *form = m_page->mappingsForm();
    m_page->showMappings(MappingKind::PaymentMethod);
    QCOMPARE(form->kind(), MappingKind::PaymentMethod);
    QCOMPARE(form->model()->rowCount(), 1); // Card
    m_user.signIn(user(QStringLiteral("pia")));

    QSignalSpy previewed(form, &MappingsForm::previewReady);
    form->proposeChange(MappingKind::PaymentMethod, QStringLiteral("Gift Card"), QStringLiteral("GIFT"));
    QVERIFY(previewed.wait(20000));
    QVERIFY(previewed.first().first().toBool());
    QVERIFY(form->pendingReport());
    const int releases = form->pendingReport()->quarantine.releasedCount();
    QCOMPARE(releases, 3); // the Swish sale and the VAT variance stay held back
    QCOMPARE(form->pendingReport()->quarantine.reviewed(), 5);
    QVERIFY2(form->previewText().contains(u"This change releases 3 of 5 quarantined orders to Prima; 2 stay "
                                          u"quarantined ("),
             qPrintable(form->previewText()));
    // Nothing is written by the preview.
    QCOMPARE(quarantined(m_connection->database()), qint64(5));

    const QByteArray folder = qgetenv("TILLBRIDGE_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        QTest::qWait(100); // let the rows added to the visible page show and the layouts settle
        QVERIFY(m_page->grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/settings-mappings.png")));
    }

    QSignalSpy applied(form, &MappingsForm::applied);
    form->applyPendingChange();
    QVERIFY(applied.wait(20000));
    QVERIFY2(applied.first().first().toBool(), qPrintable(form->statusText()));
    QCOMPARE(form->lastApplied()->quarantine.releasedCount(), releases);
    QCOMPARE(quarantined(m_connection->database()), qint64(5 - releases));
    QCOMPARE(form->model()->rowCount(), 2);
    QVERIFY(form->statusText().contains(u"3 order(s) released to Prima; 2 still held back"));
    // Audited under the signed-in user.
    QCOMPARE(Tillbridge::Test::Recon::value(m_connection->database(),
                                            QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                                           "'mapping.saved' AND actor = 'pia'")),
             qint64(1));
    auto verified = AuditChain::verify(m_connection->database());
    QVERIFY(verified.ok() && verified->intact);
}

void tst_SettingsPage::invalidMappingIsRefusedBeforeAnyPreview()
{
    MappingsForm *form = m_page->mappingsForm();
    QSignalSpy previewed(form, &MappingsForm::previewReady);
    form->proposeChange(MappingKind::TaxRate, QStringLiteral("twenty-five"), QStringLiteral("SE25"));
    QCOMPARE(previewed.size(), 1);
    QVERIFY(!previewed.first().first().toBool());
    QVERIFY(!form->statusText().isEmpty());
    QVERIFY(form->previewText().isEmpty());
}

void tst_SettingsPage::onlyAnAdministratorAddsUsers()
{
    UsersForm *form = m_page->usersForm();
    m_page->showUsers();
    QCOMPARE(form->model()->rowCount(), 3);

    // A preparer sees the list read-only and is told why; an attempt adds nobody.
    m_user.signIn(user(QStringLiteral("pia")));
    QVERIFY(!form->canAddUsers());
    QVERIFY2(form->permissionText().contains(u"Only an administrator can add users"),
             qPrintable(form->permissionText()));
    QSignalSpy added(form, &UsersForm::userAdded);
    form->addUser(QStringLiteral("mallory"), QStringLiteral("Mallory"), UserRole::Admin, kPassword, kPassword);
    QCOMPARE(added.size(), 1);
    QVERIFY(!added.first().first().toBool());
    // An approver is not an administrator either.
    m_user.signIn(user(QStringLiteral("alex")));
    QVERIFY(!form->canAddUsers());
    form->addUser(QStringLiteral("mallory"), QStringLiteral("Mallory"), UserRole::Admin, kPassword, kPassword);
    QCOMPARE(added.size(), 2);
    QVERIFY(!added.last().first().toBool());
    QVERIFY(!UserRepository(m_connection->database()).find(QStringLiteral("mallory")).value().has_value());

    // The administrator: mismatched passwords are refused, then the account is created.
    m_user.signIn(user(QStringLiteral("ada")));
    QVERIFY(form->canAddUsers());
    form->addUser(QStringLiteral("maria"), QStringLiteral("Maria Lind"), UserRole::Approver, kPassword,
                  QStringLiteral("something else"));
    QCOMPARE(added.size(), 3);
    QVERIFY(form->statusText().contains(u"differ"));
    form->addUser(QStringLiteral("maria"), QStringLiteral("Maria Lind"), UserRole::Approver, kPassword, kPassword);
    QVERIFY(added.wait(20000));
    QVERIFY2(added.last().first().toBool(), qPrintable(added.last().at(1).toString()));
    QCOMPARE(form->model()->rowCount(), 4);
    const auto maria = UserRepository(m_connection->database()).verify(QStringLiteral("maria"), kPassword);
    QVERIFY(maria.ok());
    QCOMPARE(maria->role, UserRole::Approver);
}

void tst_SettingsPage::theClosePackCompanyIsSavedForTheNextPack()
{
    auto *form = m_page->findChild<ClosePackForm *>();
    QVERIFY(form);
    ClosePackPdf::setConfiguredCompany(QString());
    QCOMPARE(ClosePackPdf::defaultCompany(), QCoreApplication::organizationName());

    form->companyField()->setText(QStringLiteral("  Nordvik Retail AB "));
    Q_EMIT form->companyField()->editingFinished();
    QCOMPARE(ClosePackPdf::configuredCompany(), QStringLiteral("Nordvik Retail AB"));
    QCOMPARE(ClosePackPdf::defaultCompany(), QStringLiteral("Nordvik Retail AB")); // what the PDF's cover prints
    QVERIFY(form->statusText().contains(QStringLiteral("Nordvik Retail AB")));
    QVERIFY(!ClosePackPdf::defaultCompany().isEmpty());
    // A new form (the next start) shows what was saved.
    ClosePackForm reopened;
    QCOMPARE(reopened.companyField()->text(), QStringLiteral("Nordvik Retail AB"));

    // Cleared: the cover falls back to the organisation's name.
    form->companyField()->clear();
    Q_EMIT form->companyField()->editingFinished();
    QVERIFY(ClosePackPdf::configuredCompany().isEmpty());
    QCOMPARE(ClosePackPdf::defaultCompany(), QCoreApplication::organizationName());
}

void tst_SettingsPage::cleanupTestCase()
{
    m_mappingTester.reset();
    m_userTester.reset();
    m_page.reset();
}

QTEST_MAIN(tst_SettingsPage)
#include "tst_settingspage.moc"
