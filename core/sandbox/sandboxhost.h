// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/demosandbox.h"

#include <QObject>
#include <QThread>

namespace Tillbridge::Sandbox {

/**
 * Runs a DemoSandbox in a thread of its own, so that the emulators' work never competes with the workbench's GUI
 * thread. Start it, wait for started() (or failed()); destroying the host stops the emulators in their thread.
 */
class SandboxHost : public QObject
{
    Q_OBJECT

public:
    explicit SandboxHost(DemoSandboxOptions options, QObject *parent = nullptr);
    ~SandboxHost() override;

    void start();
    bool isRunning() const { return m_running; }
    const SandboxEndpoints &endpoints() const { return m_endpoints; }

Q_SIGNALS:
    void started(const Tillbridge::Sandbox::SandboxEndpoints &endpoints);
    void failed(const QString &message);

private:
    DemoSandboxOptions m_options;
    QThread m_thread;
    DemoSandbox *m_sandbox = nullptr; ///< lives in m_thread
    SandboxEndpoints m_endpoints;
    bool m_running = false;
};

} // namespace Tillbridge::Sandbox
