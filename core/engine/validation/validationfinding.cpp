// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/validation/validationfinding.h"

#include <algorithm>
#include <utility>

namespace Tillbridge::Core {

ValidationFinding ValidationFinding::make(ExceptionKind kind, QString explanation, QJsonObject details,
                                          int lineIndex)
{
    return ValidationFinding{kind, ExceptionKinds::defaultSeverity(kind), std::move(explanation), std::move(details),
                             lineIndex};
}

bool isBlocking(const QList<ValidationFinding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const ValidationFinding &finding) { return finding.severity == Severity::Blocking; });
}

} // namespace Tillbridge::Core
