// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>

#include <utility>

namespace Tillbridge::Test {

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 that answers requests from a script, one step per request: a response, a
 * response after a delay, a connection closed without answering, or no answer at all. It records what it received.
 * Optionally serves TLS with a given certificate and key. For transport tests only.
 */
class ScriptedHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Step
    {
        enum class Action { Respond, Close, Hang };
        Action action = Action::Respond;
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;

        static Step respond(int status, QByteArray body = {}, QList<std::pair<QByteArray, QByteArray>> headers = {});
        static Step close();
        static Step hang();
    };

    struct Received
    {
        QByteArray method;
        QByteArray path;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);

    /** Listens on 127.0.0.1, any free port. With a certificate, speaks TLS. */
    bool start(const QSslCertificate &certificate = QSslCertificate(), const QSslKey &key = QSslKey(),
               const QList<QSslCertificate> &chain = {});
    QUrl url(const QString &path = QStringLiteral("/")) const;

    void setScript(QList<Step> steps) { m_script = std::move(steps); }
    /** When the script runs out, every further request gets this. */
    void setDefault(const Step &step) { m_default = step; }
    QList<Received> received() const { return m_received; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void serve(class QTcpSocket *socket);

    QList<Step> m_script;
    Step m_default;
    QList<Received> m_received;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QSslCertificate> m_chain;
};

} // namespace Tillbridge::Test
