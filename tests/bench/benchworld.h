// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/sandbox/scenario/scenario.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

namespace Tillbridge::Bench {

/**
 * The world a benchmark runs in: a generated sandbox scenario with at least the asked number of orders, and the
 * cache set-up an engine would have after its first pass — stores, the demo mappings and Prima's item master — so
 * that clean orders validate and reach the outbox.
 */
class BenchWorld
{
public:
    /**
     * Generates a scenario of (at least) @p orders orders: eight stores (UK and Sweden alternating), as many trading
     * days as it takes, and injected defects at @p defectRate. Only the first @p orders are used.
     */
    static BenchWorld generate(int orders, double defectRate, quint32 seed);

    const Sandbox::Scenario &scenario() const { return m_scenario; }
    /** How many orders the benchmark uses (the first ones, in orderid order). */
    int orderCount() const { return m_orderCount; }
    QString sitooAccount() const { return m_scenario.credentials().accountId; }

    /**
     * The orders [first, first + count) as the exact bytes a Sitoo order-list page carries for them: the sandbox's
     * own rendering (Scenario::orderJson without log items, as the list endpoint serves it), as compact JSON, which is
     * what SitooClient keeps of each item.
     */
    QList<QByteArray> renderPage(int first, int count) const;

    /**
     * Writes what the engine's first pass would have written before any order: the stores (as SyncCycle saves them
     * from Sitoo's stores and warehouses), the demo mappings, and Prima's item master as a catalogue snapshot (as
     * the sandbox Prima serves it). Each in its own transaction, as the engine does.
     */
    Core::Status setUpCache(const QSqlDatabase &db) const;

private:
    Sandbox::Scenario m_scenario;
    int m_orderCount = 0;
};

} // namespace Tillbridge::Bench
