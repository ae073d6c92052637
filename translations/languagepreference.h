// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Tillbridge::I18n {

/** The workbench language chosen in Settings; System follows the operating system's locale. */
enum class Language { System, English, Swedish };

/** The choice saved in Tillbridge's settings file (System when nothing was saved or the value is unknown). */
Language storedLanguage();
void storeLanguage(Language language);

/** The setting's value in the settings file ("system", "en", "sv") and back. */
QString languageKey(Language language);
Language languageFromKey(const QString &key);

/**
 * The locale the workbench runs in: the system's for System, British English or Swedish (Sweden) otherwise. Money,
 * dates and numbers are formatted in it (QLocale::setDefault) and the catalogues are chosen by its language.
 */
QLocale localeFor(Language language, const QLocale &system = QLocale::system());

/** Tillbridge's own catalogues (compiled into the binaries under :/i18n). */
QStringList tillbridgeCatalogues();

/**
 * Installs Tillbridge's catalogues for `locale` (those present in this binary) and, when at least one of them
 * matched, Qt's own strings for that language (qtbase_xx, or the older single qt_xx where Qt ships no qtbase_xx).
 * English, and any language Tillbridge is not translated into, gets the English catalogues, which hold only the
 * plural forms of the `%n` strings; Qt's are left out then, so that a window never mixes two languages.
 * Returns the catalogue files that were installed, e.g. "tillbridge_ui_sv.qm" or "tillbridge_ui_en.qm".
 */
QStringList installTranslators(QCoreApplication *application, const QLocale &locale);

} // namespace Tillbridge::I18n
