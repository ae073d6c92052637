// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/pdf/closepackpdf.h"

#include "core/application.h"

#include "core/domain/exceptionrecord.h"
#include "core/export/pdf/taxvariancechart.h"
#include "core/models/payoutsmodel.h"
#include "core/money/currency.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/reconciliation/taxvariancereport.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMap>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSettings>
#include <QTextDocument>

#include <memory>

Q_LOGGING_CATEGORY(lcReports, "tillbridge.reports", QtInfoMsg)

namespace Tillbridge::Reports {

using namespace Core;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tillbridge::Reports::ClosePackPdf", text, disambiguation, n);
}

constexpr int kResolution = 300; // dots per inch of the PDF's coordinate system
const QColor kAccent(0x1f, 0x4e, 0x79);
const QColor kMuted(0x66, 0x66, 0x66);

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString moneyText(qint64 minor, const QString &currencyCode)
{
    const auto currency = Currency::fromCode(currencyCode);
    return currency ? Money(minor, *currency).toDisplayString(QLocale(), Money::CurrencyDisplay::None)
                    : QLocale().toString(minor);
}

QString dateTimeText(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

/** A table: header cells, then rows of (html cell, right-aligned?) pairs. */
class HtmlTable
{
public:
    /** @p widths: percentages of the page per column (0: as the content needs). */
    explicit HtmlTable(const QStringList &headers, const QList<bool> &numeric, const QList<int> &widths = {})
        : m_numeric(numeric)
    {
        m_html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" "
                                 "style=\"border-collapse: collapse; border: 0.5px solid #b7c4d1;\"><thead><tr>");
        for (int column = 0; column < headers.size(); ++column) {
            const int width = column < widths.size() ? widths.at(column) : 0;
            m_html += QStringLiteral("<th align=\"%1\"%3 style=\"background-color: #1f4e79; color: white; "
                                     "font-weight: 600;\">%2</th>")
                          .arg(align(column), esc(headers.at(column)),
                               width > 0 ? QStringLiteral(" width=\"%1%\"").arg(width) : QString());
        }
        m_html += QStringLiteral("</tr></thead>");
    }
    /** @p cells are HTML already. */
    void addRow(const QStringList &cells, const QString &style = {})
    {
        const QString background = m_rows++ % 2 ? QStringLiteral("#f3f6f9") : QStringLiteral("#ffffff");
        m_html += QStringLiteral("<tr style=\"background-color: %1; %2\">").arg(background, style);
        for (int column = 0; column < cells.size(); ++column)
            m_html += QStringLiteral("<td align=\"%1\">%2</td>").arg(align(column), cells.at(column));
        m_html += QStringLiteral("</tr>");
    }
    QString html() const { return m_html + QStringLiteral("</table>"); }
    int rows() const { return m_rows; }

private:
    QString align(int column) const
    {
        return column < m_numeric.size() && m_numeric.at(column) ? QStringLiteral("right") : QStringLiteral("left");
    }
    QList<bool> m_numeric;
    QString m_html;
    int m_rows = 0;
};

QString section(const QString &title, const QString &intro = {})
{
    QString html = QStringLiteral("<h2 style=\"color: #1f4e79; font-size: 13pt; margin-top: 14px;\">%1</h2>")
                       .arg(esc(title));
    if (!intro.isEmpty())
        html += QStringLiteral("<p style=\"color: #555555;\">%1</p>").arg(esc(intro));
    return html;
}

QString badge(bool good, const QString &text)
{
    return QStringLiteral("<span style=\"color: %1; font-weight: 600;\">%2</span>")
        .arg(good ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"), esc(text));
}

// --- the sections ----------------------------------------------------------------------------------------------------

QString gatesHtml(const ClosePackData &data)
{
    const CloseStatus &status = data.status;
    QString html = section(tr("Gate status and sign-offs"),
                           tr("Each gate as the data says now, and who signed it off."));
    HtmlTable table({tr("Gate"), tr("Now"), tr("Signed by"), tr("Signed at"), tr("Comment")}, {});
    for (const GateEvaluation &gate : status.gates) {
        table.addRow({QStringLiteral("<b>%1</b><br/><span style=\"color: #666666; font-size: 7.5pt;\">%2</span>")
                          .arg(esc(CloseGates::title(gate.gate)), esc(gate.explanation)),
                      badge(gate.passes, gate.passes ? tr("Passes") : tr("Fails")),
                      gate.signoff ? esc(gate.signoff->signedBy) : tr("not signed"),
                      gate.signoff ? esc(dateTimeText(gate.signoff->signedAt)) : QString(),
                      gate.signoff ? esc(gate.signoff->comment) : QString()});
    }
    table.addRow({QStringLiteral("<b>%1</b>").arg(esc(tr("Period sign-off"))),
                  badge(status.allGatesPass(), status.allGatesPass() ? tr("Passes") : tr("Fails")),
                  status.periodSignoff ? esc(status.periodSignoff->signedBy) : tr("not signed"),
                  status.periodSignoff ? esc(dateTimeText(status.periodSignoff->signedAt)) : QString(),
                  status.periodSignoff ? esc(status.periodSignoff->comment) : QString()});
    html += table.html();
    html += QStringLiteral("<p>%1</p>")
                .arg(status.locked ? esc(tr("The period was locked by %1 on %2.")
                                         .arg(status.lockedBy, dateTimeText(status.lockedAt)))
                                   : esc(tr("The period is not locked.")));
    return html;
}

QString reconciliationHtml(const ClosePackData &data)
{
    QString html = section(tr("Reconciliation per store"),
                           tr("Sitoo against Prima over the period, per store and tender or VAT line: sums of the "
                              "daily results; a day counts as a variance when its difference exceeds the tolerance."));
    if (data.reconciliation.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(tr("No reconciliation results for this period.")));
    struct Totals
    {
        QString store;
        QString item;
        QString currency;
        qint64 sitoo = 0;
        qint64 zReports = 0;
        bool hasZ = false;
        qint64 prima = 0;
        qint64 difference = 0;
        int days = 0;
        int varianceDays = 0;
    };
    QMap<QString, Totals> totals; // by store, kind, item: the order of the table
    for (const ReconciliationResultRow &row : data.reconciliation) {
        const QString key = row.storeName + u'\x1f' + reconciliationKindCode(row.kind) + u'\x1f' + row.item + u'\x1f'
                            + row.currency;
        Totals &entry = totals[key];
        entry.store = row.storeName;
        entry.item = PayoutsModel::itemTitle(row);
        entry.currency = row.currency;
        entry.sitoo += row.sitooMinor;
        if (row.zReportMinor) {
            entry.zReports += *row.zReportMinor;
            entry.hasZ = true;
        }
        entry.prima += row.primaMinor;
        entry.difference += row.differenceMinor;
        ++entry.days;
        entry.varianceDays += row.matched ? 0 : 1;
    }
    HtmlTable table({tr("Store"), tr("Line"), tr("Sitoo"), tr("Z-reports"), tr("Prima"), tr("Difference"),
                     tr("Days"), tr("Variance days")},
                    {false, false, true, true, true, true, true, true}, {21, 13});
    for (const Totals &entry : std::as_const(totals)) {
        table.addRow({esc(entry.store), esc(entry.item),
                      esc(moneyText(entry.sitoo, entry.currency) + u' ' + entry.currency),
                      entry.hasZ ? esc(moneyText(entry.zReports, entry.currency)) : QStringLiteral("–"),
                      esc(moneyText(entry.prima, entry.currency)),
                      entry.difference != 0 ? badge(false, moneyText(entry.difference, entry.currency))
                                            : esc(moneyText(0, entry.currency)),
                      QString::number(entry.days),
                      entry.varianceDays > 0 ? badge(false, QString::number(entry.varianceDays)) : QStringLiteral("0")});
    }
    html += table.html();
    html += QStringLiteral("<p style=\"color: #555555;\">%1</p>")
                .arg(esc(tr("Daily results: %1, of which %n with a variance.", nullptr, int(data.varianceLines()))
                             .arg(data.reconciliation.size())));
    return html;
}

QString vatHtml(const ClosePackData &data)
{
    QString html = section(tr("VAT by rate: Sitoo against Prima"),
                           tr("VAT the tills charged, VAT the rate gives on the net, and VAT Prima booked, per store "
                              "and rate over the period."));
    const QStringList currencies = TaxVarianceReport::currencies(data.taxByRate);
    if (currencies.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(tr("No VAT figures for this period.")));
    HtmlTable table({tr("Store"), tr("Rate"), tr("Ccy"), tr("Orders"), tr("Net"), tr("Sitoo VAT"),
                     tr("From the rate"), tr("Prima VAT"), tr("Sitoo − rate"), tr("Sitoo − Prima")},
                    {false, true, false, true, true, true, true, true, true, true}, {21, 6, 9});
    for (const QString &currency : currencies) {
        for (const TaxVarianceCell &cell : TaxVarianceReport::byStoreAndRate(data.taxByRate, currency)) {
            const qint64 primaDifference = cell.sitooVatMinor - cell.primaVatMinor;
            table.addRow({esc(cell.storeName), esc(VatRate::fromUnits(cell.vatRateUnits).toDisplayString(QLocale())),
                          esc(currency), QLocale().toString(cell.orders), esc(moneyText(cell.netMinor, currency)),
                          esc(moneyText(cell.sitooVatMinor, currency)), esc(moneyText(cell.expectedVatMinor, currency)),
                          cell.primaDays > 0 ? esc(moneyText(cell.primaVatMinor, currency)) : QStringLiteral("–"),
                          cell.varianceMinor() != 0 ? badge(false, moneyText(cell.varianceMinor(), currency))
                                                    : esc(moneyText(0, currency)),
                          cell.primaDays == 0 ? QStringLiteral("–")
                          : primaDifference != 0 ? badge(false, moneyText(primaDifference, currency))
                                                 : esc(moneyText(0, currency))});
        }
    }
    return html + table.html();
}

QString exceptionsHtml(const ClosePackData &data)
{
    QString html = section(tr("Exceptions by kind, owner and state"),
                           tr("Exceptions raised in the period, and every exception still open."));
    if (data.exceptions.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(tr("No exceptions.")));
    const QStringList states{QStringLiteral("open"),     QStringLiteral("assigned"), QStringLiteral("resolved"),
                             QStringLiteral("approved"), QStringLiteral("rejected"), QStringLiteral("auto-resolved")};
    QMap<QPair<QString, QString>, QMap<QString, qint64>> pivot;
    for (const ClosePackExceptionCount &count : data.exceptions)
        pivot[{count.kind, count.owner}][count.state] += count.count;
    HtmlTable table({tr("Kind"), tr("Owner"), tr("Open"), tr("Assigned"), tr("Resolved"), tr("Approved"),
                     tr("Rejected"), tr("Auto-resolved"), tr("Total")},
                    {false, false, true, true, true, true, true, true, true});
    for (auto it = pivot.cbegin(); it != pivot.cend(); ++it) {
        const auto kind = ExceptionKinds::fromCode(it.key().first);
        const auto owner = ownerTeamFromCode(it.key().second);
        QStringList cells{esc(kind ? ExceptionKinds::title(*kind) : it.key().first),
                          esc(owner ? ownerTeamTitle(*owner) : it.key().second)};
        qint64 total = 0;
        for (const QString &state : states) {
            const qint64 n = it.value().value(state);
            total += n;
            const bool stillOpen = state == u"open" || state == u"assigned";
            cells << (n == 0 ? QStringLiteral("·") : stillOpen ? badge(false, QString::number(n)) : QString::number(n));
        }
        cells << QStringLiteral("<b>%1</b>").arg(total);
        table.addRow(cells);
    }
    return html + table.html();
}

QString overridesHtml(const ClosePackData &data)
{
    QString html = section(tr("Accepted overrides"),
                           tr("Exceptions of the period accepted as they are: proposed by one person (maker) and "
                              "approved by another (checker)."));
    if (data.overrides.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(tr("No overrides were accepted in this period.")));
    HtmlTable table({tr("Exception"), tr("Kind"), tr("Entity"), tr("Maker"), tr("Checker"), tr("Approved"),
                     tr("Reason")},
                    {true});
    for (const ClosePackOverride &accepted : data.overrides) {
        const auto kind = ExceptionKinds::fromCode(accepted.kind);
        table.addRow({QString::number(accepted.exceptionId), esc(kind ? ExceptionKinds::title(*kind) : accepted.kind),
                      esc(accepted.entityType + u' ' + accepted.entityId), esc(accepted.maker), esc(accepted.checker),
                      esc(dateTimeText(QDateTime::fromString(accepted.approvedAt, Qt::ISODateWithMs))),
                      esc(accepted.reason)});
    }
    return html + table.html();
}

QString auditHtml(const ClosePackData &data)
{
    QString html = section(tr("Audit chain"));
    if (data.auditChainIntact) {
        html += QStringLiteral("<p>%1</p><p style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt;\">"
                               "%2</p><p style=\"color: #555555;\">%3</p>")
                    .arg(esc(tr("The audit trail verifies from its first entry to entry %1, whose hash is:")
                                 .arg(data.auditHeadSeq)),
                         esc(data.auditHeadHash),
                         esc(tr("Keep this hash with the pack: any later change to the trail up to this entry would "
                                "no longer lead to it.")));
    } else {
        html += QStringLiteral("<p>%1</p>").arg(badge(false, tr("The audit trail does not verify: %1")
                                                                 .arg(data.auditProblem)));
    }
    return html;
}

// --- pages -----------------------------------------------------------------------------------------------------------

/** The text flow of the content pages, laid out for the PDF's resolution. */
std::unique_ptr<QTextDocument> makeDocument(const QString &body, QPaintDevice *device, const QSizeF &pageSize)
{
    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->setPaintDevice(device);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8.5);
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    document->setDefaultStyleSheet(QStringLiteral("h2 { margin-bottom: 4px; } p { margin-top: 2px; }"));
    document->setHtml(QStringLiteral("<html><body>%1</body></html>").arg(body));
    document->setPageSize(pageSize);
    return document;
}

class PageWriter
{
public:
    PageWriter(QPdfWriter &writer, QPainter &painter, const ClosePackData &data, const ClosePackPdfOptions &options,
               int totalPages)
        : m_writer(writer)
        , m_painter(painter)
        , m_data(data)
        , m_options(options)
        , m_totalPages(totalPages)
    {
    }

    /** Starts a page after the first; draws the running header and the footer. */
    void beginContentPage()
    {
        m_writer.newPage();
        ++m_page;
        const QRect page = m_writer.pageLayout().paintRectPixels(kResolution);
        const QRectF area(0, 0, page.width(), page.height());
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(7.5);
        m_painter.setFont(font);
        m_painter.setPen(kMuted);
        const qreal line = QFontMetricsF(font, &m_writer).height();
        m_painter.drawText(QRectF(0, 0, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                           m_options.company.isEmpty()
                               ? tr("Close pack %1").arg(m_data.status.period.code)
                               : tr("Close pack %1 · %2").arg(m_data.status.period.code, m_options.company));
        m_painter.drawText(QRectF(0, 0, area.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                           tr("Page %1 of %2").arg(m_page).arg(m_totalPages));
        m_painter.setPen(QPen(kAccent, 2));
        m_painter.drawLine(QPointF(0, line * 1.4), QPointF(area.width(), line * 1.4));
        m_painter.setPen(kMuted);
        m_painter.drawText(QRectF(0, area.height() - line, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                           tr("Generated by Tillbridge on %1").arg(dateTimeText(m_data.generatedAt)));
    }

    QRectF contentArea() const
    {
        const QRect page = m_writer.pageLayout().paintRectPixels(kResolution);
        const qreal line = page.height() / 60.0;
        return QRectF(0, line * 1.6, page.width(), page.height() - line * 3.6);
    }

    void drawDocument(QTextDocument &document)
    {
        const QRectF area = contentArea();
        for (int index = 0; index < document.pageCount(); ++index) {
            beginContentPage();
            m_painter.save();
            m_painter.translate(area.left(), area.top() - index * area.height());
            const QRectF clip(0, index * area.height(), area.width(), area.height());
            m_painter.setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            context.palette.setColor(QPalette::Text, Qt::black);
            document.documentLayout()->draw(&m_painter, context);
            m_painter.restore();
        }
    }

    int page() const { return m_page; }

private:
    QPdfWriter &m_writer;
    QPainter &m_painter;
    const ClosePackData &m_data;
    const ClosePackPdfOptions &m_options;
    int m_totalPages = 0;
    int m_page = 1; // the cover
};

void drawCover(QPainter &painter, const QRectF &area, const ClosePackData &data, const ClosePackPdfOptions &options,
               QPaintDevice *device)
{
    const CloseStatus &status = data.status;
    const QLocale locale;
    painter.save();
    painter.fillRect(QRectF(area.left(), area.top(), area.width(), area.height() * 0.012), kAccent);

    QFont title(QStringLiteral("DejaVu Sans"));
    title.setPointSizeF(26);
    title.setWeight(QFont::DemiBold);
    QFont large(QStringLiteral("DejaVu Sans"));
    large.setPointSizeF(14);
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(10.5);
    const qreal bodyLine = QFontMetricsF(body, device).height() * 1.35;

    qreal y = area.top() + area.height() * 0.16;
    painter.setPen(kMuted);
    painter.setFont(large);
    painter.drawText(QRectF(area.left(), y, area.width(), bodyLine * 2), Qt::AlignLeft | Qt::AlignBottom,
                     options.company);
    y += bodyLine * 2.4;
    painter.setPen(kAccent);
    const QString titleText = tr("Month-end close pack");
    // A translation can be longer than the English ("Bokslutspaket för månadsbokslutet"): the title keeps its one
    // line and shrinks to the page width rather than running off the page.
    if (const qreal width = QFontMetricsF(title, device).horizontalAdvance(titleText); width > area.width())
        title.setPointSizeF(title.pointSizeF() * area.width() / width * 0.97);
    painter.setFont(title);
    const qreal titleLine = QFontMetricsF(title, device).height();
    painter.drawText(QRectF(area.left(), y, area.width(), titleLine), Qt::AlignLeft | Qt::AlignVCenter, titleText);
    y += titleLine * 1.1;
    painter.setFont(large);
    painter.setPen(Qt::black);
    const QString periodName = locale.toString(status.period.first, QStringLiteral("MMMM yyyy"));
    painter.drawText(QRectF(area.left(), y, area.width(), bodyLine * 1.5), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("%1 (%2 – %3)")
                         .arg(periodName, status.period.first.toString(Qt::ISODate),
                              status.period.last.toString(Qt::ISODate)));
    y += bodyLine * 3;

    painter.setFont(body);
    const auto fact = [&](const QString &label, const QString &value, const QColor &colour = Qt::black) {
        painter.setPen(kMuted);
        painter.drawText(QRectF(area.left(), y, area.width() * 0.3, bodyLine), Qt::AlignLeft | Qt::AlignVCenter,
                         label);
        painter.setPen(colour);
        painter.drawText(QRectF(area.left() + area.width() * 0.3, y, area.width() * 0.7, bodyLine),
                         Qt::AlignLeft | Qt::AlignVCenter, value);
        y += bodyLine;
    };
    const QColor good(0x2e, 0x7d, 0x32);
    const QColor bad(0xc6, 0x28, 0x28);
    if (!options.company.isEmpty())
        fact(tr("Company"), options.company);
    fact(tr("Period"), status.period.code);
    fact(tr("Generated at"), dateTimeText(data.generatedAt));
    fact(tr("Generated by"), options.preparedBy);
    y += bodyLine * 0.6;
    int passing = 0;
    int signedGates = 0;
    for (const GateEvaluation &gate : status.gates) {
        passing += gate.passes ? 1 : 0;
        signedGates += gate.signoff ? 1 : 0;
    }
    fact(tr("Gates"), tr("%1 of %2 pass, %3 signed off").arg(passing).arg(status.gates.size()).arg(signedGates),
         passing == status.gates.size() ? good : bad);
    fact(tr("Period sign-off"),
         status.periodSignoff ? tr("%1 on %2").arg(status.periodSignoff->signedBy,
                                                   dateTimeText(status.periodSignoff->signedAt))
                              : tr("not signed"),
         status.periodSignoff ? good : bad);
    fact(tr("Period lock"),
         status.locked ? tr("locked by %1 on %2").arg(status.lockedBy, dateTimeText(status.lockedAt)) : tr("open"),
         status.locked ? good : bad);
    fact(tr("Reconciliation"),
         tr("%1 daily lines, %2 with a variance").arg(data.reconciliation.size()).arg(data.varianceLines()),
         data.varianceLines() == 0 ? good : bad);
    fact(tr("Accepted overrides"), QString::number(data.overrides.size()));
    fact(tr("Audit chain"), data.auditChainIntact ? tr("verified to entry %1").arg(data.auditHeadSeq)
                                                  : tr("does not verify"),
         data.auditChainIntact ? good : bad);
    if (data.auditChainIntact) {
        QFont mono(QStringLiteral("DejaVu Sans Mono"));
        mono.setPointSizeF(8);
        painter.setFont(mono);
        painter.setPen(kMuted);
        painter.drawText(QRectF(area.left() + area.width() * 0.3, y, area.width() * 0.7, bodyLine),
                         Qt::AlignLeft | Qt::AlignVCenter, data.auditHeadHash);
        y += bodyLine;
    }

    painter.setFont(body);
    painter.setPen(kMuted);
    painter.drawText(QRectF(area.left(), area.bottom() - bodyLine * 3, area.width(), bodyLine * 3),
                     Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
                     tr("Sitoo POS sales against the Prima ledger. Prepared with Tillbridge; the figures come from "
                        "the reconciliation cache as it was when the pack was generated."));
    painter.restore();
}

} // namespace

QString ClosePackPdf::fileName(const QString &period)
{
    return QStringLiteral("close-pack-%1.pdf").arg(period);
}

namespace {
const QString kCompanyKey = QStringLiteral("closePack/company");
}

QString ClosePackPdf::configuredCompany()
{
    // The workbench's own settings file (the demo has its own), as every other setting.
    return Core::openSettings()->value(kCompanyKey).toString().trimmed();
}

void ClosePackPdf::setConfiguredCompany(const QString &company)
{
    const auto settings = Core::openSettings();
    if (company.trimmed().isEmpty())
        settings->remove(kCompanyKey);
    else
        settings->setValue(kCompanyKey, company.trimmed());
}

QString ClosePackPdf::defaultCompany()
{
    const QString configured = configuredCompany();
    return configured.isEmpty() ? QCoreApplication::organizationName() : configured;
}

Result<int> ClosePackPdf::write(const ClosePackData &data, const ClosePackPdfOptions &options, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ErrorCode::Io,
                     tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(kResolution);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);
        writer.setTitle(tr("Close pack %1").arg(data.status.period.code));
        writer.setCreator(QStringLiteral("Tillbridge"));

        QPainter painter;
        if (!painter.begin(&writer))
            return Error{ErrorCode::Io, tr("%1 could not be written.").arg(QDir::toNativeSeparators(path))};

        const QRect page = writer.pageLayout().paintRectPixels(kResolution);
        // Two text flows around the chart: gates, reconciliation and VAT; then exceptions, overrides and audit.
        PageWriter pageWriter(writer, painter, data, options, 0);
        const QSizeF contentSize = pageWriter.contentArea().size();
        auto first = makeDocument(gatesHtml(data) + reconciliationHtml(data) + vatHtml(data), &writer, contentSize);
        auto second = makeDocument(exceptionsHtml(data) + overridesHtml(data) + auditHtml(data), &writer,
                                   contentSize);
        // The VAT variance charts, one per currency, two to a page.
        const QStringList currencies = TaxVarianceReport::currencies(data.taxByRate);
        constexpr int kChartsPerPage = 2;
        const int chartPages = std::max<int>(1, int((currencies.size() + kChartsPerPage - 1) / kChartsPerPage));
        pages = 1 + first->pageCount() + chartPages + second->pageCount();

        PageWriter writerWithTotal(writer, painter, data, options, pages);
        drawCover(painter, QRectF(0, 0, page.width(), page.height()), data, options, &writer);
        writerWithTotal.drawDocument(*first);
        for (int pageIndex = 0; pageIndex < chartPages; ++pageIndex) {
            writerWithTotal.beginContentPage();
            const QRectF area = writerWithTotal.contentArea();
            QFont heading(QStringLiteral("DejaVu Sans"));
            heading.setPointSizeF(13);
            heading.setWeight(QFont::DemiBold);
            const qreal line = QFontMetricsF(heading, &writer).height();
            const qreal slot = area.height() / kChartsPerPage;
            for (int slotIndex = 0; slotIndex < kChartsPerPage; ++slotIndex) {
                const int index = pageIndex * kChartsPerPage + slotIndex;
                if (index > 0 && index >= currencies.size())
                    break;
                const QString currency = currencies.isEmpty() ? QString() : currencies.at(index);
                const qreal top = area.top() + slot * slotIndex;
                painter.setFont(heading);
                painter.setPen(kAccent);
                painter.drawText(QRectF(area.left(), top, area.width(), line * 1.5), Qt::AlignLeft | Qt::AlignVCenter,
                                 currency.isEmpty() ? tr("VAT variance by store and rate")
                                                    : tr("VAT variance by store and rate (%1)").arg(currency));
                const QList<TaxVarianceCell> cells = currency.isEmpty()
                                                         ? QList<TaxVarianceCell>()
                                                         : TaxVarianceReport::byStoreAndRate(data.taxByRate, currency);
                TaxVarianceChart(cells, currency)
                    .paint(painter, QRectF(area.left(), top + line * 2, area.width(), slot - line * 3));
            }
        }
        writerWithTotal.drawDocument(*second);
        if (writerWithTotal.page() != pages)
            qCWarning(lcReports) << "close pack PDF: counted" << pages << "pages, drew" << writerWithTotal.page();
        painter.end();
    }
    if (!file.commit()) {
        return Error{ErrorCode::Io,
                     tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    qCInfo(lcReports) << "close pack PDF" << data.status.period.code << pages << "pages written to" << path;
    return pages;
}

} // namespace Tillbridge::Reports
