// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogue/cataloguediff.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <numeric>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::CatalogueDiff", text);
}

/** Case and whitespace do not count for a near match. */
QString nearKey(const QString &sku)
{
    QString key;
    key.reserve(sku.size());
    for (QChar c : sku) {
        if (!c.isSpace())
            key.append(c.toLower());
    }
    return key;
}

std::vector<int> sortedBySku(const std::vector<CatalogueRow> &rows)
{
    std::vector<int> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&rows](int a, int b) { return rows[size_t(a)].sku < rows[size_t(b)].sku; });
    return order;
}

unsigned differingFields(const CatalogueRow &prima, const CatalogueRow &sitoo)
{
    unsigned fields = 0;
    if (prima.price != sitoo.price)
        fields |= unsigned(CatalogueField::Price);
    if (prima.vatRate != sitoo.vatRate)
        fields |= unsigned(CatalogueField::Vat);
    if (prima.title != sitoo.title)
        fields |= unsigned(CatalogueField::Title);
    if (prima.barcode != sitoo.barcode)
        fields |= unsigned(CatalogueField::Barcode);
    if (prima.active != sitoo.active)
        fields |= unsigned(CatalogueField::Active);
    return fields;
}

/**
 * Looks for a near match of each only-in SKU among the other side's only-in SKUs. Both lists are small (the
 * differences), so hashing the normalised keys and the segment-dropped keys costs little even at scale.
 */
void findNearMatches(std::vector<CatalogueDifference> &differences, const std::vector<CatalogueRow> &prima,
                     const std::vector<CatalogueRow> &sitoo)
{
    QHash<QString, int> keyOf[2];          // [0] Prima-only, [1] Sitoo-only: nearKey → index
    QHash<QString, std::pair<int, QString>> droppedOf[2]; // nearKey of a segment-dropped variant → index, segment
    for (const CatalogueDifference &d : differences) {
        if (d.type == CatalogueDifference::Type::FieldMismatch)
            continue;
        const bool isPrima = d.type == CatalogueDifference::Type::OnlyInPrima;
        const int index = isPrima ? d.primaIndex : d.sitooIndex;
        const QString &sku = (isPrima ? prima : sitoo)[size_t(index)].sku;
        keyOf[isPrima ? 0 : 1].insert(nearKey(sku), index);
        const QStringList segments = sku.split(u'-');
        if (segments.size() >= 2) {
            for (qsizetype i = 0; i < segments.size(); ++i) {
                QStringList rest = segments;
                rest.removeAt(i);
                droppedOf[isPrima ? 0 : 1].insert(nearKey(rest.join(u'-')), {index, segments.at(i)});
            }
        }
    }
    for (CatalogueDifference &d : differences) {
        if (d.type == CatalogueDifference::Type::FieldMismatch)
            continue;
        const bool isPrima = d.type == CatalogueDifference::Type::OnlyInPrima;
        const int self = isPrima ? 0 : 1;
        const int other = 1 - self;
        const QString &sku = (isPrima ? prima : sitoo)[size_t(isPrima ? d.primaIndex : d.sitooIndex)].sku;
        const std::vector<CatalogueRow> &otherRows = isPrima ? sitoo : prima;
        const QString key = nearKey(sku);
        if (const auto it = keyOf[other].constFind(key); it != keyOf[other].cend()) {
            d.nearIndex = *it;
            d.nearReason = sku.compare(otherRows[size_t(*it)].sku, Qt::CaseInsensitive) == 0
                               ? QStringLiteral("case")
                               : QStringLiteral("whitespace");
        } else if (const auto longer = droppedOf[other].constFind(key); longer != droppedOf[other].cend()) {
            // The other side's SKU has one segment more: this side dropped it.
            d.nearIndex = longer->first;
            d.nearReason = QStringLiteral("dropped-segment:") + longer->second;
        } else {
            const QStringList segments = sku.split(u'-');
            for (qsizetype i = 0; segments.size() >= 2 && i < segments.size(); ++i) {
                QStringList rest = segments;
                rest.removeAt(i);
                if (const auto shorter = keyOf[other].constFind(nearKey(rest.join(u'-')));
                    shorter != keyOf[other].cend()) {
                    d.nearIndex = *shorter;
                    d.nearReason = QStringLiteral("dropped-segment:") + segments.at(i);
                    break;
                }
            }
        }
    }
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString quoted(const QString &text)
{
    return text.isEmpty() ? tr("(none)") : u'"' + text + u'"';
}

} // namespace

QString CatalogueDiff::moneyText(const Money &money)
{
    if (!money.isValid())
        return tr("(no price)");
    return QStringLiteral("%1 %2").arg(money.toWireString(), money.currency().code());
}

QStringList CatalogueDiff::droppedSegmentVariants(const QString &sku)
{
    QStringList variants;
    const QStringList segments = sku.split(u'-');
    if (segments.size() < 2)
        return variants;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        QStringList rest = segments;
        rest.removeAt(i);
        variants.append(rest.join(u'-'));
    }
    return variants;
}

CatalogueDiffResult CatalogueDiff::compare(const std::vector<CatalogueRow> &prima,
                                           const std::vector<CatalogueRow> &sitoo)
{
    CatalogueDiffResult result;
    const std::vector<int> p = sortedBySku(prima);
    const std::vector<int> s = sortedBySku(sitoo);
    size_t i = 0;
    size_t j = 0;
    const auto onlyInPrima = [&](int index) {
        if (prima[size_t(index)].active) {
            CatalogueDifference d;
            d.type = CatalogueDifference::Type::OnlyInPrima;
            d.primaIndex = index;
            result.differences.push_back(std::move(d));
            ++result.onlyInPrima;
        }
    };
    const auto onlyInSitoo = [&](int index) {
        if (sitoo[size_t(index)].active) { // saleable: active in the POS
            CatalogueDifference d;
            d.type = CatalogueDifference::Type::OnlyInSitoo;
            d.sitooIndex = index;
            result.differences.push_back(std::move(d));
            ++result.onlyInSitoo;
        }
    };
    while (i < p.size() || j < s.size()) {
        // A SKU listed twice on one side is compared once; the repeat is skipped.
        if (i > 0 && i < p.size() && prima[size_t(p[i])].sku == prima[size_t(p[i - 1])].sku) {
            ++i;
            continue;
        }
        if (j > 0 && j < s.size() && sitoo[size_t(s[j])].sku == sitoo[size_t(s[j - 1])].sku) {
            ++j;
            continue;
        }
        if (j == s.size()) {
            onlyInPrima(p[i++]);
            continue;
        }
        if (i == p.size()) {
            onlyInSitoo(s[j++]);
            continue;
        }
        const CatalogueRow &a = prima[size_t(p[i])];
        const CatalogueRow &b = sitoo[size_t(s[j])];
        const int order = a.sku.compare(b.sku);
        if (order < 0) {
            onlyInPrima(p[i++]);
        } else if (order > 0) {
            onlyInSitoo(s[j++]);
        } else {
            const unsigned fields = (a.active || b.active) ? differingFields(a, b) : 0u;
            if (fields != 0) {
                CatalogueDifference d;
                d.type = CatalogueDifference::Type::FieldMismatch;
                d.primaIndex = p[i];
                d.sitooIndex = s[j];
                d.fields = fields;
                result.differences.push_back(std::move(d));
                ++result.fieldMismatch;
            } else {
                ++result.matched;
            }
            ++i;
            ++j;
        }
    }
    findNearMatches(result.differences, prima, sitoo);
    for (const CatalogueDifference &d : result.differences) {
        if (d.nearIndex >= 0)
            ++result.nearMatches;
    }
    return result;
}

QString CatalogueDiff::skuOf(const CatalogueDifference &difference, const std::vector<CatalogueRow> &prima,
                             const std::vector<CatalogueRow> &sitoo)
{
    return difference.primaIndex >= 0 ? prima[size_t(difference.primaIndex)].sku
                                      : sitoo[size_t(difference.sitooIndex)].sku;
}

QString CatalogueDiff::explain(const CatalogueDifference &d, const std::vector<CatalogueRow> &prima,
                               const std::vector<CatalogueRow> &sitoo)
{
    QString hint;
    if (d.nearIndex >= 0) {
        const bool isPrima = d.type == CatalogueDifference::Type::OnlyInPrima;
        const QString &near = (isPrima ? sitoo : prima)[size_t(d.nearIndex)].sku;
        const QString side = isPrima ? QStringLiteral("Sitoo") : QStringLiteral("Prima");
        if (d.nearReason == u"case")
            hint = tr(" Near match: %1 has %2, which differs only in letter case.").arg(side, near);
        else if (d.nearReason == u"whitespace")
            hint = tr(" Near match: %1 has %2, which differs only in spaces (and perhaps letter case).")
                       .arg(side, near);
        else
            hint = tr(" Near match: %1 has %2, the same SKU but for the matrix segment \"%3\".")
                       .arg(side, near, d.nearReason.section(u':', 1));
    }
    switch (d.type) {
    case CatalogueDifference::Type::OnlyInSitoo: {
        const CatalogueRow &row = sitoo[size_t(d.sitooIndex)];
        return tr("SKU %1 (\"%2\", %3) is saleable in the Sitoo POS (product %4) but is not in the Prima item master. "
                  "Create it in Prima, or have an approver deactivate it in the POS.")
                   .arg(row.sku, row.title, moneyText(row.price))
                   .arg(row.productId)
               + hint;
    }
    case CatalogueDifference::Type::OnlyInPrima: {
        const CatalogueRow &row = prima[size_t(d.primaIndex)];
        return tr("Active Prima SKU %1 (\"%2\", %3) is missing from Sitoo. The catalogue push creates it; if this "
                  "stays, look for a failed push of this SKU.")
                   .arg(row.sku, row.title, moneyText(row.price))
               + hint;
    }
    case CatalogueDifference::Type::FieldMismatch:
        break;
    }
    const CatalogueRow &a = prima[size_t(d.primaIndex)];
    const CatalogueRow &b = sitoo[size_t(d.sitooIndex)];
    QStringList parts;
    if (d.has(CatalogueField::Price))
        parts.append(tr("Price: Prima %1, Sitoo %2").arg(moneyText(a.price), moneyText(b.price)));
    if (d.has(CatalogueField::Vat))
        parts.append(tr("VAT: Prima %1 %, Sitoo %2 %").arg(a.vatRate.toString(), b.vatRate.toString()));
    if (d.has(CatalogueField::Title))
        parts.append(tr("Title: Prima %1, Sitoo %2").arg(quoted(a.title), quoted(b.title)));
    if (d.has(CatalogueField::Barcode))
        parts.append(tr("Barcode: Prima %1, Sitoo %2").arg(quoted(a.barcode), quoted(b.barcode)));
    if (d.has(CatalogueField::Active))
        parts.append(tr("Active in POS: Prima %1, Sitoo %2").arg(yesNo(a.active), yesNo(b.active)));
    return tr("SKU %1 differs: %2. Prima is the master: correct it in Prima (the push then updates Sitoo) or find "
              "out who changed it in Sitoo.")
        .arg(a.sku, parts.join(QStringLiteral("; ")));
}

QJsonObject CatalogueDiff::details(const CatalogueDifference &d, const std::vector<CatalogueRow> &prima,
                                   const std::vector<CatalogueRow> &sitoo)
{
    const auto side = [](const CatalogueRow &row) {
        QJsonObject o{{QStringLiteral("sku"), row.sku},
                      {QStringLiteral("title"), row.title},
                      {QStringLiteral("barcode"), row.barcode},
                      {QStringLiteral("vat_rate_units"), row.vatRate.units()},
                      {QStringLiteral("active"), row.active}};
        if (row.price.isValid()) {
            o.insert(QStringLiteral("price_minor"), row.price.minorUnits());
            o.insert(QStringLiteral("currency"), row.price.currency().code());
        }
        if (row.productId > 0)
            o.insert(QStringLiteral("productid"), row.productId);
        if (row.vatId)
            o.insert(QStringLiteral("vatid"), *row.vatId);
        return o;
    };
    QJsonObject details;
    if (d.primaIndex >= 0)
        details.insert(QStringLiteral("prima"), side(prima[size_t(d.primaIndex)]));
    if (d.sitooIndex >= 0)
        details.insert(QStringLiteral("sitoo"), side(sitoo[size_t(d.sitooIndex)]));
    if (d.type == CatalogueDifference::Type::FieldMismatch) {
        QJsonArray fields;
        if (d.has(CatalogueField::Price))
            fields.append(QStringLiteral("price"));
        if (d.has(CatalogueField::Vat))
            fields.append(QStringLiteral("vat"));
        if (d.has(CatalogueField::Title))
            fields.append(QStringLiteral("title"));
        if (d.has(CatalogueField::Barcode))
            fields.append(QStringLiteral("barcode"));
        if (d.has(CatalogueField::Active))
            fields.append(QStringLiteral("active"));
        details.insert(QStringLiteral("fields"), fields);
    }
    if (d.nearIndex >= 0) {
        const bool isPrima = d.type == CatalogueDifference::Type::OnlyInPrima;
        details.insert(QStringLiteral("near_match"),
                       QJsonObject{{QStringLiteral("sku"), (isPrima ? sitoo : prima)[size_t(d.nearIndex)].sku},
                                   {QStringLiteral("reason"), d.nearReason}});
    }
    return details;
}

} // namespace Tillbridge::Core
