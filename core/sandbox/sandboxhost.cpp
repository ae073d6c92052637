// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sandboxhost.h"

namespace Tillbridge::Sandbox {

SandboxHost::SandboxHost(DemoSandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("sandbox"));
}

SandboxHost::~SandboxHost()
{
    if (m_sandbox) {
        // The emulators' sockets and the ledger connection belong to the sandbox thread: destroy them there.
        QMetaObject::invokeMethod(
            m_sandbox, [sandbox = m_sandbox] { delete sandbox; }, Qt::BlockingQueuedConnection);
        m_sandbox = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

void SandboxHost::start()
{
    if (m_sandbox)
        return;
    m_sandbox = new DemoSandbox(m_options); // no parent: it moves to the thread
    m_sandbox->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_sandbox, [this, sandbox = m_sandbox] {
        const auto endpoints = sandbox->start();
        // Report back on the host's thread.
        QMetaObject::invokeMethod(this, [this, endpoints] {
            if (endpoints) {
                m_endpoints = *endpoints;
                m_running = true;
                Q_EMIT started(*endpoints);
            } else {
                Q_EMIT failed(endpoints.errorString());
            }
        });
    });
}

} // namespace Tillbridge::Sandbox
