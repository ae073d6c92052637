// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/close/closepage.h"

#include "core/close/closepack.h"
#include "core/export/closepackworkbook.h"
#include "core/export/pdf/closepackpdf.h"
#include "core/close/closeservice.h"
#include "core/domain/exceptionrecord.h"
#include "core/storage/backgroundreader.h"
#include "core/storage/userrepository.h"
#include "ui/close/closestepsmodel.h"
#include "ui/common/emptystate.h"
#include "ui/common/pageheader.h"
#include "ui/common/signindialog.h"
#include "ui/common/workbenchuser.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace Tillbridge::Ui {

/** What a background read of the close returns: the status and the blocking catalogue exceptions by kind. */
struct ClosePage::Loaded
{
    Core::CloseStatus status;
    QMap<QString, int> catalogueByKind;
};

namespace {

const QString kFailColour = QStringLiteral("#b3261e");
const QString kPassColour = QStringLiteral("#1e7b34");

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QPlainTextEdit *commentField(const QString &placeholder, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(edit->fontMetrics().height() * 4);
    return edit;
}

} // namespace

ClosePage::ClosePage(QSqlDatabase guiDb, QString databasePath, WorkbenchUser *user, QWidget *parent)
    : QWidget(parent)
    , m_guiConnection(guiDb.connectionName())
    , m_databasePath(std::move(databasePath))
    , m_user(user)
    , m_steps(new CloseStepsModel(this))
    , m_period(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Check again"), this))
    , m_export(new QPushButton(tr("Export close pack…"), this))
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_stepList(new QListView(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_gatePanel(new QWidget(this))
    , m_gateTitle(new QLabel(this))
    , m_gateVerdict(new QLabel(this))
    , m_gateExplanation(wrappedLabel(this))
    , m_blockerBox(new QGroupBox(tr("What blocks this gate"), this))
    , m_blockerLayout(new QVBoxLayout(m_blockerBox))
    , m_dependencies(wrappedLabel(this))
    , m_signoffInfo(wrappedLabel(this))
    , m_comment(commentField(tr("Comment for the file (optional): what you checked, who you asked"),
                             tr("Sign-off comment"), this))
    , m_signGate(new QPushButton(tr("Sign off this gate"), this))
    , m_finalPanel(new QWidget(this))
    , m_finalTitle(new QLabel(this))
    , m_finalSummary(wrappedLabel(this))
    , m_periodSignoffInfo(wrappedLabel(this))
    , m_periodComment(commentField(tr("Comment for the file (optional)"), tr("Period sign-off comment"), this))
    , m_signPeriod(new QPushButton(tr("Sign off the period…"), this))
    , m_lockInfo(wrappedLabel(this))
    , m_lock(new QPushButton(tr("Lock the period…"), this))
    , m_reopenBox(new QGroupBox(tr("Re-open (two approvers)"), this))
    , m_reopenInfo(wrappedLabel(this))
    , m_askReopen(new QPushButton(tr("Ask to re-open…"), this))
    , m_approveReopen(new QPushButton(tr("Agree to re-open…"), this))
    , m_rejectReopen(new QPushButton(tr("Decline…"), this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next"), this))
{
    // Periods: the last twelve months, the previous month first (the one usually being closed).
    const QDate thisMonth(QDate::currentDate().year(), QDate::currentDate().month(), 1);
    for (int back = 0; back <= 12; ++back) {
        const QString code = thisMonth.addMonths(-back).toString(QStringLiteral("yyyy-MM"));
        m_period->addItem(back == 0 ? tr("%1 (this month)").arg(code) : code, code);
    }
    m_period->setCurrentIndex(1);
    m_period->setAccessibleName(tr("Period to close"));
    m_period->setToolTip(tr("The calendar month to close (YYYY-MM), each store on its own clock"));
    m_refresh->setAccessibleName(tr("Check the gates again"));
    m_refresh->setToolTip(tr("Compute every gate again from the data"));
    m_export->setAccessibleName(tr("Export close pack"));
    m_export->setToolTip(tr("Write the reconciliation, tax, exception, sign-off and override files and a summary "
                            "for the period into a folder"));

    auto *header = new PageHeader(tr("Month-end close"),
                                  tr("Walk the period's gates, sign each off, then an approver signs the period off "
                                     "and locks it."),
                                  this);
    auto *periodLabel = new QLabel(tr("Period:"), this);
    periodLabel->setBuddy(m_period);
    header->addAction(periodLabel);
    header->addAction(m_period);
    header->addAction(m_refresh);
    header->addAction(m_export);

    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);
    m_summary->setAccessibleName(tr("Close summary"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setVisible(false);
    m_status->setAccessibleName(tr("Last action"));

    m_stepList->setModel(m_steps);
    m_stepList->setAccessibleName(tr("Close steps"));
    m_stepList->setIconSize(QSize(20, 20));
    m_stepList->setSpacing(3);
    m_stepList->setFixedWidth(300);
    m_stepList->setWordWrap(true);
    m_stepList->setEditTriggers(QAbstractItemView::NoEditTriggers);

    // A gate's step.
    QFont titleFont = m_gateTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_gateTitle->setFont(titleFont);
    m_finalTitle->setFont(titleFont);
    QFont verdictFont = m_gateVerdict->font();
    verdictFont.setBold(true);
    m_gateVerdict->setFont(verdictFont);
    m_gateVerdict->setAccessibleName(tr("Gate status"));
    m_gateExplanation->setAccessibleName(tr("What the data says"));
    m_blockerBox->setAccessibleName(tr("What blocks this gate"));
    m_signGate->setAccessibleName(tr("Sign off this gate"));
    m_signGate->setToolTip(tr("Recorded with your name, the time, your comment and the gate's figures"));

    auto *dependencyBox = new QGroupBox(tr("Signed first"), m_gatePanel);
    auto *dependencyLayout = new QVBoxLayout(dependencyBox);
    dependencyLayout->addWidget(m_dependencies);
    auto *signBox = new QGroupBox(tr("Sign-off"), m_gatePanel);
    auto *signLayout = new QVBoxLayout(signBox);
    signLayout->addWidget(m_signoffInfo);
    signLayout->addWidget(m_comment);
    signLayout->addWidget(m_signGate, 0, Qt::AlignLeft);

    auto *gateLayout = new QVBoxLayout(m_gatePanel);
    gateLayout->addWidget(m_gateTitle);
    gateLayout->addWidget(m_gateVerdict);
    gateLayout->addWidget(m_gateExplanation);
    gateLayout->addWidget(m_blockerBox);
    gateLayout->addWidget(dependencyBox);
    gateLayout->addWidget(signBox);
    gateLayout->addStretch(1);

    // The final step.
    m_signPeriod->setAccessibleName(tr("Sign off the period"));
    m_lock->setAccessibleName(tr("Lock the period"));
    m_askReopen->setAccessibleName(tr("Ask to re-open the period"));
    m_approveReopen->setAccessibleName(tr("Agree to re-open the period"));
    m_rejectReopen->setAccessibleName(tr("Decline to re-open the period"));
    m_finalSummary->setAccessibleName(tr("Gates"));
    auto *periodBox = new QGroupBox(tr("1. Period sign-off (an approver)"), m_finalPanel);
    auto *periodLayout = new QVBoxLayout(periodBox);
    periodLayout->addWidget(m_periodSignoffInfo);
    periodLayout->addWidget(m_periodComment);
    periodLayout->addWidget(m_signPeriod, 0, Qt::AlignLeft);
    auto *lockBox = new QGroupBox(tr("2. Lock (an approver)"), m_finalPanel);
    auto *lockLayout = new QVBoxLayout(lockBox);
    lockLayout->addWidget(m_lockInfo);
    lockLayout->addWidget(m_lock, 0, Qt::AlignLeft);
    auto *reopenLayout = new QVBoxLayout(m_reopenBox);
    reopenLayout->addWidget(m_reopenInfo);
    auto *reopenButtons = new QHBoxLayout;
    reopenButtons->addWidget(m_askReopen);
    reopenButtons->addWidget(m_approveReopen);
    reopenButtons->addWidget(m_rejectReopen);
    reopenButtons->addStretch(1);
    reopenLayout->addLayout(reopenButtons);
    auto *finalLayout = new QVBoxLayout(m_finalPanel);
    finalLayout->addWidget(m_finalTitle);
    finalLayout->addWidget(m_finalSummary);
    finalLayout->addWidget(periodBox);
    finalLayout->addWidget(lockBox);
    finalLayout->addWidget(m_reopenBox);
    finalLayout->addStretch(1);

    m_empty->setTitle(tr("Reading the period…"));
    m_empty->setMessage(tr("Each gate is computed from the cache: stores synced, orders posted, exceptions "
                           "cleared, payouts matched, tax variance aggregated, SKU audit clean."));

    const auto scrolled = [this](QWidget *panel) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(panel);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        return scroll;
    };
    m_stack->addWidget(m_empty);
    m_stack->addWidget(scrolled(m_gatePanel));
    m_stack->addWidget(scrolled(m_finalPanel));

    m_back->setAccessibleName(tr("Previous step"));
    m_next->setAccessibleName(tr("Next step"));
    auto *navigation = new QHBoxLayout;
    navigation->addStretch(1);
    navigation->addWidget(m_back);
    navigation->addWidget(m_next);

    auto *right = new QVBoxLayout;
    right->addWidget(m_stack, 1);
    right->addLayout(navigation);
    auto *body = new QHBoxLayout;
    body->addWidget(m_stepList);
    body->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addLayout(body, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ClosePage::reload);
    connect(m_refresh, &QPushButton::clicked, this, &ClosePage::reload);
    connect(m_export, &QPushButton::clicked, this, &ClosePage::chooseClosePackFolder);
    connect(m_stepList->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ClosePage::showStep);
    connect(m_signGate, &QPushButton::clicked, this, &ClosePage::signCurrentGate);
    connect(m_signPeriod, &QPushButton::clicked, this, &ClosePage::signPeriod);
    connect(m_lock, &QPushButton::clicked, this, &ClosePage::lockPeriod);
    connect(m_askReopen, &QPushButton::clicked, this, &ClosePage::askToReopen);
    connect(m_approveReopen, &QPushButton::clicked, this, &ClosePage::approveReopen);
    connect(m_rejectReopen, &QPushButton::clicked, this, &ClosePage::rejectReopen);
    connect(m_back, &QPushButton::clicked, this, [this] { setCurrentStep(currentStep() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setCurrentStep(currentStep() + 1); });
    connect(this, &ClosePage::closePackExported, this, [this](bool ok, const QString &message) {
        m_export->setEnabled(true);
        setStatus(message, !ok);
    });
    updateSummary();
    showStep();
}

QString ClosePage::period() const
{
    return m_period->currentData().toString();
}

void ClosePage::setPeriod(const QString &period)
{
    int index = m_period->findData(period);
    if (index < 0) {
        m_period->addItem(period, period);
        index = m_period->count() - 1;
    }
    if (index == m_period->currentIndex())
        reload();
    else
        m_period->setCurrentIndex(index); // reloads
}

int ClosePage::currentStep() const
{
    return m_stepList->currentIndex().isValid() ? m_stepList->currentIndex().row() : -1;
}

void ClosePage::setCurrentStep(int row)
{
    if (row < 0 || row >= m_steps->rowCount())
        return;
    m_stepList->setCurrentIndex(m_steps->index(row));
}

const std::optional<Core::CloseStatus> &ClosePage::closeStatus() const
{
    return m_steps->status();
}

QStringList ClosePage::blockers() const
{
    return m_blockerTexts;
}

QString ClosePage::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void ClosePage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: %1;").arg(kFailColour) : QString());
    m_status->setVisible(!text.isEmpty());
}

void ClosePage::reload()
{
    const QString period = this->period();
    const qint64 request = ++m_loadRequest;
    m_refresh->setEnabled(false);
    Core::readInBackground<Loaded>(m_databasePath, [period](const QSqlDatabase &db) -> Core::Result<Loaded> {
        auto status = Core::CloseService(db).status(period);
        if (!status)
            return status.error();
        Loaded loaded{*status, {}};
        // The SKU-audit gate counts blocking catalogue exceptions together; the links into the queue are per kind.
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT kind, COUNT(*) FROM exceptions WHERE kind LIKE 'CATALOG\\_%' "
                                      "ESCAPE '\\' AND severity = 'blocking' AND state IN ('open', 'assigned') "
                                      "GROUP BY kind"))) {
            while (query.next())
                loaded.catalogueByKind.insert(query.value(0).toString(), query.value(1).toInt());
        }
        return loaded;
    }).then(this, [this, request](const Core::Result<Loaded> &result) {
        if (request != m_loadRequest)
            return; // another period was chosen meanwhile
        m_refresh->setEnabled(true);
        const int step = currentStep();
        m_loadFailed = !result;
        if (!result) {
            m_steps->setStatus(std::nullopt);
            m_catalogueByKind.clear();
            m_empty->setTitle(tr("The period could not be read"));
            m_empty->setMessage(result.errorString());
        } else {
            m_catalogueByKind = result->catalogueByKind;
            m_steps->setStatus(result->status);
        }
        updateSummary();
        if (m_steps->rowCount() > 0) {
            // Stay on the step the user was on; on first load, start at the first gate that needs attention.
            int row = step;
            if (row < 0 || row >= m_steps->rowCount()) {
                row = m_steps->finalStepRow();
                for (int i = 0; i < m_steps->finalStepRow(); ++i) {
                    if (!m_steps->index(i).data(CloseStepsModel::SignedRole).toBool()) {
                        row = i;
                        break;
                    }
                }
            }
            setCurrentStep(row);
        }
        showStep();
        Q_EMIT loaded();
    });
}

void ClosePage::updateSummary()
{
    const auto &status = m_steps->status();
    if (!status) {
        m_summary->setText(m_loadFailed ? tr("The period could not be read.") : tr("Reading %1…").arg(period()));
        m_export->setEnabled(false);
        return;
    }
    m_export->setEnabled(true);
    int passing = 0;
    int signedCount = 0;
    for (const Core::GateEvaluation &gate : status->gates) {
        passing += gate.passes ? 1 : 0;
        signedCount += gate.signoff ? 1 : 0;
    }
    const int total = int(status->gates.size());
    QString state;
    if (status->locked)
        state = tr("Locked by %1 on %2").arg(status->lockedBy, when(status->lockedAt));
    else if (status->periodSignoff)
        state = tr("Signed off, not locked yet");
    else
        state = tr("Open", "the period's state"); // Swedish "öppen" (perioden), not the exceptions' "öppet"
    m_summary->setText(tr("%1 · %2 · %3 of %4 gates pass · %5 of %4 signed")
                           .arg(status->period.code, state)
                           .arg(passing)
                           .arg(total)
                           .arg(signedCount));
}

void ClosePage::showStep()
{
    const int row = currentStep();
    const auto &status = m_steps->status();
    m_back->setEnabled(status && row > 0);
    m_next->setEnabled(status && row >= 0 && row < m_steps->finalStepRow());
    if (!status || row < 0) {
        clearBlockers();
        m_stack->setCurrentIndex(0);
        return;
    }
    if (row < status->gates.size()) {
        showGate(status->gates.at(row));
        m_stack->setCurrentIndex(1);
    } else {
        clearBlockers();
        showFinalStep();
        m_stack->setCurrentIndex(2);
    }
}

void ClosePage::clearBlockers()
{
    m_blockerTexts.clear();
    while (QLayoutItem *item = m_blockerLayout->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        else if (QLayout *layout = item->layout()) {
            while (QLayoutItem *inner = layout->takeAt(0)) {
                if (inner->widget())
                    inner->widget()->deleteLater();
                delete inner;
            }
        }
        delete item;
    }
}

void ClosePage::addBlocker(const QString &text, const QString &kindCode)
{
    m_blockerTexts.append(text);
    auto *row = new QHBoxLayout;
    auto *label = wrappedLabel(m_blockerBox);
    label->setText(QStringLiteral("• ") + text);
    row->addWidget(label, 1);
    if (!kindCode.isEmpty()) {
        auto *open = new QPushButton(tr("Show in the queue"), m_blockerBox);
        open->setObjectName(QStringLiteral("open-%1").arg(kindCode));
        open->setAccessibleName(tr("Show the open %1 exceptions in the queue").arg(text));
        connect(open, &QPushButton::clicked, this, [this, kindCode] { Q_EMIT openExceptionsRequested(kindCode); });
        row->addWidget(open, 0, Qt::AlignTop);
    }
    m_blockerLayout->addLayout(row);
}

void ClosePage::showGate(const Core::GateEvaluation &gate)
{
    using Core::CloseGate;
    const auto &status = m_steps->status();
    const int row = currentStep();
    m_gateTitle->setText(tr("Step %1 of %2 · %3")
                             .arg(row + 1)
                             .arg(m_steps->rowCount())
                             .arg(Core::CloseGates::title(gate.gate)));
    m_gateVerdict->setText(gate.passes ? tr("✓ The data passes this gate.") : tr("✗ The data fails this gate."));
    m_gateVerdict->setStyleSheet(QStringLiteral("color: %1;").arg(gate.passes ? kPassColour : kFailColour));
    m_gateExplanation->setText(gate.explanation);

    clearBlockers();
    const QJsonObject &evidence = gate.evidence;
    const auto number = [&evidence](const char *key) { return evidence.value(QLatin1String(key)).toInteger(); };
    const QString postingFailed = Core::ExceptionKinds::code(Core::ExceptionKind::PostingFailed);
    switch (gate.gate) {
    case CloseGate::StoresSynced:
        for (const QJsonValue &store : evidence.value(u"not_synced").toArray())
            addBlocker(tr("%1: no orders pulled after the end of the period yet. Check the store's feed on the "
                          "dashboard, or wait for the next pull.")
                           .arg(store.toString()));
        break;
    case CloseGate::NothingUnposted:
        if (const qint64 waiting = number("waiting"))
            addBlocker(tr("%n order(s) of the period still wait to be posted to Prima.", nullptr, int(waiting)));
        if (const qint64 failed = number("failed"))
            addBlocker(tr("%n order(s) were refused by Prima.", nullptr, int(failed)), postingFailed);
        break;
    case CloseGate::NoBlockingExceptions: {
        const QJsonObject byKind = evidence.value(u"by_kind").toObject();
        for (auto it = byKind.begin(); it != byKind.end(); ++it) {
            const auto kind = Core::ExceptionKinds::fromCode(it.key());
            const QString title = kind ? Core::ExceptionKinds::title(*kind) : it.key();
            addBlocker(tr("%1 open: %2").arg(it.value().toInteger()).arg(title), it.key());
        }
        break;
    }
    case CloseGate::PayoutsMatched:
        if (const qint64 missing = number("store_days_not_reconciled"))
            addBlocker(tr("%n store-day(s) with sales are not reconciled yet: run the reconciliation for them.",
                          nullptr, int(missing)));
        if (const qint64 variances = number("store_days_with_open_variance"))
            addBlocker(tr("%n store-day(s) have a payout variance open.", nullptr, int(variances)),
                       Core::ExceptionKinds::code(Core::ExceptionKind::PayoutVariance));
        break;
    case CloseGate::TaxVarianceReviewed:
        if (const qint64 missing = number("store_days_not_aggregated"))
            addBlocker(tr("%n store-day(s) with sales have no tax-variance figures yet: run the reconciliation.",
                          nullptr, int(missing)));
        break;
    case CloseGate::SkuAuditClean:
        if (number("runs_in_period") == 0)
            addBlocker(tr("No SKU audit finished in %1: run one from the SKU differences view.")
                           .arg(status->period.code));
        for (auto it = m_catalogueByKind.cbegin(); it != m_catalogueByKind.cend(); ++it) {
            const auto kind = Core::ExceptionKinds::fromCode(it.key());
            addBlocker(tr("%1 open: %2").arg(it.value()).arg(kind ? Core::ExceptionKinds::title(*kind) : it.key()),
                       it.key());
        }
        break;
    }
    if (m_blockerTexts.isEmpty()) {
        auto *none = wrappedLabel(m_blockerBox);
        none->setText(gate.passes ? tr("Nothing: the data passes.")
                                  : tr("The data fails; the explanation above says why."));
        none->setForegroundRole(QPalette::PlaceholderText);
        m_blockerLayout->addWidget(none);
    }
    if (gate.gate == CloseGate::TaxVarianceReviewed && gate.passes)
        m_gateExplanation->setText(gate.explanation + u' '
                                   + tr("Look at the VAT variance view first: your sign-off is the review."));

    // Dependencies.
    const QList<CloseGate> dependencies = Core::CloseGates::dependencies(gate.gate);
    if (dependencies.isEmpty()) {
        m_dependencies->setText(tr("No other gate needs to be signed first."));
    } else {
        QStringList lines;
        for (const CloseGate dependency : dependencies) {
            const Core::GateEvaluation *evaluation = status->gate(dependency);
            const bool isSigned = evaluation && evaluation->signoff;
            lines << (isSigned ? tr("✓ %1 — signed by %2")
                                     .arg(Core::CloseGates::title(dependency), evaluation->signoff->signedBy)
                               : tr("✗ %1 — not signed yet").arg(Core::CloseGates::title(dependency)));
        }
        m_dependencies->setText(lines.join(u'\n'));
    }

    // Sign-off.
    if (gate.signoff) {
        QString text = tr("Signed by %1 on %2.").arg(gate.signoff->signedBy, when(gate.signoff->signedAt));
        if (!gate.signoff->comment.isEmpty())
            text += u' ' + tr("Comment: “%1”").arg(gate.signoff->comment);
        if (!gate.passes)
            text += u' ' + tr("The data no longer passes: the period cannot be signed off until it does again.");
        m_signoffInfo->setText(text);
    } else if (status->locked) {
        m_signoffInfo->setText(tr("The period is locked."));
    } else {
        m_signoffInfo->setText(tr("Not signed yet. Anyone with an account may sign a gate once its data passes and "
                                  "the gates above are signed; your name, the time, your comment and the gate's "
                                  "figures are kept."));
    }
    m_comment->setVisible(!gate.signoff && !status->locked);
    m_signGate->setVisible(!gate.signoff && !status->locked);
    m_signGate->setEnabled(!m_busy);
}

void ClosePage::showFinalStep()
{
    const Core::CloseStatus &status = *m_steps->status();
    m_finalTitle->setText(tr("Step %1 of %1 · Sign off and lock %2").arg(m_steps->rowCount()).arg(status.period.code));
    QStringList missing;
    for (const Core::GateEvaluation &gate : status.gates) {
        if (!gate.passes)
            missing << tr("✗ %1 fails").arg(Core::CloseGates::title(gate.gate));
        else if (!gate.signoff)
            missing << tr("✗ %1 is not signed").arg(Core::CloseGates::title(gate.gate));
    }
    if (missing.isEmpty()) {
        m_finalSummary->setText(tr("✓ Every gate passes and is signed."));
        m_finalSummary->setStyleSheet(QStringLiteral("color: %1;").arg(kPassColour));
    } else {
        m_finalSummary->setText(tr("Before the period can be signed off:") + u'\n' + missing.join(u'\n'));
        m_finalSummary->setStyleSheet(QStringLiteral("color: %1;").arg(kFailColour));
    }

    if (status.periodSignoff) {
        QString text = tr("Signed off by %1 on %2.").arg(status.periodSignoff->signedBy,
                                                          when(status.periodSignoff->signedAt));
        if (!status.periodSignoff->comment.isEmpty())
            text += u' ' + tr("Comment: “%1”").arg(status.periodSignoff->comment);
        m_periodSignoffInfo->setText(text);
    } else {
        m_periodSignoffInfo->setText(tr("An approver signs the period off once every gate passes and is signed. "
                                        "They sign in with their own password."));
    }
    m_periodComment->setVisible(!status.periodSignoff && !status.locked);
    m_signPeriod->setVisible(!status.periodSignoff && !status.locked);

    if (status.locked) {
        m_lockInfo->setText(tr("Locked by %1 on %2. Prima documents dated in %3 now become “Period closed” "
                               "exceptions instead of being sent.")
                                .arg(status.lockedBy, when(status.lockedAt), status.period.code));
    } else {
        m_lockInfo->setText(tr("After the sign-off, an approver locks the period: from then on, Prima documents "
                               "dated in it are held back as “Period closed” exceptions."));
    }
    m_lock->setVisible(!status.locked);

    m_reopenBox->setVisible(status.locked);
    const std::optional<qint64> pending = pendingReopenId();
    if (pending) {
        const auto request = std::find_if(status.reopenRequests.cbegin(), status.reopenRequests.cend(),
                                          [&](const Core::ReopenRequest &r) { return r.id == *pending; });
        m_reopenInfo->setText(tr("%1 asked on %2 to re-open the period: “%3”. Another approver agrees or declines; "
                                 "%1 cannot decide their own request.")
                                  .arg(request->requestedBy, when(request->requestedAt), request->reason));
    } else {
        m_reopenInfo->setText(tr("Re-opening takes two approvers: one asks with a reason, another agrees. It clears "
                                 "every sign-off and the checklist starts again."));
    }
    m_askReopen->setVisible(!pending);
    m_approveReopen->setVisible(pending.has_value());
    m_rejectReopen->setVisible(pending.has_value());
    for (QPushButton *button : {m_signPeriod, m_lock, m_askReopen, m_approveReopen, m_rejectReopen})
        button->setEnabled(!m_busy);
}

std::optional<qint64> ClosePage::pendingReopenId() const
{
    const auto &status = m_steps->status();
    if (!status)
        return std::nullopt;
    for (auto it = status->reopenRequests.crbegin(); it != status->reopenRequests.crend(); ++it) {
        if (it->state == u"pending")
            return it->id;
    }
    return std::nullopt;
}

bool ClosePage::requireUser()
{
    if (m_user->isSignedIn())
        return true;
    Q_EMIT signInRequested();
    return m_user->isSignedIn();
}

void ClosePage::runAction(const QString &busyText, Action action)
{
    m_busy = true;
    showStep();
    setStatus(busyText);
    Core::readInBackground<QString>(m_databasePath, std::move(action))
        .then(this, [this](const Core::Result<QString> &result) {
            m_busy = false;
            if (result)
                setStatus(*result);
            else
                setStatus(result.errorString(), true);
            if (result)
                Q_EMIT changed();
            // Read again, then report: a test (or the window) sees the new status with the outcome.
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(this, &ClosePage::loaded, this, [this, connection, ok = result.ok()] {
                disconnect(*connection);
                Q_EMIT actionFinished(ok);
            });
            reload();
        });
}

void ClosePage::signCurrentGate()
{
    const auto &status = m_steps->status();
    const int row = currentStep();
    if (!status || row < 0 || row >= status->gates.size())
        return;
    signGate(status->gates.at(row).gate, m_comment->toPlainText().trimmed());
}

void ClosePage::signGate(Core::CloseGate gate, const QString &comment)
{
    if (!requireUser())
        return;
    const QString me = m_user->username();
    const QString period = this->period();
    runAction(tr("Signing %1…").arg(Core::CloseGates::title(gate)),
              [period, gate, me, comment](const QSqlDatabase &db) -> Core::Result<QString> {
                  if (auto signedOff = Core::CloseService(db).signGate(period, gate, me, comment); !signedOff)
                      return signedOff.error();
                  return tr("%1 signed off by %2.").arg(Core::CloseGates::title(gate), me);
              });
    m_comment->clear();
}

namespace {
/** The approver's password first, then the decision, both on the worker's connection. */
Core::Status verifyApprover(const QSqlDatabase &db, const QString &approver, const QString &password)
{
    auto verified = Core::UserRepository(db).verify(approver, password);
    if (!verified)
        return verified.error();
    return Core::Status::success();
}
} // namespace

void ClosePage::signPeriod()
{
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Approve, this);
    dialog.setExplanation(tr("Sign %1 off as an approver: every gate passes and is signed. Your comment is kept "
                             "with the sign-off.")
                              .arg(period()));
    dialog.setUsername(m_user->username());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString comment = dialog.reason().isEmpty() ? m_periodComment->toPlainText().trimmed() : dialog.reason();
    signPeriodAs(dialog.username(), dialog.password(), comment);
}

void ClosePage::signPeriodAs(const QString &approver, const QString &password, const QString &comment)
{
    const QString period = this->period();
    runAction(tr("Signing the period off…"),
              [period, approver, password, comment](const QSqlDatabase &db) -> Core::Result<QString> {
                  if (auto verified = verifyApprover(db, approver, password); !verified)
                      return verified.error();
                  if (auto signedOff = Core::CloseService(db).signPeriod(period, approver, comment); !signedOff)
                      return signedOff.error();
                  return tr("%1 signed off by %2. An approver can lock it now.").arg(period, approver);
              });
    m_periodComment->clear();
}

void ClosePage::lockPeriod()
{
    // Locking takes no comment: the approver signs in (the dialog checks the password) and the lock is recorded
    // under their name.
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::SignIn, this);
    dialog.setWindowTitle(tr("Lock %1").arg(period()));
    dialog.setExplanation(tr("Lock %1: Prima documents dated in it will be held back as “Period closed” exceptions. "
                             "An approver signs in.")
                              .arg(period()));
    dialog.setUsername(m_user->username());
    if (dialog.exec() != QDialog::Accepted)
        return;
    lockVerified(dialog.user().username);
}

void ClosePage::lockAs(const QString &approver, const QString &password)
{
    const QString period = this->period();
    runAction(tr("Locking the period…"), [period, approver, password](const QSqlDatabase &db) -> Core::Result<QString> {
        if (auto verified = verifyApprover(db, approver, password); !verified)
            return verified.error();
        if (auto locked = Core::CloseService(db).lock(period, approver); !locked)
            return locked.error();
        return tr("%1 is locked by %2.").arg(period, approver);
    });
}

void ClosePage::lockVerified(const QString &approver)
{
    const QString period = this->period();
    runAction(tr("Locking the period…"), [period, approver](const QSqlDatabase &db) -> Core::Result<QString> {
        if (auto locked = Core::CloseService(db).lock(period, approver); !locked)
            return locked.error();
        return tr("%1 is locked by %2.").arg(period, approver);
    });
}

void ClosePage::askToReopen()
{
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Approve, this);
    dialog.setExplanation(tr("Ask to re-open %1. Give the reason; another approver must agree before it opens, and "
                             "every sign-off is then cleared.")
                              .arg(period()));
    dialog.setUsername(m_user->username());
    if (dialog.exec() != QDialog::Accepted)
        return;
    requestReopenAs(dialog.username(), dialog.password(), dialog.reason());
}

void ClosePage::requestReopenAs(const QString &approver, const QString &password, const QString &reason)
{
    const QString period = this->period();
    runAction(tr("Asking to re-open…"), [period, approver, password, reason](const QSqlDatabase &db)
                                            -> Core::Result<QString> {
        if (auto verified = verifyApprover(db, approver, password); !verified)
            return verified.error();
        if (auto requested = Core::CloseService(db).requestReopen(period, approver, reason); !requested)
            return requested.error();
        return tr("%1 asked to re-open %2. Another approver must agree.").arg(approver, period);
    });
}

void ClosePage::approveReopen()
{
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Approve, this);
    dialog.setExplanation(tr("Agree to re-open %1. The approver who asked cannot agree to their own request "
                             "(maker-checker): a second approver signs in here.")
                              .arg(period()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    approveReopenAs(dialog.username(), dialog.password(), dialog.reason());
}

void ClosePage::approveReopenAs(const QString &approver, const QString &password, const QString &comment)
{
    const std::optional<qint64> request = pendingReopenId();
    if (!request) {
        setStatus(tr("Nobody has asked to re-open %1.").arg(period()), true);
        Q_EMIT actionFinished(false);
        return;
    }
    const QString period = this->period();
    runAction(tr("Re-opening…"), [id = *request, period, approver, password, comment](const QSqlDatabase &db)
                                     -> Core::Result<QString> {
        if (auto verified = verifyApprover(db, approver, password); !verified)
            return verified.error();
        if (auto approved = Core::CloseService(db).approveReopen(id, approver, comment); !approved)
            return approved.error();
        return tr("%1 is open again (agreed by %2). Every sign-off was cleared.").arg(period, approver);
    });
}

void ClosePage::rejectReopen()
{
    SignInDialog dialog(m_databasePath, SignInDialog::Purpose::Reject, this);
    dialog.setExplanation(tr("Decline to re-open %1: it stays locked. Another approver than the one who asked "
                             "signs in.")
                              .arg(period()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    rejectReopenAs(dialog.username(), dialog.password(), dialog.reason());
}

void ClosePage::rejectReopenAs(const QString &approver, const QString &password, const QString &reason)
{
    const std::optional<qint64> request = pendingReopenId();
    if (!request) {
        setStatus(tr("Nobody has asked to re-open %1.").arg(period()), true);
        Q_EMIT actionFinished(false);
        return;
    }
    const QString period = this->period();
    runAction(tr("Declining…"), [id = *request, period, approver, password, reason](const QSqlDatabase &db)
                                    -> Core::Result<QString> {
        if (auto verified = verifyApprover(db, approver, password); !verified)
            return verified.error();
        if (auto rejected = Core::CloseService(db).rejectReopen(id, approver, reason); !rejected)
            return rejected.error();
        return tr("%1 declined to re-open %2; it stays locked.").arg(approver, period);
    });
}

void ClosePage::chooseClosePackFolder()
{
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Folder for the %1 close pack").arg(period()),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!directory.isEmpty())
        exportClosePack(directory);
}

void ClosePage::exportClosePack(const QString &directory)
{
    const QString period = this->period();
    m_export->setEnabled(false);
    setStatus(tr("Writing the %1 close pack…").arg(period));
    // The CSV files, the workbook and the PDF, all from one read of the pack's data (PDF layout is fine off the GUI
    // thread: QPdfWriter, QTextDocument and QPainter are reentrant).
    Reports::ClosePackPdfOptions pdf;
    pdf.company = Reports::ClosePackPdf::defaultCompany();
    pdf.preparedBy = m_user->isSignedIn() ? m_user->describe() : qEnvironmentVariable("USER");
    Core::readInBackground<Core::ClosePackSummary>(m_databasePath, [period, directory, pdf](const QSqlDatabase &db)
                                                                       -> Core::Result<Core::ClosePackSummary> {
        auto data = Core::ClosePack::load(db, period);
        if (!data)
            return data.error();
        auto summary = Core::ClosePack::writeCsv(*data, directory);
        if (!summary)
            return summary;
        auto workbook = Core::ClosePackWorkbook::writeXlsx(*data, directory);
        if (!workbook)
            return workbook.error();
        const QString pdfName = Reports::ClosePackPdf::fileName(period);
        if (auto pages = Reports::ClosePackPdf::write(*data, pdf, QDir(directory).filePath(pdfName)); !pages)
            return pages.error();
        Core::ClosePackSummary written = *summary;
        written.files << QFileInfo(*workbook).fileName() << pdfName;
        return written;
    }).then(this, [this, period](const Core::Result<Core::ClosePackSummary> &summary) {
        if (!summary) {
            Q_EMIT closePackExported(false, summary.errorString());
            return;
        }
        QString message = tr("Close pack for %1 written to %2 (%n file(s)).", nullptr, int(summary->files.size()))
                              .arg(period, QDir::toNativeSeparators(summary->directory));
        if (!summary->allGatesPass)
            message += u' ' + tr("Not every gate passes: the pack says which.");
        if (!summary->auditChainIntact)
            message += u' ' + tr("The audit chain did not verify, so its head is not in the summary.");
        if (!summary->locked)
            message += u' ' + tr("The period is not locked yet.");
        Q_EMIT closePackExported(true, message);
    });
}

} // namespace Tillbridge::Ui
