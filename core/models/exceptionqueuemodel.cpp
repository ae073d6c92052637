// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/exceptionqueuemodel.h"

#include "core/storage/storerepository.h"

#include <QCoreApplication>
#include <QScopedValueRollback>

#include <utility>

namespace Tillbridge::Core {

namespace {
/** "90002:20013" (account:order id) → "Order 20013"; other entities as they are. */
QString referenceText(const ExceptionRecord &record)
{
    if (record.entityType == u"order") {
        const QString orderId = record.entityId.section(u':', -1);
        return QCoreApplication::translate("Tillbridge::Core::ExceptionQueueModel", "Order %1").arg(orderId);
    }
    if (record.entityType == u"outbox") {
        const QString orderId = record.entityId.section(u':', -1);
        return QCoreApplication::translate("Tillbridge::Core::ExceptionQueueModel", "Posting of order %1")
            .arg(orderId);
    }
    return record.entityId;
}

QString stateTitle(ExceptionState state)
{
    const char *text = "";
    switch (state) {
    case ExceptionState::Open:
        text = QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionQueueModel", "Open");
        break;
    case ExceptionState::Assigned:
        text = QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionQueueModel", "Assigned");
        break;
    case ExceptionState::Resolved:
        text = QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionQueueModel", "Resolved");
        break;
    case ExceptionState::Approved:
        text = QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionQueueModel", "Approved");
        break;
    case ExceptionState::Rejected:
        text = QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionQueueModel", "Rejected");
        break;
    case ExceptionState::AutoResolved:
        text = QT_TRANSLATE_NOOP("Tillbridge::Core::ExceptionQueueModel", "Resolved automatically");
        break;
    }
    return QCoreApplication::translate("Tillbridge::Core::ExceptionQueueModel", text);
}
} // namespace

ExceptionQueueModel::ExceptionQueueModel(QSqlDatabase db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connectionName(db.connectionName())
{
    m_filter.states = {ExceptionState::Open, ExceptionState::Assigned};
}

void ExceptionQueueModel::setFilter(const ExceptionFilter &filter)
{
    m_filter = filter;
    reload();
}

void ExceptionQueueModel::setAge(ExceptionAge age)
{
    m_age = age;
    reload();
}

QString ExceptionQueueModel::ageText(const QDateTime &since, const QDateTime &now)
{
    const qint64 minutes = std::max<qint64>(0, since.secsTo(now) / 60);
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return tr("%1 h").arg(minutes / 60);
    return tr("%1 d").arg(minutes / (24 * 60));
}

ExceptionFilter ExceptionQueueModel::effectiveFilter() const
{
    ExceptionFilter filter = m_filter;
    switch (m_age) {
    case ExceptionAge::Any:
        break;
    case ExceptionAge::UnderOneHour:
        filter.createdFrom = m_now.addSecs(-3600);
        break;
    case ExceptionAge::UnderOneDay:
        filter.createdFrom = m_now.addDays(-1);
        break;
    case ExceptionAge::OneToSevenDays:
        filter.createdFrom = m_now.addDays(-7);
        filter.createdBefore = m_now.addDays(-1);
        break;
    case ExceptionAge::OverSevenDays:
        filter.createdBefore = m_now.addDays(-7);
        break;
    }
    return filter;
}

void ExceptionQueueModel::reload()
{
    // The first page is read inside the reset, so that views reacting to modelReset by fetching more never see rows
    // inserted while the reset is still being announced.
    QString error;
    beginResetModel();
    {
        const QScopedValueRollback guard(m_fetching, true);
        m_now = QDateTime::currentDateTimeUtc();
        m_rows.clear();
        m_atEnd = false;
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        m_storeNames.clear();
        if (auto stores = StoreRepository(db).all()) {
            for (const Store &store : *stores)
                m_storeNames.insert(store.id, store.name);
        }
        auto total = ExceptionRepository(db).count(effectiveFilter());
        m_total = total ? *total : 0;
        if (auto page = loadPage(std::nullopt)) {
            m_rows = *page;
            m_atEnd = m_rows.size() < kPageSize;
        } else {
            m_atEnd = true;
            error = page.errorString();
        }
    }
    endResetModel();
    Q_EMIT totalChanged(m_total);
    if (!error.isEmpty())
        Q_EMIT loadFailed(error);
}

int ExceptionQueueModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int ExceptionQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExceptionQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ExceptionQueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ExceptionQueueModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_fetching || m_atEnd)
        return;
    // Views and QAbstractItemModelTester call fetchMore() from inside our own insert notifications.
    const QScopedValueRollback guard(m_fetching, true);
    auto page = loadPage(m_rows.isEmpty() ? std::nullopt
                                          : std::optional(ExceptionRepository::keyOf(m_rows.constLast())));
    if (!page) {
        m_atEnd = true;
        Q_EMIT loadFailed(page.errorString());
        return;
    }
    m_atEnd = page->size() < kPageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

Result<QList<ExceptionRecord>> ExceptionQueueModel::loadPage(const std::optional<ExceptionPageKey> &after) const
{
    return ExceptionRepository(QSqlDatabase::database(m_connectionName, false))
        .page(effectiveFilter(), after, kPageSize);
}

QVariant ExceptionQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExceptionRecord &record = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgeColumn:
            return ageText(record.createdAt, m_now);
        case KindColumn:
            return ExceptionKinds::title(record.kind);
        case OwnerColumn:
            return ownerTeamTitle(record.owner);
        case StoreColumn:
            return record.storeId ? m_storeNames.value(record.storeId, QString::number(record.storeId)) : QString();
        case ReferenceColumn:
            return referenceText(record);
        case ExplanationColumn:
            return record.explanation.simplified();
        case StateColumn:
            if (!record.madeBy.isEmpty() && !isTerminal(record.state))
                return tr("Override proposed by %1").arg(record.madeBy);
            return stateTitle(record.state);
        case AssigneeColumn:
            return record.assignedTo;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case AgeColumn:
            return QLocale().toString(record.createdAt.toLocalTime(), QLocale::LongFormat);
        case KindColumn:
            return ExceptionKinds::code(record.kind);
        case ExplanationColumn:
            return record.explanation;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return record.id;
    case KindCodeRole:
        return ExceptionKinds::code(record.kind);
    case StateCodeRole:
        return exceptionStateCode(record.state);
    case BlockingRole:
        return record.severity == Severity::Blocking;
    case EntityIdRole:
        return record.entityId;
    case MadeByRole:
        return record.madeBy;
    }
    return {};
}

QVariant ExceptionQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AgeColumn:
        return tr("Waiting");
    case KindColumn:
        return tr("Problem");
    case OwnerColumn:
        return tr("Owner");
    case StoreColumn:
        return tr("Store");
    case ReferenceColumn:
        return tr("Concerning");
    case ExplanationColumn:
        return tr("What is wrong");
    case StateColumn:
        return tr("State");
    case AssigneeColumn:
        return tr("Assigned to");
    }
    return {};
}

} // namespace Tillbridge::Core
