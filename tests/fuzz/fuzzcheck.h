// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by every fuzz target: invariant checks that stop the run (so libFuzzer saves the input as a crasher), and
// the rule that no exception may leave a parser. Targets never create a QCoreApplication, install a translator or
// change a default (locale, time zone, message pattern): each input is handled with local values only, so one run
// cannot change what the next one sees, and each target checks that by parsing every input twice.

#include "core/money/money.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace TillbridgeFuzz {

[[noreturn]] inline void fail(const char *what, const char *file, int line, const QString &detail = QString())
{
    std::fprintf(stderr, "\n*** Tillbridge fuzz invariant failed at %s:%d: %s\n%s\n", file, line, what,
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

/** Runs one input; an exception escaping production code is a finding like a crash. */
template<typename Work>
int runOne(Work &&work)
{
    try {
        work();
    } catch (const std::exception &e) {
        fail("an exception escaped", __FILE__, __LINE__, QString::fromLocal8Bit(e.what()));
    } catch (...) {
        fail("an exception of unknown type escaped", __FILE__, __LINE__);
    }
    return 0;
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    // A deep copy: QByteArray::fromRawData would let a parser keep a view of libFuzzer's buffer past the call.
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace TillbridgeFuzz

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::TillbridgeFuzz::fail(#condition, __FILE__, __LINE__);                                                    \
    } while (0)

#define FUZZ_CHECK_MSG(condition, detail)                                                                              \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::TillbridgeFuzz::fail(#condition, __FILE__, __LINE__, (detail));                                          \
    } while (0)

namespace TillbridgeFuzz {

/**
 * A parsed amount is whole minor units in the expected currency, and its wire text reads back as exactly the same
 * amount (what Tillbridge stores and sends is what it read).
 */
inline void checkMoney(const Tillbridge::Core::Money &amount, Tillbridge::Core::Currency currency)
{
    using Tillbridge::Core::Money;
    FUZZ_CHECK(amount.isValid());
    FUZZ_CHECK_MSG(amount.currency() == currency, amount.currency().code() + u" vs " + currency.code());
    const QString wire = amount.toWireString();
    const auto again = Money::parse(wire, currency);
    FUZZ_CHECK_MSG(again.ok() && *again == amount, wire);
}

inline void checkMoney(const std::optional<Tillbridge::Core::Money> &amount, Tillbridge::Core::Currency currency)
{
    if (amount)
        checkMoney(*amount, currency);
}

} // namespace TillbridgeFuzz

#include "core/sitoo/sitootypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace TillbridgeFuzz {

/** How many elements a Sitoo list body holds (bare array or {"items": [...]}), as QJsonDocument reads it. */
inline qsizetype sitooElementCount(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isArray())
        return document.array().size();
    return document.object().value(QStringLiteral("items")).toArray().size();
}

/**
 * One bad record never hides the others, and is never dropped silently: every element is either in items or
 * counted as skipped with at least one problem that says why.
 */
template<typename T>
void checkSitooList(const Tillbridge::Core::Result<Tillbridge::Core::SitooList<T>> &list, const QByteArray &body)
{
    if (!list) {
        FUZZ_CHECK(!list.errorString().isEmpty());
        return;
    }
    FUZZ_CHECK(list->skippedCount >= 0);
    FUZZ_CHECK_MSG(list->items.size() + list->skippedCount == sitooElementCount(body),
                   QString::number(list->items.size()) + u" + " + QString::number(list->skippedCount));
    FUZZ_CHECK(list->problems.size() >= list->skippedCount);
    if (list->totalCount)
        FUZZ_CHECK(*list->totalCount >= 0);
}

} // namespace TillbridgeFuzz
