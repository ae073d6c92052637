// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations/languagepreference.h"

#include "core/application.h"
#include "translations/cataloguetranslator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcI18n, "tillbridge.i18n")

namespace Tillbridge::I18n {

namespace {
const QString kSettingsKey = QStringLiteral("ui/language");
const QString kResourceFolder = QStringLiteral(":/i18n");
} // namespace

QString languageKey(Language language)
{
    switch (language) {
    case Language::English:
        return QStringLiteral("en");
    case Language::Swedish:
        return QStringLiteral("sv");
    case Language::System:
        break;
    }
    return QStringLiteral("system");
}

Language languageFromKey(const QString &key)
{
    if (key == u"en")
        return Language::English;
    if (key == u"sv")
        return Language::Swedish;
    return Language::System;
}

Language storedLanguage()
{
    return languageFromKey(Core::openSettings()->value(kSettingsKey).toString());
}

void storeLanguage(Language language)
{
    auto settings = Core::openSettings();
    settings->setValue(kSettingsKey, languageKey(language));
    settings->sync();
}

QLocale localeFor(Language language, const QLocale &system)
{
    switch (language) {
    case Language::English:
        return QLocale(QLocale::English, QLocale::UnitedKingdom); // the sources are British English
    case Language::Swedish:
        return QLocale(QLocale::Swedish, QLocale::Sweden);
    case Language::System:
        break;
    }
    return system;
}

QStringList tillbridgeCatalogues()
{
    return {QStringLiteral("tillbridge_core"), QStringLiteral("tillbridge_ui"), QStringLiteral("tillbridge_app"),
            QStringLiteral("tillbridge_cli"), QStringLiteral("tillbridge_reports")};
}

QStringList installTranslators(QCoreApplication *application, const QLocale &locale)
{
    QStringList installed;
    bool translated = false; // a catalogue in another language than the English sources were written in
    const QLocale english = localeFor(Language::English);
    // Ours first: QCoreApplication asks the most recently installed translator first, and Qt's catalogue (installed
    // last) only answers for Qt's own contexts, while ours answers by source text whatever the context.
    for (const QString &name : tillbridgeCatalogues()) {
        auto *translator = new CatalogueTranslator(application);
        // A language Tillbridge is not translated into gets the English catalogue: it holds only the `%n` strings,
        // so that English says "1 order" and "3 orders" where the source says "%n order(s)".
        if (translator->load(locale, name, QStringLiteral("_"), kResourceFolder)
            || translator->load(english, name, QStringLiteral("_"), kResourceFolder)) {
            QCoreApplication::installTranslator(translator);
            installed << QFileInfo(translator->filePath()).fileName();
            translated = translated || QLocale(translator->language()).language() != QLocale::English;
        } else {
            delete translator;
        }
    }
    if (!translated)
        return installed; // English, or a language Tillbridge is not translated into: Qt stays in English too
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    // Debian's Qt 6.4 has no qtbase_sv.qm, only the older complete qt_sv.qm: try qtbase first, then qt.
    for (const QString &name : {QStringLiteral("qtbase"), QStringLiteral("qt")}) {
        auto *translator = new QTranslator(application);
        if (translator->load(locale, name, QStringLiteral("_"), qtFolder)) {
            QCoreApplication::installTranslator(translator);
            installed << QFileInfo(translator->filePath()).fileName();
            break;
        }
        delete translator;
    }
    qCDebug(lcI18n) << "locale" << locale.name() << "catalogues" << installed;
    return installed;
}

} // namespace Tillbridge::I18n
