// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/scenario/ean13.h"

namespace Tillbridge::Sandbox::Ean13 {

int checkDigit(QStringView twelveDigits)
{
    if (twelveDigits.size() != 12)
        return -1;
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        const QChar c = twelveDigits.at(i);
        if (c < u'0' || c > u'9')
            return -1;
        // GS1 weights alternate 1, 3 from the left for the twelve data digits of an EAN-13.
        sum += (c.unicode() - u'0') * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10;
}

QString withCheckDigit(QStringView twelveDigits)
{
    const int digit = checkDigit(twelveDigits);
    if (digit < 0)
        return QString();
    return twelveDigits.toString() + QChar(u'0' + digit);
}

bool isValid(QStringView barcode)
{
    if (barcode.size() != 13)
        return false;
    const QChar last = barcode.at(12);
    if (last < u'0' || last > u'9')
        return false;
    return checkDigit(barcode.first(12)) == last.unicode() - u'0';
}

} // namespace Tillbridge::Sandbox::Ean13
