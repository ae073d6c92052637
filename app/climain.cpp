// SPDX-License-Identifier: GPL-3.0-or-later
// tillbridge-cli: the headless composition root. Subcommands parse their own options; the work is done in core.
// Exit status: 0 success, 1 findings or failed checks, 2 usage or configuration error (product.md).
#include "core/application.h"
#include "core/catalogue/skuaudit.h"
#include "core/close/closepack.h"
#include "core/export/closepackworkbook.h"
#include "core/export/pdf/closepackpdf.h"
#include "core/engine/offlinevalidator.h"
#include "core/engine/review/mappingchangereview.h"
#include "core/engine/syncconfig.h"
#include "core/engine/synccycle.h"
#include "core/net/httpclient.h"
#include "core/prima/restprimagateway.h"
#include "core/reconciliation/reconciliationservice.h"
#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulatorconfig.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sitoo/sitooclient.h"
#include "core/stock/stockpush.h"
#include "core/storage/auditchain.h"
#include "core/storage/cache.h"
#include "core/storage/databaseconnection.h"
#include "core/storage/dbtransaction.h"
#include "core/storage/mappingrepository.h"
#include "core/storage/schemamigrator.h"
#include "core/storage/userrepository.h"
#include "translations/languagepreference.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

using namespace Tillbridge::Core;

// A named namespace around the helpers so that lupdate extracts their tr() calls (it skips tr() in global functions).
namespace TillbridgeCli {
namespace {

enum ExitCode { Success = 0, Findings = 1, UsageError = 2 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tillbridge-cli", text, disambiguation, n);
}

int usageError(const QString &message)
{
    err() << message << Qt::endl;
    return UsageError;
}

/** Parses a subcommand's own options; prints help or errors and returns false when the caller should stop. */
bool parseSubcommand(QCommandLineParser &parser, const QStringList &arguments, const QString &usage, int *exitCode)
{
    parser.setApplicationDescription(usage);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show help for this command."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText();
        *exitCode = Success;
        return false;
    }
    return true;
}

QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringLiteral("db"), tr("The Tillbridge cache (SQLite file)."), tr("path"));
}

/** Opens an existing cache without migrating it: a check must not change what it checks. */
Result<DatabaseConnectionPtr> openExistingCache(const QString &path)
{
    if (path.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Name the cache with --db PATH.")};
    if (!QFileInfo(path).isFile())
        return Error{ErrorCode::NotFound, tr("There is no cache at %1.").arg(QDir::toNativeSeparators(path))};
    DatabaseConnection::Options options;
    options.path = path;
    options.purpose = QStringLiteral("cli");
    return DatabaseConnection::open(options);
}

int auditVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption anchorOption(QStringLiteral("anchor"),
                                          tr("An anchor file written by 'audit export-head'; also proves that no "
                                             "entries were removed from the end."),
                                          tr("file"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as one JSON object."));
    parser.addOptions({db, anchorOption, json});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Re-computes every hash of the audit trail. Exits 0 and prints the head hash when the "
                            "chain is intact, 1 naming the first bad entry when it is not."),
                         &exitCode)) {
        return exitCode;
    }

    std::optional<AuditAnchor> anchor;
    if (parser.isSet(anchorOption)) {
        auto loaded = AuditAnchor::load(parser.value(anchorOption));
        if (!loaded)
            return usageError(loaded.errorString());
        anchor = *loaded;
    }
    auto connection = openExistingCache(parser.value(db));
    if (!connection)
        return usageError(connection.errorString());
    const auto result = AuditChain::verify((*connection)->database(), anchor);
    if (!result)
        return usageError(result.errorString());

    if (parser.isSet(json)) {
        QJsonObject object{{QStringLiteral("intact"), result->intact},
                           {QStringLiteral("entries"), result->entries},
                           {QStringLiteral("problem"), auditProblemCode(result->problem)},
                           {QStringLiteral("explanation"), result->explanation}};
        if (result->intact) {
            object.insert(QStringLiteral("head_seq"), result->headSeq);
            object.insert(QStringLiteral("head_hash"), QString::fromLatin1(result->headHash));
        } else {
            object.insert(QStringLiteral("first_bad_seq"), result->firstBadSeq);
        }
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
    } else if (result->intact) {
        out() << tr("Audit trail intact: %1 entries.").arg(result->entries) << Qt::endl;
        out() << tr("Head: entry %1, SHA-256 %2").arg(result->headSeq).arg(QString::fromLatin1(result->headHash))
              << Qt::endl;
    } else {
        out() << tr("Audit trail NOT intact. First bad entry: %1 (%2).")
                     .arg(result->firstBadSeq)
                     .arg(auditProblemCode(result->problem))
              << Qt::endl;
        out() << result->explanation << Qt::endl;
    }
    return result->intact ? Success : Findings;
}

int auditExportHead(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       tr("Write the anchor to this file instead of standard output."), tr("file"));
    parser.addOptions({db, outOption});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Exports the head of the audit trail (position and hash) so it can be kept outside the "
                            "database, e.g. with the month-end close pack."),
                         &exitCode)) {
        return exitCode;
    }
    auto connection = openExistingCache(parser.value(db));
    if (!connection)
        return usageError(connection.errorString());
    const auto anchor = AuditChain::verifiedHead((*connection)->database());
    if (!anchor) {
        err() << anchor.errorString() << Qt::endl;
        return anchor.error().code == ErrorCode::Tampered ? Findings : UsageError;
    }
    if (parser.isSet(outOption)) {
        if (auto saved = anchor->save(parser.value(outOption)); !saved)
            return usageError(saved.errorString());
        out() << tr("Anchored entry %1 in %2.").arg(anchor->seq).arg(parser.value(outOption)) << Qt::endl;
    } else {
        out() << QJsonDocument(anchor->toJson()).toJson(QJsonDocument::Indented);
    }
    return Success;
}

int dbMigrate(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    parser.addOption(db);
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Creates the cache if needed and brings it to this version's schema."), &exitCode)) {
        return exitCode;
    }
    const QString path = parser.isSet(db) ? parser.value(db) : defaultCachePath();
    DatabaseConnection::Options options;
    options.path = path;
    options.purpose = QStringLiteral("cli");
    auto connection = openCache(options);
    if (!connection)
        return usageError(connection.errorString());
    out() << tr("Cache %1 is at schema version %2.")
                 .arg(QDir::toNativeSeparators(path))
                 .arg(SchemaMigrator::currentVersion((*connection)->database()).valueOr(0))
          << Qt::endl;
    return Success;
}

/** "releases 12 of 42 quarantined orders; 30 stay quarantined (UNMAPPED_PAYMENT_METHOD 20, UNKNOWN_SKU 10)" */
QString releaseSentence(const ReleaseSummary &summary, bool preview)
{
    const QMap<ExceptionKind, int> byKind = summary.keptByKind();
    QList<std::pair<ExceptionKind, int>> kinds(byKind.keyValueBegin(), byKind.keyValueEnd());
    std::stable_sort(kinds.begin(), kinds.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[kind, count] : std::as_const(kinds))
        parts.append(QStringLiteral("%1 %2").arg(ExceptionKinds::code(kind)).arg(count));
    QString sentence = (preview ? tr("This change releases %1 of %2 quarantined orders; %3 stay quarantined")
                                : tr("This change released %1 of %2 quarantined orders; %3 stay quarantined"))
                           .arg(summary.releasedCount())
                           .arg(summary.reviewed())
                           .arg(summary.keptCount());
    if (!parts.isEmpty())
        sentence += QStringLiteral(" (%1)").arg(parts.join(QStringLiteral(", ")));
    return sentence + u'.';
}

int mappingsImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption preview(QStringLiteral("preview"),
                                     tr("Only say what the change would do; change nothing."));
    const QCommandLineOption actorOption(QStringLiteral("actor"),
                                         tr("Who makes the change, for the audit trail (default: the login name)."),
                                         tr("name"));
    parser.addOptions({db, preview, actorOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The mapping file (the import format)."));
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Imports a mapping file (all or nothing) and releases the quarantined orders it fixes, "
                            "in one transaction. With --preview, says which orders it would release and why the "
                            "others stay, and changes nothing. Exits 0 when no order stays quarantined, 1 when some "
                            "do."),
                         &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("Name one mapping file: tillbridge-cli mappings import FILE."));
    const QString actor = parser.isSet(actorOption) ? parser.value(actorOption).trimmed()
                                                    : qEnvironmentVariable("USER").trimmed();
    if (actor.isEmpty() && !parser.isSet(preview))
        return usageError(tr("Say who makes the change with --actor NAME."));
    const auto change = MappingRepository::parseImportFile(parser.positionalArguments().constFirst());
    if (!change)
        return usageError(change.errorString());
    const QString path = parser.isSet(db) ? parser.value(db) : defaultCachePath();
    if (!QFileInfo(path).isFile())
        return usageError(tr("There is no cache at %1.").arg(QDir::toNativeSeparators(path)));
    // A preview must not change what it looks at, so it does not migrate the cache either.
    auto connection = parser.isSet(preview) ? openExistingCache(path) : [&path] {
        DatabaseConnection::Options options;
        options.path = path;
        options.purpose = QStringLiteral("cli");
        return openCache(options);
    }();
    if (!connection)
        return usageError(connection.errorString());

    MappingChangeReview review((*connection)->database());
    const auto report = parser.isSet(preview) ? review.preview(*change) : review.apply(*change, actor);
    if (!report)
        return usageError(report.errorString());
    out() << (parser.isSet(preview) ? tr("Mappings: %1 to add, %2 to change, %3 unchanged.")
                                    : tr("Mappings: %1 added, %2 changed, %3 unchanged."))
                 .arg(report->mappings.added)
                 .arg(report->mappings.changed)
                 .arg(report->mappings.unchanged)
          << Qt::endl;
    out() << releaseSentence(report->quarantine, parser.isSet(preview)) << Qt::endl;
    QStringList released;
    for (const ReviewedOrder &order : report->quarantine.released())
        released.append(QStringLiteral("%1:%2").arg(order.sitooAccount).arg(order.sitooOrderId));
    if (!released.isEmpty())
        out() << (parser.isSet(preview) ? tr("Would release: %1") : tr("Released: %1")).arg(released.join(u' '))
              << Qt::endl;
    if (parser.isSet(preview))
        out() << tr("Preview only: nothing was changed.") << Qt::endl;
    return report->quarantine.keptCount() > 0 ? Findings : Success;
}

/**
 * Ctrl+C and SIGTERM end the event loop cleanly (the ledger is closed, not cut off). A signal handler may only do
 * async-signal-safe things, so it writes a byte to a socket that the event loop watches (the self-pipe trick).
 */
void quitOnTerminationSignals()
{
    static int fds[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return;
    auto *notifier = new QSocketNotifier(fds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(fds[1], &byte, 1);
        QCoreApplication::quit();
    });
    auto handler = [](int) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(fds[0], &byte, 1);
    };
    std::signal(SIGINT, handler);
    std::signal(SIGTERM, handler);
}

int sandbox(const QStringList &arguments)
{
    using namespace Tillbridge::Sandbox;
    QCommandLineParser parser;
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the generated scenario and fault schedule."),
                                  tr("number"), QStringLiteral("1"));
    const QCommandLineOption stores(QStringLiteral("stores"), tr("Number of stores (UK and Sweden alternate)."),
                                    tr("count"), QStringLiteral("4"));
    const QCommandLineOption days(QStringLiteral("days"), tr("Trading days of sales."), tr("count"),
                                  QStringLiteral("7"));
    const QCommandLineOption defects(QStringLiteral("defect-rate"),
                                     tr("Share of orders with a realistic defect, 0 to 1."), tr("rate"),
                                     QStringLiteral("0.05"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    tr("Prima fault schedule, e.g. \"500-before=0.05,hang=0.02,429=0.05\"."),
                                    tr("spec"));
    const QCommandLineOption idempotency(QStringLiteral("prima-idempotency"),
                                         tr("How Prima treats repeated writes: keys, unique-ref or none."), tr("mode"),
                                         QStringLiteral("keys"));
    const QCommandLineOption sitooPort(QStringLiteral("sitoo-port"), tr("Port for Sitoo (0: any free port)."),
                                       tr("port"), QStringLiteral("0"));
    const QCommandLineOption primaPort(QStringLiteral("prima-port"), tr("Port for Prima (0: any free port)."),
                                       tr("port"), QStringLiteral("0"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Folder for Prima's ledger (default: a temporary folder)."), tr("path"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the addresses and credentials as one JSON line."));
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Stop after this many seconds."), tr("seconds"));
    const QCommandLineOption writeMappings(QStringLiteral("write-mappings"),
                                           tr("Also write the mappings a finance team would set up for this scenario "
                                              "(for `sync`'s \"mappings\")."),
                                           tr("file"));
    parser.addOptions({seed, stores, days, defects, faults, idempotency, sitooPort, primaPort, dataDir, json, duration,
                       writeMappings});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Runs the emulated Sitoo and Prima on 127.0.0.1 with a generated demo scenario until "
                            "interrupted, and prints where they listen and the credentials they accept."),
                         &exitCode)) {
        return exitCode;
    }

    DemoSandboxOptions options;
    bool ok = true;
    auto number = [&parser, &ok](const QCommandLineOption &option) {
        bool parsed = false;
        const qint64 value = parser.value(option).toLongLong(&parsed);
        ok = ok && parsed && value >= 0;
        return value;
    };
    options.scenario.seed = quint32(number(seed));
    options.scenario.storeCount = int(number(stores));
    options.scenario.tradingDays = int(number(days));
    options.scenario.defectRate = parser.value(defects).toDouble(&ok);
    options.sitoo.port = quint16(number(sitooPort));
    options.prima.port = quint16(number(primaPort));
    options.prima.seed = quint64(number(seed));
    options.prima.faultSpec = parser.value(faults);
    const auto mode = primaIdempotencyModeFromName(parser.value(idempotency));
    if (!ok || !mode)
        return usageError(tr("Check the numbers and the idempotency mode (keys, unique-ref or none)."));
    options.prima.idempotencyMode = *mode;
    QTemporaryDir temporary;
    options.dataDirectory = parser.isSet(dataDir) ? parser.value(dataDir) : temporary.path();

    DemoSandbox sandbox(options);
    const auto endpoints = sandbox.start();
    if (!endpoints)
        return usageError(endpoints.errorString());

    const Scenario &scenario = sandbox.scenario();
    if (parser.isSet(writeMappings)) {
        QFile file(parser.value(writeMappings));
        const QByteArray mappings = DemoSandbox::demoMappingsJson(scenario);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(mappings) != mappings.size())
            return usageError(tr("Cannot write %1.").arg(file.fileName()));
    }
    if (parser.isSet(json)) {
        const QJsonObject object{
            {QStringLiteral("sitoo_base_url"), endpoints->sitooBaseUrl.toString()},
            {QStringLiteral("sitoo_account_id"), endpoints->sitooAccountId},
            {QStringLiteral("sitoo_api_id"), endpoints->sitooApiId},
            {QStringLiteral("sitoo_password"), endpoints->sitooPassword},
            {QStringLiteral("prima_base_url"), endpoints->primaBaseUrl.toString()},
            {QStringLiteral("prima_token"), endpoints->primaToken},
            {QStringLiteral("orders"), qint64(scenario.orders().size())},
            {QStringLiteral("defects"), qint64(scenario.defects().size())},
        };
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        const QString sitooUrl = endpoints->sitooBaseUrl.toString();
        const QString primaUrl = endpoints->primaBaseUrl.toString();
        out() << tr("Tillbridge sandbox: seed %1, %2 stores, %3 trading days, %4 orders (%5 with defects).")
                     .arg(options.scenario.seed)
                     .arg(scenario.stores().size())
                     .arg(options.scenario.tradingDays)
                     .arg(scenario.orders().size())
                     .arg(scenario.defects().size())
              << Qt::endl
              << Qt::endl;
        out() << tr("Sitoo REST v2   %1").arg(sitooUrl) << Qt::endl;
        out() << tr("  API id        %1").arg(endpoints->sitooApiId) << Qt::endl;
        out() << tr("  API password  %1").arg(endpoints->sitooPassword) << Qt::endl;
        out() << tr("  try           curl -u '%1:%2' '%3/orders.json?num=2&sort=orderid'")
                     .arg(endpoints->sitooApiId, endpoints->sitooPassword, sitooUrl)
              << Qt::endl
              << Qt::endl;
        out() << tr("Prima gateway   %1 (idempotency: %2)").arg(primaUrl, primaIdempotencyModeName(*mode))
              << Qt::endl;
        out() << tr("  token         %1").arg(endpoints->primaToken) << Qt::endl;
        out() << tr("  try           curl -H 'Authorization: Bearer %1' '%2/health'")
                     .arg(endpoints->primaToken, primaUrl)
              << Qt::endl;
        out() << tr("  ledger        %1/__sandbox/ledger")
                     .arg(primaUrl.left(primaUrl.indexOf(QStringLiteral("/prima/v1"))))
              << Qt::endl
              << Qt::endl;
        out() << tr("Press Ctrl+C to stop.") << Qt::endl;
    }
    quitOnTerminationSignals();
    if (parser.isSet(duration))
        QTimer::singleShot(std::chrono::seconds(number(duration)), QCoreApplication::instance(), &QCoreApplication::quit);
    QCoreApplication::exec();
    return Success;
}

int validateOrders(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption orders(QStringLiteral("orders"), tr("Sitoo orders: an /orders.json answer or an array."),
                                    tr("file"));
    const QCommandLineOption items(QStringLiteral("items"),
                                   tr("Prima's item master ({\"items\": [...]}); without it SKUs are not checked."),
                                   tr("file"));
    const QCommandLineOption mappings(QStringLiteral("mappings"), tr("Mappings in the import format."), tr("file"));
    parser.addOptions({orders, items, mappings});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Validates Sitoo order JSON without posting and prints one JSON line per order. Exits 1 "
                            "when any order would be quarantined."),
                         &exitCode)) {
        return exitCode;
    }
    auto read = [](const QString &path) -> std::optional<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return file.readAll();
    };
    if (!parser.isSet(orders))
        return usageError(tr("Name the orders with --orders FILE."));
    OfflineValidator validator;
    for (const auto &[option, load] :
         {std::pair{&items, &OfflineValidator::loadItems}, std::pair{&mappings, &OfflineValidator::loadMappings}}) {
        if (!parser.isSet(*option))
            continue;
        const auto bytes = read(parser.value(*option));
        if (!bytes)
            return usageError(tr("Cannot read %1.").arg(parser.value(*option)));
        if (auto loaded = (validator.*load)(*bytes); !loaded)
            return usageError(loaded.errorString());
    }
    const auto input = read(parser.value(orders));
    if (!input)
        return usageError(tr("Cannot read %1.").arg(parser.value(orders)));
    const auto verdicts = validator.validate(*input);
    if (!verdicts)
        return usageError(verdicts.errorString());
    bool allReady = true;
    for (const OrderVerdict &verdict : *verdicts) {
        out() << QJsonDocument(verdict.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        allReady = allReady && verdict.ready;
    }
    return allReady ? Success : Findings;
}

/** The formats of --format: "pdf,xlsx,csv" in any order; empty means CSV (what close-pack always wrote). */
Result<QStringList> closePackFormats(const QString &text)
{
    const QStringList known{QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("pdf")};
    QStringList formats;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString format = part.trimmed().toLower();
        if (!known.contains(format))
            return Error{ErrorCode::InvalidInput, tr("Unknown format %1: use pdf, xlsx and csv.").arg(part.trimmed())};
        if (!formats.contains(format))
            formats.append(format);
    }
    return formats.isEmpty() ? QStringList{QStringLiteral("csv")} : formats;
}

/** Whether this run is a close pack with a PDF: that one draws with Qt Gui and needs a QGuiApplication. */
bool closePackNeedsGui(int argc, char *argv[])
{
    if (argc < 2 || qstrcmp(argv[1], "close-pack") != 0)
        return false;
    for (int index = 2; index < argc; ++index) {
        const QString argument = QString::fromLocal8Bit(argv[index]);
        const QString value = argument.startsWith(u"--format=") ? argument.mid(9)
                              : argument == u"--format" && index + 1 < argc ? QString::fromLocal8Bit(argv[index + 1])
                                                                            : QString();
        if (value.contains(u"pdf", Qt::CaseInsensitive))
            return true;
    }
    return false;
}

/** A QGuiApplication on the offscreen platform for a PDF close pack (no display needed), else a QCoreApplication. */
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (closePackNeedsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

int closePack(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption periodOption(QStringLiteral("period"), tr("The period, YYYY-MM."), tr("period"));
    const QCommandLineOption outOption(QStringLiteral("out"), tr("The folder to write the files into."), tr("dir"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        tr("What to write, comma-separated: csv (the CSV files and summary.json), xlsx (one workbook), pdf (the "
           "close pack for the controller). Default: csv."),
        tr("formats"), QStringLiteral("csv"));
    const QCommandLineOption companyOption(QStringLiteral("company"),
                                           tr("The company named on the PDF's cover."), tr("name"));
    const QCommandLineOption byOption(QStringLiteral("by"),
                                      tr("Who generated the pack, for the PDF's cover (default: the login name)."),
                                      tr("name"));
    const QCommandLineOption db = dbOption();
    parser.addOptions({periodOption, outOption, formatOption, companyOption, byOption, db});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Writes the close pack of a period. csv: reconciliation, tax by rate, exception summary, "
                            "sign-offs and accepted overrides as CSV files, and summary.json with the gates and the "
                            "audit chain's head; xlsx: the same as one workbook; pdf: the pack for the controller. "
                            "Exit status: 0 written and every gate passes, 1 written but a gate fails "
                            "or the audit chain does not verify, 2 usage or cache error."),
                         &exitCode)) {
        return exitCode;
    }
    if (!parser.isSet(periodOption) || !parser.isSet(outOption))
        return usageError(tr("Name the period and the folder: --period YYYY-MM --out DIR."));
    const auto formats = closePackFormats(parser.value(formatOption));
    if (!formats)
        return usageError(formats.errorString());
    if (formats->contains(QStringLiteral("pdf")) && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return usageError(tr("The PDF could not be prepared (no graphics support)."));
    auto connection = openExistingCache(parser.isSet(db) ? parser.value(db) : defaultCachePath());
    if (!connection)
        return usageError(connection.errorString());
    auto data = ClosePack::load((*connection)->database(), parser.value(periodOption));
    if (!data)
        return usageError(data.errorString());
    const QString directory = parser.value(outOption);
    if (!QDir().mkpath(directory))
        return usageError(tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(directory)));
    QStringList files;
    for (const QString &format : *formats) {
        if (format == u"csv") {
            auto pack = ClosePack::writeCsv(*data, directory);
            if (!pack)
                return usageError(pack.errorString());
            files += pack->files;
        } else if (format == u"xlsx") {
            auto workbook = ClosePackWorkbook::writeXlsx(*data, directory);
            if (!workbook)
                return usageError(workbook.errorString());
            files += QFileInfo(*workbook).fileName();
        } else {
            Tillbridge::Reports::ClosePackPdfOptions options;
            options.company = parser.isSet(companyOption) ? parser.value(companyOption)
                                                          : Tillbridge::Reports::ClosePackPdf::defaultCompany();
            options.preparedBy = parser.isSet(byOption) ? parser.value(byOption)
                                                        : qEnvironmentVariable("USER", tr("tillbridge-cli"));
            const QString name = Tillbridge::Reports::ClosePackPdf::fileName(data->status.period.code);
            auto pages = Tillbridge::Reports::ClosePackPdf::write(*data, options, QDir(directory).filePath(name));
            if (!pages)
                return usageError(pages.errorString());
            files += name;
        }
    }
    out() << tr("Close pack for %1 written to %2: %3")
                 .arg(parser.value(periodOption), QDir::toNativeSeparators(QDir(directory).absolutePath()),
                      files.join(QStringLiteral(", ")))
          << Qt::endl;
    if (!data->auditChainIntact)
        err() << tr("The audit trail does not verify: its head was left out of the pack.") << Qt::endl;
    if (!data->status.allGatesPass())
        err() << tr("Not every close gate passes; see signoffs.csv.") << Qt::endl;
    return data->auditChainIntact && data->status.allGatesPass() ? Success : Findings;
}

/** The configuration named by --config (required), read and checked. */
Result<SyncConfig> loadConfig(const QCommandLineParser &parser, const QCommandLineOption &configOption)
{
    if (!parser.isSet(configOption))
        return Error{ErrorCode::InvalidInput, tr("Name the configuration with --config FILE.")};
    return SyncConfig::load(parser.value(configOption));
}

/**
 * What the commands that talk to Sitoo and Prima share: the cache, the secret store the configuration names, and a
 * SyncCycle that owns the configured Sitoo client and Prima gateway. Members are destroyed in reverse order.
 */
struct EngineClients
{
    DatabaseConnectionPtr connection;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<SyncCycle> cycle;
};

/**
 * Opens them for @p config. With @p prepareEngine the cycle is prepared to run (mappings imported, a crash's
 * postings recovered) — only for `sync`; the other commands may run beside an engine and leave its outbox alone.
 */
Result<EngineClients> openEngineClients(const SyncConfig &config, const QString &purpose, bool prepareEngine)
{
    DatabaseConnection::Options options;
    options.path = config.cachePath;
    options.purpose = purpose;
    auto connection = openCache(options);
    if (!connection)
        return connection.error();
    EngineClients clients;
    clients.connection = *connection;
    if (config.credentials == SyncConfig::Credentials::Environment)
        clients.secrets = std::make_unique<EnvironmentSecretStore>();
    else
        clients.secrets = std::make_unique<KeychainSecretStore>(keychainService());
    clients.cycle = std::make_unique<SyncCycle>(config, clients.connection->database(), clients.secrets.get());
    const Status ready = prepareEngine ? clients.cycle->prepare() : clients.cycle->connectClients();
    if (!ready)
        return ready.error();
    return clients;
}

int reconcile(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption configOption(QStringLiteral("config"), tr("The configuration file (the one sync uses)."),
                                          tr("file"));
    const QCommandLineOption dateOption(QStringLiteral("date"),
                                        tr("The trading day, YYYY-MM-DD (default: yesterday)."), tr("date"));
    const QCommandLineOption toleranceOption(
        QStringLiteral("tolerance"), tr("Largest difference still matched, in minor units (overrides the file)."),
        tr("minor"));
    parser.addOptions({configOption, dateOption, toleranceOption});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Reconciles one trading day per store: Sitoo tenders (orders and Z-reports) and VAT "
                            "against Prima's ledger postings. Exit status: 0 all matched, 1 variances (raised as "
                            "PAYOUT_VARIANCE), 2 usage, configuration or connection error."),
                         &exitCode)) {
        return exitCode;
    }
    const auto config = loadConfig(parser, configOption);
    if (!config)
        return usageError(config.errorString());
    auto settings = ReconciliationSettings::load(parser.value(configOption));
    if (!settings)
        return usageError(settings.errorString());
    if (parser.isSet(toleranceOption)) {
        bool ok = false;
        settings.value().toleranceMinor = parser.value(toleranceOption).toLongLong(&ok);
        if (!ok || settings->toleranceMinor < 0)
            return usageError(tr("--tolerance takes a whole number of minor units, 0 or more."));
    }
    const QDate day = parser.isSet(dateOption) ? QDate::fromString(parser.value(dateOption), Qt::ISODate)
                                               : QDate::currentDate().addDays(-1);
    if (!day.isValid())
        return usageError(tr("--date takes a day as YYYY-MM-DD."));
    auto clients = openEngineClients(*config, QStringLiteral("reconcile"), false);
    if (!clients)
        return usageError(clients.errorString());
    ReconciliationService service(clients->connection->database(), clients->cycle->gateway(), clients->cycle->sitoo(),
                                  *settings);

    int result = UsageError;
    service.run(day, [&](Result<ReconciliationSummary> summary) {
        if (!summary) {
            err() << tr("Reconciliation failed: %1").arg(summary.errorString()) << Qt::endl;
            QCoreApplication::exit(result = UsageError);
            return;
        }
        for (const QString &warning : summary->warnings)
            err() << warning << Qt::endl;
        for (const StoreDayReconciliation &storeDay : summary->storeDays) {
            out() << QString::fromUtf8(
                         QJsonDocument(QJsonObject{{QStringLiteral("store"), storeDay.store.name},
                                                   {QStringLiteral("trading_day"), day.toString(Qt::ISODate)},
                                                   {QStringLiteral("matched"), storeDay.matched},
                                                   {QStringLiteral("exception_id"), storeDay.exceptionId},
                                                   {QStringLiteral("explanation"), storeDay.explanation}})
                             .toJson(QJsonDocument::Compact))
                  << Qt::endl;
        }
        out() << tr("%1: %2, %3 matched, %4 with a variance, %5")
                     .arg(day.toString(Qt::ISODate), tr("%n store(s)", nullptr, int(summary->storeDays.size())),
                          tr("%n line(s)", nullptr, summary->matchedLines))
                     .arg(summary->varianceLines)
                     .arg(tr("%n silent store(s)", nullptr, int(summary->silentStoreExceptions.size())))
              << Qt::endl;
        QCoreApplication::exit(result = summary->varianceLines > 0 ? Findings : Success);
    });
    QCoreApplication::exec();
    return result;
}

int sync(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption configOption(QStringLiteral("config"), tr("The configuration file."), tr("file"));
    const QCommandLineOption once(QStringLiteral("once"),
                                  tr("Drain what there is and exit: 0 when nothing needs a person, 1 when blocking "
                                     "exceptions remain."));
    parser.addOptions({configOption, once});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Runs the order-to-cash engine: pulls Sitoo orders, validates them, and posts them to "
                            "Prima exactly once. Credentials come from the keychain, or from TILLBRIDGE_SITOO_PASSWORD "
                            "and TILLBRIDGE_PRIMA_TOKEN when the configuration says \"credentials\": "
                            "\"environment\"."),
                         &exitCode)) {
        return exitCode;
    }
    const auto config = loadConfig(parser, configOption);
    if (!config)
        return usageError(config.errorString());
    auto clients = openEngineClients(*config, QStringLiteral("sync"), true);
    if (!clients)
        return usageError(clients.errorString());
    SyncCycle &cycle = *clients->cycle;

    quitOnTerminationSignals();
    int result = Success;
    // --once gives up (exit 1, nothing lost) when Prima takes nothing for this long.
    constexpr qint64 kOnceGiveUpMs = 10 * 60 * 1000;
    QElapsedTimer stalled;
    stalled.start();
    std::function<void()> runPass;
    runPass = [&]() {
        cycle.run(false, [&](const Result<SyncSummary> &summary) {
            if (!summary) {
                err() << tr("Sync failed: %1").arg(summary.errorString()) << Qt::endl;
                result = UsageError;
                QCoreApplication::exit(result);
                return;
            }
            const SyncSummary &s = *summary;
            out() << tr("orders: %1 new, %2 ready, %3 quarantined, %4 malformed, %5 duplicates; postings: %6 posted, "
                        "%7 adopted, %8 retrying, %9 unknown, %10 failed; blocking exceptions open: %11")
                         .arg(s.orders.received - s.orders.unchanged)
                         .arg(s.orders.ready)
                         .arg(s.orders.quarantined)
                         .arg(s.orders.malformed)
                         .arg(s.orders.duplicates)
                         .arg(s.postings.posted)
                         .arg(s.postings.adopted)
                         .arg(s.postings.retrying)
                         .arg(s.postings.unknown)
                         .arg(s.postings.failed)
                         .arg(s.blockingExceptionsOpen)
                  << Qt::endl;
            const bool moved = s.orders.received > 0 || s.postings.posted > 0 || s.postings.adopted > 0
                               || s.postings.requeued > 0 || s.postings.unknown > 0;
            if (moved || s.postingsWaiting == 0)
                stalled.restart();
            if (parser.isSet(once) && !moved && s.postingsWaiting > 0 && stalled.hasExpired(kOnceGiveUpMs)) {
                err() << tr("Documents still waiting for Prima: %1. Prima has not taken any for 10 minutes; they "
                            "are kept and go out on the next run.")
                             .arg(s.postingsWaiting)
                      << Qt::endl;
                QCoreApplication::exit(Findings);
                return;
            }
            if (parser.isSet(once) && !moved && s.postingsWaiting == 0) {
                result = s.blockingExceptionsOpen > 0 ? Findings : Success;
                QCoreApplication::exit(result);
                return;
            }
            // Keep draining at once while work moves; with --once, wait for documents Prima asked to retry later;
            // otherwise wait for the next scheduled pull.
            auto delay = std::chrono::milliseconds(config->schedule.orderPullSeconds * 1000);
            if (moved) {
                delay = std::chrono::milliseconds(0);
            } else if (parser.isSet(once)) {
                const qint64 untilDue = s.nextPostingDue.isValid()
                                            ? QDateTime::currentDateTimeUtc().msecsTo(s.nextPostingDue)
                                            : 1000;
                delay = std::chrono::milliseconds(std::clamp<qint64>(untilDue, 250, 30000));
            }
            QTimer::singleShot(delay, QCoreApplication::instance(), runPass);
        });
    };
    runPass();
    return QCoreApplication::exec();
}

/**
 * `stock push`: one run of the stock push (docs/stock.md), then exit: 0 when every due level was written, 1 when
 * some failed or wait for a store mapping, 2 on a usage or configuration error. The stores come from the cache
 * (`sync` keeps them); an optional "stock" object in the configuration sets the cadences, thresholds and caps.
 */
int stockPush(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption configOption(QStringLiteral("config"), tr("The configuration file."), tr("file"));
    const QCommandLineOption fastLane(QStringLiteral("fast-lane"),
                                      tr("Push only the levels at risk (fast movers and low stock), as the fast lane "
                                         "does; without it every level not yet written."));
    parser.addOptions({configOption, fastLane});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Reads Prima's available-to-sell changes and writes them to each store's Sitoo "
                            "warehouse, once per SKU, location and version."),
                         &exitCode)) {
        return exitCode;
    }
    const auto config = loadConfig(parser, configOption);
    if (!config)
        return usageError(config.errorString());
    StockPushConfig stockConfig;
    {
        QFile file(parser.value(configOption));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(tr("Cannot read %1.").arg(parser.value(configOption)));
        const QJsonObject stock = QJsonDocument::fromJson(file.readAll()).object().value(u"stock").toObject();
        auto parsed = StockPushConfig::fromJson(stock);
        if (!parsed)
            return usageError(parsed.errorString());
        stockConfig = *parsed;
    }
    auto clients = openEngineClients(*config, QStringLiteral("stock"), false);
    if (!clients)
        return usageError(clients.errorString());
    SyncCycle &cycle = *clients->cycle;
    const DatabaseConnectionPtr connection = clients->connection;
    StockPush push(connection->database(), cycle.gateway(), cycle.sitoo(), config->connections.sitooEshopId,
                   config->connections.primaBaseUrl.host(), stockConfig);
    quitOnTerminationSignals();
    int result = Success;
    push.run(parser.isSet(fastLane) ? StockPushMode::FastLane : StockPushMode::Full,
             [&result](const Result<StockPushSummary> &summary) {
                 if (!summary) {
                     err() << tr("Stock push failed: %1").arg(summary.errorString()) << Qt::endl;
                     result = Findings;
                 } else {
                     const StockPushSummary &s = *summary;
                     out() << tr("stock: %1 levels read, %2 written, %3 failed, %4 without a store, %5 requests, "
                                 "max lag %6 ms")
                                  .arg(s.levelsRead)
                                  .arg(s.pushed)
                                  .arg(s.failed)
                                  .arg(s.unmapped)
                                  .arg(s.requests)
                                  .arg(s.maxLagMs)
                           << Qt::endl;
                     result = s.failed > 0 || s.unmapped > 0 ? Findings : Success;
                 }
                 QCoreApplication::exit(result);
             });
    QCoreApplication::exec();
    return result;
}

/** Reads one line from standard input without echo when it is a terminal (a password). */
QString readSecretLine(const QString &prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        err() << prompt << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

int usersAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption role(QStringLiteral("role"), tr("preparer, approver or admin."), tr("role"));
    const QCommandLineOption displayName(QStringLiteral("display-name"), tr("The name shown in the workbench."),
                                         tr("name"));
    const QCommandLineOption actorOption(QStringLiteral("actor"),
                                         tr("Who creates the account, for the audit trail (default: the login name)."),
                                         tr("name"));
    parser.addOptions({db, role, displayName, actorOption});
    parser.addPositionalArgument(QStringLiteral("USERNAME"), tr("The new account's user name."));
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Creates a local account for the workbench. The password is read from standard input "
                            "(without echo on a terminal) and stored only as a PBKDF2 hash."),
                         &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("Name one user: tillbridge-cli users add USERNAME --role ROLE."));
    const auto userRole = userRoleFromCode(parser.value(role));
    if (!userRole)
        return usageError(tr("--role is preparer, approver or admin."));
    const QString actor = parser.isSet(actorOption) ? parser.value(actorOption).trimmed()
                                                    : qEnvironmentVariable("USER", QStringLiteral("admin")).trimmed();
    const QString password = readSecretLine(tr("Password: "));
    DatabaseConnection::Options options;
    options.path = parser.isSet(db) ? parser.value(db) : defaultCachePath();
    options.purpose = QStringLiteral("cli");
    auto connection = openCache(options);
    if (!connection)
        return usageError(connection.errorString());
    const QSqlDatabase database = (*connection)->database();
    DbTransaction tx(database);
    auto created = UserRepository(database).create(tx, parser.positionalArguments().constFirst(),
                                                   parser.value(displayName), *userRole, password, actor);
    if (!created)
        return usageError(created.errorString());
    if (auto committed = tx.commit(); !committed)
        return usageError(committed.errorString());
    out() << tr("Created %1 (%2).").arg(created->username, userRoleCode(created->role)) << Qt::endl;
    return Success;
}

int usersList(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    parser.addOptions({db});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments, tr("Lists the workbench's local accounts and their roles."), &exitCode))
        return exitCode;
    DatabaseConnection::Options options;
    options.path = parser.isSet(db) ? parser.value(db) : defaultCachePath();
    options.purpose = QStringLiteral("cli");
    auto connection = openCache(options);
    if (!connection)
        return usageError(connection.errorString());
    auto users = UserRepository((*connection)->database()).all();
    if (!users)
        return usageError(users.errorString());
    for (const User &user : *users) {
        out() << user.username.leftJustified(20) << userRoleCode(user.role).leftJustified(10)
              << (user.active ? QString() : tr("(disabled) ")) << user.displayName << Qt::endl;
    }
    return Success;
}

int skuAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption configOption(QStringLiteral("config"), tr("The configuration file (the one sync uses)."),
                                          tr("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON line with the counts."));
    parser.addOptions({configOption, jsonOption});
    int exitCode = Success;
    if (!parseSubcommand(parser, arguments,
                         tr("Compares Prima's item master with the configured Sitoo site field by field, records "
                            "every difference as an exception and the run with its counts. Exit status: 0 clean, 1 "
                            "differences found, 2 usage, configuration or connection error."),
                         &exitCode)) {
        return exitCode;
    }
    const auto config = loadConfig(parser, configOption);
    if (!config)
        return usageError(config.errorString());
    auto clients = openEngineClients(*config, QStringLiteral("sku-audit"), false);
    if (!clients)
        return usageError(clients.errorString());
    SkuAudit audit(clients->connection->database(), clients->cycle->sitoo(), clients->cycle->gateway());

    SkuAuditOptions auditOptions;
    auditOptions.eshopId = config->connections.sitooEshopId;
    auditOptions.refreshPrima = true;
    int result = UsageError;
    audit.run(auditOptions, QCoreApplication::instance(), [&](const Result<SkuAuditSummary> &summary) {
        if (!summary) {
            err() << tr("SKU audit failed: %1").arg(summary.errorString()) << Qt::endl;
            result = UsageError;
            QCoreApplication::exit(result);
            return;
        }
        const SkuAuditRun &run = summary->run;
        if (parser.isSet(jsonOption)) {
            const QJsonObject line{{QStringLiteral("run"), run.id},
                                   {QStringLiteral("eshop_id"), run.eshopId},
                                   {QStringLiteral("prima_items"), run.primaItems},
                                   {QStringLiteral("sitoo_items"), run.sitooItems},
                                   {QStringLiteral("only_in_sitoo"), run.onlyInSitoo},
                                   {QStringLiteral("only_in_prima"), run.onlyInPrima},
                                   {QStringLiteral("field_mismatch"), run.fieldMismatch},
                                   {QStringLiteral("near_match_hints"), run.nearMatchHints},
                                   {QStringLiteral("auto_resolved"), run.autoResolved}};
            out() << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << Qt::endl;
        } else {
            out() << tr("SKU audit run %1, Sitoo site %2: Prima %3 items, Sitoo %4 products")
                         .arg(run.id)
                         .arg(run.eshopId)
                         .arg(run.primaItems)
                         .arg(run.sitooItems)
                  << Qt::endl
                  << tr("  CATALOG_ONLY_IN_SITOO   %1").arg(run.onlyInSitoo) << Qt::endl
                  << tr("  CATALOG_ONLY_IN_PRIMA   %1").arg(run.onlyInPrima) << Qt::endl
                  << tr("  CATALOG_FIELD_MISMATCH  %1").arg(run.fieldMismatch) << Qt::endl
                  << tr("  near-match hints        %1").arg(run.nearMatchHints) << Qt::endl
                  << tr("  auto-resolved           %1").arg(run.autoResolved) << Qt::endl;
        }
        result = summary->isClean() ? Success : Findings;
        QCoreApplication::exit(result);
    });
    QCoreApplication::exec();
    return result;
}

struct Subcommand
{
    const char *group;
    const char *name;
    int (*run)(const QStringList &arguments);
    const char *summary;
};

const Subcommand kSubcommands[] = {
    {"audit", "verify", auditVerify, QT_TRANSLATE_NOOP("tillbridge-cli", "verify the audit trail's hash chain")},
    {"audit", "export-head", auditExportHead,
     QT_TRANSLATE_NOOP("tillbridge-cli", "export the audit trail's head to anchor it outside the cache")},
    {"db", "migrate", dbMigrate, QT_TRANSLATE_NOOP("tillbridge-cli", "create or upgrade a cache")},
    {"mappings", "import", mappingsImport,
     QT_TRANSLATE_NOOP("tillbridge-cli", "import mappings and release the quarantined orders they fix (--preview)")},
    {"sync", "", sync, QT_TRANSLATE_NOOP("tillbridge-cli", "run the engine: pull, validate and post to Prima")},
    {"sku-audit", "", skuAudit,
     QT_TRANSLATE_NOOP("tillbridge-cli", "compare Prima's item master with Sitoo field by field (--json)")},
    {"users", "add", usersAdd,
     QT_TRANSLATE_NOOP("tillbridge-cli", "create a workbench account (password from standard input)")},
    {"users", "list", usersList, QT_TRANSLATE_NOOP("tillbridge-cli", "list the workbench accounts and roles")},
    {"stock", "push", stockPush,
     QT_TRANSLATE_NOOP("tillbridge-cli", "write Prima's available-to-sell to the Sitoo warehouses once (--fast-lane)")},
    {"validate-orders", "", validateOrders,
     QT_TRANSLATE_NOOP("tillbridge-cli", "validate Sitoo order JSON without posting (one JSON line per order)")},
    {"sandbox", "", sandbox,
     QT_TRANSLATE_NOOP("tillbridge-cli", "run the emulated Sitoo and Prima on 127.0.0.1 with a demo scenario")},
    {"reconcile", "", reconcile,
     QT_TRANSLATE_NOOP("tillbridge-cli", "reconcile a trading day: Sitoo tenders and VAT vs Prima's ledger (--date)")},
    {"close-pack", "", closePack,
     QT_TRANSLATE_NOOP("tillbridge-cli", "write a period's close pack: CSV and summary.json, XLSX, PDF (--period --out --format)")},
};

QString overview()
{
    QString text = tr("Usage: tillbridge-cli COMMAND [options]\n\nCommands:\n");
    for (const auto &command : kSubcommands) {
        const QString name = QStringLiteral("%1 %2")
                                 .arg(QLatin1StringView(command.group), QLatin1StringView(command.name))
                                 .trimmed();
        text += QStringLiteral("  ") + name.leftJustified(20)
                + QCoreApplication::translate("tillbridge-cli", command.summary) + u'\n';
    }
    text += tr("\nRun 'tillbridge-cli COMMAND --help' for a command's options.\n"
               "Exit status: 0 success, 1 findings or failed checks, 2 usage or configuration error.\n");
    return text;
}

} // namespace
} // namespace TillbridgeCli

using namespace TillbridgeCli;

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
    setApplicationIdentity();
    // The CLI speaks the system's language (LANG, LC_ALL); its output formats stay what each command documents.
    Tillbridge::I18n::installTranslators(&app, QLocale::system());
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: "
                                      "%{message}"));

    const QStringList arguments = app.arguments();
    if (arguments.size() < 2 || arguments.at(1) == u"--help" || arguments.at(1) == u"-h" || arguments.at(1) == u"help") {
        out() << overview();
        return arguments.size() < 2 ? UsageError : Success;
    }
    if (arguments.at(1) == u"--version" || arguments.at(1) == u"-v") {
        out() << QStringLiteral("tillbridge-cli %1").arg(applicationVersion()) << Qt::endl;
        return Success;
    }
    for (const auto &command : kSubcommands) {
        if (arguments.at(1) != QLatin1StringView(command.group))
            continue;
        // A one-word command ("sandbox") takes its options right after it; two-word ones after the second word.
        const bool oneWord = QLatin1StringView(command.name).isEmpty();
        if (oneWord || (arguments.size() >= 3 && arguments.at(2) == QLatin1StringView(command.name))) {
            // The subcommand parser sees "tillbridge-cli" followed by the subcommand's own options.
            QStringList rest{arguments.first()};
            rest += arguments.mid(oneWord ? 2 : 3);
            return command.run(rest);
        }
    }
    err() << QCoreApplication::translate("tillbridge-cli", "Unknown command: %1").arg(arguments.mid(1, 2).join(u' ')) << Qt::endl << Qt::endl;
    err() << overview();
    return UsageError;
}
