// SPDX-License-Identifier: GPL-3.0-or-later
// tillbridge-bench runs and says what it measured in the agreed shape: one JSON line per scenario on stdout, with the
// scenario, its figures (units in the names), the parameters and the goal. Speed itself is never checked here:
// timed targets do not belong in unit tests on a shared 2-core machine (docs/performance.md has the figures).
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class tst_BenchSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarioPrintsOneJsonLine_data();
    void scenarioPrintsOneJsonLine();
    void unknownScenarioIsAUsageError();
};

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runBench(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(TILLBRIDGE_BENCH_EXE), arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
} // namespace

void tst_BenchSmoke::scenarioPrintsOneJsonLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("keys");
    const QStringList common{"scenario", "ratio", "goal", "goal_met", "peak_rss_mb", "build_type", "seed"};
    QTest::newRow("ingest") << QStringList{"ingest", "--orders", "2000"}
                            << (common + QStringList{"orders", "page_size", "seconds", "orders_per_s", "floor_seconds",
                                                     "floor_rows", "rows_written", "extrapolated_18m_orders_hours",
                                                     "ready", "quarantined"});
    QTest::newRow("post") << QStringList{"post", "--seconds", "5", "--rate", "5"}
                          << (common + QStringList{"rate_limit_per_s", "batch_size", "seconds_requested", "seconds",
                                                   "documents_per_s", "requests_per_s", "http_429", "documents_posted",
                                                   "documents_ready", "requests"});
    // The real queue page on a small cache; the run itself checks the rows shown (first, filtered, last, searched).
    QTest::newRow("ui-queue") << QStringList{"ui-queue", "--exceptions", "3000"}
                              << (common + QStringList{"exceptions", "to_work", "first_rows_ms", "filter_ms",
                                                       "jump_to_end_ms", "scroll_to_middle_ms", "search_ms",
                                                       "search_broad_ms", "pages_in_memory"});
    QTest::newRow("startup") << QStringList{"startup", "--exceptions", "3000"}
                             << (common + QStringList{"exceptions", "first_paint_ms", "figures_ms"});
}

void tst_BenchSmoke::scenarioPrintsOneJsonLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, keys);
    const Run run = runBench(arguments, 240000);
    QVERIFY2(run.exitCode == 0, run.err.constData());

    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(lines.first(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject result = document.object();
    QCOMPARE(result.value(u"scenario").toString(), arguments.first());
    for (const QString &key : std::as_const(keys))
        QVERIFY2(result.contains(key), qPrintable(QStringLiteral("no \"%1\" in %2").arg(key, lines.first())));
    QVERIFY(result.value(u"goal_met").isBool());
    QVERIFY(result.value(u"ratio").isDouble());
    QVERIFY(result.value(u"ratio").toDouble() >= 0);

    if (arguments.first() == u"ingest") {
        QCOMPARE(result.value(u"orders").toInt(), 2000);
        QVERIFY(result.value(u"orders_per_s").toDouble() > 0);
        QVERIFY(result.value(u"floor_seconds").toDouble() > 0);
        // Most generated orders are clean and reach the outbox; the floor copied every row the ingest wrote,
        // the audit trail and the exceptions included.
        QVERIFY(result.value(u"ready").toInt() > 1500);
        const QJsonObject written = result.value(u"rows_written").toObject();
        QCOMPARE(result.value(u"floor_rows").toObject(), written);
        for (const char *table : {"raw_orders", "pos_orders", "pos_order_lines", "pos_order_payments", "outbox",
                                  "exceptions", "exception_history", "audit_events"})
            QVERIFY2(written.value(QLatin1StringView(table)).toInteger() > 0, table);
    } else if (arguments.first() == u"startup") {
        QCOMPARE(result.value(u"exceptions").toInt(), 3000);
        QVERIFY(result.value(u"first_paint_ms").toDouble() > 0);
        QVERIFY(result.value(u"figures_ms").toDouble() >= result.value(u"first_paint_ms").toDouble());
    } else if (arguments.first() == u"ui-queue") {
        QCOMPARE(result.value(u"exceptions").toInt(), 3000);
        QVERIFY(result.value(u"to_work").toInt() > 2000); // most generated exceptions are still to be worked
        QVERIFY(result.value(u"first_rows_ms").toDouble() > 0);
        QVERIFY(result.value(u"pages_in_memory").toInt() >= 1);
    } else {
        QCOMPARE(result.value(u"rate_limit_per_s").toInt(), 5);
        QCOMPARE(result.value(u"seconds_requested").toInt(), 5);
        QCOMPARE(result.value(u"batch_size").toInt(), 100);
        // How many get through in 5 s depends on the machine's load; that the outbox was filled does not.
        QVERIFY(result.value(u"documents_ready").toInteger() > 0);
        QVERIFY(result.value(u"documents_posted").toInteger() >= 0);
        QVERIFY(result.value(u"http_429").toInteger() >= 0);
    }
}

void tst_BenchSmoke::unknownScenarioIsAUsageError()
{
    const Run run = runBench({QStringLiteral("everything")}, 30000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_BenchSmoke)
#include "tst_benchsmoke.moc"
