// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/exceptionrecord.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Tillbridge::Core {

/**
 * One problem the order validator found on a Sitoo order. The engine turns each finding into an ExceptionRecord
 * (kind, severity, explanation and details carry over unchanged) when it routes the order to quarantine.
 */
struct ValidationFinding
{
    ExceptionKind kind = ExceptionKind::MalformedOrder;
    Severity severity = Severity::Blocking; ///< ExceptionKinds::defaultSeverity(kind) unless a rule says otherwise
    /**
     * For a finance person, with the numbers, e.g. "Lines 413.76 + VAT 103.44 + rounding 0.00 = 517.20; order total
     * 517.21; difference 0.01 SEK." Amounts are exact wire text plus the ISO currency code, never locale-formatted,
     * because the text is stored.
     */
    QString explanation;
    /** The figures behind the explanation: amounts as integers in minor units plus "currency"; never doubles. */
    QJsonObject details;
    int lineIndex = -1; ///< Sitoo orderitemid of the line concerned, or -1 for the whole order

    /** A finding with the kind's default severity. */
    static ValidationFinding make(ExceptionKind kind, QString explanation, QJsonObject details = {},
                                  int lineIndex = -1);
};

/** True when any finding is Blocking: the order goes to quarantine instead of the outbox. Info never blocks. */
bool isBlocking(const QList<ValidationFinding> &findings);

} // namespace Tillbridge::Core

Q_DECLARE_METATYPE(Tillbridge::Core::ValidationFinding)
