// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/money/vatrate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace Tillbridge::Core {

/** One SKU as the diff sees it, from either side. Plain values: the diff never touches the database. */
struct CatalogueRow
{
    QString sku;
    QString title;
    QString barcode;       ///< empty when there is none
    Money price;           ///< incl. VAT; invalid when the source sent none
    VatRate vatRate;
    bool active = true;    ///< Prima: status ACTIVE; Sitoo: activepos (saleable in the POS)
    qint64 productId = 0;  ///< Sitoo's productid (0 for Prima rows)
    std::optional<qint64> vatId; ///< Sitoo's product group
};

/** The fields a SKU audit compares (product.md: price, VAT, title, barcode, active flag). */
enum class CatalogueField : unsigned {
    Price = 0x01,
    Vat = 0x02,
    Title = 0x04,
    Barcode = 0x08,
    Active = 0x10,
};

/** One difference between the two catalogues. Indexes refer to the vectors given to CatalogueDiff::compare(). */
struct CatalogueDifference
{
    enum class Type { OnlyInSitoo, OnlyInPrima, FieldMismatch };

    Type type = Type::FieldMismatch;
    int primaIndex = -1; ///< -1 for OnlyInSitoo
    int sitooIndex = -1; ///< -1 for OnlyInPrima
    unsigned fields = 0; ///< CatalogueField bits, for FieldMismatch
    /** A near match on the other side for an only-in SKU (same SKU but for case, spaces or one matrix segment). */
    int nearIndex = -1;  ///< into the other side's vector; -1 when there is no near match
    QString nearReason;  ///< "case", "whitespace", "dropped-segment:<segment>" (a segment the shorter SKU lacks)

    bool has(CatalogueField field) const { return (fields & unsigned(field)) != 0; }
};

/** What a comparison found, in SKU order, with the counts per type. */
struct CatalogueDiffResult
{
    std::vector<CatalogueDifference> differences;
    int onlyInSitoo = 0;
    int onlyInPrima = 0;
    int fieldMismatch = 0;
    int nearMatches = 0; ///< only-in differences that carry a near-match hint
    int matched = 0;     ///< SKUs on both sides with no difference

    int total() const { return onlyInSitoo + onlyInPrima + fieldMismatch; }
};

/**
 * The field-by-field comparison of Prima's item master (the master) with a Sitoo site's products: a sort-merge join
 * on the SKU over plain values, O(n log n) and no query per SKU.
 *
 * Rules (product.md step 5): a SKU only in Sitoo counts only when it is saleable (active in the POS); a SKU only in
 * Prima only when it is active there. For a SKU on both sides, price, VAT rate, title, barcode and the active flag
 * (Prima ACTIVE vs Sitoo activepos) are compared; when neither side can sell it, nothing else matters and it counts
 * as matched. Only-in SKUs get a near-match hint when the other side holds the same SKU but for letter case,
 * whitespace, or one dropped matrix segment ("200CH-G-070" vs "200CH-070").
 */
class CatalogueDiff
{
public:
    /** Compares the two catalogues. The vectors are not changed; duplicates of a SKU on one side count once. */
    static CatalogueDiffResult compare(const std::vector<CatalogueRow> &prima, const std::vector<CatalogueRow> &sitoo);

    /** A translated explanation for the data team, with the values of both sides ("Price: Prima 59.00 GBP, ..."). */
    static QString explain(const CatalogueDifference &difference, const std::vector<CatalogueRow> &prima,
                           const std::vector<CatalogueRow> &sitoo);
    /** The figures behind explain() (minor units, rate units), for the exception's details. */
    static QJsonObject details(const CatalogueDifference &difference, const std::vector<CatalogueRow> &prima,
                               const std::vector<CatalogueRow> &sitoo);
    /** The difference's SKU (the Prima one, or the Sitoo one for OnlyInSitoo). */
    static QString skuOf(const CatalogueDifference &difference, const std::vector<CatalogueRow> &prima,
                         const std::vector<CatalogueRow> &sitoo);

    /** "59.00 GBP", or a translated "(no price)" for an invalid amount. */
    static QString moneyText(const Money &money);
    /** The segment-dropping variants of a SKU split at '-': "A-B-C" → {"B-C", "A-C", "A-B"}. */
    static QStringList droppedSegmentVariants(const QString &sku);
};

} // namespace Tillbridge::Core
