// SPDX-License-Identifier: GPL-3.0-or-later
// The rest of what Sitoo answers (sitoo-api.md §2, §3.7.5, §3.11): SitooParsers::parseCollection, parseError,
// parseBatchResults, parseWriteReturn, parsePaymentTypes and parseZReports. Input: a reply body.
// Invariants: a batch reply keeps one result per input element, in order (results are matched by position); an
// element that cannot be read has status 0 and a reason; Z-report amounts are whole minor units in the report's own
// currency; lists never drop an element silently; the same bytes give the same result.

#include "fuzzcheck.h"

#include "core/sitoo/sitooparsers.h"

#include <QJsonDocument>

using namespace Tillbridge::Core;
using TillbridgeFuzz::checkMoney;

namespace {

void checkZReport(const SitooZReport &report)
{
    const Currency currency = report.currency;
    FUZZ_CHECK(currency.isValid());
    checkMoney(report.salesTotal, currency);
    checkMoney(report.refundTotal, currency);
    for (const auto &amount : {report.salesTotalNet, report.refundTotalNet, report.roundOff, report.summaryTotal,
                               report.cashExpected, report.cashCounted, report.cashDifference})
        checkMoney(amount, currency);
    for (const auto *groups : {&report.vatGroupsSales, &report.vatGroupsRefund}) {
        for (const SitooZReportVatGroup &group : *groups) {
            checkMoney(group.total, currency);
            checkMoney(group.totalNet, currency);
            checkMoney(group.totalVat, currency);
        }
    }
    for (const auto *payments : {&report.paymentsSales, &report.paymentsRefund}) {
        for (const SitooZReportPayment &payment : *payments)
            checkMoney(payment.total, currency);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray body = TillbridgeFuzz::bytes(data, size);
        const QJsonDocument document = QJsonDocument::fromJson(body);

        const auto collection = SitooParsers::parseCollection(body);
        if (collection) {
            FUZZ_CHECK(document.isObject() && collection->totalCount >= 0);
            FUZZ_CHECK(collection->items.size() == TillbridgeFuzz::sitooElementCount(body));
        }

        const auto error = SitooParsers::parseError(body);
        FUZZ_CHECK(error.ok() || !error.errorString().isEmpty());

        const auto batch = SitooParsers::parseBatchResults(body);
        if (batch) {
            FUZZ_CHECK(document.isArray() && batch->size() == document.array().size());
            for (const SitooBatchElementResult &result : *batch) {
                if (result.statusCode == 0)
                    FUZZ_CHECK(!result.errorText.isEmpty() && !result.isSuccess());
            }
        }

        const auto written = SitooParsers::parseWriteReturn(body);
        if (written && !document.isNull())
            FUZZ_CHECK(document.isArray() ? written->isArray() : written->isObject());

        const auto paymentTypes = SitooParsers::parsePaymentTypes(body);
        TillbridgeFuzz::checkSitooList(paymentTypes, body);

        const auto reports = SitooParsers::parseZReports(body);
        TillbridgeFuzz::checkSitooList(reports, body);
        if (reports) {
            for (const SitooZReport &report : reports->items)
                checkZReport(report);
            const auto again = SitooParsers::parseZReports(body);
            FUZZ_CHECK(again.ok() && again->items.size() == reports->items.size()
                       && again->problems == reports->problems);
        }
    });
}
