// SPDX-License-Identifier: GPL-3.0-or-later
// AuditDetails writes the text every audit hash covers: it must be QJsonDocument's compact output, byte for byte,
// or the hot appends and the rest would disagree on what the same details look like.
#include "core/storage/auditdetails.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Tillbridge::Core;

class tst_AuditDetails : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void writesWhatQtWrites_data();
    void writesWhatQtWrites();
    void randomDetailsMatchQtByteForByte();
};

namespace {
QByteArray qtCompact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

void tst_AuditDetails::writesWhatQtWrites_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("received") << QByteArray(R"({"a":"received","n":-42,"t":true})");
    QTest::newRow("escapes") << QStringLiteral("\"\\/\b\f\n\r\t\x01\x1f\x7f")
                             << QByteArray(R"({"a":"\"\\/\b\f\n\r\t\u0001\u001f)"
                                           "\x7f"
                                           R"(","n":-42,"t":true})");
    QTest::newRow("utf8") << QStringLiteral("\u00e5\u20ac\U0001F600")
                          << QByteArray("{\"a\":\"\xc3\xa5\xe2\x82\xac\xf0\x9f\x98\x80\",\"n\":-42,\"t\":true}");
}

void tst_AuditDetails::writesWhatQtWrites()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    AuditDetails details;
    details.insert(QLatin1StringView("t"), true)
        .insert(QLatin1StringView("n"), -42)
        .insert(QLatin1StringView("a"), text);
    QCOMPARE(details.toCompactJson(), expected);
    QCOMPARE(qtCompact(details.toObject()), expected);
}

// 20,000 random flat objects: keys from a pool with repeats (the last value wins), Latin-1 and control characters
// included; text of any UTF-16 units, lone surrogates included; whole numbers over the full range.
void tst_AuditDetails::randomDetailsMatchQtByteForByte()
{
    QRandomGenerator random(20261127);
    static const char *const keys[] = {"sitoo_account",
                                       "state",
                                       "reason",
                                       "a\"b",
                                       "back\\slash",
                                       "tab\there",
                                       "\x01"
                                       "ctl",
                                       "lat\xe5n",
                                       "z",
                                       "",
                                       "kind",
                                       "lines"};
    for (int round = 0; round < 20000; ++round) {
        AuditDetails details;
        QJsonObject object; // built independently, as the rest of Tillbridge builds details
        const int count = random.bounded(0, 9);
        for (int i = 0; i < count; ++i) {
            const QLatin1StringView key(keys[random.bounded(int(std::size(keys)))]);
            switch (random.bounded(3)) {
            case 0: {
                QString text;
                const int length = random.bounded(0, 24);
                for (int c = 0; c < length; ++c) {
                    switch (random.bounded(4)) {
                    case 0:
                        text += QChar(char16_t(random.bounded(0, 0x80)));
                        break;
                    case 1:
                        text += QChar(char16_t(random.bounded(0xd800, 0xe000)));
                        break; // surrogates, paired or not
                    case 2:
                        text += QChar(char16_t(random.bounded(0x80, 0x10000)));
                        break;
                    default:
                        text += QStringLiteral("\U0001F600");
                        break;
                    }
                }
                details.insert(key, text);
                object.insert(QString(key), text);
                break;
            }
            case 1: {
                const qint64 number = random.bounded(4) == 0 ? (random.bounded(2) ? std::numeric_limits<qint64>::min()
                                                                                  : std::numeric_limits<qint64>::max())
                                                             : qint64(random.generate64());
                details.insert(key, number);
                object.insert(QString(key), number);
                break;
            }
            default: {
                const bool flag = random.bounded(2) == 1;
                details.insert(key, flag);
                object.insert(QString(key), flag);
                break;
            }
            }
        }
        const QByteArray expected = qtCompact(object);
        if (details.toCompactJson() != expected) {
            QFAIL(qPrintable(QStringLiteral("round %1: %2 instead of %3")
                                 .arg(round)
                                 .arg(QString::fromLatin1(details.toCompactJson().toPercentEncoding()),
                                      QString::fromLatin1(expected.toPercentEncoding()))));
        }
        QCOMPARE(details.toObject(), object);
    }
}

QTEST_GUILESS_MAIN(tst_AuditDetails)
#include "tst_auditdetails.moc"
