// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations/cataloguetranslator.h"

namespace Tillbridge::I18n {

QString CatalogueTranslator::translate(const char *, const char *sourceText, const char *disambiguation, int n) const
{
    return QTranslator::translate(kMergedContext, sourceText, disambiguation, n);
}

} // namespace Tillbridge::I18n
