// SPDX-License-Identifier: GPL-3.0-or-later
// R10 (reliability.md §6.2): hostile text — SQL fragments, LIKE wildcards, NUL bytes, 10 kB strings, RTL marks and
// emoji — in product names, payment references, payment-method mapping keys and values, receipt ids and SKUs, sent
// by the Sitoo sandbox as order JSON and taken through the real sync cycle: import (raw payload and parsed rows),
// the outbox payload, the posted document and the ledger postings in the Prima sandbox, and the exception queue
// model and its CSV export. Every value must come back byte-identical, the cache's schema must be unchanged and LIKE filters must treat
// % and _ as text.
#include "core/engine/synccycle.h"
#include "core/export/csvtablewriter.h"
#include "core/export/exportsources.h"
#include "core/models/exceptionqueuemodel.h"
#include "core/sandbox/demosandbox.h"
#include "core/sandbox/prima/primaemulator.h"
#include "core/sandbox/scenario/scenario.h"
#include "core/sandbox/sitoo/sitooemulator.h"
#include "core/secrets/memorysecretstore.h"
#include "core/storage/exceptionrepository.h"

#include "tests/testutils/secrettestutils.h"
#include "tests/testutils/sqltestutils.h"
#include "tests/testutils/tempcache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;
using Tillbridge::Test::TempCache;

namespace {

/** The hostile values; each gets its own order so that one failure names its value. */
QList<QString> hostileValues()
{
    QString tenKb;
    for (int i = 0; tenKb.size() < 10 * 1024; ++i)
        tenKb += QStringLiteral("%1-'\"%_\\;").arg(i);
    return {
        QStringLiteral("'); DROP TABLE outbox;--"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("nul") + QChar(0) + QStringLiteral("inside") + QChar(0),
        tenKb,
        QStringView(u"\u202Eevil\u200F RTL \u200E\u2067mark\u2069").toString(),
        QStringView(u"emoji \U0001F9FE\U0001F4B7 e\u0301 \U0001F468\u200D\U0001F469\u200D\U0001F467").toString(),
        QStringLiteral("back\\slash \" quote ' and ESCAPE '\\' %_"),
    };
}

QString label(const QString &value)
{
    return value.size() > 40 ? value.left(40) + QStringLiteral("… (%1 chars)").arg(value.size()) : value;
}

/** True when @p json holds @p needle as a whole string value somewhere (object values or array items). */
bool holdsString(const QJsonValue &json, const QString &needle)
{
    if (json.isString())
        return json.toString() == needle;
    if (json.isArray()) {
        for (const QJsonValue &v : json.toArray())
            if (holdsString(v, needle))
                return true;
    }
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (holdsString(it.value(), needle))
                return true;
    }
    return false;
}

QJsonValue parse(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

/** RFC 4180 records: quoted fields with doubled quotes, CRLF between records. */
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList rows;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master ORDER BY name")))
        return {QStringLiteral("error: ") + query.lastError().text()};
    while (query.next())
        rows << QStringLiteral("%1|%2|%3|%4").arg(query.value(0).toString(), query.value(1).toString(),
                                                  query.value(2).toString(), query.value(3).toString());
    return rows;
}

} // namespace

class tst_HostileInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importKeepsEveryValue();
    void outboxAndPrimaKeepEveryValue();
    void hostileSkusReachTheQueueModel();
    void csvExportKeepsEveryValue();
    void likeFiltersTreatWildcardsLiterally();
    void schemaUnchanged();

private:
    /** The Sitoo payment method (a mapping key): hostile too, within the mapping's 200-character limit. */
    QString methodName(int i) const
    {
        const QString &value = m_values.at(i);
        if (value.size() > kMappingLimit - 20)
            return QStringLiteral("Hostile method %1").arg(i);
        return QStringLiteral("Hostile method %1: ").arg(i) + value;
    }
    /** The tender the method maps to: the hostile value itself unless it is over the limit (then refused). */
    QString tender(int i) const
    {
        const QString &value = m_values.at(i);
        return value.size() <= kMappingLimit ? value : QStringLiteral("TENDER-%1").arg(i);
    }
    static constexpr qsizetype kMappingLimit = 200; // MappingRepository's kMaxTextLength

    QTemporaryDir m_dir;
    TempCache m_cache;
    std::unique_ptr<DemoSandbox> m_sandbox;
    MemorySecretStore m_secrets;
    DatabaseConnectionPtr m_connection;
    std::unique_ptr<SyncCycle> m_cycle;
    QStringList m_schemaBefore;
    QList<QString> m_values;
    QList<qint64> m_postedOrders; ///< per value: a sale carrying it in names, references, method and tender
    QList<qint64> m_skuOrders;    ///< per value: a sale selling it as a SKU
    QString m_account;
};

void tst_HostileInput::initTestCase()
{
    m_values = hostileValues();
    DemoSandboxOptions options;
    options.scenario.seed = 11;
    options.scenario.storeCount = 1;
    options.scenario.tradingDays = 1;
    options.scenario.defectRate = 0.0;
    options.dataDirectory = m_dir.path();
    m_sandbox = std::make_unique<DemoSandbox>(options);
    auto endpoints = m_sandbox->start();
    QVERIFY2(endpoints.ok(), qPrintable(endpoints.errorString()));
    m_account = endpoints->sitooAccountId;

    // A clean sale with one payment is the template of every hostile order.
    const Scenario &scenario = m_sandbox->scenario();
    std::optional<QJsonObject> templateOrder;
    for (const ScenarioOrder &order : scenario.orders()) {
        if (order.creditOrderId || order.hasDefect || order.malformation != OrderMalformation::None
            || order.payments.size() != 1 || order.lines.isEmpty())
            continue;
        const QJsonObject json = scenario.orderJson(order);
        {
            templateOrder = json;
            break;
        }
    }
    QVERIFY2(templateOrder, "no single-payment sale in the scenario");

    QJsonObject mappings = QJsonDocument::fromJson(DemoSandbox::demoMappingsJson(scenario)).object();
    QJsonObject tenders = mappings.value(u"payment_method").toObject();
    QJsonObject overLimit = tenders;
    for (int i = 0; i < m_values.size(); ++i) {
        tenders.insert(methodName(i), tender(i));
        overLimit.insert(methodName(i), m_values.at(i));
    }
    mappings.insert(QStringLiteral("payment_method"), overLimit);

    auto hostileOrder = [&](int i, bool asSku) {
        QJsonObject order = *templateOrder;
        order.remove(QStringLiteral("orderid")); // the emulator numbers it after its last order
        const QString &value = m_values.at(i);
        QJsonArray items = order.value(u"orderitems").toArray();
        for (qsizetype n = 0; n < items.size(); ++n) {
            QJsonObject item = items.at(n).toObject();
            if (asSku)
                item.insert(QStringLiteral("sku"), value);
            else
                item.insert(QStringLiteral("productname"), value);
            items[n] = item;
        }
        order.insert(QStringLiteral("orderitems"), items);
        QJsonArray payments = order.value(u"payments").toArray();
        QJsonObject payment = payments.at(0).toObject();
        payment.insert(QStringLiteral("name"), methodName(i));
        payment.insert(QStringLiteral("refid"), value);
        payments[0] = payment;
        order.insert(QStringLiteral("payments"), payments);
        QJsonObject additional = order.value(u"additionaldata").toObject();
        const QString receipt = additional.value(u"pos-receiptid").toString() + (asSku ? QStringLiteral("S")
                                                                                     : QStringLiteral("P"))
                                + QString::number(i);
        additional.insert(QStringLiteral("pos-receiptid"), receipt);
        order.insert(QStringLiteral("additionaldata"), additional);
        return m_sandbox->sitoo()->addOrder(order);
    };
    for (int i = 0; i < m_values.size(); ++i) {
        const qint64 posted = hostileOrder(i, false);
        QVERIFY(posted > 0);
        m_postedOrders << posted;
        const qint64 sku = hostileOrder(i, true);
        QVERIFY(sku > 0);
        m_skuOrders << sku;
    }

    SyncConfig config;
    config.cachePath = m_cache.path();
    config.connections.sitooBaseUrl = endpoints->sitooBaseUrl;
    config.connections.sitooAccountId = endpoints->sitooAccountId;
    config.connections.sitooApiId = endpoints->sitooApiId;
    config.connections.primaBaseUrl = endpoints->primaBaseUrl;
    config.mappingsFile = m_dir.filePath(QStringLiteral("mappings.json"));
    config.schedule.primaRequestsPerSecond = 1000;
    QFile file(config.mappingsFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(mappings).toJson());
    file.close();
    // First with the 10 kB tender: the mapping import refuses the whole file, saying why, and changes nothing.
    QVERIFY(Tillbridge::Test::storeSecrets(m_secrets, {{config.connections.sitooPasswordKey(), endpoints->sitooPassword},
                                                       {config.connections.primaTokenKey(), endpoints->primaToken}}));

    auto connection = m_cache.open(QStringLiteral("engine"));
    QVERIFY(connection.ok());
    m_connection = *connection;
    m_schemaBefore = schemaOf(m_connection->database());
    {
        SyncCycle refused(config, m_connection->database(), &m_secrets);
        const Status status = refused.prepare();
        QVERIFY(!status.ok());
        QVERIFY2(status.errorString().contains(QStringLiteral("too long")), qPrintable(status.errorString()));
        QCOMPARE(Tillbridge::Test::scalar(m_connection->database(),
                                          QStringLiteral("SELECT COUNT(*) FROM mappings WHERE source_key LIKE "
                                                         "'Hostile method %'")),
                 qint64(0));
    }
    mappings.insert(QStringLiteral("payment_method"), tenders);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(mappings).toJson());
    file.close();
    m_cycle = std::make_unique<SyncCycle>(config, m_connection->database(), &m_secrets);
    const Status prepared = m_cycle->prepare();
    QVERIFY2(prepared.ok(), qPrintable(prepared.errorString()));
    m_schemaBefore = schemaOf(m_connection->database());

    std::optional<Result<SyncSummary>> result;
    m_cycle->run(true, [&result](const Result<SyncSummary> &summary) { result = summary; });
    QDeadlineTimer deadline(120000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->errorString()));
}

void tst_HostileInput::importKeepsEveryValue()
{
    const QSqlDatabase db = m_connection->database();
    for (int i = 0; i < m_values.size(); ++i) {
        const QString &value = m_values.at(i);
        for (const qint64 orderId : {m_postedOrders.at(i), m_skuOrders.at(i)}) {
            const bool asSku = orderId == m_skuOrders.at(i);
            // The raw payload as received.
            QSqlQuery raw(db);
            raw.prepare(QStringLiteral("SELECT payload FROM raw_orders WHERE sitoo_order_id = ?"));
            raw.addBindValue(orderId);
            QVERIFY(raw.exec());
            QVERIFY2(raw.next(), qPrintable(QStringLiteral("order %1 (%2) not imported").arg(orderId).arg(label(value))));
            QVERIFY2(holdsString(parse(raw.value(0).toByteArray()), value), qPrintable(label(value)));
            // The parsed rows.
            QSqlQuery lines(db);
            lines.prepare(QStringLiteral("SELECT l.sku, l.product_name FROM pos_order_lines l JOIN pos_orders o "
                                         "ON o.id = l.order_id WHERE o.sitoo_order_id = ?"));
            lines.addBindValue(orderId);
            QVERIFY(lines.exec());
            int lineCount = 0;
            while (lines.next()) {
                ++lineCount;
                const QString stored = lines.value(asSku ? 0 : 1).toString();
                QVERIFY2(stored == value, qPrintable(QStringLiteral("line %1: stored '%2' for '%3'")
                                                         .arg(asSku ? u"sku" : u"product_name", label(stored),
                                                              label(value))));
            }
            QVERIFY(lineCount > 0);
            QSqlQuery payments(db);
            payments.prepare(QStringLiteral("SELECT p.method_name, p.reference FROM pos_order_payments p JOIN "
                                            "pos_orders o ON o.id = p.order_id WHERE o.sitoo_order_id = ?"));
            payments.addBindValue(orderId);
            QVERIFY(payments.exec());
            QVERIFY(payments.next());
            QCOMPARE(payments.value(0).toString(), methodName(i));
            QVERIFY2(payments.value(1).toString() == value, qPrintable(label(payments.value(1).toString())));
        }
    }
}

void tst_HostileInput::outboxAndPrimaKeepEveryValue()
{
    const QSqlDatabase db = m_connection->database();
    auto ledger = Tillbridge::Test::openRaw(m_dir.filePath(QStringLiteral("prima-ledger.sqlite")),
                                            QStringLiteral("ledger-reader"));
    QVERIFY(ledger);
    for (int i = 0; i < m_values.size(); ++i) {
        const QString &value = m_values.at(i);
        const qint64 orderId = m_postedOrders.at(i);
        QSqlQuery outbox(db);
        outbox.prepare(QStringLiteral("SELECT o.payload, o.state, o.external_ref FROM outbox o JOIN pos_orders p "
                                      "ON p.id = o.pos_order_id WHERE p.sitoo_order_id = ?"));
        outbox.addBindValue(orderId);
        QVERIFY(outbox.exec());
        QVERIFY2(outbox.next(), qPrintable(QStringLiteral("no outbox row for '%1'").arg(label(value))));
        QCOMPARE(outbox.value(1).toString(), QStringLiteral("posted"));
        // The payload carries the value twice: as the tender (the mapping value) and as the payment reference.
        QVERIFY2(holdsString(parse(outbox.value(0).toByteArray()), value), qPrintable(label(value)));
        const QString externalRef = outbox.value(2).toString();

        QSqlQuery document(ledger->database());
        document.prepare(QStringLiteral("SELECT d.body, p.tender FROM documents d JOIN ledger_postings p "
                                        "ON p.document_id = d.id WHERE d.external_ref = ? AND p.tender IS NOT NULL"));
        document.addBindValue(externalRef);
        QVERIFY(document.exec());
        QVERIFY2(document.next(), qPrintable(QStringLiteral("'%1' not in the Prima ledger").arg(label(value))));
        const QJsonValue body = parse(document.value(0).toByteArray());
        // Its payment carries the value as the reference, and as the tender too when the mapping could hold it.
        int hits = 0;
        bool tenderSeen = false;
        const QJsonArray payments = body.toObject().value(u"tenders").toArray();
        for (const QJsonValue &payment : payments) {
            const QJsonObject object = payment.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                hits += it.value().toString() == value ? 1 : 0;
                tenderSeen = tenderSeen || it.value().toString() == tender(i);
            }
        }
        const int expected = tender(i) == value ? 2 : 1;
        QVERIFY2(hits == expected && tenderSeen,
                 qPrintable(QStringLiteral("'%1' in Prima's payment: %2 of %3 fields").arg(label(value)).arg(hits)
                                .arg(expected)));
        QVERIFY2(document.value(1).toString() == tender(i), qPrintable(label(document.value(1).toString())));
    }
}

void tst_HostileInput::hostileSkusReachTheQueueModel()
{
    // Not in Prima's item master: each hostile SKU waits as an exception naming it.
    ExceptionQueueModel model(m_connection->database());
    model.reload();
    while (model.canFetchMore({}))
        model.fetchMore({});
    QVERIFY(model.rowCount() > 0);
    for (int i = 0; i < m_values.size(); ++i) {
        const QString entity = QStringLiteral("%1:%2").arg(m_account).arg(m_skuOrders.at(i));
        bool found = false;
        for (int row = 0; row < model.rowCount() && !found; ++row) {
            if (model.data(model.index(row, 0), ExceptionQueueModel::EntityIdRole).toString() != entity)
                continue;
            const QString explanation =
                model.data(model.index(row, ExceptionQueueModel::ExplanationColumn), Qt::DisplayRole).toString();
            found = explanation.contains(m_values.at(i)) || holdsString(model.recordAt(row).details, m_values.at(i));
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no exception naming SKU '%1' (order %2)")
                                       .arg(label(m_values.at(i)), entity)));
    }
}

void tst_HostileInput::csvExportKeepsEveryValue()
{
    const QSqlDatabase db = m_connection->database();
    ExceptionFilter filter;
    filter.states = {ExceptionState::Open, ExceptionState::Assigned};
    ExceptionQueueExport source(filter);
    const QString path = m_dir.filePath(QStringLiteral("queue.csv"));
    CsvTableWriter writer(path);
    QVERIFY(writer.beginTable(QStringLiteral("queue"), source.columns()).ok());
    for (int pages = 0; pages < 100; ++pages) {
        auto page = source.nextPage(db);
        QVERIFY2(page.ok(), qPrintable(page.errorString()));
        if (page->isEmpty())
            break;
        for (const ExportRow &row : *page)
            QVERIFY(writer.addRow(row).ok());
    }
    QVERIFY(writer.finish().ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
    QVERIFY(records.size() > 1);
    const qsizetype explanationColumn = records.first().indexOf(QStringLiteral("Explanation"));
    QVERIFY(explanationColumn >= 0);
    auto stored = ExceptionRepository(db).page(filter, std::nullopt, 10000);
    QVERIFY(stored.ok());
    QSet<QString> explanations;
    for (const ExceptionRecord &record : *stored)
        explanations.insert(record.explanation);
    for (const QString &value : m_values) {
        bool found = false;
        for (qsizetype r = 1; r < records.size() && !found; ++r) {
            const QString &cell = records.at(r).value(explanationColumn);
            // The exported explanation is the stored one, byte for byte, and names the hostile SKU.
            found = cell.contains(value) && explanations.contains(cell);
        }
        QVERIFY2(found, qPrintable(QStringLiteral("'%1' not in the CSV export as stored").arg(label(value))));
    }
}

void tst_HostileInput::likeFiltersTreatWildcardsLiterally()
{
    const QSqlDatabase db = m_connection->database();
    ExceptionRepository repository(db);
    for (const QString &needle : {QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("\\")}) {
        ExceptionFilter all;
        all.states = {ExceptionState::Open, ExceptionState::Assigned};
        auto every = repository.page(all, std::nullopt, 10000);
        QVERIFY(every.ok());
        qint64 expected = 0;
        for (const ExceptionRecord &record : *every)
            expected += (record.explanation.contains(needle) || record.entityId.contains(needle)
                         || record.assignedTo.contains(needle))
                            ? 1
                            : 0;
        QVERIFY2(expected > 0, qPrintable(QStringLiteral("no exception text holds '%1'").arg(needle)));
        QVERIFY2(expected < every->size(), "every exception holds the needle: the filter would prove nothing");
        ExceptionFilter filter = all;
        filter.text = needle;
        ExceptionQueueModel model(db);
        model.setFilter(filter);
        model.reload();
        QCOMPARE(model.totalCount(), expected);
    }
}

void tst_HostileInput::schemaUnchanged()
{
    QCOMPARE(schemaOf(m_connection->database()), m_schemaBefore);
    QCOMPARE(Tillbridge::Test::scalar(m_connection->database(), QStringLiteral("SELECT COUNT(*) FROM outbox")) > 0,
             true);
}

QTEST_GUILESS_MAIN(tst_HostileInput)
#include "tst_hostileinput.moc"
