// SPDX-License-Identifier: GPL-3.0-or-later
// tillbridge-bench SCENARIO [options]: the performance benchmarks (docs/performance.md). Each scenario prints exactly
// one JSON line to stdout; progress goes to stderr. Exit status: 0 measured (whether or not a goal was met),
// 1 the measurement failed, 2 usage error.
#include "core/storage/backgroundwork.h"
#include "tests/bench/benchreport.h"
#include "tests/bench/ingestbench.h"
#include "tests/bench/postbench.h"
#include "tests/bench/stockbench.h"
#include "tests/bench/skudiffbench.h"
#include "tests/bench/uiqueuebench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>
#include <optional>

using namespace Tillbridge::Bench;

namespace {
enum ExitCode { kMeasured = 0, kFailed = 1, kUsage = 2 };

int usageError(const QString &message)
{
    BenchReport::progress(QStringLiteral("tillbridge-bench: ") + message);
    return kUsage;
}

std::optional<int> positiveInt(const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

int report(const Tillbridge::Core::Result<QJsonObject> &result, const QString &scenario)
{
    if (!result) {
        BenchReport::progress(QStringLiteral("tillbridge-bench %1 failed: %2").arg(scenario, result.errorString()));
        return kFailed;
    }
    BenchReport::printLine(*result);
    return kMeasured;
}
} // namespace

int main(int argc, char *argv[])
{
    // ui-queue renders the real workbench page: it needs widgets, offscreen unless a display is asked for.
    bool needsWidgets = false;
    for (int i = 1; i < argc; ++i)
        needsWidgets = needsWidgets || qstrcmp(argv[i], "ui-queue") == 0 || qstrcmp(argv[i], "startup") == 0
                                      || qstrcmp(argv[i], "all") == 0;
    if (needsWidgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = needsWidgets ? std::make_unique<QApplication>(argc, argv)
                                                               : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tillbridge-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tillbridge benchmarks. SCENARIO is ingest, post, sku-diff, ui-queue, startup, stock-fast-lane or all; each "
        "prints one JSON line to stdout."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("ingest, post or all"));
    const QCommandLineOption ordersOption(QStringLiteral("orders"), QStringLiteral("ingest: orders (100000)."),
                                          QStringLiteral("N"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"), QStringLiteral("ingest: orders per page (100)."),
                                        QStringLiteral("N"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("post: Prima's rate limit in requests/s (5)."),
                                        QStringLiteral("L"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("post: seconds to relay (60)."),
                                           QStringLiteral("S"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("post: documents per request (100)."),
                                         QStringLiteral("N"));
    const QCommandLineOption documentsOption(
        QStringLiteral("documents"), QStringLiteral("post: ready documents in the outbox (enough for the run)."),
        QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("scenario seed (1)."),
                                        QStringLiteral("N"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("folder for the temporary caches (system temp; use a real "
                                                      "disk, not tmpfs)."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption noFloorOption(QStringLiteral("no-floor"), QStringLiteral("ingest: skip the storage floor."));
    const QCommandLineOption quickOption(QStringLiteral("quick"),
                                         QStringLiteral("all: short defaults (10000 orders, 10 s of posting)."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("keep the temporary caches and ledger for inspection."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("the engine's info logging."));
    parser.addOptions({ordersOption, pageOption, rateOption, secondsOption, batchOption, documentsOption, seedOption,
                       dirOption, noFloorOption, quickOption, keepOption, verboseOption});
    const QCommandLineOption skusOption(QStringLiteral("skus"), QStringLiteral("stock-fast-lane: SKUs (200000)."),
                                        QStringLiteral("N"));
    const QCommandLineOption storesOption(QStringLiteral("stores"),
                                          QStringLiteral("stock-fast-lane: stores (50)."), QStringLiteral("N"));
    const QCommandLineOption changesOption(QStringLiteral("changes"),
                                           QStringLiteral("stock-fast-lane: changes measured (20)."),
                                           QStringLiteral("N"));
    parser.addOptions({skusOption, storesOption, changesOption});
    const QCommandLineOption exceptionsOption(QStringLiteral("exceptions"),
                                              QStringLiteral("ui-queue: exceptions in the cache (1000000)."),
                                              QStringLiteral("N"));
    parser.addOption(exceptionsOption);
    parser.process(*app);

    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("tillbridge.*.info=false\ntillbridge.*.debug=false"));

    // stock-fast-lane alone, with its own options ("all" runs it last, with the defaults).
    if (parser.positionalArguments() == QStringList{QStringLiteral("stock-fast-lane")}) {
        const auto skus = positiveInt(parser, skusOption.names().first(), 200000);
        const auto stores = positiveInt(parser, storesOption.names().first(), 50);
        const auto changes = positiveInt(parser, changesOption.names().first(), 20);
        const auto seed = positiveInt(parser, QStringLiteral("seed"), 1);
        if (!skus || !stores || !changes || !seed)
            return usageError(QStringLiteral("--skus, --stores, --changes and --seed take a whole number of at least 1."));
        StockBenchOptions options;
        options.skus = *skus;
        options.stores = *stores;
        options.changes = *changes;
        options.seed = quint32(*seed);
        options.directory = parser.value(dirOption);
        options.keepFiles = parser.isSet(keepOption);
        return report(runStockBench(options), QStringLiteral("stock-fast-lane"));
    }

    const QStringList positional = parser.positionalArguments();
    const QString scenario = positional.value(0);
    if (positional.size() != 1
        || !(scenario == u"ingest" || scenario == u"post" || scenario == u"sku-diff" || scenario == u"ui-queue"
             || scenario == u"startup" || scenario == u"all"))
        return usageError(QStringLiteral("give one SCENARIO: ingest, post or all (see --help)."));
    const bool quick = parser.isSet(quickOption);

    const auto orders = positiveInt(parser, ordersOption.names().first(), quick ? 10000 : 100000);
    const auto pageSize = positiveInt(parser, pageOption.names().first(), 100);
    const auto rate = positiveInt(parser, rateOption.names().first(), 5);
    const auto seconds = positiveInt(parser, secondsOption.names().first(), quick ? 10 : 60);
    const auto batch = positiveInt(parser, batchOption.names().first(), 100);
    const auto documents = positiveInt(parser, documentsOption.names().first(), 0);
    const auto seed = positiveInt(parser, seedOption.names().first(), 1);
    if (!orders || !pageSize || !rate || !seconds || !batch || !documents || !seed)
        return usageError(QStringLiteral("--orders, --page-size, --rate, --seconds, --batch, --documents and --seed "
                                         "take a whole number of at least 1."));

    int status = kMeasured;
    if (scenario == u"ingest" || scenario == u"all") {
        IngestBenchOptions options;
        options.orders = *orders;
        options.pageSize = *pageSize;
        options.seed = quint32(*seed);
        options.directory = parser.value(dirOption);
        options.measureFloor = !parser.isSet(noFloorOption);
        options.keepFiles = parser.isSet(keepOption);
        status = std::max(status, report(runIngestBench(options), QStringLiteral("ingest")));
    }
    if (scenario == u"post" || scenario == u"all") {
        PostBenchOptions options;
        options.requestsPerSecond = *rate;
        options.seconds = *seconds;
        options.batchSize = *batch;
        options.documents = *documents;
        options.seed = quint32(*seed);
        options.directory = parser.value(dirOption);
        options.keepFiles = parser.isSet(keepOption);
        status = std::max(status, report(runPostBench(options), QStringLiteral("post")));
    }
    if (scenario == u"sku-diff" || scenario == u"all") {
        SkuDiffBenchOptions options;
        options.skus = quick ? 50000 : 500000;
        options.seed = quint32(*seed);
        options.directory = parser.value(dirOption);
        options.keepFiles = parser.isSet(keepOption);
        status = std::max(status, report(runSkuDiffBench(options), QStringLiteral("sku-diff")));
    }
    if (scenario == u"ui-queue" || scenario == u"startup" || scenario == u"all") {
        // Both open the workbench on the same generated queue.
        const auto exceptions = positiveInt(parser, exceptionsOption.names().first(), quick ? 100000 : 1000000);
        if (!exceptions)
            return usageError(QStringLiteral("--exceptions takes a whole number of at least 1."));
        UiQueueBenchOptions options;
        options.exceptions = *exceptions;
        options.seed = quint32(*seed);
        options.directory = parser.value(dirOption);
        options.keepFiles = parser.isSet(keepOption);
        if (scenario != u"startup")
            status = std::max(status, report(runUiQueueBench(options), QStringLiteral("ui-queue")));
        if (scenario != u"ui-queue")
            status = std::max(status, report(runStartupBench(options), QStringLiteral("startup")));
    }
    if (scenario == u"all") {
        // Last: its world (skus × stores levels on both sides) takes the longest to generate.
        StockBenchOptions options;
        options.skus = quick ? 20000 : 200000;
        options.stores = quick ? 10 : 50;
        options.seed = quint32(*seed);
        options.directory = parser.value(dirOption);
        options.keepFiles = parser.isSet(keepOption);
        status = std::max(status, report(runStockBench(options), QStringLiteral("stock-fast-lane")));
    }
    Tillbridge::Core::BackgroundWork::waitForAll(); // no read may still be inside SQLite while the process ends
    return status;
}
