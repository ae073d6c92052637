// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/exceptions/exceptiondetailview.h"

#include "core/models/exceptionqueuemodel.h"

#include <QLocale>

namespace Tillbridge::Ui {

namespace {
QString money(const Core::Money &amount)
{
    return amount.isValid() ? amount.toDisplayString(QLocale()).toHtmlEscaped() : QString();
}

QString cell(const QString &text, bool number = false)
{
    return number ? QStringLiteral("<td align=\"right\">%1</td>").arg(text) : QStringLiteral("<td>%1</td>").arg(text);
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3 style=\"margin-top:14px; margin-bottom:4px\">%1</h3>").arg(text.toHtmlEscaped());
}

QString differenceCell(const Core::Money &difference)
{
    const QString text = money(difference);
    return difference.isZero() ? cell(text, true)
                               : QStringLiteral("<td align=\"right\"><b style=\"color:#b3261e\">%1</b></td>").arg(text);
}
} // namespace

ExceptionDetailView::ExceptionDetailView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setAccessibleName(tr("Exception details"));
    setFrameShape(QFrame::StyledPanel);
}

void ExceptionDetailView::showMessage(const QString &title, const QString &message)
{
    setHtml(QStringLiteral("<div style=\"margin:24px\"><h3>%1</h3><p>%2</p></div>")
                .arg(title.toHtmlEscaped(), message.toHtmlEscaped()));
}

void ExceptionDetailView::showDetail(const Core::ExceptionDetail &detail)
{
    setHtml(toHtml(detail));
}

QString ExceptionDetailView::toHtml(const Core::ExceptionDetail &detail)
{
    using namespace Core;
    const ExceptionRecord &record = detail.record;
    const QLocale locale;
    QString html = QStringLiteral("<html><body style=\"margin:8px\">");
    html += QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2>").arg(ExceptionKinds::title(record.kind).toHtmlEscaped());
    QStringList facts;
    facts << tr("Owner: %1").arg(ownerTeamTitle(record.owner));
    if (!detail.storeName.isEmpty())
        facts << tr("Store: %1").arg(detail.storeName);
    facts << tr("Raised %1 (%2 ago)")
                 .arg(locale.toString(record.createdAt.toLocalTime(), QLocale::ShortFormat),
                      ExceptionQueueModel::ageText(record.createdAt, QDateTime::currentDateTimeUtc()));
    if (record.severity != Severity::Blocking)
        facts << tr("Does not block posting");
    if (!record.assignedTo.isEmpty())
        facts << tr("Assigned to %1").arg(record.assignedTo);
    html += QStringLiteral("<p style=\"color:palette(placeholder-text)\">%1</p>").arg(facts.join(QStringLiteral(" · ")).toHtmlEscaped());
    html += QStringLiteral("<p style=\"font-size:large\">%1</p>").arg(record.explanation.toHtmlEscaped());
    if (!record.madeBy.isEmpty() && !isTerminal(record.state)) {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("%1 proposed to post this order as it is. Another approver must approve it.")
                             .arg(record.madeBy)
                             .toHtmlEscaped());
    }
    if (isTerminal(record.state) && !record.resolutionReason.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Closed: %1").arg(record.resolutionReason).toHtmlEscaped());

    if (detail.recomputation) {
        const OrderRecomputation &r = *detail.recomputation;
        html += heading(tr("The arithmetic"));
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
        html += QStringLiteral("<tr>%1%2</tr>").arg(cell(tr("Lines, net")), cell(money(r.linesNet), true));
        html += QStringLiteral("<tr>%1%2</tr>").arg(cell(tr("+ VAT on the lines")), cell(money(r.linesVat), true));
        html += QStringLiteral("<tr>%1%2</tr>").arg(cell(tr("+ Cash rounding")), cell(money(r.rounding), true));
        html += QStringLiteral("<tr>%1%2</tr>").arg(cell(tr("= Computed total")), cell(QStringLiteral("<b>%1</b>").arg(money(r.computedTotal)), true));
        html += QStringLiteral("<tr>%1%2</tr>").arg(cell(tr("Order total")), cell(money(r.orderTotal), true));
        html += QStringLiteral("<tr>%1%2</tr>").arg(cell(tr("Difference")), differenceCell(r.difference));
        html += QStringLiteral("</table>");

        html += heading(tr("VAT per rate"));
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"0\"><tr>");
        for (const QString &title : {tr("Rate"), tr("Lines"), tr("Net"), tr("VAT on the order"), tr("VAT at the rate"),
                                     tr("Difference")})
            html += QStringLiteral("<th align=\"right\">%1</th>").arg(title.toHtmlEscaped());
        html += QStringLiteral("</tr>");
        for (const VatRecomputation &rate : r.byRate) {
            html += QStringLiteral("<tr>%1%2%3%4%5%6</tr>")
                        .arg(cell(rate.rate.toDisplayString(locale).toHtmlEscaped(), true),
                             cell(locale.toString(rate.lines), true), cell(money(rate.net), true),
                             cell(money(rate.vatOnOrder), true), cell(money(rate.vatExpected), true),
                             differenceCell(rate.difference));
        }
        html += QStringLiteral("</table>");
        html += QStringLiteral("<p style=\"color:palette(placeholder-text)\">%1</p>")
                    .arg(tr("VAT at the rate is the net amount times the rate, rounded half up once per rate. A "
                            "difference of a penny or öre per line can be the till's own rounding and is allowed.")
                             .toHtmlEscaped());
    }

    if (detail.order) {
        const PosOrder &order = *detail.order;
        html += heading(order.kind == PosOrderKind::Sale ? tr("Sale %1").arg(order.orderId)
                                                         : tr("Refund %1").arg(order.orderId));
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Receipt %1 · %2 · state %3")
                             .arg(order.receiptId, locale.toString(order.orderDate.toLocalTime(), QLocale::ShortFormat),
                                  detail.orderState)
                             .toHtmlEscaped());
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\"><tr>");
        for (const QString &title : {tr("SKU"), tr("Product"), tr("Qty"), tr("Net"), tr("VAT"), tr("Rate")})
            html += QStringLiteral("<th align=\"left\">%1</th>").arg(title.toHtmlEscaped());
        html += QStringLiteral("</tr>");
        for (const PosOrderLine &line : order.lines) {
            html += QStringLiteral("<tr>%1%2%3%4%5%6</tr>")
                        .arg(cell(line.sku.toHtmlEscaped()), cell(line.productName.toHtmlEscaped()),
                             cell(locale.toString(line.quantity), true), cell(money(line.lineNet), true),
                             cell(money(line.lineVat), true), cell(line.vatRate.toDisplayString(locale).toHtmlEscaped(), true));
        }
        html += QStringLiteral("</table>");
        if (!order.payments.isEmpty()) {
            html += QStringLiteral("<p>");
            QStringList tenders;
            for (const PosPayment &payment : order.payments)
                tenders << tr("%1 %2").arg(payment.methodName, payment.amount.toDisplayString(locale));
            html += tr("Paid: %1").arg(tenders.join(QStringLiteral(", "))).toHtmlEscaped() + QStringLiteral("</p>");
        }
    } else if (detail.malformed) {
        html += heading(tr("The order could not be read"));
        html += QStringLiteral("<p>%1</p>").arg(tr("Only the bytes Sitoo sent are known; they are kept below.").toHtmlEscaped());
    }

    if (!detail.otherOpen.isEmpty()) {
        html += heading(tr("Also holding this order back"));
        html += QStringLiteral("<ul>");
        for (const ExceptionRecord &other : detail.otherOpen)
            html += QStringLiteral("<li><b>%1</b> — %2</li>")
                        .arg(ExceptionKinds::title(other.kind).toHtmlEscaped(), other.explanation.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }

    if (detail.outbox) {
        html += heading(tr("Prima"));
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Posting %1 · state %2%3")
                             .arg(detail.outbox->externalRef, outboxStateCode(detail.outbox->state),
                                  detail.outbox->primaDocumentNo.isEmpty()
                                      ? QString()
                                      : tr(" · document %1").arg(detail.outbox->primaDocumentNo))
                             .toHtmlEscaped());
        if (!detail.attempts.isEmpty()) {
            html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\"><tr>");
            for (const QString &title : {tr("Attempt"), tr("When"), tr("Outcome"), tr("HTTP"), tr("Prima said")})
                html += QStringLiteral("<th align=\"left\">%1</th>").arg(title.toHtmlEscaped());
            html += QStringLiteral("</tr>");
            for (const PostingAttempt &attempt : detail.attempts) {
                html += QStringLiteral("<tr>%1%2%3%4%5</tr>")
                            .arg(cell(locale.toString(attempt.attemptNo), true),
                                 cell(locale.toString(attempt.startedAt.toLocalTime(), QLocale::ShortFormat)),
                                 cell(attempt.outcome ? attemptOutcomeCode(*attempt.outcome) : tr("in flight")),
                                 cell(attempt.httpStatus ? QString::number(*attempt.httpStatus) : QString(), true),
                                 cell(QString(attempt.errorCode + u' ' + attempt.response).trimmed().toHtmlEscaped()));
            }
            html += QStringLiteral("</table>");
        }
    }

    if (!detail.history.isEmpty()) {
        html += heading(tr("History"));
        // One entry per paragraph, the note under its heading line: the pane is narrow, and a four-column table
        // wrapped the date and the note into slivers.
        for (const ExceptionHistoryEntry &entry : detail.history) {
            html += QStringLiteral("<p style=\"margin-top:2px; margin-bottom:6px\"><b>%1</b> · %2 · %3%4</p>")
                        .arg(locale.toString(entry.at.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped(),
                             ExceptionQueueModel::stateTitle(entry.toState).toHtmlEscaped(),
                             entry.actor.toHtmlEscaped(),
                             entry.note.isEmpty() ? QString()
                                                  : QStringLiteral("<br/>") + entry.note.toHtmlEscaped());
        }
    }

    if (!detail.rawPayload.isEmpty()) {
        html += heading(tr("The order as Sitoo sent it"));
        html += QStringLiteral("<pre style=\"font-size:small\">%1</pre>")
                    .arg(QString::fromUtf8(detail.rawPayload).toHtmlEscaped());
    }
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace Tillbridge::Ui
