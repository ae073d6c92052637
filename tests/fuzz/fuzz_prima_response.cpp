// SPDX-License-Identifier: GPL-3.0-or-later
// Every Prima gateway answer (prima-gateway.md §3): the PrimaJson::parse* readers RestPrimaGateway calls, fed the
// same bytes. Input: a response body. Invariants:
// - amounts are whole minor units in the currency the record names, and read back exactly;
// - what Tillbridge writes for a record it read (the *ToJson writers, which the sandbox serves) reads back to the
//   same record: to(from(x)) is a fixed point;
// - a batch answer keeps one entry per result, with the status exactly as sent (a status that does not fit must not
//   wrap around into a 2xx);
// - parseProblem never fails and keeps the HTTP status;
// - the same bytes give the same result.

#include "fuzzcheck.h"

#include "core/prima/primajson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Tillbridge::Core;
using TillbridgeFuzz::checkMoney;

namespace {

/** to(from(to(x))) == to(x): the writer and the reader agree on every record the reader accepts. */
template<typename T>
void checkRoundTrip(const T &record, QJsonObject (*write)(const T &), Result<T> (*read)(const QJsonObject &))
{
    const QJsonObject written = write(record);
    const auto reread = read(written);
    FUZZ_CHECK_MSG(reread.ok(), QString::fromUtf8(PrimaJson::toBody(written)) + u"\n" + reread.errorString());
    const QJsonObject rewritten = write(*reread);
    FUZZ_CHECK_MSG(rewritten == written,
                   QString::fromUtf8(PrimaJson::toBody(written)) + u"\n" + QString::fromUtf8(PrimaJson::toBody(rewritten)));
}

template<typename T>
void checkPage(const Result<PrimaPage<T>> &page, QJsonObject (*write)(const T &),
               Result<T> (*read)(const QJsonObject &))
{
    if (!page) {
        FUZZ_CHECK(!page.errorString().isEmpty());
        return;
    }
    for (const T &record : page->items)
        checkRoundTrip(record, write, read);
}

template<typename T>
void checkList(const Result<QList<T>> &list, QJsonObject (*write)(const T &), Result<T> (*read)(const QJsonObject &))
{
    if (!list) {
        FUZZ_CHECK(!list.errorString().isEmpty());
        return;
    }
    for (const T &record : *list)
        checkRoundTrip(record, write, read);
}

void checkBatch(const QByteArray &body)
{
    const auto entries = PrimaJson::parseBatchResults(body);
    if (!entries)
        return;
    const QJsonArray results = QJsonDocument::fromJson(body).object().value(u"results").toArray();
    FUZZ_CHECK(entries->size() == results.size());
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const PrimaJson::BatchEntry &entry = entries->at(i);
        const QJsonValue sent = results.at(i).toObject().value(u"status");
        const qint64 status = sent.isString() ? sent.toString().toLongLong() : qint64(sent.toDouble());
        FUZZ_CHECK_MSG(entry.status == status, QString::number(entry.status) + u" from " + QString::number(status));
        if (entry.retryAfter)
            FUZZ_CHECK(entry.retryAfter->count() >= 0);
    }
    // What the sandbox writes for these entries reads back as the same entries.
    const auto again = PrimaJson::parseBatchResults(PrimaJson::toBody(PrimaJson::batchResultsToJson(*entries)));
    FUZZ_CHECK(again.ok() && again->size() == entries->size());
    for (qsizetype i = 0; i < entries->size(); ++i) {
        FUZZ_CHECK(again->at(i).status == entries->at(i).status);
        FUZZ_CHECK(again->at(i).replayed == entries->at(i).replayed);
        FUZZ_CHECK(again->at(i).retryAfter == entries->at(i).retryAfter);
    }
}

void checkProblem(const QByteArray &body)
{
    for (int status : {409, 422, 429, 503}) {
        const PrimaError error = PrimaJson::parseProblem(status, body);
        FUZZ_CHECK(error.httpStatus == status);
        if (error.codeText.isEmpty() && status == 429)
            FUZZ_CHECK(error.code == PrimaErrorCode::RateLimited);
        (void)error.summary();
        const PrimaError again = PrimaJson::parseProblem(status, PrimaJson::toBody(PrimaJson::problemToJson(error)));
        FUZZ_CHECK(again.code == error.code && again.detail == error.detail
                   && again.existingDocumentNo == error.existingDocumentNo);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray body = TillbridgeFuzz::bytes(data, size);

        const auto document = PrimaJson::parseDocumentResult(body);
        if (document) {
            FUZZ_CHECK(!document->documentNo.isEmpty());
            if (document->taxAdjustment.isValid())
                checkMoney(document->taxAdjustment, document->taxAdjustment.currency());
            checkRoundTrip(*document, &PrimaJson::documentResultToJson, &PrimaJson::documentResultFromJson);
        }
        checkList(PrimaJson::parseDocumentList(body), &PrimaJson::documentResultToJson,
                  &PrimaJson::documentResultFromJson);

        const auto items = PrimaJson::parseItemsPage(body);
        if (items) {
            for (const PrimaItem &item : items->items)
                checkMoney(item.priceIncVat, item.priceIncVat.currency());
        }
        checkPage(items, &PrimaJson::itemToJson, &PrimaJson::itemFromJson);
        checkPage(PrimaJson::parseStockPage(body), &PrimaJson::stockLevelToJson, &PrimaJson::stockLevelFromJson);
        const auto ledger = PrimaJson::parseLedgerPage(body);
        if (ledger) {
            for (const PrimaLedgerPosting &posting : ledger->items)
                checkMoney(posting.amount, posting.amount.currency());
        }
        checkPage(ledger, &PrimaJson::ledgerPostingToJson, &PrimaJson::ledgerPostingFromJson);
        checkList(PrimaJson::parseTaxCodes(body), &PrimaJson::taxCodeToJson, &PrimaJson::taxCodeFromJson);
        checkList(PrimaJson::parseLocations(body), &PrimaJson::locationToJson, &PrimaJson::locationFromJson);
        checkList(PrimaJson::parsePeriods(body), &PrimaJson::periodToJson, &PrimaJson::periodFromJson);
        const auto health = PrimaJson::parseHealth(body);
        if (health)
            checkRoundTrip(*health, &PrimaJson::healthToJson, &PrimaJson::healthFromJson);

        checkBatch(body);
        checkProblem(body);

        // The same bytes, the same answer.
        const auto documentAgain = PrimaJson::parseDocumentResult(body);
        FUZZ_CHECK(documentAgain.ok() == document.ok());
        const auto itemsAgain = PrimaJson::parseItemsPage(body);
        FUZZ_CHECK(itemsAgain.ok() == items.ok() && (!items || itemsAgain->items.size() == items->items.size()));
    });
}
