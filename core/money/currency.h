// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QMetaType>
#include <QString>
#include <QStringView>

namespace Tillbridge::Core {

/**
 * An ISO 4217 currency and its minor-unit exponent (SEK, GBP, EUR: 2; JPY: 0; KWD: 3). Only currencies Tillbridge
 * knows the exponent of are accepted: guessing an exponent would silently scale an amount by 10 or 100.
 */
class Currency
{
public:
    constexpr Currency() = default;

    /** Accepts upper-case ISO 4217 codes from the built-in table; anything else is an error naming the code. */
    static Result<Currency> fromCode(QStringView code);

    /** Convenience for code paths with a literal code that is known to be valid (asserts in debug builds). */
    static Currency of(QStringView code);

    bool isValid() const { return m_exponent >= 0; }
    QString code() const;
    int exponent() const { return m_exponent; }

    bool operator==(const Currency &other) const { return m_packed == other.m_packed; }
    bool operator!=(const Currency &other) const { return m_packed != other.m_packed; }

private:
    constexpr Currency(quint32 packed, int exponent)
        : m_packed(packed)
        , m_exponent(exponent)
    {
    }

    quint32 m_packed = 0; // three ASCII letters, one per byte
    int m_exponent = -1;
};

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::Currency)
