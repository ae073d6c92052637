// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/application.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace Tillbridge::Core {

void setApplicationIdentity()
{
    // No organisation name: data goes to ~/.local/share/Tillbridge rather than a nested vendor folder.
    QCoreApplication::setApplicationName(QStringLiteral("Tillbridge"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("tillbridge.app"));
    QCoreApplication::setApplicationVersion(applicationVersion());
}

QString applicationVersion()
{
    return QStringLiteral(TILLBRIDGE_VERSION);
}

namespace {
QString &settingsProfile()
{
    static QString profile;
    return profile;
}
} // namespace

void setSettingsProfile(const QString &profile)
{
    settingsProfile() = profile;
}

std::unique_ptr<QSettings> openSettings()
{
    const QString name = settingsProfile().isEmpty() ? QStringLiteral("tillbridge.ini")
                                                     : QStringLiteral("tillbridge-%1.ini").arg(settingsProfile());
    return std::make_unique<QSettings>(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u'/'
                                           + name,
                                       QSettings::IniFormat);
}

QString keychainService()
{
    return QStringLiteral("Tillbridge");
}

} // namespace Tillbridge::Core
