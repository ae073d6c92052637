// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settings/connectionsettings.h"

#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::ConnectionSettings", text);
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() && (url.scheme() == u"https" || url.scheme() == u"http");
}
} // namespace

QString ConnectionSettings::primaTokenKey() const
{
    return SecretStore::primaTokenKey(primaBaseUrl.host());
}

QString ConnectionSettings::sitooPasswordKey() const
{
    return SecretStore::sitooPasswordKey(sitooApiId);
}

Result<QList<QSslCertificate>> ConnectionSettings::extraCaCertificates() const
{
    if (extraCaFile.isEmpty())
        return QList<QSslCertificate>();
    QFile file(extraCaFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, tr("The CA certificate file %1 cannot be read: %2")
                                        .arg(QDir::toNativeSeparators(extraCaFile), file.errorString())};
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1 contains no PEM certificate.").arg(QDir::toNativeSeparators(extraCaFile))};
    }
    return certificates;
}

Status ConnectionSettings::validate() const
{
    if (!sitooBaseUrl.isEmpty() && !isHttpUrl(sitooBaseUrl))
        return Error{ErrorCode::InvalidInput, tr("The Sitoo address must start with https:// and name a server.")};
    if (isHttpUrl(sitooBaseUrl) && sitooApiId.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Enter the Sitoo API id (it looks like 90001-1).")};
    if (!primaBaseUrl.isEmpty() && !isHttpUrl(primaBaseUrl))
        return Error{ErrorCode::InvalidInput, tr("The Prima address must start with https:// and name a server.")};
    if (auto certificates = extraCaCertificates(); !certificates)
        return certificates.error();
    return Status::success();
}

ConnectionSettings ConnectionSettings::load(QSettings &settings)
{
    ConnectionSettings connections;
    settings.beginGroup(QStringLiteral("connections"));
    connections.sitooBaseUrl = QUrl(settings.value(QStringLiteral("sitoo/baseUrl")).toString());
    connections.sitooAccountId = settings.value(QStringLiteral("sitoo/accountId")).toString();
    connections.sitooApiId = settings.value(QStringLiteral("sitoo/apiId")).toString();
    connections.sitooEshopId = settings.value(QStringLiteral("sitoo/eshopId"), 1).toInt();
    connections.primaBaseUrl = QUrl(settings.value(QStringLiteral("prima/baseUrl")).toString());
    connections.extraCaFile = settings.value(QStringLiteral("tls/extraCaFile")).toString();
    settings.endGroup();
    return connections;
}

void ConnectionSettings::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("connections"));
    settings.setValue(QStringLiteral("sitoo/baseUrl"), sitooBaseUrl.toString());
    settings.setValue(QStringLiteral("sitoo/accountId"), sitooAccountId);
    settings.setValue(QStringLiteral("sitoo/apiId"), sitooApiId);
    settings.setValue(QStringLiteral("sitoo/eshopId"), sitooEshopId);
    settings.setValue(QStringLiteral("prima/baseUrl"), primaBaseUrl.toString());
    settings.setValue(QStringLiteral("tls/extraCaFile"), extraCaFile);
    settings.endGroup();
}

} // namespace Tillbridge::Core
