// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/exceptionqueuemodel.h"

#include "core/storage/storerepository.h"

#include <QCoreApplication>

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

} // namespace

QString ExceptionQueueModel::stateTitle(ExceptionState state)
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

ExceptionQueueModel::ExceptionQueueModel(QSqlDatabase db, QObject *parent)
    : PagedTableModel(parent)
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

void ExceptionQueueModel::prepareReload()
{
    m_now = QDateTime::currentDateTimeUtc();
    m_storeNames.clear();
    if (auto stores = StoreRepository(QSqlDatabase::database(m_connectionName, false)).all()) {
        for (const Store &store : *stores)
            m_storeNames.insert(store.id, store.name);
    }
}

Result<std::optional<qint64>> ExceptionQueueModel::countRows() const
{
    auto count = ExceptionRepository(QSqlDatabase::database(m_connectionName, false)).count(effectiveFilter());
    if (!count)
        return count.error();
    return std::optional<qint64>(*count);
}

Result<QList<ExceptionRecord>> ExceptionQueueModel::readRows(const PageRequest<ExceptionPageKey> &request) const
{
    return ExceptionRepository(QSqlDatabase::database(m_connectionName, false)).page(effectiveFilter(), request);
}

ExceptionPageKey ExceptionQueueModel::keyOf(const ExceptionRecord &record) const
{
    return ExceptionRepository::keyOf(record);
}

int ExceptionQueueModel::rowOf(qint64 id) const
{
    if (const int loaded = findLoaded([id](const ExceptionRecord &record) { return record.id == id; }); loaded >= 0)
        return loaded;
    // Not in the window: where the exception falls in the queue's order, if it matches the filter at all.
    const ExceptionRepository exceptions(QSqlDatabase::database(m_connectionName, false));
    const auto record = exceptions.load(id);
    if (!record)
        return -1;
    const auto position = exceptions.position(effectiveFilter(), ExceptionRepository::keyOf(*record));
    if (!position || *position >= rowCount())
        return -1;
    const int row = int(*position);
    return rowAt(row).id == id ? row : -1;
}

int ExceptionQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExceptionQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExceptionRecord &record = rowAt(index.row());
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
