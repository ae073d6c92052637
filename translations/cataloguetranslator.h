// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

namespace Tillbridge::I18n {

/**
 * Looks Tillbridge's strings up by source text (and disambiguation), not by context.
 *
 * The sources translate through file-local tr() helpers with a hand-written context and use C++17 nested
 * namespaces; Qt 6.4's lupdate guesses other contexts for many of those calls ("Tillbridge::Core",
 * "UserRepository", ...). The build therefore compiles each catalogue with all its contexts merged into one
 * (kMergedContext), and this translator asks for that context whatever the caller's. The completeness test refuses
 * a catalogue in which one source text has two different translations, so nothing is lost by the merge. A
 * disambiguated request this catalogue holds no entry for gets an empty answer (not QTranslator's fallback to the
 * plain entry), so that the catalogue that does hold it is asked next.
 */
class CatalogueTranslator : public QTranslator
{
    Q_OBJECT

public:
    static constexpr const char *kMergedContext = "Tillbridge";

    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
};

} // namespace Tillbridge::I18n
