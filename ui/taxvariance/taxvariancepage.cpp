// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/taxvariance/taxvariancepage.h"

#include "core/export/exportsources.h"
#include "core/models/payoutsmodel.h"
#include "core/models/taxvarianceordersmodel.h"
#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/storage/backgroundreader.h"
#include "ui/common/emptystate.h"
#include "ui/common/exportcontroller.h"
#include "ui/common/pageheader.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace Tillbridge::Ui {

/** What one month's read delivers to the GUI thread: value types only. */
struct TaxVariancePage::PeriodData
{
    QList<QDate> periods;
    QDate period;
    QList<Core::TaxVarianceRow> tax;
    QList<Core::ReconciliationResultRow> results;
};

namespace {

constexpr int kVarianceRole = Qt::UserRole + 2; // VarianceRole of both models

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

/** Paints the cells a model marks as a variance in red (the models stay free of GUI types). */
class VarianceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(kVarianceRole).toBool()) {
            option->palette.setColor(QPalette::Text,
                                     isDark(option->palette) ? QColor(0xf2, 0xb8, 0xb5) : QColor(0xb3, 0x26, 0x1e));
            option->font.setBold(true);
        }
    }
};

/** The currency's decimals; 2 while no currency is shown (an empty cache). */
int decimalsOf(const QString &currency)
{
    const auto known = Core::Currency::fromCode(currency);
    return known ? std::max(0, known->exponent()) : 2;
}

/** Minor units as a chart value in major units: for drawing only, never for arithmetic on money. */
qreal chartValue(qint64 minor, const QString &currency)
{
    return qreal(minor) / std::pow(10.0, decimalsOf(currency));
}

/** "%.2f" for GBP and SEK, "%.0f" for JPY: the axis shows the currency's decimals. */
QString axisFormat(const QString &currency)
{
    return QStringLiteral("%.%1f").arg(decimalsOf(currency));
}

QString money(qint64 minor, const QString &currency)
{
    return Core::Money(minor, Core::Currency::of(currency)).toDisplayString(QLocale());
}

QString rateTitle(qint64 units)
{
    return TaxVariancePage::tr("VAT %1").arg(Core::VatRate::fromUnits(units).toDisplayString(QLocale()));
}

QString monthTitle(QDate firstOfMonth)
{
    return QLocale().toString(firstOfMonth, QStringLiteral("MMMM yyyy"));
}

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setItemDelegate(new VarianceDelegate(view));
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

TaxVariancePage::TaxVariancePage(QSqlDatabase guiDb, QString databasePath, QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_periodBox(new QComboBox(this))
    , m_reconcile(new QPushButton(tr("Reconcile now"), this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_ordersModel(new Core::TaxVarianceOrdersModel(this))
    , m_payoutsModel(new Core::PayoutsModel(this))
{
    m_periodBox->setAccessibleName(tr("Period"));
    m_periodBox->setToolTip(tr("The month to show"));
    m_periodBox->setMinimumWidth(160);
    m_reconcile->setAccessibleName(tr("Reconcile now"));
    m_reconcile->setToolTip(tr("Compare the tills, the Z-reports and Prima for the last trading days now, instead of "
                               "waiting for the nightly run"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);

    auto *header = new PageHeader(tr("VAT variance and payouts"),
                                  tr("Whether the tills' VAT and takings agree with the rates and with Prima, per "
                                     "store and trading day."),
                                  this);
    auto *periodLabel = new QLabel(tr("Period:"), this);
    periodLabel->setBuddy(m_periodBox);
    header->addAction(periodLabel);
    header->addAction(m_periodBox);
    header->addAction(m_reconcile);
    // Export: the VAT tab's table (store × rate in the chart's currency) or the payouts as filtered, of the period.
    auto *exporter = new ExportController(
        m_databasePath,
        [this]() -> std::unique_ptr<Core::ExportSource> {
            const QDate last = m_period.addMonths(1).addDays(-1);
            if (m_tabs->currentIndex() == 1) {
                return std::make_unique<Core::ReconciliationExport>(m_period, last, m_onlyVariances->isChecked(),
                                                                    m_storeBox->currentData().toLongLong());
            }
            return std::make_unique<Core::TaxVarianceExport>(m_period, last, m_currency);
        },
        this);
    header->addAction(exporter->makeButton(this));
    connect(exporter, &ExportController::statusMessage, this, &TaxVariancePage::setStatus);

    m_tabs->setAccessibleName(tr("VAT variance and payouts"));
    m_tabs->addTab(buildVatTab(), tr("VAT"));
    m_tabs->addTab(buildPayoutsTab(), tr("Payouts"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_periodBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && m_periodBox->itemData(index).toDate() != m_period)
            loadPeriod(m_periodBox->itemData(index).toDate());
    });
    connect(m_reconcile, &QPushButton::clicked, this, &TaxVariancePage::reconcileRequested);
}

QWidget *TaxVariancePage::buildVatTab()
{
    auto *tab = new QWidget(this);
    m_vatStack = new QStackedWidget(tab);
    m_vatEmpty = new EmptyState(tab);
    m_vatEmpty->setTitle(tr("No VAT figures yet"));
    m_vatEmpty->setMessage(tr("Each store's VAT per rate appears here once its trading days have been reconciled. "
                              "Reconciliation runs every night for the day before; press “Reconcile now” to run it "
                              "now. If nothing appears after that, check that orders are being pulled from Sitoo "
                              "(Store health) and that Prima is connected (Settings)."));

    m_currencyBox = new QComboBox(tab);
    m_currencyBox->setAccessibleName(tr("Currency"));
    m_currencyBox->setToolTip(tr("Stores that trade in another currency are charted separately"));
    m_vatSummary = new QLabel(tab);
    m_vatSummary->setAccessibleName(tr("VAT variance summary"));
    m_vatSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_barChart = new QChart;
    m_barSeries = new QBarSeries;
    m_barChart->addSeries(m_barSeries);
    m_barChart->setTitle(tr("VAT charged − VAT at the rate, by store and rate"));
    m_barView = new QChartView(m_barChart, tab);
    m_barView->setRenderHint(QPainter::Antialiasing);
    m_barView->setAccessibleName(tr("VAT variance by store and rate"));
    m_barView->setAccessibleDescription(tr("Bars per store and VAT rate: VAT charged minus the VAT the rate gives on "
                                           "the net. Click a bar to list the orders behind it."));
    m_barView->setMinimumHeight(300);
    styleChart(m_barChart);

    m_dailyChart = new QChart;
    m_dailyChart->setTitle(tr("VAT charged − VAT at the rate, per day and store"));
    m_dailyView = new QChartView(m_dailyChart, tab);
    m_dailyView->setRenderHint(QPainter::Antialiasing);
    m_dailyView->setAccessibleName(tr("VAT variance per day"));
    m_dailyView->setAccessibleDescription(tr("One line per store: the day's VAT charged minus the VAT the rates give."));
    styleChart(m_dailyChart);

    m_drillTitle = new QLabel(tab);
    QFont bold = m_drillTitle->font();
    bold.setBold(true);
    m_drillTitle->setFont(bold);
    m_drillStack = new QStackedWidget(tab);
    m_drillEmpty = new EmptyState(tab);
    m_ordersView = new QTableView(tab);
    m_ordersView->setModel(m_ordersModel);
    m_ordersView->setAccessibleName(tr("Orders behind the selected bar"));
    setUpTable(m_ordersView);
    using Orders = Core::TaxVarianceOrdersModel;
    m_ordersView->setColumnWidth(Orders::OrderedColumn, 150);
    m_ordersView->setColumnWidth(Orders::OrderColumn, 120);
    m_ordersView->setColumnWidth(Orders::StateColumn, 110);
    for (int column : {int(Orders::NetColumn), int(Orders::SitooVatColumn), int(Orders::ExpectedVatColumn),
                       int(Orders::VarianceColumn)})
        m_ordersView->setColumnWidth(column, 140);
    m_drillStack->addWidget(m_drillEmpty);
    m_drillStack->addWidget(m_ordersView);

    auto *filters = new QHBoxLayout;
    auto *currencyLabel = new QLabel(tr("Currency:"), tab);
    currencyLabel->setBuddy(m_currencyBox);
    filters->addWidget(currencyLabel);
    filters->addWidget(m_currencyBox);
    filters->addSpacing(12);
    filters->addWidget(m_vatSummary, 1);

    auto *charts = new QSplitter(Qt::Horizontal, tab);
    charts->addWidget(m_barView);
    charts->addWidget(m_dailyView);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setSizes({720, 580});
    charts->setChildrenCollapsible(false);

    auto *drill = new QWidget(tab);
    auto *drillLayout = new QVBoxLayout(drill);
    drillLayout->setContentsMargins(0, 4, 0, 0);
    drillLayout->addWidget(m_drillTitle);
    drillLayout->addWidget(m_drillStack, 1);

    auto *split = new QSplitter(Qt::Vertical, tab);
    split->addWidget(charts);
    split->addWidget(drill);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({460, 300});
    split->setChildrenCollapsible(false);

    auto *content = new QWidget(tab);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(filters);
    contentLayout->addWidget(split, 1);

    m_vatStack->addWidget(m_vatEmpty);
    m_vatStack->addWidget(content);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_vatStack);

    connect(m_currencyBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && m_currencyBox->itemText(index) != m_currency) {
            m_currency = m_currencyBox->itemText(index);
            clearDrillDown(); // the bar it came from is not shown in another currency
            showCharts();
        }
    });
    connect(m_ordersView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(Orders::ExceptionIdRole).toLongLong())
            Q_EMIT openExceptionRequested(id);
    });
    clearDrillDown();
    return tab;
}

QWidget *TaxVariancePage::buildPayoutsTab()
{
    auto *tab = new QWidget(this);
    m_payoutsStack = new QStackedWidget(tab);
    m_payoutsEmpty = new EmptyState(tab);
    m_storeBox = new QComboBox(tab);
    m_storeBox->setAccessibleName(tr("Store"));
    m_storeBox->addItem(tr("All stores"), qint64(0));
    m_storeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_onlyVariances = new QCheckBox(tr("Only variances"), tab);
    m_onlyVariances->setAccessibleName(tr("Only variances"));
    m_onlyVariances->setToolTip(tr("Show only the lines beyond tolerance"));
    m_payoutsCount = new QLabel(tab);
    m_payoutsCount->setAccessibleName(tr("Number of payout lines"));

    m_payoutsView = new QTableView(tab);
    m_payoutsView->setModel(m_payoutsModel);
    m_payoutsView->setAccessibleName(tr("Payouts per store, trading day and tender"));
    setUpTable(m_payoutsView);
    using Payouts = Core::PayoutsModel;
    m_payoutsView->setColumnWidth(Payouts::DayColumn, 110);
    m_payoutsView->setColumnWidth(Payouts::StoreColumn, 220);
    m_payoutsView->setColumnWidth(Payouts::ItemColumn, 140);
    for (int column = Payouts::SitooColumn; column <= Payouts::ToleranceColumn; ++column)
        m_payoutsView->setColumnWidth(column, 150);

    m_payoutsStack->addWidget(m_payoutsEmpty);
    m_payoutsStack->addWidget(m_payoutsView);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_storeBox);
    filters->addWidget(m_onlyVariances);
    filters->addStretch(1);
    filters->addWidget(m_payoutsCount);

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(m_payoutsStack, 1);

    connect(m_storeBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setStoreFilter(m_storeBox->itemData(index).toLongLong());
    });
    connect(m_onlyVariances, &QCheckBox::toggled, this, &TaxVariancePage::setOnlyVariances);
    connect(m_payoutsView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(Payouts::ExceptionIdRole).toLongLong())
            Q_EMIT openExceptionRequested(id);
    });
    return tab;
}

void TaxVariancePage::styleChart(QChart *chart) const
{
    chart->setTheme(isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // Axis figures as everywhere else in the workbench: "−0,05" in Swedish, not the C locale's "-0.05".
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont title = font();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Store names are long: a slightly smaller legend keeps them whole next to each other.
    QFont legend = font();
    legend.setPointSizeF(legend.pointSizeF() * 0.9);
    chart->legend()->setFont(legend);
}

void TaxVariancePage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_status->setVisible(!text.isEmpty());
}

bool TaxVariancePage::isShowingVatEmptyState() const
{
    return m_vatStack->currentWidget() == m_vatEmpty;
}

bool TaxVariancePage::isShowingPayoutsEmptyState() const
{
    return m_payoutsStack->currentWidget() == m_payoutsEmpty;
}

QString TaxVariancePage::drillDownTitle() const
{
    return m_drillTitle->text();
}

void TaxVariancePage::reload()
{
    loadPeriod(m_period);
}

void TaxVariancePage::showPeriod(QDate firstOfMonth)
{
    const int index = m_periodBox->findData(firstOfMonth);
    if (index >= 0)
        m_periodBox->setCurrentIndex(index); // loads it
}

void TaxVariancePage::loadPeriod(QDate wanted)
{
    const quint64 request = ++m_periodRequest;
    Core::readInBackground<PeriodData>(m_databasePath, [wanted](const QSqlDatabase &db) -> Core::Result<PeriodData> {
        PeriodData data;
        auto periods = Core::TaxVarianceReport::periodsWithData(db);
        if (!periods)
            return periods.error();
        data.periods = *periods;
        if (data.periods.isEmpty())
            return data;
        // The month asked for while it still has data; otherwise the latest month with data.
        data.period = data.periods.contains(wanted) ? wanted : data.periods.first();
        const QDate last = data.period.addMonths(1).addDays(-1);
        Core::ReconciliationRepository repository(db);
        auto tax = repository.taxVariance(data.period, last);
        if (!tax)
            return tax.error();
        data.tax = *tax;
        auto results = repository.results(data.period, last);
        if (!results)
            return results.error();
        data.results = *results;
        return data;
    }).then(this, [this, request](const Core::Result<PeriodData> &data) {
        if (request != m_periodRequest)
            return; // a newer read is on its way
        if (!data) {
            setStatus(data.errorString(), true);
            Q_EMIT loadFailed(data.errorString());
            Q_EMIT loaded();
            return;
        }
        setStatus({}, false);
        showData(*data);
        Q_EMIT loaded();
    });
}

void TaxVariancePage::showData(const PeriodData &data)
{
    {
        const QSignalBlocker block(m_periodBox);
        m_periodBox->clear();
        for (const QDate &period : data.periods)
            m_periodBox->addItem(monthTitle(period), period);
        if (data.periods.isEmpty())
            m_periodBox->addItem(tr("No results yet"));
        m_periodBox->setEnabled(!data.periods.isEmpty());
        m_periodBox->setCurrentIndex(std::max(0, m_periodBox->findData(data.period)));
    }
    const bool periodChanged = m_period != data.period;
    m_period = data.period;
    m_rows = data.tax;
    m_payoutsModel->setResults(data.results);

    // Currency: keep the one shown while the month has it; otherwise the one most stores use.
    const QStringList currencies = Core::TaxVarianceReport::currencies(m_rows);
    {
        const QSignalBlocker block(m_currencyBox);
        m_currencyBox->clear();
        m_currencyBox->addItems(currencies);
        if (!currencies.contains(m_currency))
            m_currency = currencies.value(0);
        m_currencyBox->setCurrentText(m_currency);
        m_currencyBox->setEnabled(currencies.size() > 1);
    }
    if (periodChanged)
        clearDrillDown();
    showCharts();
    showPayouts();
    if (!periodChanged && m_drillRate >= 0)
        drillDown(m_drillStore, m_drillRate); // same bar, fresh orders
}

void TaxVariancePage::showCharts()
{
    m_cells = Core::TaxVarianceReport::byStoreAndRate(m_rows, m_currency);
    if (m_rows.isEmpty()) {
        m_vatEmpty->setTitle(tr("No VAT figures yet"));
        if (m_period.isValid()) {
            m_vatEmpty->setMessage(tr("%1 has payout results but no VAT figures. They are stored with the next "
                                      "reconciliation: press “Reconcile now”.")
                                       .arg(monthTitle(m_period)));
        }
        m_vatStack->setCurrentWidget(m_vatEmpty);
    } else {
        m_vatStack->setCurrentIndex(1);
    }

    // Bars: one category per store, one set per VAT rate, in the currency's major units for drawing.
    m_barSeries->clear();
    for (QAbstractAxis *axis : m_barChart->axes()) {
        m_barChart->removeAxis(axis);
        delete axis;
    }
    m_barStoreIds.clear();
    QStringList storeNames;
    QList<qint64> rates;
    for (const Core::TaxVarianceCell &cell : std::as_const(m_cells)) {
        if (!m_barStoreIds.contains(cell.storeId)) {
            m_barStoreIds.append(cell.storeId);
            storeNames.append(cell.storeName);
        }
        if (!rates.contains(cell.vatRateUnits))
            rates.append(cell.vatRateUnits);
    }
    std::sort(rates.begin(), rates.end());
    qreal low = 0;
    qreal high = 0;
    qint64 totalVariance = 0;
    int exceptions = 0;
    for (const qint64 rate : std::as_const(rates)) {
        auto *set = new QBarSet(rateTitle(rate));
        for (const qint64 storeId : std::as_const(m_barStoreIds)) {
            qreal value = 0;
            for (const Core::TaxVarianceCell &cell : std::as_const(m_cells)) {
                if (cell.storeId == storeId && cell.vatRateUnits == rate)
                    value = chartValue(cell.varianceMinor(), m_currency);
            }
            set->append(value);
            low = std::min(low, value);
            high = std::max(high, value);
        }
        connect(set, &QBarSet::clicked, this, [this, rate](int index) {
            if (index >= 0 && index < m_barStoreIds.size())
                drillDown(m_barStoreIds.at(index), rate);
        });
        connect(set, &QBarSet::hovered, this, [this, rate](bool status, int index) {
            if (!status || index < 0 || index >= m_barStoreIds.size()) {
                QToolTip::hideText();
                return;
            }
            for (const Core::TaxVarianceCell &cell : std::as_const(m_cells)) {
                if (cell.storeId != m_barStoreIds.at(index) || cell.vatRateUnits != rate)
                    continue;
                QString text = tr("%1, %2\nVAT charged %3\nVAT at the rate %4\nVariance %5\nOrders %6\n"
                                  "VAT exceptions %7\nClick to list the orders")
                                   .arg(cell.storeName, rateTitle(rate), money(cell.sitooVatMinor, cell.currency),
                                        money(cell.expectedVatMinor, cell.currency),
                                        money(cell.varianceMinor(), cell.currency))
                                   .arg(cell.orders)
                                   .arg(cell.taxExceptions);
                if (cell.primaDays > 0)
                    text += u'\n' + tr("Prima's VAT at this rate %1 (on %n day(s))", nullptr, int(cell.primaDays))
                                         .arg(money(cell.primaVatMinor, cell.currency));
                QToolTip::showText(QCursor::pos(), text, m_barView);
            }
        });
        m_barSeries->append(set);
    }
    for (const Core::TaxVarianceCell &cell : std::as_const(m_cells)) {
        totalVariance += cell.varianceMinor();
        exceptions += cell.taxExceptions;
    }
    auto *categories = new QBarCategoryAxis;
    categories->append(storeNames);
    categories->setTitleText(tr("Store"));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    categories->setLabelsFont(small);
    m_barChart->addAxis(categories, Qt::AlignBottom);
    m_barSeries->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setTitleText(tr("Variance (%1)").arg(m_currency));
    values->setLabelFormat(axisFormat(m_currency));
    if (qFuzzyIsNull(low) && qFuzzyIsNull(high))
        high = 1; // nothing to show: keep a sensible scale around zero
    // A little room above and below, so that no bar ends on the frame.
    values->setRange(low - (high - low) * 0.1, high + (high - low) * 0.1);
    values->applyNiceNumbers();
    m_barChart->addAxis(values, Qt::AlignLeft);
    m_barSeries->attachAxis(values);
    m_barChart->legend()->setVisible(!rates.isEmpty());

    // Lines: one per store over the days of the month (days without figures are left out, not drawn as zero).
    m_dailyChart->removeAllSeries();
    for (QAbstractAxis *axis : m_dailyChart->axes()) {
        m_dailyChart->removeAxis(axis);
        delete axis;
    }
    auto *days = new QDateTimeAxis;
    days->setFormat(QStringLiteral("d MMM"));
    days->setTitleText(tr("Trading day"));
    const QDate first = m_period.isValid() ? m_period : QDate::currentDate();
    const QDate last = first.addMonths(1).addDays(-1);
    days->setRange(first.startOfDay(), last.startOfDay());
    days->setTickCount(std::min(8, first.daysInMonth()));
    auto *dayValues = new QValueAxis;
    dayValues->setTitleText(tr("Variance (%1)").arg(m_currency));
    dayValues->setLabelFormat(axisFormat(m_currency));
    m_dailyChart->addAxis(days, Qt::AlignBottom);
    m_dailyChart->addAxis(dayValues, Qt::AlignLeft);
    const auto daily = Core::TaxVarianceReport::dailyVarianceByStore(m_rows, m_currency);
    qreal dayLow = 0;
    qreal dayHigh = 0;
    for (int i = 0; i < m_barStoreIds.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(storeNames.at(i));
        line->setPointsVisible(true);
        const QMap<QDate, qint64> byDay = daily.value(m_barStoreIds.at(i));
        for (auto it = byDay.cbegin(); it != byDay.cend(); ++it) {
            const qreal value = chartValue(it.value(), m_currency);
            line->append(qreal(it.key().startOfDay().toMSecsSinceEpoch()), value);
            dayLow = std::min(dayLow, value);
            dayHigh = std::max(dayHigh, value);
        }
        m_dailyChart->addSeries(line);
        line->attachAxis(days);
        line->attachAxis(dayValues);
    }
    if (qFuzzyIsNull(dayLow) && qFuzzyIsNull(dayHigh))
        dayHigh = 1;
    // Room above and below: a point on the frame is drawn half hidden.
    dayValues->setRange(dayLow - (dayHigh - dayLow) * 0.15, dayHigh + (dayHigh - dayLow) * 0.15);
    dayValues->applyNiceNumbers();

    if (m_cells.isEmpty()) {
        m_vatSummary->clear();
    } else {
        int affected = 0;
        for (const Core::TaxVarianceCell &cell : std::as_const(m_cells))
            affected += cell.varianceMinor() != 0 ? 1 : 0;
        const QString total =
            totalVariance == 0
                ? tr("%1: the tills charged exactly the VAT the rates give.").arg(monthTitle(m_period))
                : (totalVariance > 0 ? tr("%1: the tills charged %2 more VAT than the rates give.")
                                     : tr("%1: the tills charged %2 less VAT than the rates give."))
                      .arg(monthTitle(m_period), money(std::abs(totalVariance), m_currency));
        m_vatSummary->setText(total + u' '
                              + tr("%1 of %2 store and rate pairs differ; %n VAT exception(s) were raised. Click a bar "
                                   "for its orders.", nullptr, int(exceptions))
                                    .arg(affected)
                                    .arg(m_cells.size()));
    }
}

void TaxVariancePage::showPayouts()
{
    const qint64 storeId = m_storeBox->currentData().toLongLong();
    {
        const QSignalBlocker block(m_storeBox);
        while (m_storeBox->count() > 1)
            m_storeBox->removeItem(1);
        for (const auto &[id, name] : m_payoutsModel->stores())
            m_storeBox->addItem(name, id);
        const int index = m_storeBox->findData(storeId);
        m_storeBox->setCurrentIndex(index < 0 ? 0 : index);
        m_payoutsModel->setStoreId(m_storeBox->currentData().toLongLong());
    }
    const int shown = m_payoutsModel->rowCount();
    m_payoutsCount->setText(tr("%n line(s) shown", nullptr, shown) + QStringLiteral(" · ")
                            + tr("%n variance(s) in %1", nullptr, int(m_payoutsModel->varianceCount()))
                                  .arg(m_period.isValid() ? monthTitle(m_period) : tr("the cache")));
    if (m_payoutsModel->totalCount() == 0) {
        m_payoutsEmpty->setTitle(tr("No payouts reconciled yet"));
        m_payoutsEmpty->setMessage(
            tr("Every night each store's takings per tender — card, cash, Swish — are compared with its Z-reports "
               "and with Prima's ledger. Press “Reconcile now” to run it for the last trading days; the results "
               "appear here, with any difference beyond the tolerance in red."));
        m_payoutsStack->setCurrentWidget(m_payoutsEmpty);
    } else if (shown == 0) {
        m_payoutsEmpty->setTitle(tr("No variances"));
        m_payoutsEmpty->setMessage(tr("Every tender of the stores shown matched within tolerance in %1. Clear "
                                      "“Only variances” to see all the lines.")
                                       .arg(monthTitle(m_period)));
        m_payoutsStack->setCurrentWidget(m_payoutsEmpty);
    } else {
        m_payoutsStack->setCurrentWidget(m_payoutsView);
    }
}

void TaxVariancePage::setStoreFilter(qint64 storeId)
{
    const int index = m_storeBox->findData(storeId);
    if (index >= 0 && index != m_storeBox->currentIndex()) {
        m_storeBox->setCurrentIndex(index); // calls back here through the combo
        return;
    }
    m_payoutsModel->setStoreId(storeId);
    showPayouts();
}

void TaxVariancePage::setOnlyVariances(bool only)
{
    if (m_onlyVariances->isChecked() != only) {
        m_onlyVariances->setChecked(only); // calls back here
        return;
    }
    m_payoutsModel->setOnlyVariances(only);
    showPayouts();
}

void TaxVariancePage::clearDrillDown()
{
    ++m_drillRequest;
    m_drillStore = 0;
    m_drillRate = -1;
    m_ordersModel->setOrders({});
    m_drillTitle->setText(tr("Orders behind a bar"));
    m_drillEmpty->setTitle(tr("Click a bar to see the orders behind it"));
    m_drillEmpty->setMessage(tr("The store's orders at that VAT rate in the month with a VAT exception or with VAT "
                                "that differs from what the rate gives are listed here. Double-click an order with "
                                "an exception to open it in the exception queue."));
    m_drillStack->setCurrentWidget(m_drillEmpty);
}

void TaxVariancePage::drillDown(qint64 storeId, qint64 vatRateUnits)
{
    if (!m_period.isValid())
        return;
    m_drillStore = storeId;
    m_drillRate = vatRateUnits;
    QString storeName;
    for (const Core::TaxVarianceCell &cell : std::as_const(m_cells)) {
        if (cell.storeId == storeId)
            storeName = cell.storeName;
    }
    const QString title =
        tr("Orders behind %1 · %2 · %3").arg(storeName, rateTitle(vatRateUnits), monthTitle(m_period));
    m_drillTitle->setText(title + u' ' + tr("(reading…)"));
    const quint64 request = ++m_drillRequest;
    const QDate from = m_period;
    const QDate to = m_period.addMonths(1).addDays(-1);
    Core::readInBackground<QList<Core::TaxVarianceOrder>>(
        m_databasePath,
        [storeId, vatRateUnits, from, to](const QSqlDatabase &db) {
            return Core::TaxVarianceReport::orders(db, storeId, vatRateUnits, from, to);
        })
        .then(this, [this, request, title, storeName, vatRateUnits](
                        const Core::Result<QList<Core::TaxVarianceOrder>> &orders) {
            if (request != m_drillRequest)
                return;
            if (!orders) {
                m_drillTitle->setText(title);
                m_drillEmpty->setTitle(tr("The orders could not be read"));
                m_drillEmpty->setMessage(orders.errorString());
                m_drillStack->setCurrentWidget(m_drillEmpty);
                Q_EMIT drillDownLoaded();
                return;
            }
            m_ordersModel->setOrders(*orders);
            m_drillTitle->setText(tr("%1 — %n order(s); double-click one with an exception to open it", nullptr,
                                     int(orders->size()))
                                      .arg(title));
            if (orders->isEmpty()) {
                m_drillEmpty->setTitle(tr("No orders with a VAT difference"));
                m_drillEmpty->setMessage(tr("Every order of %1 at %2 charged exactly the VAT the rate gives and has "
                                            "no VAT exception.")
                                             .arg(storeName, rateTitle(vatRateUnits)));
                m_drillStack->setCurrentWidget(m_drillEmpty);
            } else {
                m_drillStack->setCurrentWidget(m_ordersView);
            }
            Q_EMIT drillDownLoaded();
        });
}

} // namespace Tillbridge::Ui
