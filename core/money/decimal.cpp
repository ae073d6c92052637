// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money/decimal.h"

#include <QCoreApplication>

#include <limits>

namespace Tillbridge::Core {

namespace {
Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::Decimal", text);
}
} // namespace

Result<Decimal> Decimal::parse(QStringView text)
{
    if (text.isEmpty())
        return invalid(tr("The amount is empty."));

    qsizetype pos = 0;
    bool negative = false;
    if (text.front() == u'-' || text.front() == u'+') {
        negative = text.front() == u'-';
        ++pos;
    }

    // Accumulate the magnitude as a negative number so that the full qint64 range, including its minimum, parses.
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    qint64 accumulated = 0;
    int integerDigits = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    for (; pos < text.size(); ++pos) {
        const QChar c = text.at(pos);
        if (c == u'.') {
            if (seenPoint)
                return invalid(tr("“%1” has more than one decimal point.").arg(text));
            if (integerDigits == 0)
                return invalid(tr("“%1” needs a digit before the decimal point.").arg(text));
            seenPoint = true;
            continue;
        }
        if (c < u'0' || c > u'9') {
            if (c == u',')
                return invalid(tr("“%1” uses a comma; amounts must use a point as the decimal separator.").arg(text));
            if (c == u'e' || c == u'E')
                return invalid(tr("“%1” is in exponent notation, which is not accepted for amounts.").arg(text));
            return invalid(tr("“%1” is not a decimal number (unexpected character “%2”).").arg(text, QString(c)));
        }
        if (seenPoint) {
            if (++fractionDigits > kMaxScale)
                return invalid(tr("“%1” has more than %2 decimals.").arg(text).arg(kMaxScale));
        } else {
            ++integerDigits;
        }
        const int digit = c.digitValue();
        if (accumulated < (kMin + digit) / 10)
            return Error{ErrorCode::Overflow, tr("“%1” is too large to be represented exactly.").arg(text)};
        accumulated = accumulated * 10 - digit;
    }
    if (integerDigits == 0)
        return invalid(tr("“%1” contains no digits.").arg(text));
    if (seenPoint && fractionDigits == 0)
        return invalid(tr("“%1” needs a digit after the decimal point.").arg(text));
    if (!negative) {
        if (accumulated == kMin)
            return Error{ErrorCode::Overflow, tr("“%1” is too large to be represented exactly.").arg(text)};
        accumulated = -accumulated;
    }
    return Decimal(accumulated, fractionDigits);
}

Result<Decimal> Decimal::rescaled(int scale, RoundingMode mode) const
{
    if (scale < 0 || scale > kMaxScale)
        return Error{ErrorCode::InvalidInput, tr("A decimal can have between 0 and 18 decimals.")};
    std::optional<qint64> units;
    if (scale >= m_scale) {
        const Int128 scaled = Int128(m_units) * Rounding::powerOfTen(scale - m_scale);
        units = Rounding::divide(scaled, 1, mode);
    } else {
        units = Rounding::divide(m_units, Rounding::powerOfTen(m_scale - scale), mode);
    }
    if (!units)
        return Error{ErrorCode::Overflow, tr("The amount %1 is too large to be represented exactly.").arg(toString())};
    return Decimal(*units, scale);
}

Result<Decimal> Decimal::multiplied(const Decimal &other) const
{
    const int scale = m_scale + other.m_scale;
    if (scale > kMaxScale)
        return Error{ErrorCode::Overflow, tr("The product has more than 18 decimals.")};
    const auto units = Rounding::divide(Int128(m_units) * other.m_units, 1, RoundingMode::TowardZero);
    if (!units)
        return Error{ErrorCode::Overflow, tr("The product of %1 and %2 is too large.").arg(toString(), other.toString())};
    return Decimal(*units, scale);
}

QString Decimal::toString() const
{
    // Work on the unsigned magnitude so that the minimum qint64 formats too.
    const bool negative = m_units < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(m_units) : quint64(m_units);
    QString digits = QString::number(magnitude);
    if (m_scale > 0) {
        if (digits.size() <= m_scale)
            digits.prepend(QString(m_scale - digits.size() + 1, u'0'));
        digits.insert(digits.size() - m_scale, u'.');
    }
    if (negative)
        digits.prepend(u'-');
    return digits;
}

int Decimal::compare(const Decimal &other) const
{
    const int scale = std::max(m_scale, other.m_scale);
    const Int128 left = Int128(m_units) * Rounding::powerOfTen(scale - m_scale);
    const Int128 right = Int128(other.m_units) * Rounding::powerOfTen(scale - other.m_scale);
    return left < right ? -1 : (left > right ? 1 : 0);
}

} // namespace Tillbridge::Core
