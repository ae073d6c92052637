// SPDX-License-Identifier: GPL-3.0-or-later
// R11 (reliability.md §4.6, §6.2) for both connectors as Settings' "Test connection" builds them from the connection
// settings — SitooClient and RestPrimaGateway, each with the customer's CA file (settings "extraCaFile", the pinned
// test CA): against a local HTTPS server with certificates `openssl` makes at test time, a self-signed certificate,
// an expired one, one for another host and one from an untrusted CA are refused before any request leaves, with a
// message about the certificate; only the certificate from the configured CA connects. (tests/core/net/tst_tls.cpp
// proves the same for HttpClient itself, including that a refusal is never retried.)
#include "core/secrets/memorysecretstore.h"
#include "core/settings/connectionsettings.h"
#include "core/settings/connectiontester.h"

#include "tests/testutils/scriptedhttpserver.h"
#include "tests/testutils/secrettestutils.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using Tillbridge::Test::ScriptedHttpServer;

class tst_TlsConnectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matrix_data();
    void matrix();

private:
    bool openssl(const QStringList &arguments);
    bool write(const QString &name, const QByteArray &text);

    QTemporaryDir m_dir;
};

bool tst_TlsConnectors::openssl(const QStringList &arguments)
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

bool tst_TlsConnectors::write(const QString &name, const QByteArray &text)
{
    QFile file(m_dir.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

void tst_TlsConnectors::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QStringList key{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QVERIFY(write(s("good.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n"));
    QVERIFY(write(s("wronghost.ext"), "subjectAltName=DNS:prima.example.com\n"));
    QVERIFY(write(s("index.txt"), ""));
    QVERIFY(write(s("serial"), "1000\n"));
    QVERIFY(write(s("ca.cnf"), "[ca]\ndefault_ca = test\n[test]\ndir = .\ndatabase = index.txt\nnew_certs_dir = .\n"
                               "serial = serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n"
                               "[any]\ncommonName = supplied\n"));
    // The customer's CA (configured) and another CA nobody configured.
    for (const QString &ca : {s("ca"), s("otherca")}) {
        QVERIFY(openssl(QStringList{s("req"), s("-x509")} + key
                        + QStringList{s("-keyout"), ca + s(".key"), s("-out"), ca + s(".crt"), s("-days"), s("2"),
                                      s("-subj"), s("/CN=Tillbridge ") + ca}));
    }
    const QList<std::pair<QString, QString>> subjects{{s("good"), s("/CN=127.0.0.1")},
                                                      {s("wronghost"), s("/CN=prima.example.com")},
                                                      {s("expired"), s("/CN=127.0.0.1")},
                                                      {s("untrusted"), s("/CN=127.0.0.1")}};
    for (const auto &[name, subject] : subjects) {
        QVERIFY(openssl(QStringList{s("req")} + key
                        + QStringList{s("-keyout"), name + s(".key"), s("-out"), name + s(".csr"), s("-subj"), subject}));
    }
    const QList<std::pair<QString, QString>> signers{
        {s("good"), s("ca")}, {s("wronghost"), s("ca")}, {s("untrusted"), s("otherca")}};
    for (const auto &[name, ca] : signers) {
        QVERIFY(openssl({s("x509"), s("-req"), s("-in"), name + s(".csr"), s("-CA"), ca + s(".crt"), s("-CAkey"),
                         ca + s(".key"), s("-CAcreateserial"), s("-out"), name + s(".crt"), s("-days"), s("2"),
                         s("-extfile"), (name == u"wronghost" ? name : s("good")) + s(".ext")}));
    }
    QVERIFY(openssl({s("ca"), s("-batch"), s("-config"), s("ca.cnf"), s("-cert"), s("ca.crt"), s("-keyfile"),
                     s("ca.key"), s("-in"), s("expired.csr"), s("-out"), s("expired.crt"), s("-notext"),
                     s("-startdate"), s("20200101000000Z"), s("-enddate"), s("20200201000000Z"), s("-extfile"),
                     s("good.ext")}));
    QVERIFY(openssl(QStringList{s("req"), s("-x509")} + key
                    + QStringList{s("-keyout"), s("selfsigned.key"), s("-out"), s("selfsigned.crt"), s("-days"),
                                  s("2"), s("-subj"), s("/CN=127.0.0.1"), s("-addext"),
                                  s("subjectAltName=IP:127.0.0.1")}));
}

void tst_TlsConnectors::matrix_data()
{
    QTest::addColumn<QString>("connector");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("accepted");
    for (const char *connector : {"sitoo", "prima"}) {
        for (const char *certificate : {"selfsigned", "expired", "wronghost", "untrusted", "good"}) {
            QTest::addRow("%s, %s", connector, certificate)
                << QString::fromLatin1(connector) << QString::fromLatin1(certificate)
                << (qstrcmp(certificate, "good") == 0);
        }
    }
}

void tst_TlsConnectors::matrix()
{
    QFETCH(QString, connector);
    QFETCH(QString, certificate);
    QFETCH(bool, accepted);
    QFile crt(m_dir.filePath(certificate + QStringLiteral(".crt")));
    QFile key(m_dir.filePath(certificate + QStringLiteral(".key")));
    QVERIFY(crt.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    ScriptedHttpServer server;
    QVERIFY(server.start(QSslCertificate(crt.readAll()), QSslKey(key.readAll(), QSsl::Ec)));
    server.setDefault(ScriptedHttpServer::Step::respond(200, R"({"status":"ok"})"));

    ConnectionSettings settings;
    settings.sitooBaseUrl = server.url(QStringLiteral("/v2/accounts/90001"));
    settings.sitooAccountId = QStringLiteral("90001");
    settings.sitooApiId = QStringLiteral("90001-1");
    settings.primaBaseUrl = server.url(QStringLiteral("/prima/v1"));
    settings.extraCaFile = m_dir.filePath(QStringLiteral("ca.crt"));
    MemorySecretStore secrets;
    QVERIFY(Tillbridge::Test::storeSecrets(secrets, {{settings.sitooPasswordKey(), QStringLiteral("pw-0123456789")},
                                                     {settings.primaTokenKey(), QStringLiteral("tok-0123456789")}}));
    ConnectionTester tester(&secrets);
    const bool sitoo = connector == u"sitoo";
    QSignalSpy spy(&tester, sitoo ? &ConnectionTester::sitooTested : &ConnectionTester::primaTested);
    if (sitoo)
        tester.testSitoo(settings);
    else
        tester.testPrima(settings);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);
    const QString message = spy.at(0).at(1).toString();
    if (accepted) {
        // The handshake succeeded and the request arrived; what the scripted body means to the client is not R11's.
        QVERIFY2(!server.received().isEmpty(), qPrintable(message));
        QVERIFY2(!message.contains(u"certificate", Qt::CaseInsensitive), qPrintable(message));
    } else {
        QVERIFY(!spy.at(0).at(0).toBool());
        QVERIFY2(server.received().isEmpty(), "a request left the client over an unverified connection");
        QVERIFY2(message.contains(u"certificate", Qt::CaseInsensitive), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(tst_TlsConnectors)
#include "tst_tlsconnectors.moc"
