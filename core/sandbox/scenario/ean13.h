// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Tillbridge::Sandbox::Ean13 {

/** The GS1 check digit (0-9) of twelve digits, or -1 when the text is not exactly twelve ASCII digits. */
int checkDigit(QStringView twelveDigits);

/** The thirteen-digit barcode: the twelve digits followed by their check digit (empty on bad input). */
QString withCheckDigit(QStringView twelveDigits);

/** True for thirteen ASCII digits whose last digit is the check digit of the first twelve. */
bool isValid(QStringView barcode);

} // namespace Tillbridge::Sandbox::Ean13
