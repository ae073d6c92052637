// SPDX-License-Identifier: GPL-3.0-or-later
// The order validator against the sandbox scenario generator: every order of a seeded scenario with injected defects
// is rendered as Sitoo JSON, parsed by SitooOrderParser and validated with a context built from the scenario (every
// usual mapping present). Each defect must raise the exception kind the scenario records for it, and an order
// without a defect must raise nothing that blocks it. This proves the validator and the generator agree.
#include "core/engine/validation/ordervalidator.h"
#include "core/sandbox/scenario/scenariogenerator.h"
#include "core/sitoo/sitooorderparser.h"

#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Tillbridge::Core;
using namespace Tillbridge::Sandbox;

namespace {

ScenarioOptions options(quint32 seed)
{
    ScenarioOptions o;
    o.seed = seed;
    o.storeCount = 4;
    o.tradingDays = 7;
    o.ordersPerStoreDay = 30;
    o.defectRate = 0.2;
    o.refundRate = 0.1;
    return o;
}

QString code(ExceptionKind kind)
{
    return ExceptionKinds::code(kind);
}

/** The exception kinds the order validator owns; the others come from the parser, the cache or the catalogue audit. */
bool isValidatorKind(const QString &kind)
{
    static const QSet<QString> kinds{
        code(ExceptionKind::UnknownSku),          code(ExceptionKind::SkuBlocked),
        code(ExceptionKind::TotalsMismatch),      code(ExceptionKind::TaxVariance),
        code(ExceptionKind::TaxRoundingMethod),   code(ExceptionKind::UnmappedTaxRate),
        code(ExceptionKind::UnmappedPaymentMethod), code(ExceptionKind::UnmappedPromotion),
        code(ExceptionKind::UnmappedStore),       code(ExceptionKind::CurrencyMismatch),
        code(ExceptionKind::ReturnWithoutOriginal), code(ExceptionKind::ReturnExceedsOriginal),
    };
    return kinds.contains(kind);
}

Store storeOf(const ScenarioStore &scenarioStore, const QString &account)
{
    Store store;
    store.id = scenarioStore.storeId;
    store.sitooAccount = account;
    store.sitooStoreId = scenarioStore.externalId;
    store.sitooWarehouseId = scenarioStore.warehouseId;
    store.name = scenarioStore.name;
    store.currency = scenarioStore.currency;
    store.countryCode = scenarioStore.countryCode.toUpper();
    store.taxRegime = scenarioStore.region == Region::UnitedKingdom ? TaxRegime::UnitedKingdom : TaxRegime::Sweden;
    store.timeZone = scenarioStore.timeZoneId;
    store.primaLocation = scenarioStore.primaLocationCode;
    return store;
}

/** What the engine would fill from the cache: every usual mapping of the scenario, and the sales seen so far. */
class ScenarioCache
{
public:
    explicit ScenarioCache(const Scenario &scenario)
    {
        for (const ScenarioStore &store : scenario.stores())
            m_stores.insert(store.warehouseId, storeOf(store, scenario.credentials().accountId));
        for (const CatalogueItem &item : scenario.catalogue()) {
            m_catalogue.insert(item.sku, CatalogueFacts{item.status == CatalogueStatus::Discontinued,
                                                        catalogueStatusCode(item.status)});
        }
        for (const ScenarioProductGroup &group : scenario.productGroups())
            m_taxCodes.insert(group.vatRate.toString(), QStringLiteral("VAT-") + group.vatRate.toString());
        for (Region region : {Region::UnitedKingdom, Region::Sweden}) {
            for (const QString &name : Scenario::usualPaymentMethodNames(region))
                m_tenders.insert(name, name.toUpper());
        }
        for (const ScenarioVoucher &voucher : scenario.vouchers())
            m_promotions.insert(voucher.code, QStringLiteral("PROMO-") + voucher.code);
        for (const char *reason : {"101", "102", "103", "104"})
            m_dispositions.insert(QString::fromLatin1(reason), QStringLiteral("RESTOCK"));
    }

    ValidationContext contextFor(const PosOrder &order) const
    {
        ValidationContext context;
        if (m_stores.contains(order.warehouseId))
            context.store = m_stores.value(order.warehouseId);
        const auto catalogue = m_catalogue; // implicitly shared
        context.catalogue = [catalogue](const QString &sku) -> std::optional<CatalogueFacts> {
            const auto it = catalogue.constFind(sku);
            return it == catalogue.cend() ? std::nullopt : std::optional<CatalogueFacts>(*it);
        };
        context.taxCodes = m_taxCodes;
        context.tenders = m_tenders;
        context.promotions = m_promotions;
        context.dispositions = m_dispositions;
        const auto sales = m_sales;
        context.originalSale = [sales](qint64 orderId) -> std::optional<OriginalSale> {
            const auto it = sales.constFind(orderId);
            return it == sales.cend() ? std::nullopt : std::optional<OriginalSale>(*it);
        };
        return context;
    }

    /** Remembers a sale; a refund that is ready to post counts against the sale it returns. */
    void record(const PosOrder &order, bool ready)
    {
        if (order.kind == PosOrderKind::Sale) {
            OriginalSale sale;
            sale.orderId = order.orderId;
            for (const PosOrderLine &line : order.lines)
                sale.lines.insert(line.lineIndex, OriginalSaleLine{line.sku, line.quantity, 0});
            m_sales.insert(order.orderId, sale);
            return;
        }
        if (!ready || !order.originalOrderId || !m_sales.contains(*order.originalOrderId))
            return;
        OriginalSale &sale = m_sales[*order.originalOrderId];
        for (const PosOrderLine &line : order.lines) {
            if (line.originalLineIndex && sale.lines.contains(*line.originalLineIndex))
                sale.lines[*line.originalLineIndex].quantityReturned += -line.quantity;
        }
    }

private:
    QHash<qint64, Store> m_stores;
    QHash<QString, CatalogueFacts> m_catalogue;
    QHash<QString, QString> m_taxCodes;
    QHash<QString, QString> m_tenders;
    QHash<QString, QString> m_promotions;
    QHash<QString, QString> m_dispositions;
    QHash<qint64, OriginalSale> m_sales;
};

struct DefectTally
{
    int injected = 0;
    int asExpected = 0;
};

} // namespace

class tst_OrderValidatorScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validatorAgreesWithGenerator_data();
    void validatorAgreesWithGenerator();
};

void tst_OrderValidatorScenario::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

void tst_OrderValidatorScenario::validatorAgreesWithGenerator_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("sitooStrict");
    // Default rules accept both half-up roundings of a VAT-inclusive row (VatRules). The scenario's
    // VatTieHalfEven defect rounds a net tie half-even, which gives exactly the VAT-first half-up row: under the
    // default rules it is a legitimate rounding and is not flagged. With the store's till known to round net-first
    // only (Sitoo §5.2), the same row is the tie rounded the other way: TAX_ROUNDING_METHOD, as the scenario says.
    QTest::newRow("seed 7, default rules") << quint32(7) << false;
    QTest::newRow("seed 7, Sitoo net-first only") << quint32(7) << true;
    QTest::newRow("seed 2024, default rules") << quint32(2024) << false;
    QTest::newRow("seed 2024, Sitoo net-first only") << quint32(2024) << true;
}

void tst_OrderValidatorScenario::validatorAgreesWithGenerator()
{
    QFETCH(quint32, seed);
    QFETCH(bool, sitooStrict);

    // Given a scenario with defects and a cache that knows all its usual mappings
    const Scenario scenario = ScenarioGenerator(options(seed)).generate();
    ScenarioCache cache(scenario);
    QMultiHash<qint64, ScenarioDefect> defectsByOrder;
    for (const ScenarioDefect &defect : scenario.defects())
        defectsByOrder.insert(defect.orderId, defect);

    QMap<QString, DefectTally> tally; // by defect type code
    int clean = 0;
    int cleanWithInfo = 0;
    int malformed = 0;
    QStringList problems;

    // When every order is rendered, parsed and validated in orderid order (as the engine pulls them)
    for (const ScenarioOrder &scenarioOrder : scenario.orders()) {
        const QByteArray raw = QJsonDocument(scenario.orderJson(scenarioOrder, false)).toJson(QJsonDocument::Compact);
        const SitooOrderParse parse = SitooOrderParser::parse(raw, scenario.credentials().accountId);
        const QList<ScenarioDefect> defects = defectsByOrder.values(scenarioOrder.orderId);
        if (!parse.isOk()) {
            // The parser's business (MALFORMED_ORDER); the order never reaches the validator.
            ++malformed;
            const bool expected = std::any_of(defects.cbegin(), defects.cend(), [](const ScenarioDefect &d) {
                return d.type == DefectType::MalformedField;
            });
            if (!expected)
                problems.append(QStringLiteral("order %1 does not parse: %2")
                                    .arg(scenarioOrder.orderId)
                                    .arg(parse.problems.join(u' ')));
            for (const ScenarioDefect &defect : defects) {
                ++tally[defectTypeCode(defect.type)].injected;
                tally[defectTypeCode(defect.type)].asExpected += defect.type == DefectType::MalformedField ? 1 : 0;
            }
            continue;
        }
        const PosOrder &order = *parse.order;
        ValidationContext context = cache.contextFor(order);
        if (sitooStrict) {
            context.vatRules = [](TaxRegime regime, QDate day) {
                VatRules rules = VatRules::forRegime(regime, day);
                rules.acceptedMethods = VatLineMethod::RowNetFirst | VatLineMethod::UnitNetFirst;
                return rules;
            };
        }
        const QList<ValidationFinding> findings = OrderValidator::validate(order, context);
        cache.record(order, !isBlocking(findings));

        QSet<QString> found;
        for (const ValidationFinding &finding : findings)
            found.insert(code(finding.kind));
        QSet<QString> expected;
        for (const ScenarioDefect &defect : defects) {
            if (!isValidatorKind(defect.kind))
                continue; // DUPLICATE_ORDER (the cache), a late offline sale (valid), ...
            if (defect.type == DefectType::VatTieHalfEven && !sitooStrict)
                continue; // indistinguishable from VAT-first half-up under the default rules (see above)
            expected.insert(defect.kind);
        }

        const auto describe = [&]() {
            QStringList text{QStringLiteral("order %1 (%2):").arg(scenarioOrder.orderId)
                                 .arg(order.kind == PosOrderKind::Refund ? QStringLiteral("refund")
                                                                         : QStringLiteral("sale"))};
            for (const ScenarioDefect &defect : defects)
                text.append(QStringLiteral("  defect %1 → %2: %3").arg(defectTypeCode(defect.type), defect.kind,
                                                                        defect.description));
            for (const ValidationFinding &finding : findings)
                text.append(QStringLiteral("  found %1: %2").arg(code(finding.kind), finding.explanation));
            return text.join(u'\n');
        };

        if (defects.isEmpty()) {
            // Then an order without a defect has nothing blocking, and in fact nothing at all
            ++clean;
            cleanWithInfo += findings.isEmpty() ? 0 : 1;
            if (isBlocking(findings) || !findings.isEmpty())
                problems.append(describe());
            continue;
        }
        // And a defective order has exactly the kinds its defects call for (no more, no fewer)
        if (found != expected)
            problems.append(describe());
        for (const ScenarioDefect &defect : defects) {
            DefectTally &t = tally[defectTypeCode(defect.type)];
            ++t.injected;
            bool agreed = found.contains(defect.kind);
            if (defect.kind.isEmpty() || !isValidatorKind(defect.kind))
                agreed = !isBlocking(findings); // the validator must not stop a valid order (late sale, duplicate)
            else if (defect.type == DefectType::VatTieHalfEven && !sitooStrict)
                agreed = findings.isEmpty(); // accepted as the VAT-first half-up rounding it equals
            t.asExpected += agreed ? 1 : 0;
        }
    }

    qInfo("scenario seed %u (%s): %lld orders, %d without a defect (%d with any finding), %d malformed (parser)",
          seed, sitooStrict ? "Sitoo net-first only" : "default rules", qint64(scenario.orders().size()), clean,
          cleanWithInfo, malformed);
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        qInfo("  %-26s injected %4d  with the expected outcome %4d", qPrintable(it.key()), it->injected,
              it->asExpected);

    if (problems.size() > 10)
        problems = problems.mid(0, 10) << QStringLiteral("...");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(clean > 100);
    // Every kind of order defect occurred, so the agreement is not vacuous.
    for (DefectType type : {DefectType::UnknownSku, DefectType::PosCreatedSkuSale, DefectType::UnmappedPaymentMethod,
                            DefectType::VatTieHalfEven, DefectType::TotalsOffByOne, DefectType::LateOfflineSale,
                            DefectType::DuplicateReceipt, DefectType::RefundExceedsSale, DefectType::MalformedField}) {
        const DefectTally t = tally.value(defectTypeCode(type));
        QVERIFY2(t.injected > 0, qPrintable(defectTypeCode(type)));
        QCOMPARE(t.asExpected, t.injected);
    }
}

QTEST_GUILESS_MAIN(tst_OrderValidatorScenario)
#include "tst_ordervalidatorscenario.moc"
