// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Tillbridge::Core {
class SecretStore;
}

namespace Tillbridge::Ui {

class ConnectionsForm;

/** Settings: the Sitoo and Prima connections; where the cache lives and how it is protected; the audit anchor. */
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(QString databasePath, int schemaVersion, Core::SecretStore *secrets, QWidget *parent = nullptr);

    ConnectionsForm *connectionsForm() const { return m_connections; }

    /** Verifies the chain in the background and writes its head to `fileName`; anchorExported() follows. */
    void exportAnchor(const QString &fileName);

Q_SIGNALS:
    void anchorExported(bool ok, const QString &message);

private:
    void chooseAnchorFile();

    QString m_databasePath;
    ConnectionsForm *m_connections;
    QPushButton *m_exportAnchor;
    QLabel *m_anchorStatus;
};

} // namespace Tillbridge::Ui
