// SPDX-License-Identifier: GPL-3.0-or-later
// TLS is always verified: against a local HTTPS server whose certificates `openssl` makes at test time, a
// self-signed certificate, a wrong host name and an expired certificate are refused (and never retried); a
// certificate from a CA the customer configured is accepted; the same certificate without that CA is refused.
#include "core/net/clock.h"
#include "core/net/httpclient.h"

#include "tests/testutils/scriptedhttpserver.h"

#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::ScriptedHttpServer;

namespace {
struct Identity
{
    QSslCertificate certificate = QSslCertificate();
    QSslKey key = QSslKey();
};
} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verification_data();
    void verification();

private:
    bool openssl(const QStringList &arguments);
    Identity load(const QString &name) const;

    QTemporaryDir m_dir;
    QSslCertificate m_ca;
};

bool tst_Tls::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning() << "openssl" << arguments << process.readAllStandardError();
        return false;
    }
    return true;
}

Identity tst_Tls::load(const QString &name) const
{
    QFile certificate(m_dir.filePath(name + QStringLiteral(".crt")));
    QFile key(m_dir.filePath(name + QStringLiteral(".key")));
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return Identity{};
    return Identity{QSslCertificate(certificate.readAll()), QSslKey(key.readAll(), QSsl::Ec)};
}

void tst_Tls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QStringList ecKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    auto write = [this](const QString &name, const QByteArray &text) {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    QVERIFY(write(QStringLiteral("good.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n"));
    QVERIFY(write(QStringLiteral("wronghost.ext"), "subjectAltName=DNS:prima.example.com\n"));
    QVERIFY(write(QStringLiteral("index.txt"), ""));
    QVERIFY(write(QStringLiteral("serial"), "1000\n"));
    QVERIFY(write(QStringLiteral("ca.cnf"), "[ca]\ndefault_ca = test\n[test]\ndir = .\ndatabase = index.txt\n"
                                            "new_certs_dir = .\nserial = serial\ndefault_md = sha256\n"
                                            "policy = any\nunique_subject = no\n[any]\ncommonName = supplied\n"));

    // A test CA, and certificates it signs: good, wrong host, expired. Plus a self-signed one.
    QVERIFY(openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                    + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                  QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=Tillbridge Test CA")}));
    // The wrong-host certificate names another server throughout (CN and SAN): a real certificate for a real host.
    const QList<std::pair<QString, QString>> subjects{{QStringLiteral("good"), QStringLiteral("/CN=127.0.0.1")},
                                                      {QStringLiteral("wronghost"),
                                                       QStringLiteral("/CN=prima.example.com")},
                                                      {QStringLiteral("expired"), QStringLiteral("/CN=127.0.0.1")}};
    for (const auto &[name, subject] : subjects) {
        QVERIFY(openssl(QStringList{QStringLiteral("req")} + ecKey
                        + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                                      name + QStringLiteral(".csr"), QStringLiteral("-subj"), subject}));
    }
    for (const QString &name : {QStringLiteral("good"), QStringLiteral("wronghost")}) {
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                         QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                         QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")}));
    }
    QVERIFY(openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), QStringLiteral("ca.cnf"),
                     QStringLiteral("-cert"), QStringLiteral("ca.crt"), QStringLiteral("-keyfile"),
                     QStringLiteral("ca.key"), QStringLiteral("-in"), QStringLiteral("expired.csr"),
                     QStringLiteral("-out"), QStringLiteral("expired.crt"), QStringLiteral("-notext"),
                     QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                     QStringLiteral("20200201000000Z"), QStringLiteral("-extfile"), QStringLiteral("good.ext")}));
    QVERIFY(openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                    + QStringList{QStringLiteral("-keyout"), QStringLiteral("selfsigned.key"), QStringLiteral("-out"),
                                  QStringLiteral("selfsigned.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                  QStringLiteral("subjectAltName=IP:127.0.0.1")}));
    m_ca = load(QStringLiteral("ca")).certificate;
    QVERIFY(!m_ca.isNull());
    QVERIFY(load(QStringLiteral("expired")).certificate.expiryDate() < QDateTime::currentDateTimeUtc());
}

void tst_Tls::verification_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("trustTestCa");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("signed by the configured CA") << "good" << true << true;
    QTest::newRow("same certificate, CA not configured") << "good" << false << false;
    QTest::newRow("self-signed") << "selfsigned" << true << false;
    QTest::newRow("wrong host name") << "wronghost" << true << false;
    QTest::newRow("expired") << "expired" << true << false;
}

void tst_Tls::verification()
{
    QFETCH(QString, certificate);
    QFETCH(bool, trustTestCa);
    QFETCH(bool, accepted);
    const Identity identity = load(certificate);
    QVERIFY(!identity.certificate.isNull());
    QVERIFY(!identity.key.isNull());

    ScriptedHttpServer server;
    QVERIFY(server.start(identity.certificate, identity.key));
    server.setDefault(ScriptedHttpServer::Step::respond(200, R"({"status":"ok"})"));
    ManualClock clock;
    HttpClient client;
    client.setClock(&clock);
    if (trustTestCa)
        client.setExtraCaCertificates({m_ca});

    std::optional<HttpResponse> result;
    QObject context;
    HttpRequest request;
    request.url = server.url(QStringLiteral("/prima/v1/health"));
    client.send(request, &context, [&result](const HttpResponse &response) { result = response; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    if (accepted) {
        QVERIFY2(result->isSuccess(), qPrintable(result->errorString));
        QCOMPARE(result->body, QByteArray(R"({"status":"ok"})"));
    } else {
        QCOMPARE(result->outcome, HttpResponse::Outcome::TlsFailed);
        QCOMPARE(result->attempts, 1);        // a verification failure is never retried
        QCOMPARE(clock.pendingCount(), 0);
        QVERIFY(server.received().isEmpty()); // no request left the client
        QVERIFY2(result->errorString.contains(u"certificate"), qPrintable(result->errorString));
    }
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
