// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/scenario/scenariooptions.h"

namespace Tillbridge::Sandbox {

/**
 * Builds a Scenario from ScenarioOptions, deterministically: a seeded QRandomGenerator drives every choice, so the
 * same options give a byte-identical Scenario::toCanonicalJson() on every run and machine.
 *
 * What it produces (sitoo-api.md §3, §5; reliability.md §3, §6.1):
 * - stores alternating between a UK region (GBP; VAT 20/5/0 %; Europe/London) and a Swedish one (SEK; VAT 25/12/6 %;
 *   Europe/Stockholm), each with one FIFO or Virtual warehouse, 1-3 registers and a Prima location code;
 * - a style × colour × size catalogue with EAN-13 barcodes, gross prices in both currencies and VAT by product group;
 * - trading days of POS sales and refunds in Sitoo's order read model, with per-row VAT rounding
 *   (net = round(gross / (1 + VAT)), half away from zero), vouchers, split tenders and Swedish cash rounding;
 * - Z-reports per register and day, POS payment types and warehouse stock levels;
 * - at the configured rate, realistic defects, each listed in Scenario::defects().
 *
 * Work is linear in the number of orders: 100,000 orders take a few seconds at most.
 */
class ScenarioGenerator
{
public:
    /** Options are clamped to sane ranges (at least one store, day, order and style; rates within [0, 1]). */
    explicit ScenarioGenerator(const ScenarioOptions &options = ScenarioOptions());

    /** The clamped options. */
    const ScenarioOptions &options() const { return m_options; }

    /** Generates the scenario. Pure: calling it twice gives identical results. */
    Scenario generate() const;

private:
    ScenarioOptions m_options;
};

} // namespace Tillbridge::Sandbox
