// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/connectionsettings.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Tillbridge::Core {
class ConnectionTester;
class SecretStore;
}

namespace Tillbridge::Ui {

/**
 * The Sitoo and Prima connections: addresses and ids (saved to the settings file) and the API password / access
 * token (saved only to the system keychain; the fields are never filled back in). "Test connection" asks each
 * system for something harmless and says plainly what happened.
 */
class ConnectionsForm : public QWidget
{
    Q_OBJECT

public:
    ConnectionsForm(Core::SecretStore *secrets, QWidget *parent = nullptr);

    void setSettings(const Core::ConnectionSettings &settings);
    Core::ConnectionSettings settingsFromForm() const;

    QString sitooStatus() const;
    QString primaStatus() const;

public Q_SLOTS:
    /** Saves the addresses, and the secrets typed in, then reports in the status lines. */
    void save();
    void testSitoo();
    void testPrima();

Q_SIGNALS:
    /** The connections were saved (the engine should pick them up). */
    void saved(const Tillbridge::Core::ConnectionSettings &settings);
    void sitooTested(bool ok);
    void primaTested(bool ok);

private:
    void setStatus(QLabel *label, bool ok, const QString &text);
    void storeSecret(const QString &key, QLineEdit *field, const QString &what);

    Core::SecretStore *m_secrets;
    Core::ConnectionTester *m_tester;
    QLineEdit *m_sitooUrl;
    QLineEdit *m_sitooAccount;
    QLineEdit *m_sitooApiId;
    QLineEdit *m_sitooPassword;
    QLineEdit *m_primaUrl;
    QLineEdit *m_primaToken;
    QLineEdit *m_caFile;
    QPushButton *m_testSitoo;
    QPushButton *m_testPrima;
    QLabel *m_sitooStatus;
    QLabel *m_primaStatus;
    QLabel *m_saveStatus;
};

} // namespace Tillbridge::Ui
