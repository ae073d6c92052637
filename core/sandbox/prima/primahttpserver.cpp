// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primahttpserver.h"

#include "core/prima/primajson.h"

#include <QtHttpServer/QHttpServerRequest>

#include <QDateTime>
#include <QTcpSocket>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace Tillbridge::Sandbox {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

} // namespace

QByteArray PrimaHttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

PrimaHttpServer::PrimaHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

bool PrimaHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    PrimaHttpRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path(QUrl::FullyDecoded);
    copy.query = request.query();
    copy.headers = request.headers();
    copy.body = request.body();
    m_handler(copy, socket);
    return true; // every request is answered (or deliberately not) by the handler
}

void PrimaHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    writeResponse(socket, 404, {{"Content-Type", "application/problem+json"}},
                  R"({"type":"about:blank","title":"Not found","status":404})");
}

void PrimaHttpServer::writeResponse(QTcpSocket *socket, int status, const QList<QPair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Date: " + Core::PrimaJson::httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    socket->write(out);
}

void PrimaHttpServer::resetConnection(QTcpSocket *socket)
{
    if (!socket)
        return;
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor != -1) {
        struct linger option{};
        option.l_onoff = 1;
        option.l_linger = 0;
#if defined(Q_OS_WIN)
        ::setsockopt(SOCKET(descriptor), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option),
                     sizeof option);
#else
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
#endif
    }
    socket->abort();
}

} // namespace Tillbridge::Sandbox
