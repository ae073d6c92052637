// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money/currency.h"

#include <QCoreApplication>

#include <array>

namespace Tillbridge::Core {

namespace {
struct KnownCurrency
{
    const char code[4];
    int exponent;
};

// ISO 4217 minor units for the currencies a Sitoo/Prima retailer may trade in. Extend deliberately, with the exponent
// taken from the ISO table, never by default.
constexpr std::array kKnownCurrencies{
    KnownCurrency{"AED", 2}, KnownCurrency{"AUD", 2}, KnownCurrency{"BGN", 2}, KnownCurrency{"BHD", 3},
    KnownCurrency{"BRL", 2}, KnownCurrency{"CAD", 2}, KnownCurrency{"CHF", 2}, KnownCurrency{"CLP", 0},
    KnownCurrency{"CNY", 2}, KnownCurrency{"CZK", 2}, KnownCurrency{"DKK", 2}, KnownCurrency{"EUR", 2},
    KnownCurrency{"GBP", 2}, KnownCurrency{"HKD", 2}, KnownCurrency{"HUF", 2}, KnownCurrency{"IQD", 3},
    KnownCurrency{"ISK", 0}, KnownCurrency{"JOD", 3}, KnownCurrency{"JPY", 0}, KnownCurrency{"KRW", 0},
    KnownCurrency{"KWD", 3}, KnownCurrency{"LYD", 3}, KnownCurrency{"MXN", 2}, KnownCurrency{"NOK", 2},
    KnownCurrency{"NZD", 2}, KnownCurrency{"OMR", 3}, KnownCurrency{"PLN", 2}, KnownCurrency{"RON", 2},
    KnownCurrency{"SAR", 2}, KnownCurrency{"SEK", 2}, KnownCurrency{"SGD", 2}, KnownCurrency{"TND", 3},
    KnownCurrency{"TRY", 2}, KnownCurrency{"USD", 2}, KnownCurrency{"VND", 0}, KnownCurrency{"ZAR", 2},
};

constexpr quint32 pack(char a, char b, char c)
{
    return (quint32(quint8(a)) << 16) | (quint32(quint8(b)) << 8) | quint32(quint8(c));
}
} // namespace

Result<Currency> Currency::fromCode(QStringView code)
{
    if (code.size() == 3) {
        for (const auto &known : kKnownCurrencies) {
            if (code.at(0) == QLatin1Char(known.code[0]) && code.at(1) == QLatin1Char(known.code[1])
                && code.at(2) == QLatin1Char(known.code[2])) {
                return Currency(pack(known.code[0], known.code[1], known.code[2]), known.exponent);
            }
        }
    }
    return Error{ErrorCode::InvalidInput,
                 QCoreApplication::translate("Tillbridge::Core::Currency",
                                             "“%1” is not a currency code Tillbridge knows (ISO 4217, upper case, "
                                             "such as SEK or GBP).")
                     .arg(code)};
}

Currency Currency::of(QStringView code)
{
    auto result = fromCode(code);
    Q_ASSERT_X(result.ok(), "Currency::of", "unknown currency code");
    return result.valueOr(Currency());
}

QString Currency::code() const
{
    if (!isValid())
        return {};
    const char letters[3] = {char((m_packed >> 16) & 0xff), char((m_packed >> 8) & 0xff), char(m_packed & 0xff)};
    return QString::fromLatin1(letters, 3);
}

} // namespace Tillbridge::Core
