// SPDX-License-Identifier: GPL-3.0-or-later
// The catalogues: lupdate run on today's sources (as update_translations runs it) finds no string without a finished
// Swedish translation and no `%n` string without its English singular and plural; the committed catalogues carry no
// obsolete entries, keep every placeholder, give one source text one translation (CatalogueTranslator looks strings
// up by source text) and write no "(s)" outside a `%n` string. Then the real thing: English says "1 order" and
// "3 orders", and with Swedish chosen the Settings page, Qt's own buttons and amounts appear in Swedish.
#include "core/application.h"
#include "core/money/currency.h"
#include "core/money/money.h"
#include "core/secrets/memorysecretstore.h"
#include "translations/languagepreference.h"
#include "ui/settings/languageform.h"
#include "ui/settings/settingspage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Tillbridge;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type; // the <translation> type: "", "unfinished", "vanished" or "obsolete"
    QStringList forms; // one translation, or the numerus forms
    bool numerus = false;
};

QList<Message> readCatalogue(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message{};
            message.context = context;
            message.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 (line %2)").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

/** "name=project.cmake" pairs from CMake: the catalogue and the lupdate project the build uses for it. */
QList<std::pair<QString, QString>> catalogues()
{
    QList<std::pair<QString, QString>> result;
    for (const QString &entry : QStringLiteral(TILLBRIDGE_CATALOGUES).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = entry.indexOf(u'=');
        result.append({entry.left(equals), entry.mid(equals + 1)});
    }
    return result;
}

/** translations/<name>_<language>.ts: "sv" is the Swedish catalogue, "en" the English plural forms. */
QString committedCatalogue(const QString &name, const QString &language)
{
    return QStringLiteral(TILLBRIDGE_TRANSLATIONS_DIR "/%1_%2.ts").arg(name, language);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(L?\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

bool runTool(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(120000);
    *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString describe(const Message &message)
{
    return QStringLiteral("[%1] \"%2\"").arg(message.context, message.source.left(90));
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySourceStringIsTranslated_data();
    void everySourceStringIsTranslated();
    void committedCatalogueIsClean_data();
    void committedCatalogueIsClean();
    void languageChoiceIsStored();
    void englishSaysOneOrderAndThreeOrders();
    void anUntranslatedLanguageGetsEnglish();
    void swedishInARealWidget();
};

void tst_Translations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test folder, never the user's
    QVERIFY(!catalogues().isEmpty());
}

void tst_Translations::everySourceStringIsTranslated_data()
{
    QTest::addColumn<QString>("catalogue");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("project");
    for (const auto &[name, project] : catalogues()) {
        for (const QString &language : {QStringLiteral("sv"), QStringLiteral("en")})
            QTest::newRow(qPrintable(name + u'_' + language)) << name << language << project;
    }
}

// lupdate (the build's own project and options; -pluralonly for English, as update_translations runs it) merges
// today's sources into a copy of the committed catalogue; a tr() string nobody translated shows up there as
// unfinished.
void tst_Translations::everySourceStringIsTranslated()
{
    QFETCH(QString, catalogue);
    QFETCH(QString, language);
    QFETCH(QString, project);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QString output;
    const QString json = folder.filePath(QStringLiteral("project.json"));
    QVERIFY2(runTool(QStringLiteral(TILLBRIDGE_CMAKE_COMMAND),
                     {QStringLiteral("-DIN_FILE=%1").arg(project), QStringLiteral("-DOUT_FILE=%1").arg(json),
                      QStringLiteral("-P"), QStringLiteral(TILLBRIDGE_LUPDATE_PROJECT_SCRIPT)},
                     &output),
             qPrintable(output));

    const QString copy = folder.filePath(QStringLiteral("%1_%2.ts").arg(catalogue, language));
    QVERIFY(QFile::copy(committedCatalogue(catalogue, language), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QFile projectFile(json);
    QVERIFY(projectFile.open(QIODevice::ReadOnly));
    QJsonObject description = QJsonDocument::fromJson(projectFile.readAll()).object();
    projectFile.close();
    QVERIFY2(description.contains(QStringLiteral("sources")), qPrintable(json));
    description[QStringLiteral("translations")] = QJsonArray{copy};
    QVERIFY(projectFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    projectFile.write(QJsonDocument(description).toJson());
    projectFile.close();

    QStringList arguments{QStringLiteral("-project"), json, QStringLiteral("-silent")};
    arguments += QStringLiteral(TILLBRIDGE_LUPDATE_OPTIONS).split(u' ', Qt::SkipEmptyParts);
    if (language == u"en")
        arguments << QStringLiteral("-pluralonly");
    QVERIFY2(runTool(QStringLiteral(TILLBRIDGE_LUPDATE), arguments, &output), qPrintable(output));

    QString error;
    const QList<Message> messages = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(language == u"en" || !messages.isEmpty()); // a catalogue may have no %n string
    QStringList missing;
    for (const Message &message : messages) {
        const bool empty = message.forms.isEmpty()
                           || std::any_of(message.forms.cbegin(), message.forms.cend(),
                                          [](const QString &form) { return form.trimmed().isEmpty(); });
        if (message.type == u"unfinished" || empty || (message.numerus && message.forms.size() != 2))
            missing << describe(message);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) of %2 have no %3; run `ninja update_translations`, translate "
                                       "them in translations/%2_%4.ts (docs/translations.md):\n  %5")
                            .arg(missing.size())
                            .arg(catalogue,
                                 language == u"en" ? QStringLiteral("English singular and plural")
                                                   : QStringLiteral("Swedish translation"),
                                 language, missing.join(QStringLiteral("\n  ")))));
}

void tst_Translations::committedCatalogueIsClean_data()
{
    everySourceStringIsTranslated_data();
}

void tst_Translations::committedCatalogueIsClean()
{
    QFETCH(QString, catalogue);
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readCatalogue(committedCatalogue(catalogue, language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    QHash<std::pair<QString, QString>, QStringList> bySource;
    QHash<QString, QStringList> plainForms; // source text -> the forms of its entry without a disambiguation
    for (const Message &message : messages) {
        if (message.type == u"vanished" || message.type == u"obsolete")
            problems << QStringLiteral("obsolete entry %1").arg(describe(message));
        // "3 order(s)" is what a program says when nobody chose its words: a count belongs in a %n string, which
        // the English catalogue turns into "1 order" and "3 orders".
        if (!message.numerus && message.source.contains(u"(s)"))
            problems << QStringLiteral("\"(s)\" outside a %n string in %1").arg(describe(message));
        const QStringList expected = placeholders(message.source);
        for (const QString &form : message.forms) {
            if (form.isEmpty())
                continue;
            // A numerus form may drop %n (Swedish says "en order"), never a numbered argument.
            QStringList kept = placeholders(form);
            QStringList wanted = expected;
            if (message.numerus) {
                kept.removeAll(QStringLiteral("%n"));
                wanted.removeAll(QStringLiteral("%n"));
            }
            if (kept != wanted)
                problems << QStringLiteral("placeholders %1 became %2 in %3")
                                .arg(expected.join(u' '), placeholders(form).join(u' '), describe(message));
        }
        const auto key = std::pair{message.source, message.comment};
        plainForms.insert(message.source, message.comment.isEmpty() ? message.forms : plainForms.value(message.source));
        if (auto known = bySource.constFind(key); known != bySource.constEnd() && *known != message.forms
            && message.type.isEmpty())
            problems << QStringLiteral("two translations of %1: \"%2\" and \"%3\"")
                            .arg(describe(message), known->join(u'|'), message.forms.join(u'|'));
        else if (message.type.isEmpty())
            bySource.insert(key, message.forms);
    }
    // CatalogueTranslator tells a disambiguated entry from QTranslator's fallback to the plain one by their text: a
    // disambiguation must change the translation, every numerus form of it, or it is not needed.
    for (const Message &message : messages) {
        const QStringList plain = plainForms.value(message.source);
        bool sameForm = false;
        for (qsizetype form = 0; form < std::min(plain.size(), message.forms.size()); ++form)
            sameForm = sameForm || plain.at(form) == message.forms.at(form);
        if (!message.comment.isEmpty() && message.type.isEmpty() && sameForm)
            problems << QStringLiteral("the disambiguation changes nothing in %1 (\"%2\"): drop it")
                            .arg(describe(message), message.comment);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_Translations::languageChoiceIsStored()
{
    Core::openSettings()->remove(QStringLiteral("ui/language"));
    QCOMPARE(I18n::storedLanguage(), I18n::Language::System);
    {
        Ui::LanguageForm form;
        QCOMPARE(form.language(), I18n::Language::System);
        QVERIFY(form.statusText().isEmpty());
        form.setLanguage(I18n::Language::Swedish);
        QCOMPARE(I18n::storedLanguage(), I18n::Language::Swedish);
        QVERIFY2(form.statusText().contains(u"next time"), qPrintable(form.statusText()));
    }
    QCOMPARE(I18n::localeFor(I18n::Language::Swedish).name(), QStringLiteral("sv_SE"));
    QCOMPARE(I18n::localeFor(I18n::Language::English).name(), QStringLiteral("en_GB"));
    const QLocale german(QLocale::German, QLocale::Germany);
    QCOMPARE(I18n::localeFor(I18n::Language::System, german), german);
    Core::openSettings()->remove(QStringLiteral("ui/language"));
}

namespace {

/** Removes the translators a test installed, so that the next test starts from the source texts. */
void removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

void tst_Translations::englishSaysOneOrderAndThreeOrders()
{
    const QStringList installed = I18n::installTranslators(qApp, I18n::localeFor(I18n::Language::English));
    // The catalogues this test links (the workbench's and the CLI's own are compiled into those programs).
    for (const char *name : {"tillbridge_core", "tillbridge_ui", "tillbridge_reports"})
        QVERIFY2(installed.contains(QLatin1String(name) + QStringLiteral("_en.qm")), qPrintable(installed.join(u' ')));
    QVERIFY2(std::none_of(installed.cbegin(), installed.cend(),
                          [](const QString &file) { return file.startsWith(u"qt"); }),
             qPrintable(installed.join(u' ')));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ClosePage", "%n order(s) were refused by Prima.", nullptr, 1),
             QStringLiteral("1 order was refused by Prima."));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ClosePage", "%n order(s) were refused by Prima.", nullptr, 3),
             QStringLiteral("3 orders were refused by Prima."));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ClosePage", "%n order(s) were refused by Prima.", nullptr, 0),
             QStringLiteral("0 orders were refused by Prima."));
    // A core string, looked up by source text whatever context the caller names; and a locale-formatted count.
    QCOMPARE(QCoreApplication::translate("Tillbridge::Core::StoreHealth", "%n order(s) held back", nullptr, 1),
             QStringLiteral("1 order held back"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ExceptionQueuePage", "%Ln exception(s)", nullptr, 12345),
             QStringLiteral("12,345 exceptions"));
    QLocale::setDefault(QLocale::c());
    // Strings without a count are not in the English catalogue: the source text is the English.
    QCOMPARE(QCoreApplication::translate("Tillbridge::Core::Money", "Cannot combine amounts in %1 and %2."),
             QStringLiteral("Cannot combine amounts in %1 and %2."));
    removeTranslators();
}

void tst_Translations::anUntranslatedLanguageGetsEnglish()
{
    const QStringList installed = I18n::installTranslators(qApp, QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(installed.contains(QStringLiteral("tillbridge_ui_en.qm")), qPrintable(installed.join(u' ')));
    QVERIFY2(std::none_of(installed.cbegin(), installed.cend(),
                          [](const QString &file) { return file.startsWith(u"qt"); }),
             qPrintable(installed.join(u' '))); // no German Qt buttons in an English window
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ExceptionQueuePage", "%n exception(s) resolved.", nullptr, 1),
             QStringLiteral("1 exception resolved."));
    removeTranslators();
}

void tst_Translations::swedishInARealWidget()
{
    const QLocale swedish = I18n::localeFor(I18n::Language::Swedish);
    QLocale::setDefault(swedish);
    const QStringList installed = I18n::installTranslators(qApp, swedish);
    QVERIFY2(installed.contains(QStringLiteral("tillbridge_ui_sv.qm")), qPrintable(installed.join(u' ')));
    QVERIFY2(installed.contains(QStringLiteral("tillbridge_core_sv.qm")), qPrintable(installed.join(u' ')));

    Core::MemorySecretStore secrets;
    Ui::SettingsPage page(QStringLiteral("/tmp/cache.sqlite"), 11, &secrets);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *tabs = page.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QStringList titles;
    for (int index = 0; index < tabs->count(); ++index)
        titles << tabs->tabText(index);
    QCOMPARE(titles, (QStringList{QStringLiteral("Anslutningar"), QStringLiteral("Cache och revision"),
                                  QStringLiteral("Bokslutspaket"), QStringLiteral("Språk")}));
    auto *form = page.findChild<Ui::LanguageForm *>();
    QVERIFY(form);
    QCOMPARE(form->findChild<QComboBox *>()->accessibleName(), QStringLiteral("Arbetsverktygets språk"));
    QStringList buttons;
    for (auto *button : page.findChildren<QPushButton *>())
        buttons << button->text();
    QVERIFY2(buttons.contains(QStringLiteral("Testa anslutningen")), qPrintable(buttons.join(u", ")));

    // A core string reached through the core's own tr() helper (its context is not what lupdate guessed).
    QCOMPARE(QCoreApplication::translate("Tillbridge::Core::Money", "Cannot combine amounts in %1 and %2."),
             QStringLiteral("Kan inte kombinera belopp i %1 och %2."));
    // The same English, two Swedish words: each catalogue answers only for the disambiguation it holds, even
    // though another catalogue asked first holds the plain text.
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ClosePage", "Open", "the period's state"),
             QStringLiteral("Öppen"));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Core::ExceptionQueueModel", "Open"), QStringLiteral("Öppet"));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Core::SkuDiffModel", "Difference",
                                         "what differs between the catalogues"),
             QStringLiteral("Skillnad"));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Core::StockLevelsModel", "Difference"),
             QStringLiteral("Differens"));
    // A numerus form: Swedish has two.
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ClosePage", "%n order(s) were refused by Prima.", nullptr, 1),
             QStringLiteral("1 order avvisades av Prima."));
    QCOMPARE(QCoreApplication::translate("Tillbridge::Ui::ClosePage", "%n order(s) were refused by Prima.", nullptr, 3),
             QStringLiteral("3 ordrar avvisades av Prima."));

    // Qt's own strings come from Qt's Swedish catalogue, when the system has it (qt6-translations-l10n).
    if (installed.contains(QStringLiteral("qtbase_sv.qm")) || installed.contains(QStringLiteral("qt_sv.qm"))) {
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Avbryt"));
    } else {
        qWarning("Qt's Swedish catalogue is not installed here; Qt's own buttons stay in English.");
    }

    // Amounts follow the active locale: Swedish digit grouping and decimal comma.
    const auto sek = Core::Currency::of(QStringLiteral("SEK"));
    QCOMPARE(Core::Money(-123456789, sek).toDisplayString(QLocale()),
             QStringLiteral("−1\u00a0234\u00a0567,89\u00a0SEK"));
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
