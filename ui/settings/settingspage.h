// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/mappingrepository.h"

#include <QSqlDatabase>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace Tillbridge::Core {
class SecretStore;
}

namespace Tillbridge::Ui {

class ConnectionsForm;
class MappingsForm;
class UsersForm;
class WorkbenchUser;

/**
 * Settings: the Sitoo and Prima connections; the Sitoo → Prima mappings (with the release preview); users and roles;
 * where the cache lives and how it is protected; the audit anchor. The mappings and users tabs need the GUI
 * connection and the signed-in user: the constructor without them leaves those tabs out.
 */
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(QString databasePath, int schemaVersion, Core::SecretStore *secrets, QWidget *parent = nullptr);
    SettingsPage(QString databasePath, int schemaVersion, Core::SecretStore *secrets, QSqlDatabase guiDb,
                 WorkbenchUser *user, QWidget *parent = nullptr);

    ConnectionsForm *connectionsForm() const { return m_connections; }
    /** The mapping editor, or nullptr when constructed without a GUI connection and user. */
    MappingsForm *mappingsForm() const { return m_mappings; }
    /** Users and roles, or nullptr when constructed without a GUI connection and user. */
    UsersForm *usersForm() const { return m_users; }

public Q_SLOTS:
    /** Shows the mapping editor on one kind (e.g. from the queue's "fix the mapping"). */
    void showMappings(Core::MappingKind kind);
    void showUsers();

public:

    /** Verifies the chain in the background and writes its head to `fileName`; anchorExported() follows. */
    void exportAnchor(const QString &fileName);

Q_SIGNALS:
    void anchorExported(bool ok, const QString &message);

private:
    void chooseAnchorFile();

    QString m_databasePath;
    ConnectionsForm *m_connections;
    MappingsForm *m_mappings = nullptr;
    UsersForm *m_users = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_exportAnchor;
    QLabel *m_anchorStatus;
};

} // namespace Tillbridge::Ui
