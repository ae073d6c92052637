// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to tillbridge_sandbox: Qt HttpServer is linked privately, so this header must not be included from a
// public sandbox header.

#include <QtHttpServer/QAbstractHttpServer>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

namespace Tillbridge::Sandbox {

/** What the emulator needs of a request, copied out of Qt's request object (which is reused for the next one). */
struct PrimaHttpRequest
{
    QByteArray method; ///< "GET", "POST", ...
    QString path;      ///< decoded path, e.g. "/prima/v1/sales-orders"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /** A header's value, names compared case-insensitively; empty when absent. */
    QByteArray header(const QByteArray &name) const;
};

/**
 * The HTTP/1.1 front of the sandbox Prima on Qt HttpServer 6.4's low-level API. QHttpServer (the routing class) is
 * not used because in 6.4 it answers synchronously and hides the socket, and the fault schedule needs both: answers
 * written later (slow, commit-then-hang) and connections reset after a commit. QAbstractHttpServer::handleRequest()
 * hands over the QTcpSocket, so answers are written to it directly, now or later, and a reset is a real TCP reset
 * (SO_LINGER 0, then abort()).
 */
class PrimaHttpServer final : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const PrimaHttpRequest &request, QTcpSocket *socket)>;

    explicit PrimaHttpServer(Handler handler, QObject *parent = nullptr);

    /**
     * Writes a complete HTTP/1.1 answer (status line, the given headers, Content-Length, Date, body) to @p socket.
     * Does nothing if the socket is gone or closed (the client gave up).
     */
    static void writeResponse(QTcpSocket *socket, int status, const QList<QPair<QByteArray, QByteArray>> &headers,
                              const QByteArray &body);

    /**
     * Resets the connection: SO_LINGER with a zero timeout makes the close send a TCP RST instead of a FIN, so the
     * client sees "connection reset by peer" with no answer, as after a crashed or killed server.
     */
    static void resetConnection(QTcpSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Tillbridge::Sandbox
