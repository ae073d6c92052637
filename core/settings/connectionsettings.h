// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSslCertificate>
#include <QString>
#include <QUrl>

class QSettings;

namespace Tillbridge::Core {

/**
 * Where Tillbridge finds Sitoo and Prima. Only addresses and ids live here (in the settings file); the Sitoo API
 * password and the Prima token live in the system keychain under the keys SecretStore derives from these ids.
 */
struct ConnectionSettings
{
    /** Sitoo REST v2: the account's base URL, e.g. https://api.mysitoo.com/v2/accounts/90001 (hosts differ by region). */
    QUrl sitooBaseUrl;
    QString sitooAccountId;
    QString sitooApiId;  ///< "{accountid}-{n}"; the keychain key of the API password is "sitoo/<API id>"
    int sitooEshopId = 1;
    /** The Prima gateway, e.g. https://erp.example.com/prima/v1. */
    QUrl primaBaseUrl;
    /** An extra CA certificate (PEM) to trust for either connection, for a customer's internal CA. */
    QString extraCaFile;

    bool isSitooConfigured() const { return sitooBaseUrl.isValid() && !sitooApiId.isEmpty(); }
    bool isPrimaConfigured() const { return primaBaseUrl.isValid(); }

    /** Keychain key of the Prima token: "prima/<host>" (house style §14; the same key RestPrimaGateway reads). */
    QString primaTokenKey() const;
    QString sitooPasswordKey() const;

    /** The extra CA certificates, or an error naming the file when it cannot be read. Empty list when none. */
    Result<QList<QSslCertificate>> extraCaCertificates() const;

    /** Checks what a person typed: URLs must be absolute http(s), ids present. */
    Status validate() const;

    static ConnectionSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace Tillbridge::Core
