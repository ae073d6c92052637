// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations/cataloguetranslator.h"

namespace Tillbridge::I18n {

namespace {
// No message carries this disambiguation: asking with it gives what QTranslator falls back to for a disambiguation
// the catalogue does not hold (the translation of the plain text).
constexpr const char *kNoSuchDisambiguation = "\x01";
} // namespace

QString CatalogueTranslator::translate(const char *, const char *sourceText, const char *disambiguation, int n) const
{
    const QString translated = QTranslator::translate(kMergedContext, sourceText, disambiguation, n);
    if (!disambiguation || !*disambiguation || translated.isEmpty())
        return translated;
    // QTranslator answers a disambiguated request it has no entry for with its plain entry, so the first catalogue
    // that knows "Open" would answer for every "Open" of every other catalogue. Only a real answer counts here; an
    // empty one lets QCoreApplication ask the next catalogue. (The catalogue test makes sure a disambiguation always
    // changes the translation, so a real answer never equals the plain one.)
    if (translated == QTranslator::translate(kMergedContext, sourceText, kNoSuchDisambiguation, n))
        return {};
    return translated;
}

} // namespace Tillbridge::I18n
