// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primafaultschedule.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace Tillbridge::Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Sandbox::PrimaFaultSchedule", text);
}

// The order of the random draw and of "@" precedence. Changing it changes which faults a seed produces.
constexpr std::array<std::pair<PrimaFault, const char *>, 9> kFaultNames{{
    {PrimaFault::RateLimited, "429"},
    {PrimaFault::RateLimitedDate, "429-date"},
    {PrimaFault::RateLimitedBare, "429-none"},
    {PrimaFault::Unavailable, "503"},
    {PrimaFault::ServerErrorBefore, "500-before"},
    {PrimaFault::Slow, "slow"},
    {PrimaFault::ServerErrorAfter, "500-after"},
    {PrimaFault::HangAfterCommit, "hang"},
    {PrimaFault::ResetAfterCommit, "reset"},
}};

int orderOf(PrimaFault fault)
{
    for (std::size_t i = 0; i < kFaultNames.size(); ++i) {
        if (kFaultNames[i].first == fault)
            return int(i);
    }
    return int(kFaultNames.size());
}

std::optional<PrimaFault> faultFromName(QStringView name)
{
    for (const auto &[fault, text] : kFaultNames) {
        if (name == QLatin1StringView(text))
            return fault;
    }
    return std::nullopt;
}

Core::Error specError(const QString &item, const QString &why)
{
    return Core::Error{Core::ErrorCode::InvalidInput, tr("Fault item “%1”: %2").arg(item, why)};
}

std::optional<qint64> positiveInteger(QStringView text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

std::optional<std::chrono::milliseconds> durationOf(QStringView text)
{
    qint64 factor = 1000;
    QStringView number = text;
    if (text.endsWith(u"ms")) {
        factor = 1;
        number.chop(2);
    } else if (text.endsWith(u's')) {
        number.chop(1);
    } else if (text.endsWith(u'm')) {
        factor = 60000;
        number.chop(1);
    }
    const auto value = positiveInteger(number);
    if (!value || *value == 0)
        return std::nullopt;
    return std::chrono::milliseconds(*value * factor);
}

quint64 splitMix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

QString primaFaultName(PrimaFault fault)
{
    if (fault == PrimaFault::None)
        return QStringLiteral("none");
    if (fault == PrimaFault::TokenBucket)
        return QStringLiteral("rate-limit");
    for (const auto &[entry, text] : kFaultNames) {
        if (entry == fault)
            return QString::fromLatin1(text);
    }
    return {};
}

bool PrimaFaultDecision::isAfterCommit() const
{
    return fault == PrimaFault::ServerErrorAfter || fault == PrimaFault::HangAfterCommit
        || fault == PrimaFault::ResetAfterCommit;
}

QString PrimaFaultDecision::label() const
{
    if (fault == PrimaFault::None)
        return primaFaultName(fault);
    return origin.isEmpty() ? primaFaultName(fault) : primaFaultName(fault) + u'(' + origin + u')';
}

double PrimaFaultSchedule::uniform(quint64 seed, qint64 sequence)
{
    // Two rounds so that neighbouring seeds and sequence numbers give unrelated values.
    const quint64 mixed = splitMix64(splitMix64(seed) ^ static_cast<quint64>(sequence));
    return double(mixed >> 11) * 0x1.0p-53;
}

Core::Result<PrimaFaultSchedule> PrimaFaultSchedule::parse(const QString &spec)
{
    PrimaFaultSchedule schedule;
    schedule.m_spec = spec;
    double total = 0.0;
    const QStringList items = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &rawItem : items) {
        QString item = rawItem;
        item.remove(QRegularExpression(QStringLiteral("\\s+")));
        if (item.isEmpty())
            continue;

        if (item.startsWith(u"seed=")) {
            bool ok = false;
            const quint64 seed = QStringView(item).mid(5).toULongLong(&ok);
            if (!ok)
                return specError(item, tr("the seed must be a non-negative integer."));
            schedule.m_seed = seed;
            continue;
        }
        if (item.startsWith(u"rate=")) {
            const QStringView value = QStringView(item).mid(5);
            const qsizetype slash = value.indexOf(u'/');
            const auto count = positiveInteger(slash < 0 ? value : value.left(slash));
            const auto period = slash < 0 ? std::optional(std::chrono::milliseconds(1000))
                                          : durationOf(value.mid(slash + 1));
            if (!count || *count == 0 || !period)
                return specError(item, tr("write rate=COUNT/DURATION, e.g. rate=6000/300s."));
            schedule.m_rate = std::pair{int(*count), *period};
            continue;
        }

        // Split off ":param".
        std::optional<int> parameter;
        QStringView body = item;
        if (const qsizetype colon = item.indexOf(u':'); colon >= 0) {
            const auto value = positiveInteger(QStringView(item).mid(colon + 1));
            if (!value)
                return specError(item, tr("the parameter after “:” must be a non-negative integer."));
            parameter = int(*value);
            body = QStringView(item).left(colon);
        }

        if (body.startsWith(u"503-window=")) {
            for (const auto range : body.mid(11).split(u'/')) {
                const qsizetype dash = range.indexOf(u'-');
                const auto first = dash < 0 ? std::nullopt : positiveInteger(range.left(dash));
                const auto last = dash < 0 ? std::nullopt : positiveInteger(range.mid(dash + 1));
                if (!first || !last || *first < 1 || *last < *first)
                    return specError(item, tr("a window is FIRST-LAST in request numbers, e.g. 100-120."));
                schedule.m_windows.append(Window{*first, *last, parameter});
            }
            continue;
        }

        const qsizetype equals = body.indexOf(u'=');
        const qsizetype at = body.indexOf(u'@');
        const qsizetype split = equals >= 0 ? equals : at;
        if (split <= 0)
            return specError(item, tr("expected NAME=PROBABILITY or NAME@SEQUENCES."));
        const auto fault = faultFromName(body.left(split));
        if (!fault)
            return specError(item, tr("unknown fault; known are 500-before, 500-after, hang, reset, 429, 429-date, "
                                      "429-none, 503, 503-window, slow, rate and seed."));
        Rule rule;
        rule.fault = *fault;
        rule.parameter = parameter;
        if (equals >= 0) {
            bool ok = false;
            // A probability, never money: QString::toDouble always reads the C locale's decimal point.
            rule.probability = body.mid(equals + 1).toString().toDouble(&ok);
            if (!ok || rule.probability < 0.0 || rule.probability > 1.0)
                return specError(item, tr("the probability must be a decimal between 0 and 1."));
            total += rule.probability;
        } else {
            for (const auto sequence : body.mid(at + 1).split(u'/')) {
                const auto number = positiveInteger(sequence);
                if (!number || *number < 1)
                    return specError(item, tr("request numbers start at 1, e.g. hang@3/7."));
                rule.at.insert(*number);
            }
        }
        schedule.m_rules.append(rule);
    }
    if (total > 1.0 + 1e-9)
        return Core::Error{Core::ErrorCode::InvalidInput,
                           tr("The fault probabilities add up to more than 1 (%1).").arg(total)};
    std::stable_sort(schedule.m_rules.begin(), schedule.m_rules.end(),
                     [](const Rule &a, const Rule &b) { return orderOf(a.fault) < orderOf(b.fault); });
    return schedule;
}

PrimaFaultDecision PrimaFaultSchedule::decisionOf(const Rule &rule, const QString &origin)
{
    PrimaFaultDecision decision;
    decision.fault = rule.fault;
    decision.origin = origin;
    if (rule.parameter) {
        if (rule.fault == PrimaFault::HangAfterCommit || rule.fault == PrimaFault::Slow)
            decision.delay = std::chrono::milliseconds(*rule.parameter);
        else
            decision.retryAfterSeconds = *rule.parameter;
    }
    return decision;
}

PrimaFaultDecision PrimaFaultSchedule::decide(quint64 seed, qint64 sequence, bool isWrite) const
{
    for (const Window &window : m_windows) {
        if (sequence >= window.first && sequence <= window.last) {
            PrimaFaultDecision decision;
            decision.fault = PrimaFault::Unavailable;
            decision.origin = QStringLiteral("window");
            decision.retryAfterSeconds = window.retryAfterSeconds;
            return decision;
        }
    }
    const auto eligible = [isWrite](PrimaFault fault) {
        return isWrite || (fault != PrimaFault::ServerErrorAfter && fault != PrimaFault::HangAfterCommit
                           && fault != PrimaFault::ResetAfterCommit);
    };
    for (const Rule &rule : m_rules) {
        if (rule.at.contains(sequence) && eligible(rule.fault))
            return decisionOf(rule, QStringLiteral("at"));
    }
    // One draw per request whatever it is, so that reads and writes do not shift each other's faults.
    const double draw = uniform(seed, sequence);
    double cumulative = 0.0;
    for (const Rule &rule : m_rules) {
        if (rule.probability <= 0.0)
            continue;
        cumulative += rule.probability;
        if (draw < cumulative)
            return eligible(rule.fault) ? decisionOf(rule, QStringLiteral("random")) : PrimaFaultDecision{};
    }
    return {};
}

} // namespace Tillbridge::Sandbox
