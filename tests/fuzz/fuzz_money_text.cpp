// SPDX-License-Identifier: GPL-3.0-or-later
// Money, Decimal, VatRate and Currency text: every amount Sitoo and Prima send, and every tax_rate mapping key.
// Input: the text itself (UTF-8). Invariants: parse -> format -> parse gives back exactly the same value and scale;
// Money and Decimal agree on what they accept in a currency; the overflow-checked arithmetic on what was parsed never
// trips a sanitizer (it must fail with Overflow instead).

#include "fuzzcheck.h"

#include "core/money/currency.h"
#include "core/money/decimal.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QLocale>

using namespace Tillbridge::Core;
using TillbridgeFuzz::checkMoney;

namespace {

void checkDecimal(const QString &text)
{
    const auto parsed = Decimal::parse(text);
    const auto twice = Decimal::parse(text);
    FUZZ_CHECK(parsed.ok() == twice.ok());
    if (!parsed) {
        FUZZ_CHECK(!parsed.errorString().isEmpty());
        return;
    }
    FUZZ_CHECK(parsed->scale() >= 0 && parsed->scale() <= Decimal::kMaxScale);
    const QString formatted = parsed->toString();
    const auto again = Decimal::parse(formatted);
    FUZZ_CHECK_MSG(again.ok() && again->units() == parsed->units() && again->scale() == parsed->scale(),
                   text + u" -> " + formatted);
    // Arithmetic on what was read: checked, never undefined.
    (void)parsed->multiplied(*parsed);
    for (int scale : {0, 2, 4, Decimal::kMaxScale}) {
        for (RoundingMode mode : {RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero,
                                  RoundingMode::Floor, RoundingMode::Ceiling}) {
            const auto rescaled = parsed->rescaled(scale, mode);
            if (rescaled && scale >= parsed->scale())
                FUZZ_CHECK_MSG(rescaled->compare(*parsed) == 0, text); // adding zeros is exact
        }
    }
}

void checkMoneyIn(const QString &text, Currency currency)
{
    const auto parsed = Money::parse(text, currency);
    const auto decimal = Decimal::parse(text);
    if (!parsed) {
        FUZZ_CHECK(!parsed.errorString().isEmpty());
        return;
    }
    checkMoney(*parsed, currency);
    // Money accepts a subset of what Decimal accepts, with the same value.
    FUZZ_CHECK_MSG(decimal.ok() && parsed->toDecimal().compare(*decimal) == 0, text + u" in " + currency.code());
    (void)parsed->toDisplayString(QLocale::c());
    (void)parsed->toDisplayString(QLocale(QLocale::Swedish, QLocale::Sweden));
    const auto negated = parsed->negated();
    if (negated) {
        checkMoney(*negated, currency);
        FUZZ_CHECK(negated->minorUnits() == -parsed->minorUnits());
    }
    (void)parsed->abs();
    (void)parsed->added(*parsed);
    (void)parsed->subtracted(*parsed);
    (void)parsed->multiplied(-3);
    (void)parsed->multipliedByFraction(25, 125, RoundingMode::HalfEven);
    const auto parts = parsed->allocated({1, 2, 0, 7});
    if (parts) {
        const auto total = sum(*parts, currency);
        FUZZ_CHECK(total.ok() && *total == *parsed); // not one minor unit lost or made up
    }
}

void checkVatRate(const QString &text)
{
    const auto rate = VatRate::parse(text);
    if (!rate)
        return;
    const QString formatted = rate->toString();
    const auto again = VatRate::parse(formatted);
    FUZZ_CHECK_MSG(again.ok() && *again == *rate, text + u" -> " + formatted);
    (void)rate->toDisplayString(QLocale::c());
    const Money net(1234567, Currency::of(u"SEK"));
    (void)rate->vatFromNet(net, RoundingMode::HalfAwayFromZero);
    (void)rate->vatFromGross(net, RoundingMode::HalfAwayFromZero);
    (void)rate->netFromGross(net, RoundingMode::HalfAwayFromZero);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QString text = QString::fromUtf8(TillbridgeFuzz::bytes(data, size));
        checkDecimal(text);
        // One currency of each exponent: 2 (SEK), 0 (JPY), 3 (KWD).
        for (const char16_t *code : {u"SEK", u"JPY", u"KWD"})
            checkMoneyIn(text, Currency::of(code));
        checkVatRate(text);
        const auto currency = Currency::fromCode(text);
        if (currency)
            FUZZ_CHECK_MSG(currency->code() == text, text);
    });
}
