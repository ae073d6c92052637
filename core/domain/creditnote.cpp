// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/creditnote.h"

#include <array>

namespace Tillbridge::Core {

namespace {
struct DispositionCode
{
    LineDisposition disposition;
    const char *code;
};
constexpr std::array kDispositionCodes{
    DispositionCode{LineDisposition::Restock, "RESTOCK"},
    DispositionCode{LineDisposition::Quarantine, "QUARANTINE"},
    DispositionCode{LineDisposition::WriteOff, "WRITE_OFF"},
    DispositionCode{LineDisposition::NoStockMovement, "NO_STOCK_MOVEMENT"},
};
} // namespace

QString lineDispositionCode(LineDisposition disposition)
{
    for (const auto &entry : kDispositionCodes) {
        if (entry.disposition == disposition)
            return QString::fromLatin1(entry.code);
    }
    return {};
}

std::optional<LineDisposition> lineDispositionFromCode(const QString &code)
{
    for (const auto &entry : kDispositionCodes) {
        if (code == QLatin1StringView(entry.code))
            return entry.disposition;
    }
    return std::nullopt;
}

} // namespace Tillbridge::Core
