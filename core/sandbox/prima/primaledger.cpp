// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/prima/primaledger.h"

#include "core/prima/primajson.h"
#include "core/sandbox/sandboxlogging.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlError>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <tuple>

namespace Tillbridge::Sandbox {

using namespace Tillbridge::Core;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Sandbox::PrimaLedger", text);
}

Error dbError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcSandboxPrima) << "ledger query failed:" << tag << query.lastError().text();
    return Error{ErrorCode::Database, tr("The sandbox ledger could not be updated (%1).").arg(QLatin1StringView(tag))};
}

/**
 * prepare + bind (in order) + exec; logs and reports failures. Each statement is prepared once per connection and
 * kept in @p statements (a batch runs the same dozen statements for each of its documents); @p query is pointed at
 * the kept one, so callers read its results through it.
 */
Status run(const QSqlDatabase &db, PrimaLedger::Statements &statements, QSqlQuery *&query, const char *tag,
           const QString &sql, const QVariantList &values = {})
{
    auto kept = statements.find(sql);
    if (kept == statements.end()) {
        auto owned = std::make_unique<QSqlQuery>(db);
        QSqlQuery &prepared = *owned;
        prepared.setForwardOnly(true);
        const bool ok = prepared.prepare(sql);
        kept = statements.emplace(sql, std::move(owned)).first;
        query = kept->second.get();
        if (!ok)
            return dbError(*query, tag);
    } else {
        query = kept->second.get();
        query->finish();
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec())
        return dbError(*query, tag);
    return Status::success();
}

QString timestampText(const QDateTime &timestamp)
{
    return timestamp.isValid() ? timestamp.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timestampOf(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QDate dateOf(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

Currency currencyOf(const QVariant &value)
{
    auto currency = Currency::fromCode(value.toString());
    return currency ? *currency : Currency();
}

QString encodeCursor(const QString &text)
{
    return QString::fromLatin1(
        text.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QString> decodeCursor(const QString &cursor)
{
    auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(),
                                                  QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return QString::fromUtf8(*decoded);
}

Error badCursor()
{
    return Error{ErrorCode::InvalidInput, tr("The cursor is not one this server handed out.")};
}

constexpr QChar kCursorSeparator = QChar(0x1f); // unit separator: cannot occur in a SKU or a location id

PrimaError problem(PrimaErrorCode code, const QString &title, const QString &detail)
{
    PrimaError error;
    error.httpStatus = 422;
    error.code = code;
    error.codeText = primaErrorCodeString(code);
    error.title = title;
    error.detail = detail;
    return error;
}

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS items (sku TEXT PRIMARY KEY, style TEXT, colour TEXT, size TEXT, fit TEXT, "
    "extra TEXT, gtins TEXT NOT NULL, description TEXT, status TEXT NOT NULL, price_minor INTEGER NOT NULL, "
    "currency TEXT NOT NULL, vat_code TEXT, vat_rate_units INTEGER NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS tax_codes (code TEXT PRIMARY KEY, rate_units INTEGER NOT NULL, valid_from TEXT, "
    "valid_to TEXT)",
    "CREATE TABLE IF NOT EXISTS locations (id TEXT PRIMARY KEY, name TEXT, type TEXT NOT NULL, currency TEXT, "
    "timezone TEXT)",
    "CREATE TABLE IF NOT EXISTS periods (period TEXT PRIMARY KEY, status TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stock_levels (sku TEXT NOT NULL, location TEXT NOT NULL, on_hand INTEGER NOT NULL, "
    "allocated INTEGER NOT NULL, available_to_sell INTEGER NOT NULL, next_available_date TEXT, "
    "version INTEGER NOT NULL, as_of TEXT NOT NULL, PRIMARY KEY (sku, location))",
    // GET /stock?updatedSince= reads by as_of: an index keeps a fast-lane read cheap in a catalogue of millions.
    "CREATE INDEX IF NOT EXISTS stock_levels_as_of ON stock_levels (as_of)",
    // Every available-to-sell a level ever had, by version, for checkers (R14: Sitoo never shows a value Prima did
    // not have). Kept by triggers, so seeding, postings and set-stock all land here without anyone remembering to.
    "CREATE TABLE IF NOT EXISTS stock_history (id INTEGER PRIMARY KEY AUTOINCREMENT, sku TEXT NOT NULL, "
    "location TEXT NOT NULL, version INTEGER NOT NULL, available_to_sell INTEGER NOT NULL, as_of TEXT NOT NULL)",
    "CREATE TRIGGER IF NOT EXISTS stock_history_insert AFTER INSERT ON stock_levels BEGIN INSERT INTO stock_history "
    "(sku, location, version, available_to_sell, as_of) VALUES (NEW.sku, NEW.location, NEW.version, "
    "NEW.available_to_sell, NEW.as_of); END",
    "CREATE TRIGGER IF NOT EXISTS stock_history_update AFTER UPDATE OF version ON stock_levels "
    "WHEN NEW.version <> OLD.version BEGIN INSERT INTO stock_history (sku, location, version, available_to_sell, "
    "as_of) VALUES (NEW.sku, NEW.location, NEW.version, NEW.available_to_sell, NEW.as_of); END",
    // external_ref is deliberately not UNIQUE: mode "none" must be able to store duplicates.
    "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY AUTOINCREMENT, document_no TEXT NOT NULL UNIQUE, "
    "type TEXT NOT NULL, external_ref TEXT NOT NULL, idempotency_key TEXT, correlation_id TEXT, "
    "body_sha256 TEXT NOT NULL, body TEXT NOT NULL, currency TEXT NOT NULL, net_minor INTEGER NOT NULL, "
    "tax_minor INTEGER NOT NULL, gross_minor INTEGER NOT NULL, rounding_minor INTEGER NOT NULL, "
    "tax_adjustment_minor INTEGER NOT NULL, location TEXT NOT NULL, posting_date TEXT NOT NULL, "
    "original_external_ref TEXT, created_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS documents_external_ref ON documents (external_ref)",
    // Numbering reads the last number of a type: without it, every post scanned every document (bodies included).
    "CREATE INDEX IF NOT EXISTS documents_type_number ON documents (type, document_no)",
    "CREATE TABLE IF NOT EXISTS ledger_postings (posting_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "document_id INTEGER NOT NULL REFERENCES documents (id), posting_date TEXT NOT NULL, account TEXT NOT NULL, "
    "location TEXT NOT NULL, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, tender TEXT, vat_code TEXT)",
    "CREATE TABLE IF NOT EXISTS idempotency_keys (key TEXT PRIMARY KEY, state TEXT NOT NULL, "
    "request_sha256 TEXT NOT NULL, status INTEGER, body BLOB, document_no TEXT, created_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS request_log (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, "
    "op_index INTEGER NOT NULL, received_at TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, "
    "idempotency_key TEXT, external_ref TEXT, correlation_id TEXT, fault TEXT NOT NULL, "
    "status INTEGER NOT NULL DEFAULT 0, document_no TEXT, UNIQUE (seq, op_index))",
};

} // namespace

PrimaLedger::PrimaLedger() = default;

PrimaLedger::~PrimaLedger()
{
    close();
}

QSqlDatabase PrimaLedger::database() const
{
    return m_connection ? m_connection->database() : QSqlDatabase();
}

void PrimaLedger::releaseStatements() const
{
    for (auto &kept : m_statements)
        kept.second->finish();
}

Status PrimaLedger::open(const QString &path)
{
    close();
    DatabaseConnection::Options options;
    options.path = path;
    options.purpose = QStringLiteral("prima-sandbox");
    auto connection = DatabaseConnection::open(options);
    if (!connection)
        return connection.error();
    m_connection = *connection;
    if (auto status = createSchema(); !status) {
        close();
        return status;
    }
    // A key still "in flight" belongs to a request that died with the previous process: nobody will finish it.
    QSqlQuery *query = nullptr;
    if (auto status = run(database(), m_statements, query, "forget in-flight keys",
                          QStringLiteral("DELETE FROM idempotency_keys WHERE state = ?"),
                          {QStringLiteral("in_progress")});
        !status) {
        close();
        return status;
    }
    return Status::success();
}

void PrimaLedger::close()
{
    m_statements.clear(); // before the connection goes: a query must not outlive its database
    m_connection.reset();
}

Status PrimaLedger::createSchema()
{
    QSqlQuery *query = nullptr;
    for (const char *statement : kSchema) {
        if (auto status = run(database(), m_statements, query, "schema", QString::fromLatin1(statement)); !status)
            return status;
    }
    return Status::success();
}

Status PrimaLedger::seedIfEmpty(const PrimaSandboxSeed &seed)
{
    QSqlDatabase db = database();
    QSqlQuery *query = nullptr;
    if (auto status = run(database(), m_statements, query, "seeded?", QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                          {QStringLiteral("seeded")});
        !status)
        return status;
    if (query->next())
        return Status::success();

    releaseStatements();
    DbTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.beginStatus();
    const QString now = timestampText(QDateTime::currentDateTimeUtc());
    for (const PrimaItem &item : seed.items) {
        QJsonArray gtins;
        for (const QString &gtin : item.gtins)
            gtins.append(gtin);
        if (auto status = run(database(), m_statements, query, "seed item",
                              QStringLiteral("INSERT OR REPLACE INTO items (sku, style, colour, size, fit, extra, "
                                             "gtins, description, status, price_minor, currency, vat_code, "
                                             "vat_rate_units, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                             "?, ?)"),
                              {item.sku, item.style, item.matrix.colour, item.matrix.size, item.matrix.fit,
                               item.matrix.extra, QString::fromUtf8(PrimaJson::toBody(gtins)), item.description,
                               primaItemStatusString(item.status), item.priceIncVat.minorUnits(),
                               item.priceIncVat.currency().code(), item.vatCode, item.vatRate.units(),
                               item.updatedAt.isValid() ? timestampText(item.updatedAt) : now});
            !status)
            return status;
    }
    for (const PrimaTaxCode &taxCode : seed.taxCodes) {
        if (auto status = run(database(), m_statements, query, "seed tax code",
                              QStringLiteral("INSERT OR REPLACE INTO tax_codes (code, rate_units, valid_from, "
                                             "valid_to) VALUES (?, ?, ?, ?)"),
                              {taxCode.code, taxCode.rate.units(), dateValue(taxCode.validFrom),
                               dateValue(taxCode.validTo)});
            !status)
            return status;
    }
    for (const PrimaLocation &location : seed.locations) {
        if (auto status = run(database(), m_statements, query, "seed location",
                              QStringLiteral("INSERT OR REPLACE INTO locations (id, name, type, currency, timezone) "
                                             "VALUES (?, ?, ?, ?, ?)"),
                              {location.id, location.name, primaLocationTypeString(location.type),
                               location.currency.isValid() ? location.currency.code() : QString(),
                               location.timezone});
            !status)
            return status;
    }
    for (const PrimaPeriod &period : seed.periods) {
        if (auto status = run(database(), m_statements, query, "seed period",
                              QStringLiteral("INSERT OR REPLACE INTO periods (period, status) VALUES (?, ?)"),
                              {period.period, primaPeriodStatusString(period.status)});
            !status)
            return status;
    }
    for (const StockLevel &level : seed.stock) {
        if (auto status = run(database(), m_statements, query, "seed stock",
                              QStringLiteral("INSERT OR REPLACE INTO stock_levels (sku, location, on_hand, allocated, "
                                             "available_to_sell, next_available_date, version, as_of) VALUES (?, ?, "
                                             "?, ?, ?, ?, ?, ?)"),
                              {level.sku, level.location, level.onHand, level.allocated, level.availableToSell,
                               dateValue(level.nextAvailableDate), std::max<qint64>(1, level.version),
                               level.observedAt.isValid() ? timestampText(level.observedAt) : now});
            !status)
            return status;
    }
    if (auto status = run(database(), m_statements, query, "mark seeded", QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"),
                          {QStringLiteral("seeded"), now});
        !status)
        return status;
    return transaction.commit();
}

// ---- validation --------------------------------------------------------------------------------------------------

Result<Money> PrimaLedger::validate(const PrimaIncomingDocument &document, qint64 toleranceMinorUnits,
                                    PrimaError *problemOut) const
{
    const auto reject = [problemOut](PrimaError error) -> Result<Money> {
        const QString message = error.detail;
        if (problemOut)
            *problemOut = std::move(error);
        return Error{ErrorCode::InvalidInput, message};
    };
    QSqlQuery *query = nullptr;
    const auto locationExists = [this, &query](const QString &id, QString *currency) {
        if (!run(database(), m_statements, query, "location", QStringLiteral("SELECT currency FROM locations WHERE id = ?"), {id}) || !query->next())
            return false;
        if (currency)
            *currency = query->value(0).toString();
        return true;
    };

    QString locationCurrency;
    if (!locationExists(document.storeId, &locationCurrency))
        return reject(problem(PrimaErrorCode::UnknownLocation, tr("Unknown location"),
                              tr("Location %1 does not exist in Prima.").arg(document.storeId)));
    if (!locationCurrency.isEmpty() && locationCurrency != document.currency.code())
        return reject(problem(PrimaErrorCode::ValidationFailed, tr("Wrong currency"),
                              tr("Location %1 trades in %2, not %3.")
                                  .arg(document.storeId, locationCurrency, document.currency.code())));
    for (const PrimaIncomingLine &line : document.lines) {
        if (!line.returnToLocation.isEmpty() && !locationExists(line.returnToLocation, nullptr))
            return reject(problem(PrimaErrorCode::UnknownLocation, tr("Unknown location"),
                                  tr("Line %1: return location %2 does not exist in Prima.")
                                      .arg(line.lineNo)
                                      .arg(line.returnToLocation)));
    }

    const QString period = document.storeLocalDate.toString(u"yyyy-MM");
    if (!run(database(), m_statements, query, "period", QStringLiteral("SELECT status FROM periods WHERE period = ?"), {period}))
        return Error{ErrorCode::Database, tr("The sandbox ledger could not be read.")};
    if (query->next() && primaPeriodStatusFromString(query->value(0).toString()) == PrimaPeriodStatus::Closed)
        return reject(problem(PrimaErrorCode::PeriodClosed, tr("Period closed"),
                              tr("Period %1 is closed; %2 cannot be posted into it.")
                                  .arg(period, document.storeLocalDate.toString(Qt::ISODate))));

    Money primaTax = Money::zero(document.currency);
    for (const PrimaIncomingLine &line : document.lines) {
        if (!run(database(), m_statements, query, "item", QStringLiteral("SELECT status FROM items WHERE sku = ?"), {line.sku}))
            return Error{ErrorCode::Database, tr("The sandbox ledger could not be read.")};
        if (!query->next())
            return reject(problem(PrimaErrorCode::UnknownSku, tr("Unknown SKU"),
                                  tr("Line %1: SKU %2 does not exist in Prima.").arg(line.lineNo).arg(line.sku)));
        if (primaItemStatusFromString(query->value(0).toString()) == PrimaItemStatus::Blocked)
            return reject(problem(PrimaErrorCode::SkuBlocked, tr("SKU blocked"),
                                  tr("Line %1: SKU %2 is blocked in Prima.").arg(line.lineNo).arg(line.sku)));

        if (!run(database(), m_statements, query, "tax code",
                 QStringLiteral("SELECT rate_units, valid_from, valid_to FROM tax_codes WHERE code = ?"),
                 {line.taxCode}))
            return Error{ErrorCode::Database, tr("The sandbox ledger could not be read.")};
        const bool known = query->next();
        const QDate from = known ? dateOf(query->value(1)) : QDate();
        const QDate to = known ? dateOf(query->value(2)) : QDate();
        if (!known || (from.isValid() && document.storeLocalDate < from)
            || (to.isValid() && document.storeLocalDate > to))
            return reject(problem(PrimaErrorCode::UnknownTaxCode, tr("Unknown tax code"),
                                  tr("Line %1: tax code %2 is not valid in Prima on %3.")
                                      .arg(line.lineNo)
                                      .arg(line.taxCode, document.storeLocalDate.toString(Qt::ISODate))));
        const VatRate rate = VatRate::fromUnits(query->value(0).toLongLong());
        auto lineTax = rate.vatFromNet(line.net, RoundingMode::HalfAwayFromZero);
        auto sum = lineTax ? primaTax.added(*lineTax) : Result<Money>(lineTax.error());
        if (!sum)
            return reject(problem(PrimaErrorCode::ValidationFailed, tr("Invalid amounts"), sum.errorString()));
        primaTax = *sum;
    }

    if (const auto totals = document.totalsProblem())
        return reject(problem(PrimaErrorCode::TotalsMismatch, tr("Totals do not add up"), *totals));

    auto adjustment = primaTax.subtracted(document.totalTax);
    if (!adjustment)
        return reject(problem(PrimaErrorCode::ValidationFailed, tr("Invalid amounts"), adjustment.errorString()));
    if (document.taxMode == u"ERP_RECALCULATE" && std::abs(adjustment->minorUnits()) > toleranceMinorUnits)
        return reject(problem(PrimaErrorCode::TaxMismatch, tr("Tax mismatch"),
                              tr("Prima computes tax %1, the document says %2.")
                                  .arg(primaTax.toWireString(), document.totalTax.toWireString())));
    return *adjustment;
}

// ---- documents ---------------------------------------------------------------------------------------------------

QList<PrimaDocumentResult> PrimaLedger::documentsByExternalRef(const QString &externalRef) const
{
    QList<PrimaDocumentResult> documents;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "documents by ref",
             QStringLiteral("SELECT document_no, type, posting_date, tax_adjustment_minor, currency FROM documents "
                            "WHERE external_ref = ? ORDER BY id"),
             {externalRef}))
        return documents;
    while (query->next()) {
        PrimaDocumentResult document;
        document.documentNo = query->value(0).toString();
        document.externalRef = externalRef;
        document.documentType = query->value(1).toString();
        document.postingDate = dateOf(query->value(2));
        document.status = QStringLiteral("POSTED");
        document.taxAdjustment = Money(query->value(3).toLongLong(), currencyOf(query->value(4)));
        documents.append(document);
    }
    return documents;
}

Result<PrimaDocumentResult> PrimaLedger::post(const PrimaIncomingDocument &document, const QByteArray &body,
                                              const QByteArray &bodySha256, const QString &idempotencyKey,
                                              bool storeAnswerUnderKey, const QString &correlationId,
                                              const Money &taxAdjustment, const QDateTime &now)
{
    QSqlDatabase db = database();
    releaseStatements();
    DbTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.beginStatus().error();
    QSqlQuery *query = nullptr;
    const bool sale = document.kind == PrimaDocumentKind::SalesOrder;
    const QString type = primaDocumentKindCode(document.kind);

    // Numbers run 1, 2, 3 … per type and are zero-padded, so the greatest is the last: one index step, not a count.
    if (auto status = run(database(), m_statements, query, "last document number",
                          QStringLiteral("SELECT document_no FROM documents WHERE type = ? ORDER BY document_no DESC "
                                         "LIMIT 1"),
                          {type});
        !status)
        return status.error();
    const qint64 lastNumber = query->next() ? query->value(0).toString().mid(3).toLongLong() : 0;
    query->finish();
    const QString documentNo = (sale ? QStringLiteral("SO-") : QStringLiteral("CN-"))
                             + QStringLiteral("%1").arg(lastNumber + 1, 6, 10, QLatin1Char('0'));
    const QString postingDate = document.storeLocalDate.toString(Qt::ISODate);
    const QString nowText = timestampText(now);
    const QString currency = document.currency.code();

    if (auto status = run(database(), m_statements, query, "insert document",
                          QStringLiteral("INSERT INTO documents (document_no, type, external_ref, idempotency_key, "
                                         "correlation_id, body_sha256, body, currency, net_minor, tax_minor, "
                                         "gross_minor, rounding_minor, tax_adjustment_minor, location, posting_date, "
                                         "original_external_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                         "?, ?, ?, ?, ?, ?)"),
                          {documentNo, type, document.externalRef, textOrNull(idempotencyKey),
                           textOrNull(correlationId), QString::fromLatin1(bodySha256.toHex()),
                           QString::fromUtf8(body), currency, document.totalNet.minorUnits(),
                           document.totalTax.minorUnits(), document.totalGross.minorUnits(),
                           document.rounding.minorUnits(), taxAdjustment.minorUnits(), document.storeId, postingDate,
                           textOrNull(document.originalExternalRef), nowText});
        !status)
        return status.error();
    const qint64 documentId = query->lastInsertId().toLongLong();

    // Postings: debits positive. A sale debits the tenders and credits sales and VAT per tax code (and the cash
    // rounding); a credit note is the mirror image.
    const qint64 sign = sale ? 1 : -1;
    const auto addPosting = [&](const QString &account, qint64 amountMinor, const QString &tender,
                                const QString &vatCode) -> Status {
        return run(database(), m_statements, query, "insert posting",
                   QStringLiteral("INSERT INTO ledger_postings (document_id, posting_date, account, location, "
                                  "amount_minor, currency, tender, vat_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                   {documentId, postingDate, account, document.storeId, amountMinor, currency, textOrNull(tender),
                    textOrNull(vatCode)});
    };
    for (const PrimaIncomingTender &tender : document.tenders) {
        if (auto status = addPosting(QStringLiteral("TENDER"), sign * tender.amount.minorUnits(), tender.method, {});
            !status)
            return status.error();
    }
    QMap<QString, std::pair<qint64, qint64>> byTaxCode; // net, tax in minor units; sums of checked line amounts
    for (const PrimaIncomingLine &line : document.lines) {
        auto &[net, tax] = byTaxCode[line.taxCode];
        net += line.net.minorUnits();
        tax += line.tax.minorUnits();
    }
    for (auto it = byTaxCode.cbegin(); it != byTaxCode.cend(); ++it) {
        if (auto status = addPosting(QStringLiteral("SALES"), -sign * it->first, {}, it.key()); !status)
            return status.error();
        if (auto status = addPosting(QStringLiteral("VAT"), -sign * it->second, {}, it.key()); !status)
            return status.error();
    }
    if (!document.rounding.isZero()) {
        if (auto status = addPosting(QStringLiteral("ROUNDING"), -sign * document.rounding.minorUnits(), {}, {});
            !status)
            return status.error();
    }

    // Stock: sales lower available-to-sell at the store; only RESTOCK returns raise it, at their return location.
    for (const PrimaIncomingLine &line : document.lines) {
        qint64 delta = 0;
        QString location = document.storeId;
        if (sale) {
            delta = -line.quantity;
        } else if (line.disposition == u"RESTOCK") {
            delta = line.quantity;
            if (!line.returnToLocation.isEmpty())
                location = line.returnToLocation;
        }
        if (delta == 0)
            continue;
        if (auto status = run(database(), m_statements, query, "move stock",
                              QStringLiteral("INSERT INTO stock_levels (sku, location, on_hand, allocated, "
                                             "available_to_sell, next_available_date, version, as_of) VALUES (?, ?, ?, "
                                             "0, ?, NULL, 1, ?) ON CONFLICT (sku, location) DO UPDATE SET on_hand = "
                                             "on_hand + excluded.on_hand, available_to_sell = available_to_sell + "
                                             "excluded.available_to_sell, version = version + 1, as_of = "
                                             "excluded.as_of"),
                              {line.sku, location, delta, delta, nowText});
            !status)
            return status.error();
    }

    PrimaDocumentResult result;
    result.documentNo = documentNo;
    result.externalRef = document.externalRef;
    result.documentType = type;
    result.postingDate = document.storeLocalDate;
    result.status = QStringLiteral("POSTED");
    result.taxAdjustment = taxAdjustment;

    if (storeAnswerUnderKey && !idempotencyKey.isEmpty()) {
        // The stored answer commits with the document: a replay can never point at a document that does not exist.
        if (auto status = run(database(), m_statements, query, "complete key",
                              QStringLiteral("INSERT INTO idempotency_keys (key, state, request_sha256, status, body, "
                                             "document_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) "
                                             "DO UPDATE SET state = excluded.state, status = excluded.status, body = "
                                             "excluded.body, document_no = excluded.document_no"),
                              {idempotencyKey, QStringLiteral("completed"), QString::fromLatin1(bodySha256.toHex()),
                               201, PrimaJson::toBody(PrimaJson::documentResultToJson(result)), documentNo, nowText});
            !status)
            return status.error();
    }
    if (auto status = transaction.commit(); !status)
        return status.error();
    return result;
}

QList<PrimaLedgerDocument> PrimaLedger::documents() const
{
    QList<PrimaLedgerDocument> documents;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "documents",
             QStringLiteral("SELECT document_no, type, external_ref, idempotency_key, correlation_id, location, "
                            "posting_date, currency, net_minor, tax_minor, gross_minor, rounding_minor, "
                            "tax_adjustment_minor, body_sha256, created_at FROM documents ORDER BY id")))
        return documents;
    while (query->next()) {
        PrimaLedgerDocument document;
        document.documentNo = query->value(0).toString();
        document.type = query->value(1).toString();
        document.externalRef = query->value(2).toString();
        document.idempotencyKey = query->value(3).toString();
        document.correlationId = query->value(4).toString();
        document.location = query->value(5).toString();
        document.postingDate = dateOf(query->value(6));
        const Currency currency = currencyOf(query->value(7));
        document.net = Money(query->value(8).toLongLong(), currency);
        document.tax = Money(query->value(9).toLongLong(), currency);
        document.gross = Money(query->value(10).toLongLong(), currency);
        document.rounding = Money(query->value(11).toLongLong(), currency);
        document.taxAdjustment = Money(query->value(12).toLongLong(), currency);
        document.bodySha256 = query->value(13).toString();
        document.createdAt = timestampOf(query->value(14));
        documents.append(document);
    }
    return documents;
}

// ---- idempotency keys --------------------------------------------------------------------------------------------

std::optional<PrimaIdempotencyRecord> PrimaLedger::findKey(const QString &key) const
{
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "find key",
             QStringLiteral("SELECT state, request_sha256, status, body, document_no FROM idempotency_keys WHERE key = ?"),
             {key})
        || !query->next())
        return std::nullopt;
    PrimaIdempotencyRecord record;
    record.key = key;
    record.inProgress = query->value(0).toString() == u"in_progress";
    record.requestSha256 = QByteArray::fromHex(query->value(1).toString().toLatin1());
    record.status = query->value(2).toInt();
    record.body = query->value(3).toByteArray();
    record.documentNo = query->value(4).toString();
    return record;
}

bool PrimaLedger::claimKey(const QString &key, const QByteArray &requestSha256, const QDateTime &now)
{
    QSqlQuery *query = nullptr;
    return run(database(), m_statements, query, "claim key",
               QStringLiteral("INSERT INTO idempotency_keys (key, state, request_sha256, created_at) VALUES "
                              "(?, ?, ?, ?) ON CONFLICT (key) DO NOTHING"),
               {key, QStringLiteral("in_progress"), QString::fromLatin1(requestSha256.toHex()), timestampText(now)})
               .ok()
           && query->numRowsAffected() == 1;
}

Status PrimaLedger::storeKeyAnswer(const QString &key, const QByteArray &requestSha256, int status,
                                   const QByteArray &body, const QDateTime &now)
{
    QSqlQuery *query = nullptr;
    return run(database(), m_statements, query, "store key answer",
               QStringLiteral("INSERT INTO idempotency_keys (key, state, request_sha256, status, body, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state, "
                              "status = excluded.status, body = excluded.body"),
               {key, QStringLiteral("completed"), QString::fromLatin1(requestSha256.toHex()), status, body,
                timestampText(now)});
}

void PrimaLedger::releaseKey(const QString &key)
{
    QSqlQuery *query = nullptr;
    (void)run(database(), m_statements, query, "release key", QStringLiteral("DELETE FROM idempotency_keys WHERE key = ? AND state = ?"),
              {key, QStringLiteral("in_progress")});
}

// ---- reads -------------------------------------------------------------------------------------------------------

Result<PrimaPage<PrimaItem>> PrimaLedger::items(const QDateTime &updatedSince, const QString &cursor, int limit) const
{
    QString after;
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        if (!decoded)
            return badCursor();
        after = *decoded;
    }
    QSqlQuery *query = nullptr;
    // Keyset paging by SKU; one row more than asked tells whether there is a next page.
    if (auto status = run(database(), m_statements, query, "items",
                          QStringLiteral("SELECT sku, style, colour, size, fit, extra, gtins, description, status, "
                                         "price_minor, currency, vat_code, vat_rate_units, updated_at FROM items "
                                         "WHERE updated_at >= COALESCE(?, '') AND sku > COALESCE(?, '') ORDER BY sku LIMIT ?"),
                          {updatedSince.isValid() ? timestampText(updatedSince) : QString(), after, limit + 1});
        !status)
        return status.error();
    PrimaPage<PrimaItem> page;
    while (query->next()) {
        if (page.items.size() == limit) {
            page.nextCursor = encodeCursor(page.items.constLast().sku);
            break;
        }
        PrimaItem item;
        item.sku = query->value(0).toString();
        item.style = query->value(1).toString();
        item.matrix = {query->value(2).toString(), query->value(3).toString(), query->value(4).toString(),
                       query->value(5).toString()};
        for (const QJsonValue &gtin : QJsonDocument::fromJson(query->value(6).toString().toUtf8()).array())
            item.gtins.append(gtin.toString());
        item.description = query->value(7).toString();
        item.status = primaItemStatusFromString(query->value(8).toString());
        item.priceIncVat = Money(query->value(9).toLongLong(), currencyOf(query->value(10)));
        item.vatCode = query->value(11).toString();
        item.vatRate = VatRate::fromUnits(query->value(12).toLongLong());
        item.updatedAt = timestampOf(query->value(13));
        page.items.append(item);
    }
    return page;
}

Result<PrimaPage<PrimaStockLevel>> PrimaLedger::stock(const QString &location, const QDateTime &updatedSince,
                                                      const QString &cursor, int limit) const
{
    QString afterSku;
    QString afterLocation;
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        if (!decoded || !decoded->contains(kCursorSeparator))
            return badCursor();
        afterSku = decoded->section(kCursorSeparator, 0, 0);
        afterLocation = decoded->section(kCursorSeparator, 1);
    }
    QSqlQuery *query = nullptr;
    // With updatedSince, walk the as_of index: without statistics SQLite prefers the primary key for the ORDER BY
    // and reads every level (seconds in a catalogue of millions) to return the few that changed.
    const QString table = updatedSince.isValid() ? QStringLiteral("stock_levels INDEXED BY stock_levels_as_of")
                                                 : QStringLiteral("stock_levels");
    if (auto status = run(database(), m_statements, query, "stock",
                          QStringLiteral("SELECT sku, location, on_hand, allocated, available_to_sell, "
                                         "next_available_date, version, as_of FROM ") + table
                              + QStringLiteral(" WHERE (COALESCE(?, '') = "
                                         "'' OR location = ?) AND as_of >= COALESCE(?, '') AND (sku, location) > "
                                         "(COALESCE(?, ''), COALESCE(?, '')) ORDER BY sku, location LIMIT ?"),
                          {location, location, updatedSince.isValid() ? timestampText(updatedSince) : QString(),
                           afterSku, afterLocation, limit + 1});
        !status)
        return status.error();
    PrimaPage<PrimaStockLevel> page;
    while (query->next()) {
        if (page.items.size() == limit) {
            const StockLevel &last = page.items.constLast();
            page.nextCursor = encodeCursor(last.sku + kCursorSeparator + last.location);
            break;
        }
        StockLevel level;
        level.sku = query->value(0).toString();
        level.location = query->value(1).toString();
        level.onHand = query->value(2).toLongLong();
        level.allocated = query->value(3).toLongLong();
        level.availableToSell = query->value(4).toLongLong();
        level.nextAvailableDate = dateOf(query->value(5));
        level.version = query->value(6).toLongLong();
        level.observedAt = timestampOf(query->value(7));
        page.items.append(level);
    }
    return page;
}

Result<PrimaPage<PrimaLedgerPosting>> PrimaLedger::postings(const PrimaLedgerQuery &filter, const QString &cursor,
                                                            int limit) const
{
    qint64 after = 0;
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        bool ok = false;
        after = decoded ? decoded->toLongLong(&ok) : 0;
        if (!ok)
            return badCursor();
    }
    QSqlQuery *query = nullptr;
    if (auto status = run(database(), m_statements, query, "postings",
                          QStringLiteral("SELECT p.posting_id, p.posting_date, p.account, p.location, p.amount_minor, "
                                         "p.currency, d.document_no, d.external_ref, p.tender FROM ledger_postings p "
                                         "JOIN documents d ON d.id = p.document_id WHERE p.posting_id > ? AND (COALESCE(?, '') "
                                         "= '' OR p.posting_date >= ?) AND (COALESCE(?, '') = '' OR p.posting_date <= "
                                         "?) AND (COALESCE(?, '') = '' OR p.location = ?) AND (COALESCE(?, '') = '' "
                                         "OR p.account = ?) ORDER BY p.posting_id LIMIT ?"),
                          {after, dateValue(filter.from).toString(), dateValue(filter.from).toString(),
                           dateValue(filter.to).toString(), dateValue(filter.to).toString(), filter.location,
                           filter.location, filter.account, filter.account, limit + 1});
        !status)
        return status.error();
    PrimaPage<PrimaLedgerPosting> page;
    while (query->next()) {
        if (page.items.size() == limit) {
            page.nextCursor = encodeCursor(page.items.constLast().postingId);
            break;
        }
        PrimaLedgerPosting posting;
        posting.postingId = QString::number(query->value(0).toLongLong());
        posting.postingDate = dateOf(query->value(1));
        posting.account = query->value(2).toString();
        posting.location = query->value(3).toString();
        posting.amount = Money(query->value(4).toLongLong(), currencyOf(query->value(5)));
        posting.sourceDocumentNo = query->value(6).toString();
        posting.externalRef = query->value(7).toString();
        posting.tender = query->value(8).toString();
        page.items.append(posting);
    }
    return page;
}

Result<qint64> PrimaLedger::setAvailableToSell(const QString &sku, const QString &location, qint64 availableToSell,
                                               const QDateTime &now)
{
    QSqlDatabase db = database();
    releaseStatements();
    DbTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.beginStatus().error();
    QSqlQuery *query = nullptr;
    // On hand follows available-to-sell (allocations stay), as a stock count or a goods receipt would move it.
    if (auto status = run(database(), m_statements, query, "set stock",
                          QStringLiteral("INSERT INTO stock_levels (sku, location, on_hand, allocated, "
                                         "available_to_sell, next_available_date, version, as_of) VALUES (?, ?, ?, 0, "
                                         "?, NULL, 1, ?) ON CONFLICT (sku, location) DO UPDATE SET on_hand = "
                                         "allocated + excluded.available_to_sell, available_to_sell = "
                                         "excluded.available_to_sell, version = version + 1, as_of = excluded.as_of"),
                          {sku, location, availableToSell, availableToSell, timestampText(now)});
        !status)
        return status.error();
    if (auto status = run(database(), m_statements, query, "stock version",
                          QStringLiteral("SELECT version FROM stock_levels WHERE sku = ? AND location = ?"),
                          {sku, location});
        !status)
        return status.error();
    if (!query->next())
        return Error{ErrorCode::Database, QStringLiteral("the stock level of %1 at %2 vanished").arg(sku, location)};
    const qint64 version = query->value(0).toLongLong();
    query->finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return version;
}

QList<StockLevel> PrimaLedger::stockHistory() const
{
    QList<StockLevel> history;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "stock history",
             QStringLiteral("SELECT sku, location, version, available_to_sell, as_of FROM stock_history ORDER BY id")))
        return history;
    while (query->next()) {
        StockLevel level;
        level.sku = query->value(0).toString();
        level.location = query->value(1).toString();
        level.version = query->value(2).toLongLong();
        level.availableToSell = query->value(3).toLongLong();
        level.observedAt = timestampOf(query->value(4));
        history.append(level);
    }
    return history;
}

QList<PrimaTaxCode> PrimaLedger::taxCodes() const
{
    QList<PrimaTaxCode> taxCodes;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "tax codes",
             QStringLiteral("SELECT code, rate_units, valid_from, valid_to FROM tax_codes ORDER BY code")))
        return taxCodes;
    while (query->next()) {
        taxCodes.append({query->value(0).toString(), VatRate::fromUnits(query->value(1).toLongLong()),
                         dateOf(query->value(2)), dateOf(query->value(3))});
    }
    return taxCodes;
}

QList<PrimaLocation> PrimaLedger::locations() const
{
    QList<PrimaLocation> locations;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "locations",
             QStringLiteral("SELECT id, name, type, currency, timezone FROM locations ORDER BY id")))
        return locations;
    while (query->next()) {
        locations.append({query->value(0).toString(), query->value(1).toString(),
                          primaLocationTypeFromString(query->value(2).toString()), currencyOf(query->value(3)),
                          query->value(4).toString()});
    }
    return locations;
}

QList<PrimaPeriod> PrimaLedger::periods() const
{
    QList<PrimaPeriod> periods;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "periods", QStringLiteral("SELECT period, status FROM periods ORDER BY period")))
        return periods;
    while (query->next())
        periods.append({query->value(0).toString(), primaPeriodStatusFromString(query->value(1).toString())});
    return periods;
}

// ---- request log -------------------------------------------------------------------------------------------------

qint64 PrimaLedger::lastSequence() const
{
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "last sequence", QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM request_log")) || !query->next())
        return 0;
    return query->value(0).toLongLong();
}

Status PrimaLedger::logRequest(const PrimaRequestLogEntry &entry)
{
    QSqlQuery *query = nullptr;
    return run(database(), m_statements, query, "log request",
               QStringLiteral("INSERT INTO request_log (seq, op_index, received_at, method, path, idempotency_key, "
                              "external_ref, correlation_id, fault, status, document_no) VALUES (?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?)"),
               {entry.sequence, entry.operationIndex,
                timestampText(entry.receivedAt), entry.method, entry.path, textOrNull(entry.idempotencyKey),
                textOrNull(entry.externalRef), textOrNull(entry.correlationId), entry.fault, entry.status,
                textOrNull(entry.documentNo)});
}

Status PrimaLedger::finishRequest(qint64 sequence, int operationIndex, int status, const QString &documentNo,
                                  const QString &fault)
{
    QSqlQuery *query = nullptr;
    return run(database(), m_statements, query, "finish request",
               QStringLiteral("UPDATE request_log SET status = ?, document_no = COALESCE(?, document_no), fault = ? "
                              "WHERE seq = ? AND op_index = ?"),
               {status, textOrNull(documentNo), fault, sequence, operationIndex});
}

QList<PrimaRequestLogEntry> PrimaLedger::requestLog() const
{
    QList<PrimaRequestLogEntry> entries;
    QSqlQuery *query = nullptr;
    if (!run(database(), m_statements, query, "request log",
             QStringLiteral("SELECT seq, op_index, received_at, method, path, idempotency_key, external_ref, "
                            "correlation_id, fault, status, document_no FROM request_log ORDER BY id")))
        return entries;
    while (query->next()) {
        PrimaRequestLogEntry entry;
        entry.sequence = query->value(0).toLongLong();
        entry.operationIndex = query->value(1).toInt();
        entry.receivedAt = timestampOf(query->value(2));
        entry.method = query->value(3).toString();
        entry.path = query->value(4).toString();
        entry.idempotencyKey = query->value(5).toString();
        entry.externalRef = query->value(6).toString();
        entry.correlationId = query->value(7).toString();
        entry.fault = query->value(8).toString();
        entry.status = query->value(9).toInt();
        entry.documentNo = query->value(10).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace Tillbridge::Sandbox
