// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace Tillbridge::Core {

/**
 * Sets the application name, version and organisation on QCoreApplication, so that the GUI and the CLI agree on
 * where the cache, settings and keychain entries live. Call right after constructing the application object.
 */
void setApplicationIdentity();

QString applicationVersion();

/**
 * Tillbridge's settings file (INI, in the per-user config folder). Addresses and preferences only: never a
 * secret, which lives in the keychain.
 */
std::unique_ptr<QSettings> openSettings();

/**
 * Chooses the settings file openSettings() opens: "" for the normal one, "demo" for the demo's, so that the demo
 * never overwrites a real configuration. Call once at start-up, before any settings are read.
 */
void setSettingsProfile(const QString &profile);

/** The keychain service name under which every Tillbridge secret is stored. */
QString keychainService();

} // namespace Tillbridge::Core
