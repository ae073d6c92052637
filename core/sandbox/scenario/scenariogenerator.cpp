// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/scenario/scenariogenerator.h"

#include "core/sandbox/sandboxlogging.h"
#include "core/sandbox/scenario/ean13.h"
#include "core/sandbox/scenario/vatsplit.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <vector>

namespace Tillbridge::Sandbox {

using namespace Qt::StringLiterals;
using Core::Currency;
using Core::Money;
using Core::RoundingMode;
using Core::VatRate;

namespace {

// Every rounding of the scenario is named here once: UK and Swedish VAT both round half away from zero
// (reliability.md §3.2-3.4), which also makes a refund row the exact mirror of its sale row.
constexpr RoundingMode kTaxRounding = RoundingMode::HalfAwayFromZero;

constexpr qint64 kSecondsPerDay = 86400;

// ---- Money helpers. Scenario amounts are shop-sized, so overflow would be a programming error. ----

Money plus(const Money &a, const Money &b)
{
    auto r = a.added(b);
    Q_ASSERT(r.ok());
    return r.valueOr(a);
}

Money minus(const Money &a, const Money &b)
{
    auto r = a.subtracted(b);
    Q_ASSERT(r.ok());
    return r.valueOr(a);
}

Money times(const Money &a, qint64 factor)
{
    auto r = a.multiplied(factor);
    Q_ASSERT(r.ok());
    return r.valueOr(a);
}

Money fraction(const Money &a, qint64 numerator, qint64 denominator, RoundingMode mode)
{
    auto r = a.multipliedByFraction(numerator, denominator, mode);
    Q_ASSERT(r.ok());
    return r.valueOr(a);
}

/** Öresavrundning: the amount payable rounded to whole kronor; VAT and the taxable base are left alone. */
Money roundToWholeUnits(const Money &amount)
{
    const qint64 unit = Core::Rounding::powerOfTen(amount.currency().exponent());
    return times(fraction(amount, 1, unit, kTaxRounding), unit);
}

// ---- Random helpers. ----

QRandomGenerator stream(quint32 seed, quint32 streamId)
{
    // Independent streams per phase, so that (for example) enabling defects does not reshuffle the catalogue.
    const std::array<quint32, 2> seeds{seed, streamId};
    return QRandomGenerator(seeds.data(), qsizetype(seeds.size()));
}

int bounded(QRandomGenerator &rng, int highExclusive)
{
    return highExclusive <= 1 ? 0 : int(rng.bounded(quint32(highExclusive)));
}

int between(QRandomGenerator &rng, int low, int highInclusive)
{
    return low + bounded(rng, highInclusive - low + 1);
}

bool chance(QRandomGenerator &rng, int perMille)
{
    return bounded(rng, 1000) < perMille;
}

/** Index chosen with the given integer weights. */
template<size_t N>
int weighted(QRandomGenerator &rng, const std::array<int, N> &weights)
{
    int total = 0;
    for (int w : weights)
        total += w;
    int pick = bounded(rng, total);
    for (size_t i = 0; i < N; ++i) {
        if (pick < weights[i])
            return int(i);
        pick -= weights[i];
    }
    return int(N) - 1;
}

QString hexDigits(QRandomGenerator &rng, int count)
{
    static constexpr char16_t kHex[] = u"0123456789ABCDEF";
    QString text(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        text[i] = QChar(kHex[bounded(rng, 16)]);
    return text;
}

QString decimalDigits(QRandomGenerator &rng, int count)
{
    QString text(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        text[i] = QChar(u'0' + bounded(rng, 10));
    return text;
}

/** A Sitoo-style guid: braces, upper case, "{8-4-4-4-12}". */
QString guid(QRandomGenerator &rng)
{
    return u"{"_s + hexDigits(rng, 8) + u'-' + hexDigits(rng, 4) + u'-' + hexDigits(rng, 4) + u'-'
        + hexDigits(rng, 4) + u'-' + hexDigits(rng, 12) + u'}';
}

// ---- Static demo data. ----

struct StyleTemplate
{
    const char16_t *prefix;
    const char16_t *name;
    const char16_t *group; // Prima product group
    int vatUk;             // percent
    int vatSe;
    std::vector<const char16_t *> sizes; // empty: no size dimension
    bool hasColours;
    std::vector<qint64> pricesGbp; // gross, minor units; the first is used for the first style of a template
    std::vector<qint64> pricesSek;
    int categoryId;
};

const std::vector<StyleTemplate> &styleTemplates()
{
    // GBP 9.99, 15.99, 39.99 and 69.99 at 20 % put the net exactly on a half penny (x.xx5): the tie cases of
    // reliability.md §6.1 item 3 occur in ordinary trading, rounded the correct way.
    static const std::vector<StyleTemplate> templates{
        {u"TS", u"T-shirt", u"Apparel", 20, 25, {u"S", u"M", u"L", u"XL"}, true, {999, 1200, 1499}, {19900, 14900, 24900}, 11},
        {u"HD", u"Hoodie", u"Apparel", 20, 25, {u"S", u"M", u"L", u"XL"}, true, {3999, 4500, 4999}, {49900, 59900}, 12},
        {u"JN", u"Jeans Slim", u"Apparel", 20, 25, {u"28", u"30", u"32", u"34"}, true, {6999, 5999, 4999}, {69900, 79900}, 13},
        {u"SK", u"Socks 3-pack", u"Apparel", 20, 25, {u"36-40", u"41-45"}, true, {999, 1200}, {9900, 12900}, 14},
        {u"KT", u"Kids T-shirt", u"Kidswear", 0, 25, {u"98", u"110", u"122"}, true, {799, 900}, {12900, 14900}, 15},
        {u"JK", u"Rain Jacket", u"Apparel", 20, 25, {u"S", u"M", u"L"}, true, {8999, 11900}, {129900, 149900}, 16},
        {u"BK", u"Book Nordic Style", u"Books", 0, 6, {}, false, {1499, 1999}, {22900, 27900}, 17},
        {u"CF", u"Coffee Beans 500g", u"Food", 0, 12, {}, false, {1199, 850}, {11900, 8900}, 18},
        {u"CH", u"Chocolate Bar", u"Confectionery", 20, 12, {}, false, {249, 199}, {2500, 3500}, 19},
        {u"BG", u"Tote Bag", u"Accessories", 20, 25, {}, true, {1599, 1200}, {14900, 19900}, 20},
        {u"CS", u"Child Car Seat", u"Car Seats", 5, 25, {}, true, {12900, 14999}, {199000, 249000}, 21},
        {u"SW", u"Knit Sweater", u"Apparel", 20, 25, {u"S", u"M", u"L"}, true, {3999, 5400}, {59900, 69900}, 22},
    };
    return templates;
}

struct Colour
{
    const char16_t *code;
    const char16_t *name;
};

constexpr std::array<Colour, 7> kColours{{{u"BLK", u"Black"},
                                          {u"WHT", u"White"},
                                          {u"NVY", u"Navy"},
                                          {u"GRY", u"Grey"},
                                          {u"RED", u"Red"},
                                          {u"GRN", u"Green"},
                                          {u"BEI", u"Beige"}}};

constexpr std::array<const char16_t *, 4> kSeries{u"Classic", u"Organic", u"Relaxed", u"Essential"};

struct City
{
    const char16_t *name;
    const char16_t *zip;
    const char16_t *street;
};

constexpr std::array<City, 8> kUkCities{{{u"London", u"W1F 8SN", u"12 Carnaby Street"},
                                         {u"Manchester", u"M1 1AD", u"45 Market Street"},
                                         {u"Leeds", u"LS1 6HW", u"3 Briggate"},
                                         {u"Bristol", u"BS1 3XE", u"20 Broadmead"},
                                         {u"Glasgow", u"G1 3SQ", u"150 Buchanan Street"},
                                         {u"Birmingham", u"B2 4QA", u"8 New Street"},
                                         {u"Edinburgh", u"EH2 2ER", u"90 Princes Street"},
                                         {u"Liverpool", u"L1 8JQ", u"30 Bold Street"}}};

constexpr std::array<City, 8> kSeCities{{{u"Stockholm", u"111 57", u"Drottninggatan 45"},
                                         {u"Göteborg", u"411 14", u"Kungsgatan 20"},
                                         {u"Malmö", u"211 22", u"Södergatan 8"},
                                         {u"Uppsala", u"753 20", u"Kungsängsgatan 10"},
                                         {u"Västerås", u"722 15", u"Stora Gatan 30"},
                                         {u"Örebro", u"702 11", u"Drottninggatan 5"},
                                         {u"Linköping", u"582 24", u"Storgatan 40"},
                                         {u"Lund", u"222 21", u"Klostergatan 3"}}};

constexpr std::array<const char16_t *, 8> kUkFirstNames{u"Oliver", u"Amelia", u"Harry", u"Isla",
                                                        u"Jack",   u"Ava",    u"George", u"Mia"};
constexpr std::array<const char16_t *, 6> kUkLastNames{u"Smith", u"Jones", u"Taylor", u"Brown", u"Wilson", u"Evans"};
constexpr std::array<const char16_t *, 8> kSeFirstNames{u"Erik", u"Anna", u"Lars", u"Maja",
                                                        u"Karl", u"Elsa", u"Johan", u"Ebba"};
constexpr std::array<const char16_t *, 6> kSeLastNames{u"Andersson", u"Johansson", u"Karlsson",
                                                       u"Nilsson",   u"Eriksson",  u"Larsson"};

struct ReasonCode
{
    const char16_t *code;
    const char16_t *comment;
};

constexpr std::array<ReasonCode, 4> kRefundReasons{{{u"101", u"Wrong size"},
                                                    {u"102", u"Defective"},
                                                    {u"103", u"Changed mind"},
                                                    {u"104", u"Wrong colour"}}};

constexpr std::array<const char16_t *, 3> kCardIssuers{u"Visa", u"Mastercard", u"Maestro"};

/** Relative trade per weekday (Monday first), per mille. */
constexpr std::array<int, 7> kWeekdayFactor{800, 850, 900, 1000, 1200, 1400, 700};

/** Trading hours in local seconds since midnight. */
std::pair<int, int> openingHours(Region region, int dayOfWeek)
{
    constexpr int h = 3600;
    if (region == Region::UnitedKingdom)
        return dayOfWeek == 7 ? std::pair{11 * h, 17 * h} : std::pair{9 * h, 20 * h};
    if (dayOfWeek == 7)
        return {11 * h, 16 * h};
    if (dayOfWeek == 6)
        return {10 * h, 17 * h};
    return {10 * h, 19 * h};
}

enum class Tender { Card, Cash, GiftCard, Swish, Klarna, Unmapped };

struct TenderPlan
{
    std::vector<Tender> tenders; // the last one pays the remainder
};

QString tenderName(Tender tender, Region region)
{
    switch (tender) {
    case Tender::Card:
        return u"Card"_s;
    case Tender::Cash:
        return u"Cash"_s;
    case Tender::GiftCard:
        return u"Gift Card"_s;
    case Tender::Swish:
        return u"Swish"_s;
    case Tender::Klarna:
        return u"Klarna"_s;
    case Tender::Unmapped:
        // Configured in the POS as a custom method, but not one Tillbridge has a Prima tender for.
        return region == Region::Sweden ? u"Rikskortet"_s : u"Lunch Voucher"_s;
    }
    return QString();
}

int tenderMethodId(Tender tender)
{
    switch (tender) {
    case Tender::Card:
        return 210; // Card (Verifone LPP)
    case Tender::Cash:
        return 100;
    case Tender::GiftCard:
        return 500;
    case Tender::Swish:
        return 710;
    case Tender::Klarna:
        return 705;
    case Tender::Unmapped:
        return 1000; // Custom Method 1
    }
    return 0;
}

std::optional<Tender> tenderFromName(const QString &name, Region region)
{
    for (Tender t : {Tender::Card, Tender::Cash, Tender::GiftCard, Tender::Swish, Tender::Klarna, Tender::Unmapped}) {
        if (tenderName(t, region) == name)
            return t;
    }
    return std::nullopt;
}

// ---- The builder: all mutable state of one generation run. ----

struct Slot
{
    qint64 utc = 0;
    int storeIndex = 0;
    int registerIndex = 0;
    int day = 0;
};

struct StoreDay
{
    qint64 openUtc = 0;
    qint64 closeUtc = 0;
    int openLocal = 0;
    int closeLocal = 0;
};

struct ZKey
{
    int storeIndex;
    int registerIndex;
    int day;
    bool operator<(const ZKey &o) const
    {
        return std::tie(storeIndex, registerIndex, day) < std::tie(o.storeIndex, o.registerIndex, o.day);
    }
};

struct Amounts
{
    Money gross;
    Money net;
    Money vat;
    qint64 count = 0;

    void add(const Money &g, const Money &n, qint64 c = 0)
    {
        gross = gross.isValid() ? plus(gross, g) : g;
        net = net.isValid() ? plus(net, n) : n;
        vat = minus(gross, net);
        count += c;
    }
};

struct ZBucket
{
    int numSales = 0;
    int numRefunds = 0;
    qint64 salesItems = 0;
    qint64 refundItems = 0;
    Amounts sales;
    Amounts refunds;
    Money roundOff;
    Money cash;
    Money discounts;
    int openDrawer = 0;
    std::map<qint64, Amounts> vatSales;
    std::map<qint64, Amounts> vatRefunds;
    std::map<std::pair<QString, qint64>, Amounts> groupSales;
    std::map<std::pair<QString, qint64>, Amounts> groupRefunds;
    std::map<QString, Money> paySales;
    std::map<QString, Money> payRefunds;
    std::map<QString, Amounts> discountSales;
    std::map<QString, Amounts> discountRefunds;
};

/** The scenario under construction; ScenarioGenerator moves it into a Scenario (whose members are private). */
struct Draft
{
    ScenarioOptions m_options;
    ApiCredentials m_credentials;
    QList<ScenarioSite> m_sites;
    QList<ScenarioStore> m_stores;
    QList<ScenarioProductGroup> m_productGroups;
    QList<ScenarioVoucher> m_vouchers;
    QList<ScenarioPaymentType> m_paymentTypes;
    QList<CatalogueItem> m_catalogue;
    QList<SitooProductRecord> m_products;
    QList<ScenarioOrder> m_orders;
    QList<ScenarioWarehouseItem> m_warehouseItems;
    QList<QJsonObject> m_zReports;
    QList<ScenarioDefect> m_defects;

    qsizetype indexOfOrder(qint64 orderId) const
    {
        const auto it = std::lower_bound(m_orders.cbegin(), m_orders.cend(), orderId,
                                         [](const ScenarioOrder &order, qint64 id) { return order.orderId < id; });
        return (it == m_orders.cend() || it->orderId != orderId) ? -1 : it - m_orders.cbegin();
    }
};

class Builder
{
public:
    explicit Builder(const ScenarioOptions &options)
        : m_options(options)
        , m_gbp(Currency::of(u"GBP"))
        , m_sek(Currency::of(u"SEK"))
    {
        m_scenario.m_options = options;
    }

    Draft run()
    {
        QElapsedTimer timer;
        timer.start();
        QRandomGenerator setup = stream(m_options.seed, 1);
        makeCredentials(setup);
        makeSites(setup);
        makeProductGroups();
        makeStores(setup);
        makeCatalogue(setup);
        makeProducts(setup);
        makeVouchersAndPaymentTypes();
        if (m_options.defectRate > 0) {
            QRandomGenerator posCreated = stream(m_options.seed, 2);
            makePosCreatedProducts(posCreated);
        }
        indexSellableProducts();
        QRandomGenerator orders = stream(m_options.seed, 3);
        makeOrders(orders);
        makeZReports();
        QRandomGenerator stock = stream(m_options.seed, 4);
        makeWarehouseItems(stock);
        qCDebug(lcSandboxScenario) << "generated" << m_scenario.m_orders.size() << "orders,"
                                   << m_scenario.m_defects.size() << "defects in" << timer.elapsed() << "ms";
        return m_scenario;
    }

private:
    // ---- Setup ----

    void makeCredentials(QRandomGenerator &rng)
    {
        // Account ids starting with 9 are Sitoo sandbox accounts (sitoo-api.md §1.1, T2).
        const QString account = QString::number(90001 + m_options.seed % 9000);
        static constexpr char16_t kAlphabet[] = u"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        constexpr int alphabetSize = int(std::size(kAlphabet)) - 1;
        QString password(24, Qt::Uninitialized);
        for (int i = 0; i < password.size(); ++i)
            password[i] = QChar(kAlphabet[bounded(rng, alphabetSize)]);
        m_scenario.m_credentials = ApiCredentials{account, account + u"-1"_s, password};
    }

    void makeSites(QRandomGenerator &rng)
    {
        m_scenario.m_sites = {
            ScenarioSite{1, Region::UnitedKingdom, m_gbp, u"Europe/London"_s, u"gb"_s, u"Tillbridge UK"_s, guid(rng)},
            ScenarioSite{2, Region::Sweden, m_sek, u"Europe/Stockholm"_s, u"se"_s, u"Tillbridge Sverige"_s, guid(rng)},
        };
        for (const ScenarioSite &site : m_scenario.m_sites) {
            QTimeZone zone(site.timeZoneId.toLatin1());
            if (!zone.isValid()) {
                // Without a tz database, fall back to standard time; trading hours then shift by an hour in
                // summer, which is still deterministic.
                qCWarning(lcSandboxScenario) << "time zone" << site.timeZoneId << "unknown; using a fixed offset";
                zone = QTimeZone(site.region == Region::Sweden ? 3600 : 0);
            }
            m_zones.push_back(zone);
        }
    }

    int vatIdFor(int eshopId, int percent) const
    {
        for (const ScenarioProductGroup &group : m_scenario.m_productGroups) {
            if (group.eshopId == eshopId && group.vatRate == VatRate::fromPercent(percent))
                return group.vatId;
        }
        Q_ASSERT(false);
        return 2;
    }

    const ScenarioProductGroup &groupFor(int eshopId, int vatId) const
    {
        for (const ScenarioProductGroup &group : m_scenario.m_productGroups) {
            if (group.eshopId == eshopId && group.vatId == vatId)
                return group;
        }
        Q_ASSERT(false);
        return m_scenario.m_productGroups.first();
    }

    void makeProductGroups()
    {
        // vatid 2 is Sitoo's default product group (§3.5, S9): the standard rate on both sites.
        m_scenario.m_productGroups = {
            {1, 2, VatRate::fromPercent(20), 10, u"Standard 20%"_s},
            {1, 3, VatRate::fromPercent(5), 10, u"Reduced 5%"_s},
            {1, 4, VatRate::fromPercent(0), 10, u"Zero-rated 0%"_s},
            {2, 2, VatRate::fromPercent(25), 10, u"Moms 25%"_s},
            {2, 5, VatRate::fromPercent(12), 10, u"Moms 12%"_s},
            {2, 6, VatRate::fromPercent(6), 10, u"Moms 6%"_s},
        };
    }

    void makeStores(QRandomGenerator &rng)
    {
        int ukCount = 0;
        int seCount = 0;
        for (int i = 0; i < m_options.storeCount; ++i) {
            const bool uk = i % 2 == 0;
            const int regional = uk ? ++ukCount : ++seCount;
            const City &city = uk ? kUkCities[(regional - 1) % kUkCities.size()]
                                  : kSeCities[(regional - 1) % kSeCities.size()];
            const QString cityName = QString::fromUtf16(city.name);
            const int round = (regional - 1) / int(kUkCities.size());

            ScenarioStore store;
            store.storeId = i + 1;
            store.eshopId = uk ? 1 : 2;
            store.region = uk ? Region::UnitedKingdom : Region::Sweden;
            store.currency = uk ? m_gbp : m_sek;
            store.timeZoneId = m_scenario.m_sites.at(uk ? 0 : 1).timeZoneId;
            store.storeType = (i % 5 == 4) ? 20 : 10;
            store.name = u"Tillbridge "_s + cityName + (round > 0 ? u" "_s + QString::number(round + 1) : QString())
                + (store.storeType == 20 ? u" Outlet"_s : QString());
            store.externalId = (uk ? u"UK"_s : u"SE"_s) + u"%1"_s.arg(regional, 3, 10, QLatin1Char('0'));
            store.externalGroupId = uk ? u"UK"_s : u"NORDIC"_s;
            store.primaLocationCode = u"PR-"_s + store.externalId;
            store.address = QString::fromUtf16(city.street);
            store.zip = QString::fromUtf16(city.zip);
            store.city = cityName;
            store.countryCode = uk ? u"gb"_s : u"se"_s;
            store.phone = uk ? QString(u"+44 20 7946 "_s + decimalDigits(rng, 4))
                             : QString(u"+46 8 555 "_s + decimalDigits(rng, 3) + u" "_s + decimalDigits(rng, 2));
            store.email = u"store%1@tillbridge.example"_s.arg(store.storeId);
            // Warehouse ids equal store ids. Every third store (the second, fifth, ...) has a Virtual warehouse, so
            // two stores already give one of each type; the rest are FIFO, Sitoo's usual type.
            store.warehouseId = store.storeId;
            store.warehouseType = (i % 3 == 1) ? WarehouseType::Virtual : WarehouseType::Fifo;
            store.warehouseName = store.name + (uk ? u" Stock"_s : u" Lager"_s);
            store.warehouseExternalId = u"WH-"_s + store.externalId;

            const QString prefix = uk ? u"SIU"_s : u"SIE"_s;
            const int registerCount = between(rng, 1, 3);
            for (int r = 1; r <= registerCount; ++r) {
                ScenarioRegister posRegister;
                posRegister.registerId = guid(rng);
                // kassabeteckning: 3 letters + 13 digits (account, store, register), like "SIE0000150100023".
                posRegister.registerKey = prefix + m_scenario.m_credentials.accountId
                    + u"%1%2"_s.arg(store.storeId, 4, 10, QLatin1Char('0')).arg(r, 4, 10, QLatin1Char('0'));
                posRegister.manufacturerId = u"TB"_s + decimalDigits(rng, 14);
                posRegister.registerNumber = r;
                store.registers.append(posRegister);
            }
            const int staffCount = between(rng, 2, 4);
            for (int s = 0; s < staffCount; ++s) {
                const QString first = QString::fromUtf16(uk ? kUkFirstNames[bounded(rng, kUkFirstNames.size())]
                                                            : kSeFirstNames[bounded(rng, kSeFirstNames.size())]);
                const QString last = QString::fromUtf16(uk ? kUkLastNames[bounded(rng, kUkLastNames.size())]
                                                           : kSeLastNames[bounded(rng, kSeLastNames.size())]);
                store.staff.append(ScenarioStaff{guid(rng), QString(first.at(0)) + last.at(0), first + u' ' + last});
            }
            m_scenario.m_stores.append(store);
            m_nextReceipt.emplace_back(store.registers.size(), 10000);
            m_refundableSales.emplace_back();
        }
    }

    void makeCatalogue(QRandomGenerator &rng)
    {
        const auto &templates = styleTemplates();
        int barcodeSerial = 0;
        for (int i = 0; i < m_options.styleCount; ++i) {
            const StyleTemplate &t = templates[size_t(i) % templates.size()];
            const int round = i / int(templates.size());
            const QString style = QString::fromUtf16(t.prefix) + QString::number(100 * (round + 1));
            const QString baseTitle =
                QString::fromUtf16(t.name) + (round > 0 ? u" "_s + QString::fromUtf16(kSeries[round % kSeries.size()])
                                                        : QString());
            const qint64 gbp = round == 0 ? t.pricesGbp.front() : t.pricesGbp[size_t(bounded(rng, int(t.pricesGbp.size())))];
            const qint64 sek = round == 0 ? t.pricesSek.front() : t.pricesSek[size_t(bounded(rng, int(t.pricesSek.size())))];

            // Two or three colours per style, in palette order so the SKU list reads naturally.
            std::vector<int> colours;
            if (t.hasColours) {
                const int count = between(rng, 2, 3);
                const int start = bounded(rng, int(kColours.size()));
                for (int c = 0; c < count; ++c)
                    colours.push_back((start + c * 2) % int(kColours.size()));
                std::sort(colours.begin(), colours.end());
            } else {
                colours.push_back(-1);
            }
            std::vector<const char16_t *> sizes = t.sizes;
            if (sizes.empty())
                sizes.push_back(nullptr);

            for (int colour : colours) {
                for (const char16_t *size : sizes) {
                    CatalogueItem item;
                    item.style = style;
                    item.sku = style;
                    item.title = baseTitle;
                    if (colour >= 0) {
                        item.colour = QString::fromUtf16(kColours[size_t(colour)].code);
                        item.sku += u'-' + item.colour;
                        item.title += u' ' + QString::fromUtf16(kColours[size_t(colour)].name);
                    }
                    if (size) {
                        item.size = QString::fromUtf16(size);
                        item.sku += u'-' + item.size;
                        item.title += u' ' + item.size;
                    }
                    // GS1 Sweden prefix 735 and a running item number, then the check digit.
                    item.barcode = Ean13::withCheckDigit(
                        QString(u"735"_s + u"%1"_s.arg(100000000 + barcodeSerial++, 9, 10, QLatin1Char('0'))));
                    item.productGroup = QString::fromUtf16(t.group);
                    item.gbp = CataloguePrice{Money(gbp, m_gbp), VatRate::fromPercent(t.vatUk)};
                    item.sek = CataloguePrice{Money(sek, m_sek), VatRate::fromPercent(t.vatSe)};
                    // A few discontinued SKUs, never in the first style so the basics stay sellable.
                    item.status = (i > 0 && chance(rng, 40)) ? CatalogueStatus::Discontinued : CatalogueStatus::Active;
                    m_scenario.m_catalogue.append(item);
                    m_templateOfItem.push_back(size_t(i) % templates.size());
                }
            }
        }
    }

    qint64 baseEpoch() const
    {
        return m_options.firstTradingDay.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    }

    SitooProductRecord productFor(const CatalogueItem &item, const ScenarioSite &site, int categoryId,
                                  QRandomGenerator &rng)
    {
        const CataloguePrice price = site.region == Region::UnitedKingdom ? item.gbp : item.sek;
        SitooProductRecord product;
        product.productId = m_nextProductId++;
        product.eshopId = site.eshopId;
        product.sku = item.sku;
        product.title = item.title;
        product.price = price.grossPrice;
        // Purchase price (always excl. VAT): about 40 % of the net shelf price.
        product.purchasePrice =
            fraction(VatSplit::netOfGross(price.grossPrice, price.vatRate, kTaxRounding), 40, 100, kTaxRounding);
        product.vatId = vatIdFor(site.eshopId, int(price.vatRate.units() / VatRate::kUnitsPerPercent));
        product.vatRate = price.vatRate;
        product.productGroupName = groupFor(site.eshopId, product.vatId).name;
        product.active = item.status == CatalogueStatus::Active;
        product.activePos = product.active;
        if (!item.colour.isEmpty() || !item.size.isEmpty()) {
            const auto parent = m_styleParent.find({site.eshopId, item.style});
            if (parent == m_styleParent.end()) {
                m_styleParent[{site.eshopId, item.style}] = product.productId; // the main variant refers to itself
                product.variantParentId = product.productId;
            } else {
                product.variantParentId = parent->second;
            }
            const auto colour = std::find_if(kColours.begin(), kColours.end(),
                                             [&](const Colour &c) { return QStringView(c.code) == item.colour; });
            if (colour != kColours.end())
                product.variant.append({u"Color"_s, QString::fromUtf16(colour->name)});
            if (!item.size.isEmpty())
                product.variant.append({u"Size"_s, item.size});
        }
        product.barcode = item.barcode;
        product.categoryId = categoryId;
        product.dateCreated = baseEpoch() - 120 * kSecondsPerDay + product.productId;
        product.dateModified = product.dateCreated + bounded(rng, 30) * kSecondsPerDay;
        return product;
    }

    void makeProducts(QRandomGenerator &rng)
    {
        const auto &templates = styleTemplates();
        for (const ScenarioSite &site : m_scenario.m_sites) {
            for (qsizetype i = 0; i < m_scenario.m_catalogue.size(); ++i) {
                const CatalogueItem &item = m_scenario.m_catalogue.at(i);
                m_scenario.m_products.append(
                    productFor(item, site, templates[m_templateOfItem[size_t(i)]].categoryId, rng));
            }
        }
    }

    void makeVouchersAndPaymentTypes()
    {
        m_scenario.m_vouchers = {
            {7, u"SPRING20"_s, u"Spring 20%"_s, 20},
            {8, u"SUMMER10"_s, u"Summer 10%"_s, 10},
            {9, u"STAFF30"_s, u"Staff 30%"_s, 30},
            {10, u"MEMBER15"_s, u"Member 15%"_s, 15},
        };
        int id = 1;
        for (const ScenarioSite &site : m_scenario.m_sites) {
            std::vector<Tender> tenders{Tender::Card, Tender::Cash, Tender::GiftCard};
            if (site.region == Region::Sweden) {
                tenders.push_back(Tender::Swish);
                tenders.push_back(Tender::Klarna);
            }
            tenders.push_back(Tender::Unmapped);
            int sortOrder = 1;
            for (Tender tender : tenders) {
                const QString name = tenderName(tender, site.region);
                m_scenario.m_paymentTypes.append(ScenarioPaymentType{
                    site.eshopId, id++, tenderMethodId(tender), name, sortOrder++,
                    tender == Tender::Unmapped ? QString() : name.toUpper().replace(u' ', u'-')});
            }
        }
    }

    void makePosCreatedProducts(QRandomGenerator &rng)
    {
        // A staff member created a pink T-shirt variant at the till: it exists in Sitoo and sells, but the Prima item
        // master never heard of it.
        const CatalogueItem &basis = m_scenario.m_catalogue.first();
        const auto &templates = styleTemplates();
        for (const ScenarioSite &site : m_scenario.m_sites) {
            CatalogueItem item = basis;
            item.colour = u"PNK"_s;
            item.size = u"M"_s;
            item.sku = basis.style + u"-PNK-M"_s;
            item.title = QString::fromUtf16(templates.front().name) + u" Pink M"_s;
            item.barcode = QString(); // created without a barcode
            item.status = CatalogueStatus::Active;
            SitooProductRecord product = productFor(item, site, templates.front().categoryId, rng);
            product.variantParentId = std::nullopt;
            product.variant = {{u"Color"_s, u"Pink"_s}, {u"Size"_s, u"M"_s}};
            product.createdInPos = true;
            m_posCreated[site.eshopId] = int(m_scenario.m_products.size());
            m_scenario.m_products.append(product);
            recordDefect(0, DefectType::PosCreatedProduct, product.sku,
                         u"Product %1 (%2) was created in the POS on site %3 and is not in the Prima item master"_s
                             .arg(product.sku, product.title)
                             .arg(site.eshopId));
        }
    }

    void indexSellableProducts()
    {
        for (qsizetype i = 0; i < m_scenario.m_products.size(); ++i) {
            const SitooProductRecord &product = m_scenario.m_products.at(i);
            if (!product.activePos || product.createdInPos)
                continue;
            m_sellable[product.eshopId].push_back(int(i));
            // Net ties where half-even and half-up disagree: candidates for the rounding-method defect.
            if (VatSplit::isNetTie(product.price, product.vatRate)
                && VatSplit::netOfGross(product.price, product.vatRate, RoundingMode::HalfEven)
                    != VatSplit::netOfGross(product.price, product.vatRate, kTaxRounding)) {
                m_tieProducts[product.eshopId].push_back(int(i));
            }
        }
    }

    // ---- Orders ----

    StoreDay storeDay(int storeIndex, int day) const
    {
        const ScenarioStore &store = m_scenario.m_stores.at(storeIndex);
        const QDate date = m_options.firstTradingDay.addDays(day);
        const auto [open, close] = openingHours(store.region, date.dayOfWeek());
        const QTimeZone &zone = m_zones[store.eshopId == 1 ? 0 : 1];
        // DST changes happen at night, so one offset covers the whole trading day.
        const qint64 openUtc = QDateTime(date, QTime(0, 0).addSecs(open), zone).toSecsSinceEpoch();
        return StoreDay{openUtc, openUtc + (close - open), open, close};
    }

    const StoreDay &cachedStoreDay(int storeIndex, int day)
    {
        const auto key = std::pair{storeIndex, day};
        auto it = m_storeDays.find(key);
        if (it == m_storeDays.end())
            it = m_storeDays.emplace(key, storeDay(storeIndex, day)).first;
        return it->second;
    }

    void makeOrders(QRandomGenerator &rng)
    {
        m_nextOrderId = m_options.firstOrderId;
        std::vector<Slot> slots;
        for (int day = 0; day < m_options.tradingDays; ++day) {
            slots.clear();
            const int weekday = m_options.firstTradingDay.addDays(day).dayOfWeek();
            for (int s = 0; s < m_scenario.m_stores.size(); ++s) {
                const StoreDay &hours = cachedStoreDay(s, day);
                const qint64 mean = qint64(m_options.ordersPerStoreDay) * kWeekdayFactor[size_t(weekday - 1)];
                const qint64 count = std::max<qint64>(1, (mean * between(rng, 750, 1250) + 500000) / 1000000);
                const int registers = int(m_scenario.m_stores.at(s).registers.size());
                for (qint64 k = 0; k < count; ++k) {
                    const qint64 at = hours.openUtc + bounded(rng, int(hours.closeUtc - hours.openUtc));
                    slots.push_back(Slot{at, s, bounded(rng, registers), day});
                }
            }
            // Sitoo numbers orders as they arrive, which for online tills is the order of the sales.
            std::sort(slots.begin(), slots.end(), [](const Slot &a, const Slot &b) {
                return std::tie(a.utc, a.storeIndex, a.registerIndex) < std::tie(b.utc, b.storeIndex, b.registerIndex);
            });
            for (const Slot &slot : slots)
                makeOrder(rng, slot);
        }
    }

    void makeOrder(QRandomGenerator &rng, const Slot &slot)
    {
        m_pendingDefects.clear();
        ScenarioOrder order;
        bool built = false;
        if (m_options.defectRate > 0 && rng.generateDouble() < m_options.defectRate) {
            static constexpr std::array<DefectType, 9> kOrderDefects{
                DefectType::UnknownSku,        DefectType::PosCreatedSkuSale, DefectType::UnmappedPaymentMethod,
                DefectType::VatTieHalfEven,    DefectType::TotalsOffByOne,    DefectType::LateOfflineSale,
                DefectType::DuplicateReceipt,  DefectType::RefundExceedsSale, DefectType::MalformedField};
            const int first = bounded(rng, int(kOrderDefects.size()));
            // A defect that does not fit here (a tie in a Swedish store, a duplicate before any sale) moves on to
            // the next kind, so a high rate still yields every kind.
            for (size_t k = 0; k < kOrderDefects.size() && !built; ++k) {
                order = ScenarioOrder();
                built = makeDefectOrder(rng, slot, kOrderDefects[(size_t(first) + k) % kOrderDefects.size()], order);
            }
        }
        if (!built) {
            order = ScenarioOrder();
            const bool refund = !m_refundableSales[size_t(slot.storeIndex)].empty()
                && rng.generateDouble() < m_options.refundRate;
            built = refund && makeRefund(rng, slot, order, false);
            if (!built) {
                order = ScenarioOrder();
                makeSale(rng, slot, order, SaleVariant::Normal);
                m_refundableSales[size_t(slot.storeIndex)].push_back(int(m_scenario.m_orders.size()));
            }
        }
        order.orderId = m_nextOrderId++;
        for (ScenarioDefect defect : std::as_const(m_pendingDefects)) {
            defect.orderId = order.orderId;
            defect.description.replace(u"{orderid}"_s, QString::number(order.orderId));
            m_scenario.m_defects.append(defect);
            order.hasDefect = true;
        }
        m_scenario.m_orders.append(order);
    }

    enum class SaleVariant { Normal, UnknownSku, PosCreatedSku, TieHalfEven };

    void stampOrder(ScenarioOrder &order, const Slot &slot, qint64 orderDate, int day, QRandomGenerator &rng)
    {
        const ScenarioStore &store = m_scenario.m_stores.at(slot.storeIndex);
        order.eshopId = store.eshopId;
        order.storeIndex = slot.storeIndex;
        order.registerIndex = slot.registerIndex;
        order.staffIndex = bounded(rng, int(store.staff.size()));
        order.warehouseId = store.warehouseId;
        order.currency = store.currency;
        order.orderDate = orderDate;
        order.tradingDay = day;
        int &receipt = m_nextReceipt[size_t(slot.storeIndex)][size_t(slot.registerIndex)];
        order.receiptNumber = receipt++;
        order.receiptId = store.registers.at(slot.registerIndex).registerKey + QString::number(order.receiptNumber);
    }

    ScenarioOrderLine saleLine(const SitooProductRecord &product, qint64 quantity, const ScenarioVoucher *voucher,
                               RoundingMode netRounding) const
    {
        ScenarioOrderLine line;
        line.productId = product.productId;
        line.sku = product.sku;
        line.productName = product.title;
        QStringList attributes;
        for (const auto &attribute : product.variant)
            attributes.append(attribute.first + u": "_s + attribute.second);
        line.productAttributes = attributes.join(u", "_s);
        line.productGroupName = product.productGroupName;
        line.vatRate = product.vatRate;
        line.unitGross = product.price;
        line.discountedUnitGross = product.price;
        if (voucher) {
            line.discountedUnitGross =
                minus(product.price, fraction(product.price, voucher->percentOff, 100, kTaxRounding));
            line.voucherId = voucher->voucherId;
            line.voucherCode = voucher->code;
            line.voucherName = voucher->name;
        }
        line.originalNetPerUnit = VatSplit::netOfGross(line.unitGross, line.vatRate, kTaxRounding);
        line.netPerUnit = VatSplit::netOfGross(line.discountedUnitGross, line.vatRate, netRounding);
        line.discountNetPerUnit = voucher ? minus(line.originalNetPerUnit, line.netPerUnit) : Money::zero(product.price.currency());
        // Sitoo's row invariant (row net = unit net × quantity) and per-row rounding (row net = round(row gross /
        // (1 + VAT))) can only both hold when rounding the row equals quantity × the rounded unit; otherwise the
        // basket takes one unit.
        if (quantity > 1 && !rowRoundsLikeUnit(line, quantity))
            quantity = 1;
        setRowAmounts(line, quantity);
        return line;
    }

    static bool rowRoundsLikeUnit(const ScenarioOrderLine &line, qint64 quantity)
    {
        return VatSplit::netOfGross(times(line.discountedUnitGross, quantity), line.vatRate, kTaxRounding)
            == times(line.netPerUnit, quantity);
    }

    /** Quantity and row totals; a negative quantity (refund) gives negative totals. */
    static void setRowAmounts(ScenarioOrderLine &line, qint64 quantity)
    {
        line.quantity = quantity;
        line.rowNet = times(line.netPerUnit, quantity);
        line.rowVat = minus(times(line.discountedUnitGross, quantity), line.rowNet);
    }

    const SitooProductRecord &randomProduct(QRandomGenerator &rng, int eshopId) const
    {
        const std::vector<int> &sellable = m_sellable.at(eshopId);
        return m_scenario.m_products.at(sellable[size_t(bounded(rng, int(sellable.size())))]);
    }

    void makeSale(QRandomGenerator &rng, const Slot &slot, ScenarioOrder &order, SaleVariant variant,
                  std::optional<Tender> forcedTender = std::nullopt)
    {
        stampOrder(order, slot, slot.utc, slot.day, rng);
        const ScenarioStore &store = m_scenario.m_stores.at(slot.storeIndex);
        const int lineCount = 1 + weighted(rng, std::array<int, 6>{40, 25, 15, 10, 6, 4});
        for (int i = 0; i < lineCount; ++i) {
            const SitooProductRecord &product = randomProduct(rng, store.eshopId);
            const qint64 quantity = 1 + weighted(rng, std::array<int, 3>{80, 15, 5});
            const ScenarioVoucher *voucher = chance(rng, 120)
                ? &m_scenario.m_vouchers.at(bounded(rng, int(m_scenario.m_vouchers.size())))
                : nullptr;
            order.lines.append(saleLine(product, quantity, voucher, kTaxRounding));
        }
        switch (variant) {
        case SaleVariant::Normal:
            break;
        case SaleVariant::UnknownSku: {
            // A SKU that exists in neither catalogue: a mistyped or long-deleted item keyed in at the till.
            SitooProductRecord phantom = randomProduct(rng, store.eshopId);
            phantom.productId = 900000 + bounded(rng, 90000);
            phantom.sku = u"ZZ"_s + decimalDigits(rng, 3) + u"-XXX-"_s + decimalDigits(rng, 1);
            phantom.title = u"Unknown item "_s + phantom.sku;
            phantom.variant.clear();
            order.lines[0] = saleLine(phantom, 1, nullptr, kTaxRounding);
            break;
        }
        case SaleVariant::PosCreatedSku:
            order.lines[0] = saleLine(m_scenario.m_products.at(m_posCreated.at(store.eshopId)), 1, nullptr,
                                      kTaxRounding);
            break;
        case SaleVariant::TieHalfEven: {
            const std::vector<int> &ties = m_tieProducts.at(store.eshopId);
            const SitooProductRecord &product = m_scenario.m_products.at(ties[size_t(bounded(rng, int(ties.size())))]);
            order.lines[0] = saleLine(product, 1, nullptr, RoundingMode::HalfEven);
            break;
        }
        }
        settle(rng, order, forcedTender ? TenderPlan{{*forcedTender}} : randomPlan(rng, store.region), nullptr);
    }

    TenderPlan randomPlan(QRandomGenerator &rng, Region region) const
    {
        if (region == Region::UnitedKingdom) {
            static const std::array<TenderPlan, 5> plans{
                TenderPlan{{Tender::Card}}, TenderPlan{{Tender::Cash}}, TenderPlan{{Tender::GiftCard, Tender::Card}},
                TenderPlan{{Tender::Card, Tender::Cash}}, TenderPlan{{Tender::GiftCard, Tender::Cash}}};
            return plans[size_t(weighted(rng, std::array<int, 5>{72, 14, 7, 5, 2}))];
        }
        static const std::array<TenderPlan, 7> plans{
            TenderPlan{{Tender::Card}},         TenderPlan{{Tender::Swish}},
            TenderPlan{{Tender::Cash}},         TenderPlan{{Tender::Klarna}},
            TenderPlan{{Tender::GiftCard, Tender::Card}}, TenderPlan{{Tender::Card, Tender::Cash}},
            TenderPlan{{Tender::GiftCard, Tender::Swish}}};
        return plans[size_t(weighted(rng, std::array<int, 7>{52, 20, 8, 8, 6, 4, 2}))];
    }

    ScenarioPayment payment(QRandomGenerator &rng, Tender tender, Region region, const Money &amount,
                            qint64 orderDate)
    {
        ScenarioPayment p;
        p.name = tenderName(tender, region);
        p.paymentMethodId = tenderMethodId(tender);
        p.amount = amount;
        switch (tender) {
        case Tender::Card:
            p.externalId = QString::number(100000 + (m_cardSerial++ % 900000));
            p.refType = u"verifonelpp"_s;
            p.refId = QDateTime::fromSecsSinceEpoch(orderDate, QTimeZone::utc()).toString(u"yyMMddHHmmss"_s)
                + u" 0000"_s + decimalDigits(rng, 8);
            p.cardIssuer = QString::fromUtf16(kCardIssuers[size_t(bounded(rng, int(kCardIssuers.size())))]);
            break;
        case Tender::GiftCard:
            p.additionalData.append({u"giftcard-cardnumber-display"_s, u"**** "_s + decimalDigits(rng, 4)});
            break;
        case Tender::Swish:
            p.externalId = hexDigits(rng, 32);
            p.additionalData.append({u"swish-paymentid"_s, p.externalId});
            break;
        case Tender::Klarna:
            p.externalId = guid(rng).mid(1, 36).toLower();
            p.additionalData.append({u"klarna-orderid"_s, p.externalId});
            break;
        case Tender::Cash:
        case Tender::Unmapped:
            break;
        }
        return p;
    }

    /**
     * Totals and payments. Sweden rounds the amount payable to whole kronor when cash changes hands; the difference
     * goes to moneytotal_gross_roundoff and never into VAT or the net.
     */
    void settle(QRandomGenerator &rng, ScenarioOrder &order, TenderPlan plan, const ScenarioOrder *original)
    {
        const Currency currency = order.currency;
        Money net = Money::zero(currency);
        Money vat = Money::zero(currency);
        for (const ScenarioOrderLine &line : std::as_const(order.lines)) {
            net = plus(net, line.rowNet);
            vat = plus(vat, line.rowVat);
        }
        const Money gross = plus(net, vat);
        const Region region = m_scenario.m_stores.at(order.storeIndex).region;
        const qint64 unit = Core::Rounding::powerOfTen(currency.exponent());

        // A gift card that covers everything is the only tender.
        Money giftCard;
        if (plan.tenders.size() == 2 && plan.tenders.front() == Tender::GiftCard) {
            static constexpr std::array<qint64, 4> kValues{10, 20, 25, 50};
            giftCard = Money(kValues[size_t(bounded(rng, int(kValues.size())))] * unit * (region == Region::Sweden ? 10 : 1),
                             currency);
            if (giftCard.compare(gross) >= 0 || gross.isNegative())
                plan = TenderPlan{{Tender::GiftCard}};
        }
        const bool cash = std::find(plan.tenders.begin(), plan.tenders.end(), Tender::Cash) != plan.tenders.end();
        const Money payable = (cash && region == Region::Sweden) ? roundToWholeUnits(gross) : gross;

        order.totalNet = net;
        order.totalVat = vat;
        order.totalGross = payable;
        order.roundOff = minus(payable, gross);

        if (plan.tenders.size() == 1) {
            order.payments.append(payment(rng, plan.tenders.front(), region, payable, order.orderDate));
        } else if (plan.tenders.front() == Tender::GiftCard) {
            order.payments.append(payment(rng, Tender::GiftCard, region, giftCard, order.orderDate));
            order.payments.append(payment(rng, plan.tenders.back(), region, minus(payable, giftCard), order.orderDate));
        } else {
            // Card first, the rest in cash: the card share is whole units, so Swedish cash stays whole kronor.
            const Money card = times(fraction(payable, between(rng, 30, 70), 100 * unit, RoundingMode::Floor), unit);
            if (card.isZero() || card.compare(payable) >= 0) {
                order.payments.append(payment(rng, Tender::Cash, region, payable, order.orderDate));
            } else {
                order.payments.append(payment(rng, Tender::Card, region, card, order.orderDate));
                order.payments.append(payment(rng, Tender::Cash, region, minus(payable, card), order.orderDate));
            }
        }
        if (original) {
            for (ScenarioPayment &p : order.payments)
                p.additionalData.append({u"pos-originalsales-payment-index"_s, QString::number(m_originalPaymentIndex)});
        }
    }

    /** A refund of an earlier sale at the same store; `exceed` returns one unit more than is left (the defect). */
    bool makeRefund(QRandomGenerator &rng, const Slot &slot, ScenarioOrder &order, bool exceed)
    {
        std::vector<int> &candidates = m_refundableSales[size_t(slot.storeIndex)];
        if (candidates.empty())
            return false;
        for (int attempt = 0; attempt < 8; ++attempt) {
            // Returns come mostly within days: draw from the most recent few thousand sales of the store.
            const int window = std::min<int>(int(candidates.size()), 3000);
            const int originalIndex = candidates[candidates.size() - 1 - size_t(bounded(rng, window))];
            ScenarioOrder &original = m_scenario.m_orders[originalIndex];
            if (original.orderDate >= slot.utc)
                continue;
            std::vector<std::pair<int, qint64>> returns; // line index, units
            const bool wholeOrder = !exceed && chance(rng, 250);
            const int pick = bounded(rng, int(original.lines.size()));
            for (int i = 0; i < original.lines.size(); ++i) {
                if (!wholeOrder && i != pick)
                    continue;
                const ScenarioOrderLine &line = original.lines.at(i);
                const qint64 left = line.quantity - line.refundedQuantity;
                if (exceed) {
                    // More than was sold: find a quantity whose row still rounds consistently.
                    for (qint64 q = left + 1; q <= left + 3; ++q) {
                        if (rowRoundsLikeUnit(line, q)) {
                            returns.push_back({i, q});
                            break;
                        }
                    }
                    continue;
                }
                if (left <= 0)
                    continue;
                qint64 q = chance(rng, 700) ? 1 : left;
                if (!rowRoundsLikeUnit(line, q))
                    q = left;
                if (rowRoundsLikeUnit(line, q))
                    returns.push_back({i, q});
            }
            if (returns.empty())
                continue;

            const Slot refundSlot = slot;
            stampOrder(order, refundSlot, slot.utc, slot.day, rng);
            const ReasonCode &reason = kRefundReasons[size_t(bounded(rng, int(kRefundReasons.size())))];
            order.creditOrderId = original.orderId;
            order.refundReasonCode = QString::fromUtf16(reason.code);
            order.refundReasonComment = QString::fromUtf16(reason.comment);
            for (const auto &[lineIndex, quantity] : returns) {
                ScenarioOrderLine line = original.lines.at(lineIndex);
                line.refundedQuantity = 0;
                line.originalLineIndex = lineIndex;
                line.returnReasonCode = order.refundReasonCode;
                setRowAmounts(line, -quantity);
                order.lines.append(line);
                if (!exceed)
                    original.lines[lineIndex].refundedQuantity += quantity;
            }
            // Money goes back the way it came: the tender that paid the rest of the sale.
            m_originalPaymentIndex = int(original.payments.size()) - 1;
            const Region region = m_scenario.m_stores.at(slot.storeIndex).region;
            const std::optional<Tender> tender =
                tenderFromName(original.payments.at(m_originalPaymentIndex).name, region);
            settle(rng, order, TenderPlan{{tender.value_or(Tender::Card)}}, &original);
            if (exceed) {
                // After an over-return nothing more of this sale may be returned, or later valid refunds would be
                // blamed for it too.
                candidates.erase(std::find(candidates.begin(), candidates.end(), originalIndex));
            }
            return true;
        }
        return false;
    }

    void pendDefect(DefectType type, const QString &sku, const QString &description)
    {
        m_pendingDefects.append(ScenarioDefect{0, type, defectExceptionCode(type), sku, description});
    }

    void recordDefect(qint64 orderId, DefectType type, const QString &sku, const QString &description)
    {
        m_scenario.m_defects.append(ScenarioDefect{orderId, type, defectExceptionCode(type), sku, description});
    }

    bool makeDefectOrder(QRandomGenerator &rng, const Slot &slot, DefectType type, ScenarioOrder &order)
    {
        const ScenarioStore &store = m_scenario.m_stores.at(slot.storeIndex);
        switch (type) {
        case DefectType::UnknownSku:
            makeSale(rng, slot, order, SaleVariant::UnknownSku);
            pendDefect(type, order.lines.first().sku,
                       u"Order {orderid} sells %1, which is in neither Sitoo's nor Prima's catalogue"_s.arg(
                           order.lines.first().sku));
            return true;
        case DefectType::PosCreatedSkuSale:
            if (!m_posCreated.contains(store.eshopId))
                return false;
            makeSale(rng, slot, order, SaleVariant::PosCreatedSku);
            pendDefect(type, order.lines.first().sku,
                       u"Order {orderid} sells %1, a product created in the POS that Prima does not know"_s.arg(
                           order.lines.first().sku));
            return true;
        case DefectType::UnmappedPaymentMethod:
            makeSale(rng, slot, order, SaleVariant::Normal, Tender::Unmapped);
            pendDefect(type, QString(),
                       u"Order {orderid} is paid with \"%1\", a tender with no Prima mapping"_s.arg(
                           order.payments.first().name));
            return true;
        case DefectType::VatTieHalfEven: {
            const auto ties = m_tieProducts.find(store.eshopId);
            if (ties == m_tieProducts.end() || ties->second.empty())
                return false;
            makeSale(rng, slot, order, SaleVariant::TieHalfEven);
            const ScenarioOrderLine &line = order.lines.first();
            pendDefect(type, line.sku,
                       u"Order {orderid} row 0 (%1, gross %2 at %3 %) has a net on an exact half; it was rounded "
                       u"half-even to %4 instead of half-up to %5"_s.arg(line.sku, line.discountedUnitGross.toWireString(),
                                                                         line.vatRate.toString(),
                                                                         line.netPerUnit.toWireString(),
                                                                         VatSplit::netOfGross(line.discountedUnitGross,
                                                                                              line.vatRate, kTaxRounding)
                                                                             .toWireString()));
            return true;
        }
        case DefectType::TotalsOffByOne: {
            makeSale(rng, slot, order, SaleVariant::Normal);
            const Money rows = order.totalVat;
            order.totalVat = plus(order.totalVat, Money(1, order.currency));
            pendDefect(type, QString(),
                       u"Order {orderid} states VAT %1 but its rows add up to %2 (one minor unit off)"_s.arg(
                           order.totalVat.toWireString(), rows.toWireString()));
            return true;
        }
        case DefectType::LateOfflineSale: {
            if (slot.day < 1)
                return false;
            // The till was offline: the sale was rung up days ago and reaches Sitoo only now, with a new orderid.
            const int day = std::max(0, slot.day - between(rng, 1, 5));
            const StoreDay &hours = cachedStoreDay(slot.storeIndex, day);
            Slot old = slot;
            old.day = day;
            old.utc = hours.openUtc + bounded(rng, int(hours.closeUtc - hours.openUtc));
            makeSale(rng, old, order, SaleVariant::Normal);
            pendDefect(type, QString(),
                       u"Order {orderid} was sold on %1 but synced on %2 (offline till): a date cursor misses it"_s.arg(
                           m_options.firstTradingDay.addDays(day).toString(Qt::ISODate),
                           m_options.firstTradingDay.addDays(slot.day).toString(Qt::ISODate)));
            return true;
        }
        case DefectType::DuplicateReceipt: {
            const std::vector<int> &candidates = m_refundableSales[size_t(slot.storeIndex)];
            if (candidates.empty())
                return false;
            const int window = std::min<int>(int(candidates.size()), 50);
            const ScenarioOrder &original = m_scenario.m_orders.at(candidates[candidates.size() - 1 - size_t(bounded(rng, window))]);
            // The same receipt again, as a till that retried after a timeout with a changed basket would send it.
            order = original;
            order.orderId = 0;
            order.payments.clear();
            const ScenarioOrderLine extra = saleLine(randomProduct(rng, store.eshopId), 1, nullptr, kTaxRounding);
            order.lines.append(extra);
            for (ScenarioOrderLine &line : order.lines)
                line.refundedQuantity = 0;
            const std::optional<Tender> tender =
                tenderFromName(original.payments.last().name, store.region);
            settle(rng, order, TenderPlan{{tender.value_or(Tender::Card)}}, nullptr);
            order.countsInZReport = false;
            pendDefect(type, QString(),
                       u"Order {orderid} repeats receipt %1 of order %2 with total %3 instead of %4"_s.arg(
                           order.receiptId, QString::number(original.orderId), order.totalGross.toWireString(),
                           original.totalGross.toWireString()));
            return true;
        }
        case DefectType::RefundExceedsSale: {
            if (!makeRefund(rng, slot, order, true))
                return false;
            const ScenarioOrderLine &line = order.lines.first();
            const qsizetype originalIndex = m_scenario.indexOfOrder(*order.creditOrderId);
            const ScenarioOrderLine &sold = m_scenario.m_orders.at(originalIndex).lines.at(line.originalLineIndex);
            pendDefect(type, line.sku,
                       u"Refund {orderid} returns %1 × %2 of order %3, which sold %4 (%5 already returned)"_s
                           .arg(-line.quantity)
                           .arg(line.sku)
                           .arg(*order.creditOrderId)
                           .arg(sold.quantity)
                           .arg(sold.refundedQuantity));
            return true;
        }
        case DefectType::MalformedField: {
            makeSale(rng, slot, order, SaleVariant::Normal);
            if (chance(rng, 500)) {
                order.malformation = OrderMalformation::CommaDecimalMoney;
                QString shown = order.lines.first().rowNet.toWireString();
                shown.replace(u'.', u',');
                pendDefect(type, QString(),
                           u"Order {orderid} row 0 sends moneyitemtotal_net as \"%1\" (decimal comma)"_s.arg(shown));
            } else {
                order.malformation = OrderMalformation::NullCurrency;
                pendDefect(type, QString(), u"Order {orderid} sends currencycode null"_s);
            }
            return true;
        }
        case DefectType::PosCreatedProduct:
            return false; // a catalogue defect, recorded when the product is made
        }
        return false;
    }

    // ---- Z-reports ----

    void makeZReports()
    {
        std::map<ZKey, ZBucket> buckets;
        for (const ScenarioOrder &order : std::as_const(m_scenario.m_orders)) {
            if (!order.countsInZReport)
                continue;
            ZBucket &bucket = buckets[ZKey{order.storeIndex, order.registerIndex, order.tradingDay}];
            const Currency currency = order.currency;
            if (!bucket.roundOff.isValid()) {
                const Money zero = Money::zero(currency);
                bucket.sales.add(zero, zero);
                bucket.refunds.add(zero, zero);
                bucket.roundOff = zero;
                bucket.cash = zero;
                bucket.discounts = zero;
            }
            const bool refund = order.isRefund();
            refund ? ++bucket.numRefunds : ++bucket.numSales;
            for (const ScenarioOrderLine &line : order.lines) {
                const Money gross = plus(line.rowNet, line.rowVat);
                const qint64 units = line.quantity < 0 ? -line.quantity : line.quantity;
                (refund ? bucket.refunds : bucket.sales).add(gross, line.rowNet);
                (refund ? bucket.refundItems : bucket.salesItems) += units;
                (refund ? bucket.vatRefunds : bucket.vatSales)[line.vatRate.units()].add(gross, line.rowNet);
                (refund ? bucket.groupRefunds : bucket.groupSales)[{line.productGroupName, line.vatRate.units()}].add(
                    gross, line.rowNet, units);
                if (line.hasVoucher()) {
                    const Money discountGross = times(minus(line.unitGross, line.discountedUnitGross), line.quantity);
                    const Money discountNet = times(line.discountNetPerUnit, line.quantity);
                    (refund ? bucket.discountRefunds : bucket.discountSales)[line.voucherCode].add(discountGross,
                                                                                                  discountNet);
                    if (!refund)
                        bucket.discounts = plus(bucket.discounts, discountGross);
                }
            }
            bucket.roundOff = plus(bucket.roundOff, order.roundOff);
            bool drawer = false;
            for (const ScenarioPayment &payment : order.payments) {
                auto &byName = refund ? bucket.payRefunds : bucket.paySales;
                auto it = byName.find(payment.name);
                if (it == byName.end())
                    byName.emplace(payment.name, payment.amount);
                else
                    it->second = plus(it->second, payment.amount);
                if (payment.paymentMethodId == tenderMethodId(Tender::Cash)) {
                    bucket.cash = plus(bucket.cash, payment.amount);
                    drawer = true;
                }
            }
            bucket.openDrawer += drawer ? 1 : 0;
        }

        struct Pending
        {
            ZKey key;
            QJsonObject report;
            qint64 dateAdded;
        };
        std::vector<Pending> reports;
        std::map<std::pair<int, int>, std::array<Money, 3>> grandTotals; // per register: sales, refunds, net
        for (const auto &[key, bucket] : buckets) {
            reports.push_back(Pending{key, zReportJson(key, bucket, grandTotals[{key.storeIndex, key.registerIndex}]), 0});
            reports.back().dateAdded = reports.back().report.value(u"dateadded"_s).toInteger();
        }
        std::sort(reports.begin(), reports.end(), [](const Pending &a, const Pending &b) {
            return std::tie(a.key.day, a.key.storeIndex, a.key.registerIndex)
                < std::tie(b.key.day, b.key.storeIndex, b.key.registerIndex);
        });
        qint64 zReportId = 1;
        for (Pending &pending : reports)
            pending.report.insert(u"zreportid"_s, zReportId++);
        std::stable_sort(reports.begin(), reports.end(),
                         [](const Pending &a, const Pending &b) { return a.dateAdded < b.dateAdded; });
        for (const Pending &pending : reports)
            m_scenario.m_zReports.append(pending.report);
    }

    static QJsonArray amountsByRate(const std::map<qint64, Amounts> &byRate)
    {
        QJsonArray array;
        for (const auto &[rate, amounts] : byRate) {
            array.append(QJsonObject{{u"vatvalue"_s, rate / VatRate::kUnitsPerPercent},
                                     {u"moneytotal"_s, amounts.gross.toWireString()},
                                     {u"moneytotalnet"_s, amounts.net.toWireString()},
                                     {u"moneytotalvat"_s, amounts.vat.toWireString()}});
        }
        return array;
    }

    static QJsonArray amountsByGroup(const std::map<std::pair<QString, qint64>, Amounts> &byGroup)
    {
        QJsonArray array;
        for (const auto &[key, amounts] : byGroup) {
            array.append(QJsonObject{{u"name"_s, key.first},
                                     {u"vatvalue"_s, key.second / VatRate::kUnitsPerPercent},
                                     {u"numtotal"_s, amounts.count},
                                     {u"moneytotal"_s, amounts.gross.toWireString()},
                                     {u"moneytotalnet"_s, amounts.net.toWireString()},
                                     {u"moneytotalvat"_s, amounts.vat.toWireString()}});
        }
        return array;
    }

    static QJsonArray paymentTotals(const std::map<QString, Money> &byName)
    {
        QJsonArray array;
        for (const auto &[name, total] : byName) {
            const QString zero = Money::zero(total.currency()).toWireString();
            array.append(QJsonObject{{u"name"_s, name},
                                     {u"moneytotal"_s, total.toWireString()},
                                     {u"moneycaptured"_s, total.toWireString()},
                                     {u"moneyinadvance"_s, zero},
                                     {u"moneyreserved"_s, zero},
                                     {u"subpayments"_s, QJsonArray()}});
        }
        return array;
    }

    static QJsonArray discountTotals(const std::map<QString, Amounts> &byCode)
    {
        QJsonArray array;
        for (const auto &[code, amounts] : byCode) {
            array.append(QJsonObject{{u"vouchercode"_s, code},
                                     {u"moneytotal"_s, amounts.gross.toWireString()},
                                     {u"moneytotalnet"_s, amounts.net.toWireString()},
                                     {u"moneytotalvat"_s, amounts.vat.toWireString()}});
        }
        return array;
    }

    QJsonObject zReportJson(const ZKey &key, const ZBucket &bucket, std::array<Money, 3> &grand)
    {
        const ScenarioStore &store = m_scenario.m_stores.at(key.storeIndex);
        const ScenarioRegister &posRegister = store.registers.at(key.registerIndex);
        const ScenarioStaff &staff = store.staff.first();
        const Currency currency = store.currency;
        const Money zero = Money::zero(currency);
        const StoreDay &hours = cachedStoreDay(key.storeIndex, key.day);
        const bool uk = store.region == Region::UnitedKingdom;

        for (Money &m : grand) {
            if (!m.isValid())
                m = zero;
        }
        grand[0] = plus(grand[0], bucket.sales.gross);
        grand[1] = plus(grand[1], bucket.refunds.gross);
        grand[2] = plus(grand[2], plus(bucket.sales.net, bucket.refunds.net));

        const Money subtotal = plus(bucket.sales.gross, bucket.refunds.gross);
        const Money cashFloat = Money((uk ? 100 : 1000) * Core::Rounding::powerOfTen(currency.exponent()), currency);
        const qint64 dateCreated = hours.closeUtc + 600 + 60 * key.registerIndex;
        const auto w = [](const Money &m) { return m.toWireString(); };

        QJsonObject z;
        z.insert(u"registerid"_s, posRegister.registerId);
        z.insert(u"manufacturerid"_s, posRegister.manufacturerId);
        z.insert(u"registerkey"_s, posRegister.registerKey);
        z.insert(u"registernumber"_s, posRegister.registerNumber);
        z.insert(u"datecreated"_s, dateCreated);
        z.insert(u"dateopened"_s, hours.openUtc - 900);
        // Uploaded a couple of minutes after closing; distinct per register so dateaddedfrom paging makes progress.
        z.insert(u"dateadded"_s, dateCreated + 120 + 7 * key.storeIndex + key.registerIndex);
        z.insert(u"eshopid"_s, store.eshopId);
        z.insert(u"store_id"_s, store.externalId);
        z.insert(u"store_name"_s, store.name);
        z.insert(u"company"_s, uk ? u"Tillbridge Retail Ltd"_s : u"Tillbridge Retail AB"_s);
        z.insert(u"companyid"_s, uk ? u"GB123456789"_s : u"556123-4567"_s);
        z.insert(u"address"_s, store.address);
        z.insert(u"address2"_s, QString(store.zip + u' ' + store.city));
        z.insert(u"address3"_s, uk ? u"United Kingdom"_s : u"Sverige"_s);
        z.insert(u"currencycode"_s, currency.code());
        z.insert(u"staff"_s, staff.name);
        z.insert(u"staffuserid"_s, staff.userId);
        z.insert(u"comment"_s, u""_s);

        z.insert(u"moneysalestotal"_s, w(bucket.sales.gross));
        z.insert(u"moneysalestotalnet"_s, w(bucket.sales.net));
        z.insert(u"numsales"_s, bucket.numSales);
        z.insert(u"numsalesitems"_s, bucket.salesItems);
        z.insert(u"vatgroupssales"_s, amountsByRate(bucket.vatSales));
        z.insert(u"productgroupssales"_s, amountsByGroup(bucket.groupSales));

        z.insert(u"moneysalesnotdeliveredtotal"_s, w(zero));
        z.insert(u"moneysalesnotdeliveredtotalnet"_s, w(zero));
        z.insert(u"numsalesnotdelivered"_s, 0);
        z.insert(u"numsalesnotdelivereditems"_s, 0);
        z.insert(u"vatgroupssalesnotdelivered"_s, QJsonArray());
        z.insert(u"productgroupssalesnotdelivered"_s, QJsonArray());
        z.insert(u"discountssalesnotdelivered"_s, QJsonArray());

        z.insert(u"moneyrefundtotal"_s, w(bucket.refunds.gross));
        z.insert(u"moneyrefundtotalnet"_s, w(bucket.refunds.net));
        z.insert(u"numrefund"_s, bucket.numRefunds);
        z.insert(u"numrefunditems"_s, bucket.refundItems);
        z.insert(u"vatgroupsrefund"_s, amountsByRate(bucket.vatRefunds));
        z.insert(u"productgroupsrefund"_s, amountsByGroup(bucket.groupRefunds));

        z.insert(u"moneyroundoff"_s, w(bucket.roundOff));
        z.insert(u"salestaxessales"_s, QJsonArray());
        z.insert(u"salestaxesrefund"_s, QJsonArray());
        z.insert(u"moneysalestaxinadvance"_s, w(zero));

        z.insert(u"moneysummarysales"_s, w(bucket.sales.gross));
        z.insert(u"moneysummaryrefund"_s, w(bucket.refunds.gross));
        z.insert(u"moneysummarysubtotal"_s, w(subtotal));
        z.insert(u"moneysummarysalestax"_s, w(zero));
        z.insert(u"moneysummaryroundoff"_s, w(bucket.roundOff));
        z.insert(u"moneysummarytotal"_s, w(plus(subtotal, bucket.roundOff)));

        z.insert(u"paymentssales"_s, paymentTotals(bucket.paySales));
        z.insert(u"paymentsrefund"_s, paymentTotals(bucket.payRefunds));
        z.insert(u"discountssales"_s, discountTotals(bucket.discountSales));
        z.insert(u"discountsrefund"_s, discountTotals(bucket.discountRefunds));

        z.insert(u"moneycash_in"_s, w(cashFloat));
        z.insert(u"moneycash_salesrefunds"_s, w(bucket.cash));
        z.insert(u"moneycash_petty"_s, w(zero));
        z.insert(u"moneycash_bank"_s, w(bucket.cash));
        z.insert(u"moneycash_expected"_s, w(plus(cashFloat, bucket.cash)));
        z.insert(u"moneycash_counted"_s, w(plus(cashFloat, bucket.cash)));
        z.insert(u"moneycash_diff"_s, w(zero));
        z.insert(u"moneycash_bankfinal"_s, w(bucket.cash));
        z.insert(u"moneycash_out"_s, w(cashFloat));

        z.insert(u"moneydiscount"_s, w(bucket.discounts));
        z.insert(u"numsalestypeproduct"_s, bucket.salesItems);
        z.insert(u"numsalestypeservice"_s, 0);
        z.insert(u"numsalestypegiftcard"_s, 0);
        z.insert(u"numreceipts"_s, bucket.numSales + bucket.numRefunds);
        z.insert(u"numopendrawer"_s, bucket.openDrawer);
        z.insert(u"numpractice"_s, 0);
        z.insert(u"moneypractice"_s, w(zero));

        z.insert(u"moneygrandtotalsales"_s, w(grand[0]));
        z.insert(u"moneygrandtotalrefund"_s, w(grand[1]));
        z.insert(u"moneygrandtotalnet"_s, w(grand[2]));
        return z;
    }

    // ---- Stock ----

    void makeWarehouseItems(QRandomGenerator &rng)
    {
        qint64 itemId = 1;
        const qint64 base = baseEpoch();
        for (const ScenarioStore &store : std::as_const(m_scenario.m_stores)) {
            std::vector<ScenarioWarehouseItem> items;
            for (const SitooProductRecord &product : std::as_const(m_scenario.m_products)) {
                if (product.eshopId != store.eshopId || product.createdInPos || !product.active)
                    continue;
                ScenarioWarehouseItem item;
                item.warehouseId = store.warehouseId;
                item.sku = product.sku;
                const qint64 units = chance(rng, 100) ? 0 : between(rng, 1, 60);
                const qint64 reserved = (units > 0 && chance(rng, 80)) ? std::min<qint64>(units, between(rng, 1, 2)) : 0;
                item.total = Core::Decimal(units * 1000, 3);
                item.reserved = Core::Decimal(reserved * 1000, 3);
                item.threshold = Core::Decimal((chance(rng, 500) ? 5 : 2) * 1000, 3);
                item.binLocation = u"%1%2:%3"_s.arg(QChar(u'A' + bounded(rng, 6)))
                                       .arg(between(rng, 1, 9))
                                       .arg(between(rng, 1, 20), 2, 10, QLatin1Char('0'));
                item.stockValue = times(product.purchasePrice, units);
                item.dateLastModified = base - bounded(rng, 10 * int(kSecondsPerDay));
                if (chance(rng, 500))
                    item.dateLastStocktaking = base - between(rng, 30, 120) * kSecondsPerDay;
                items.push_back(item);
            }
            std::sort(items.begin(), items.end(),
                      [](const ScenarioWarehouseItem &a, const ScenarioWarehouseItem &b) { return a.sku < b.sku; });
            for (ScenarioWarehouseItem &item : items) {
                item.warehouseItemId = itemId++;
                m_scenario.m_warehouseItems.append(item);
            }
        }
    }

    const ScenarioOptions m_options;
    const Currency m_gbp;
    const Currency m_sek;
    Draft m_scenario;
    std::vector<QTimeZone> m_zones;                   // per site
    std::vector<size_t> m_templateOfItem;             // per catalogue item
    std::map<std::pair<int, QString>, qint64> m_styleParent;
    qint64 m_nextProductId = 1001;
    std::map<int, int> m_posCreated;                  // eshopid → product index
    std::map<int, std::vector<int>> m_sellable;       // eshopid → product indices
    std::map<int, std::vector<int>> m_tieProducts;    // eshopid → product indices
    std::map<std::pair<int, int>, StoreDay> m_storeDays;
    std::vector<std::vector<int>> m_nextReceipt;      // per store, per register
    std::vector<std::vector<int>> m_refundableSales;  // per store: order indices of clean sales
    QList<ScenarioDefect> m_pendingDefects;
    qint64 m_nextOrderId = 0;
    qint64 m_cardSerial = 0;
    int m_originalPaymentIndex = 0;
};

} // namespace

ScenarioGenerator::ScenarioGenerator(const ScenarioOptions &options)
    : m_options(options)
{
    m_options.storeCount = std::clamp(m_options.storeCount, 1, 999);
    m_options.tradingDays = std::clamp(m_options.tradingDays, 1, 3660);
    m_options.ordersPerStoreDay = std::clamp(m_options.ordersPerStoreDay, 1, 100000);
    m_options.styleCount = std::clamp(m_options.styleCount, 1, 1000);
    m_options.defectRate = std::clamp(m_options.defectRate, 0.0, 1.0);
    m_options.refundRate = std::clamp(m_options.refundRate, 0.0, 1.0);
    if (!m_options.firstTradingDay.isValid())
        m_options.firstTradingDay = ScenarioOptions().firstTradingDay;
    if (m_options.firstOrderId < 1)
        m_options.firstOrderId = 1;
}

Scenario ScenarioGenerator::generate() const
{
    Draft draft = Builder(m_options).run();
    Scenario scenario;
    scenario.m_options = std::move(draft.m_options);
    scenario.m_credentials = std::move(draft.m_credentials);
    scenario.m_sites = std::move(draft.m_sites);
    scenario.m_stores = std::move(draft.m_stores);
    scenario.m_productGroups = std::move(draft.m_productGroups);
    scenario.m_vouchers = std::move(draft.m_vouchers);
    scenario.m_paymentTypes = std::move(draft.m_paymentTypes);
    scenario.m_catalogue = std::move(draft.m_catalogue);
    scenario.m_products = std::move(draft.m_products);
    scenario.m_orders = std::move(draft.m_orders);
    scenario.m_warehouseItems = std::move(draft.m_warehouseItems);
    scenario.m_zReports = std::move(draft.m_zReports);
    scenario.m_defects = std::move(draft.m_defects);
    return scenario;
}

} // namespace Tillbridge::Sandbox
