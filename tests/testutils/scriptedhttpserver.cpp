// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutils/scriptedhttpserver.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace Tillbridge::Test {

ScriptedHttpServer::Step ScriptedHttpServer::Step::respond(int status, QByteArray body,
                                                           QList<std::pair<QByteArray, QByteArray>> headers)
{
    Step step;
    step.status = status;
    step.body = std::move(body);
    step.headers = std::move(headers);
    return step;
}

ScriptedHttpServer::Step ScriptedHttpServer::Step::close()
{
    Step step;
    step.action = Action::Close;
    return step;
}

ScriptedHttpServer::Step ScriptedHttpServer::Step::hang()
{
    Step step;
    step.action = Action::Hang;
    return step;
}

QByteArray ScriptedHttpServer::Received::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QTcpServer(parent)
{
}

bool ScriptedHttpServer::start(const QSslCertificate &certificate, const QSslKey &key,
                               const QList<QSslCertificate> &chain)
{
    m_certificate = certificate;
    m_key = key;
    m_chain = chain;
    return listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_certificate.isNull() ? QStringLiteral("http") : QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(serverPort());
    url.setPath(path);
    return url;
}

void ScriptedHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        socket->deleteLater();
        return;
    }
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    if (!m_certificate.isNull()) {
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        QSslConfiguration tls = socket->sslConfiguration();
        tls.setLocalCertificateChain(QList<QSslCertificate>{m_certificate} + m_chain);
        socket->setSslConfiguration(tls);
        // The client refusing our certificate is the point of several tests; our side has nothing to verify.
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->startServerEncryption();
    }
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
        Received received;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        received.method = requestLine.value(0);
        received.path = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            received.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer->size() < headerEnd + 4 + contentLength)
            return;
        received.body = buffer->mid(headerEnd + 4, contentLength);
        buffer->remove(0, headerEnd + 4 + contentLength);
        m_received.append(received);
        serve(socket);
    });
}

void ScriptedHttpServer::serve(QTcpSocket *socket)
{
    const Step step = m_script.isEmpty() ? m_default : m_script.takeFirst();
    QPointer<QTcpSocket> guard(socket);
    auto act = [guard, step] {
        if (!guard)
            return;
        switch (step.action) {
        case Step::Action::Hang:
            return;
        case Step::Action::Close:
            guard->abort();
            return;
        case Step::Action::Respond:
            break;
        }
        QByteArray response = "HTTP/1.1 " + QByteArray::number(step.status) + " Scripted\r\n";
        for (const auto &[name, value] : step.headers)
            response += name + ": " + value + "\r\n";
        response += "Content-Length: " + QByteArray::number(step.body.size()) + "\r\n";
        response += "Connection: close\r\n\r\n" + step.body;
        guard->write(response);
        guard->disconnectFromHost();
    };
    if (step.delayMs > 0)
        QTimer::singleShot(step.delayMs, socket, act);
    else
        act();
}

} // namespace Tillbridge::Test
