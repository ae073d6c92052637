// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/settingspage.h"

#include "core/storage/auditchain.h"
#include "core/storage/backgroundreader.h"
#include "core/application.h"
#include "core/settings/connectionsettings.h"
#include "ui/common/pageheader.h"
#include "ui/settings/connectionsform.h"
#include "ui/settings/closepackform.h"
#include "ui/settings/languageform.h"
#include "ui/settings/mappingsform.h"
#include "ui/settings/usersform.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Tillbridge::Ui {

SettingsPage::SettingsPage(QString databasePath, int schemaVersion, Core::SecretStore *secrets, QWidget *parent)
    : SettingsPage(std::move(databasePath), schemaVersion, secrets, QSqlDatabase(), nullptr, parent)
{
}

SettingsPage::SettingsPage(QString databasePath, int schemaVersion, Core::SecretStore *secrets, QSqlDatabase guiDb,
                           WorkbenchUser *user, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(std::move(databasePath))
    , m_connections(new ConnectionsForm(secrets, this))
    , m_exportAnchor(new QPushButton(tr("Export audit anchor…"), this))
    , m_anchorStatus(new QLabel(this))
{
    auto *path = new QLabel(QDir::toNativeSeparators(m_databasePath), this);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);

    auto *cache = new QGroupBox(tr("Local cache"), this);
    auto *form = new QFormLayout(cache);
    form->addRow(tr("File:"), path);
    form->addRow(tr("Schema version:"), new QLabel(QString::number(schemaVersion), this));
    auto *durability = new QLabel(tr("Write-ahead log; every commit is synced to disk; foreign keys enforced. "
                                     "Checked each time the cache is opened."),
                                  this);
    durability->setWordWrap(true);
    form->addRow(tr("Durability:"), durability);

    auto *audit = new QGroupBox(tr("Audit anchor"), this);
    auto *auditLayout = new QVBoxLayout(audit);
    auto *explanation = new QLabel(tr("Keep a copy of the audit trail's head outside the cache (for example with the "
                                      "month-end close pack). Anyone able to write to the cache could rebuild the "
                                      "chain; an anchor kept elsewhere proves it was not."),
                                   this);
    explanation->setWordWrap(true);
    m_anchorStatus->setWordWrap(true);
    m_anchorStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportAnchor->setAccessibleName(tr("Export the audit anchor to a file"));
    auditLayout->addWidget(explanation);
    auditLayout->addWidget(m_exportAnchor, 0, Qt::AlignLeft);
    auditLayout->addWidget(m_anchorStatus);
    connect(m_exportAnchor, &QPushButton::clicked, this, &SettingsPage::chooseAnchorFile);
    connect(this, &SettingsPage::anchorExported, m_anchorStatus, [this](bool, const QString &message) {
        m_anchorStatus->setText(message);
        m_exportAnchor->setEnabled(true);
    });

    auto openedSettings = Core::openSettings();
    m_connections->setSettings(Core::ConnectionSettings::load(*openedSettings));

    auto *connectionsTab = new QWidget(this);
    auto *connectionsLayout = new QVBoxLayout(connectionsTab);
    connectionsLayout->addWidget(m_connections);
    connectionsLayout->addStretch(1);
    auto *cacheTab = new QWidget(this);
    auto *cacheLayout = new QVBoxLayout(cacheTab);
    cacheLayout->addWidget(cache);
    cacheLayout->addWidget(audit);
    cacheLayout->addStretch(1);
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->addTab(connectionsTab, tr("Connections"));
    if (guiDb.isValid() && user) {
        m_mappings = new MappingsForm(guiDb, m_databasePath, user, this);
        m_users = new UsersForm(guiDb, m_databasePath, user, this);
        tabs->addTab(m_mappings, tr("Mappings"));
        tabs->addTab(m_users, tr("Users and roles"));
    }
    tabs->addTab(cacheTab, tr("Cache and audit"));
    tabs->addTab(new ClosePackForm(this), tr("Close pack"));
    tabs->addTab(new LanguageForm(this), tr("Language"));
    tabs->setAccessibleName(tr("Settings sections"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Settings"),
                                     tr("How this workstation reaches Sitoo and Prima, how Sitoo's values become "
                                        "Prima's codes, who may do what, and how the data is kept."),
                                     this));
    layout->addWidget(tabs, 1);
}

void SettingsPage::showMappings(Core::MappingKind kind)
{
    if (!m_mappings)
        return;
    m_mappings->setKind(kind);
    m_tabs->setCurrentWidget(m_mappings);
}

void SettingsPage::showUsers()
{
    if (m_users)
        m_tabs->setCurrentWidget(m_users);
}

void SettingsPage::chooseAnchorFile()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                              + QStringLiteral("/tillbridge-audit-anchor-%1.json")
                                    .arg(QDate::currentDate().toString(Qt::ISODate));
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export audit anchor"), suggested,
                                                          tr("Audit anchor (*.json)"));
    if (!fileName.isEmpty())
        exportAnchor(fileName);
}

void SettingsPage::exportAnchor(const QString &fileName)
{
    m_exportAnchor->setEnabled(false);
    m_anchorStatus->setText(tr("Verifying the audit chain before exporting its head…"));
    Core::readInBackground<Core::AuditAnchor>(m_databasePath, [](const QSqlDatabase &db) {
        return Core::AuditChain::verifiedHead(db);
    }).then(this, [this, fileName](const Core::Result<Core::AuditAnchor> &anchor) {
        if (!anchor) {
            Q_EMIT anchorExported(false, anchor.errorString());
            return;
        }
        if (auto saved = anchor->save(fileName); !saved) {
            Q_EMIT anchorExported(false, saved.errorString());
            return;
        }
        Q_EMIT anchorExported(true, tr("Anchored entry %1 in %2.")
                                        .arg(anchor->seq)
                                        .arg(QDir::toNativeSeparators(fileName)));
    });
}

} // namespace Tillbridge::Ui
