// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reconciliation/reconciler.h"

#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QCoreApplication>
#include <QSet>

#include <cstdlib>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tillbridge::Core::Reconciler", text, disambiguation, n);
}

qint64 absolute(qint64 value)
{
    return value < 0 ? -value : value;
}

} // namespace

QString reconciliationKindCode(ReconciliationKind kind)
{
    return kind == ReconciliationKind::Tender ? QStringLiteral("tender") : QStringLiteral("vat");
}

QList<ReconciliationLine> Reconciler::compare(const SitooDayFigures &sitoo, const QMap<QString, qint64> &zReportTenders,
                                              const PrimaDayFigures &prima, const Mappings &mappings,
                                              qint64 toleranceMinor)
{
    const auto tenderOf = [&](const QString &method) { return mappings.tenderByMethod.value(method, method); };

    // Tenders: Sitoo's payment names grouped under the Prima tender they post to.
    QMap<QString, ReconciliationLine> tenders;
    QMap<QString, QStringList> labels;
    const auto lineFor = [&](const QString &tender) -> ReconciliationLine & {
        auto it = tenders.find(tender);
        if (it == tenders.end()) {
            ReconciliationLine line;
            line.kind = ReconciliationKind::Tender;
            line.item = tender;
            it = tenders.insert(tender, line);
        }
        return *it;
    };
    for (auto it = sitoo.tendersByMethod.cbegin(); it != sitoo.tendersByMethod.cend(); ++it) {
        const QString tender = tenderOf(it.key());
        lineFor(tender).sitooMinor += it.value();
        labels[tender].append(it.key());
    }
    for (auto it = zReportTenders.cbegin(); it != zReportTenders.cend(); ++it) {
        const QString tender = tenderOf(it.key());
        ReconciliationLine &line = lineFor(tender);
        line.zReportMinor = line.zReportMinor.value_or(0) + it.value();
        if (!labels[tender].contains(it.key()))
            labels[tender].append(it.key());
    }
    for (auto it = prima.tenders.cbegin(); it != prima.tenders.cend(); ++it)
        lineFor(it.key()).primaMinor += it.value();
    if (!zReportTenders.isEmpty()) {
        // Z-reports covered the day: a tender they do not mention had nothing on them.
        for (ReconciliationLine &line : tenders) {
            if (!line.zReportMinor)
                line.zReportMinor = 0;
        }
    }

    QList<ReconciliationLine> lines;
    for (auto it = tenders.begin(); it != tenders.end(); ++it) {
        ReconciliationLine line = it.value();
        line.label = labels.value(it.key()).join(QStringLiteral(" + "));
        if (line.label.isEmpty())
            line.label = it.key();
        line.matched = absolute(line.differenceMinor()) <= toleranceMinor
                       && (!line.zReportMinor || absolute(line.sitooMinor - *line.zReportMinor) <= toleranceMinor);
        lines.append(line);
    }

    // VAT: per tax code when Prima names codes, otherwise over all rates.
    const bool byCode = !prima.vatByTaxCode.isEmpty() && !prima.vatByTaxCode.contains(QString());
    QMap<QString, ReconciliationLine> vat;
    if (byCode) {
        for (auto it = sitoo.vatByRate.cbegin(); it != sitoo.vatByRate.cend(); ++it) {
            const QString rate = VatRate::fromUnits(it.key()).toString();
            const QString code = mappings.taxCodeByRate.value(rate, rate);
            ReconciliationLine &line = vat[code];
            line.sitooMinor += it.value().vatMinor;
            line.vatRates.append(it.key());
            line.label = line.label.isEmpty() ? tr("VAT %1 %").arg(rate) : line.label + tr(" + %1 %").arg(rate);
        }
        for (auto it = prima.vatByTaxCode.cbegin(); it != prima.vatByTaxCode.cend(); ++it) {
            ReconciliationLine &line = vat[it.key()];
            line.primaMinor += it.value();
            if (line.label.isEmpty())
                line.label = tr("VAT code %1").arg(it.key());
        }
    } else if (!sitoo.vatByRate.isEmpty() || !prima.vatByTaxCode.isEmpty()) {
        ReconciliationLine &line = vat[QStringLiteral("ALL")];
        line.label = tr("VAT (all rates)");
        for (const SitooDayFigures::Vat &figures : sitoo.vatByRate)
            line.sitooMinor += figures.vatMinor;
        for (const qint64 amount : prima.vatByTaxCode)
            line.primaMinor += amount;
    }
    for (auto it = vat.begin(); it != vat.end(); ++it) {
        ReconciliationLine line = it.value();
        line.kind = ReconciliationKind::Vat;
        line.item = it.key();
        line.matched = absolute(line.differenceMinor()) <= toleranceMinor;
        lines.append(line);
    }
    return lines;
}

QString Reconciler::explain(const Store &store, QDate day, const QList<ReconciliationLine> &lines,
                            const SitooDayFigures &sitoo, qint64 toleranceMinor, const QLocale &locale)
{
    const auto money = [&](qint64 minor) { return Money(minor, store.currency).toDisplayString(locale); };
    QStringList parts;
    for (const ReconciliationLine &line : lines) {
        if (line.matched)
            continue;
        if (absolute(line.differenceMinor()) > toleranceMinor) {
            parts.append(tr("%1: Sitoo %2, Prima %3, difference %4")
                             .arg(line.label, money(line.sitooMinor), money(line.primaMinor),
                                  money(line.differenceMinor())));
        }
        if (line.zReportMinor && absolute(line.sitooMinor - *line.zReportMinor) > toleranceMinor) {
            parts.append(tr("%1: Sitoo orders %2, Z-reports %3, difference %4")
                             .arg(line.label, money(line.sitooMinor), money(*line.zReportMinor),
                                  money(line.sitooMinor - *line.zReportMinor)));
        }
    }
    if (parts.isEmpty())
        return {};
    QString text = tr("%1, trading day %2 (tolerance %3): %4.")
                       .arg(store.name, day.toString(Qt::ISODate), money(toleranceMinor), parts.join(QStringLiteral("; ")));
    if (sitoo.unpostedOrders > 0)
        text += u' ' + tr("%n order(s) of the day are not posted to Prima yet.", nullptr, sitoo.unpostedOrders);
    return text;
}

PrimaDayFigures Reconciler::primaFigures(const QList<PrimaLedgerPosting> &postings, const QString &vatAccount)
{
    PrimaDayFigures figures;
    for (const PrimaLedgerPosting &posting : postings) {
        ++figures.postings;
        if (!posting.tender.isEmpty()) {
            figures.tenders[posting.tender] += posting.amount.minorUnits();
            continue;
        }
        const QString &account = posting.account;
        if (account.compare(vatAccount, Qt::CaseInsensitive) == 0) {
            figures.vatByTaxCode[QString()] -= posting.amount.minorUnits(); // VAT is credited: negative
        } else if (account.size() > vatAccount.size() + 1 && account.startsWith(vatAccount, Qt::CaseInsensitive)
                   && (account.at(vatAccount.size()) == u':' || account.at(vatAccount.size()) == u'-')) {
            figures.vatByTaxCode[account.mid(vatAccount.size() + 1)] -= posting.amount.minorUnits();
        }
    }
    return figures;
}

QMap<QString, qint64> Reconciler::zReportTenders(const QList<SitooZReport> &reports)
{
    QMap<QString, qint64> tenders;
    for (const SitooZReport &report : reports) {
        // Sitoo signs refunds negative, as on the refund orders themselves.
        for (const SitooZReportPayment &payment : report.paymentsSales)
            tenders[payment.name] += payment.total.minorUnits();
        for (const SitooZReportPayment &payment : report.paymentsRefund)
            tenders[payment.name] += payment.total.minorUnits();
    }
    return tenders;
}

} // namespace Tillbridge::Core
