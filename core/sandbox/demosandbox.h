// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/sandbox/prima/primaemulatorconfig.h"
#include "core/sandbox/prima/primasandboxseed.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/scenario/scenariooptions.h"
#include "core/sandbox/sitoo/sitooemulatoroptions.h"

#include <QMetaType>
#include <QObject>
#include <QUrl>

namespace Tillbridge::Sandbox {

class PrimaEmulator;
class SitooEmulator;

/** What it takes to run the sandbox: the scenario, each emulator's knobs, and where the Prima ledger lives. */
struct DemoSandboxOptions
{
    ScenarioOptions scenario;
    SitooEmulatorOptions sitoo;
    PrimaEmulatorConfig prima; ///< an empty databasePath becomes <dataDirectory>/prima-ledger.sqlite
    QString dataDirectory;     ///< required when prima.databasePath is empty
};

/** Where the running sandbox listens and the credentials it accepts (generated for this run). */
struct SandboxEndpoints
{
    QUrl sitooBaseUrl;
    QString sitooAccountId;
    QString sitooApiId;
    QString sitooPassword;
    QUrl primaBaseUrl;
    QString primaToken;
    QByteArray mappingsJson; ///< demoMappingsJson() of the running scenario, for the engine's mapping import
};

/**
 * The demo world on loopback: a generated scenario served by a Sitoo emulator and, from the same catalogue,
 * stores and stock, a Prima emulator with its own ledger. Used by `tillbridge-cli sandbox`, the workbench's demo
 * and tests. Lives in, and must be used from, the thread that calls start().
 */
class DemoSandbox : public QObject
{
    Q_OBJECT

public:
    explicit DemoSandbox(DemoSandboxOptions options, QObject *parent = nullptr);
    ~DemoSandbox() override;

    /** Generates the scenario and starts both emulators on 127.0.0.1. */
    Core::Result<SandboxEndpoints> start();

    const Scenario &scenario() const { return m_scenario; }
    SitooEmulator *sitoo() const { return m_sitoo; }
    PrimaEmulator *prima() const { return m_prima; }

    /**
     * Prima's master data for a scenario: its catalogue (a POS-created product is, by design, missing), one
     * location per store, UK and Swedish tax codes, stock at each store from the scenario's warehouse levels,
     * open periods around the trading days. Prima items carry one price: the UK (GBP) one with its UK tax code.
     */
    static PrimaSandboxSeed primaSeed(const Scenario &scenario, const QString &token);

    /**
     * The mappings a finance team would have set up for this scenario, in MappingRepository's import format: stores
     * to Prima locations, VAT rates to the seeded tax codes, the usual tenders, every campaign voucher, and refund
     * reasons to dispositions. The one tender the scenario injects as a defect is left out on purpose.
     */
    static QByteArray demoMappingsJson(const Scenario &scenario);

private:
    DemoSandboxOptions m_options;
    Scenario m_scenario;
    SitooEmulator *m_sitoo = nullptr;
    PrimaEmulator *m_prima = nullptr;
};

} // namespace Tillbridge::Sandbox

Q_DECLARE_METATYPE(Tillbridge::Sandbox::SandboxEndpoints)
