// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/validation/validationfinding.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

/** The verdict on one order: what `tillbridge-cli validate-orders` prints as one JSON line. */
struct OrderVerdict
{
    qint64 orderId = 0;
    bool ready = false;
    QList<ValidationFinding> findings;

    /** {"orderid":…,"verdict":"ready"|"quarantined","exceptions":[{"kind":"…","detail":"…"}]} */
    QJsonObject toJson() const;
};

/**
 * Validates Sitoo order JSON from files, without a cache and without posting: the same parser and rules as the
 * engine, with the item master and mappings read from files (docs/configuration.md). Refunds are checked against
 * the sales earlier in the same input. Without an item master every SKU counts as known (the check is skipped, and
 * said so); without a store mapping an order's store is unmapped.
 */
class OfflineValidator
{
public:
    /** Prima's items as GET /items answers them ({"items":[…]}) or a bare array of such items. */
    Status loadItems(const QByteArray &json);
    /** The mapping import format of MappingRepository. */
    Status loadMappings(const QByteArray &json);

    /** An /orders.json envelope or a bare array; one verdict per order, in input order. */
    Result<QList<OrderVerdict>> validate(const QByteArray &ordersJson, const QString &sitooAccount = QString());

private:
    std::optional<QHash<QString, bool>> m_items; ///< SKU → blocked
    QHash<QString, QHash<QString, QString>> m_mappings; ///< kind code → source key → target
};

} // namespace Tillbridge::Core
