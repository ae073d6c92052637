// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/audittrailmodel.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>
#include <utility>

namespace Tillbridge::Core {

namespace {
// "key: value · key: value", in the stored (sorted) key order, for a one-line summary.
QString summariseDetails(const QString &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isDouble())
            text = QString::number(value.toInteger());
        else
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        parts.append(QString(it.key()).replace(u'_', u' ') + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral(" · "));
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}
} // namespace

QString auditActionTitle(const QString &actionCode)
{
    struct Title
    {
        const char *code;
        const char *title;
    };
    static constexpr Title kTitles[] = {
        {"schema.migrated", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Cache schema updated")},
        {"store.saved", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Store saved")},
        {"audit.verified", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Audit trail verified")},
        {"catalogue.snapshot", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Catalogue snapshot taken")},
        {"order.received", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order received from Sitoo")},
        {"order.content-changed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order arrived again with different content")},
        {"order.quarantined", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order held back")},
        {"order.ready", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order ready to post")},
        {"order.posted", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order posted to Prima")},
        {"order.requeued", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order queued again")},
        {"order.superseded", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Order superseded")},
        {"exception.raised", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Exception raised")},
        {"exception.refreshed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Exception figures updated")},
        {"exception.assigned", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Exception assigned")},
        {"exception.resolved", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Exception resolved")},
        {"exception.override-proposed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Override proposed")},
        {"exception.approved", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Override approved")},
        {"exception.approval-refused", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Approval refused (maker-checker)")},
        {"exception.rejected", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Exception rejected")},
        {"exception.auto-resolved", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Exception resolved automatically")},
        {"stock.levels-received", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Stock levels read from Prima")},
        {"stock.push-started", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Stock levels about to be written to Sitoo")},
        {"stock.pushed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Stock levels written to Sitoo")},
        {"mapping.saved", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Mapping saved")},
        {"mapping.deleted", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Mapping deleted")},
        {"outbox.enqueued", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Queued for Prima")},
        {"outbox.claimed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Sending to Prima")},
        {"outbox.posted", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Posted to Prima")},
        {"outbox.retry", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Prima busy: will retry")},
        {"outbox.failed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Prima refused the document")},
        {"outbox.unknown", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Outcome unclear: to be checked in Prima")},
        {"outbox.requeued", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Not in Prima: will send again")},
        {"user.created", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "User created")},
        {"sync.cursor-reset", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Sync position reset")},
        {"reconciliation.matched", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Store-day reconciled: matched")},
        {"reconciliation.variance", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Store-day reconciled: payout variance")},
        {"store.trading-hours-saved", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Store trading hours saved")},
        {"close.gate-signed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Close gate signed")},
        {"close.period-signed", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Period signed off")},
        {"close.period-locked", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Period locked")},
        {"close.reopen-requested", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Period re-open requested")},
        {"close.reopen-refused", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Period re-open refused (maker-checker)")},
        {"close.reopen-rejected", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Period re-open declined")},
        {"close.period-reopened", QT_TRANSLATE_NOOP("Tillbridge::Core::AuditActions", "Period re-opened")},
    };
    for (const auto &entry : kTitles) {
        if (actionCode == QLatin1StringView(entry.code))
            return QCoreApplication::translate("Tillbridge::Core::AuditActions", entry.title);
    }
    return actionCode;
}

AuditTrailModel::AuditTrailModel(QSqlDatabase db, QObject *parent)
    : PagedTableModel(parent)
    , m_connectionName(db.connectionName())
{
}

void AuditTrailModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    reload();
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Result<QList<AuditTrailModel::Row>> AuditTrailModel::readRows(const PageRequest<qint64> &request) const
{
    const QString pattern = m_filterText.isEmpty() ? QString() : likePattern(m_filterText);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT seq, occurred_at, actor, action, entity_type, entity_id, details, hash FROM audit_events "
        "WHERE seq < :before AND (:all = 1 OR action LIKE :p ESCAPE '\\' OR actor LIKE :p ESCAPE '\\' "
        "OR entity_type LIKE :p ESCAPE '\\' OR entity_id LIKE :p ESCAPE '\\' OR details LIKE :p ESCAPE '\\') "
        "ORDER BY seq DESC LIMIT :limit"));
    query.bindValue(QStringLiteral(":before"), request.anchor.value_or(std::numeric_limits<qint64>::max()));
    query.bindValue(QStringLiteral(":all"), m_filterText.isEmpty() ? 1 : 0);
    query.bindValue(QStringLiteral(":p"), pattern);
    query.bindValue(QStringLiteral(":limit"), request.limit);
    if (!query.exec()) {
        qCWarning(lcAudit) << "audit trail page:" << query.lastError().text();
        return Error{ErrorCode::Database, tr("The audit trail could not be read: %1").arg(query.lastError().text())};
    }
    QList<Row> page;
    while (query.next()) {
        Row row;
        row.seq = query.value(0).toLongLong();
        row.occurredAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        row.actor = query.value(2).toString();
        row.action = query.value(3).toString();
        row.entity = query.value(4).toString() + u' ' + query.value(5).toString();
        row.details = summariseDetails(query.value(6).toString());
        row.hash = query.value(7).toString();
        page.append(row);
    }
    query.finish(); // release the read snapshot at once
    return page;
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return row.seq;
        case TimeColumn:
            return QLocale().toString(row.occurredAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ActorColumn:
            return row.actor;
        case ActionColumn:
            return auditActionTitle(row.action);
        case EntityColumn:
            return row.entity;
        case DetailsColumn:
            return row.details;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ActionColumn)
            return row.action;
        if (index.column() == DetailsColumn)
            return row.details;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SeqRole:
        return row.seq;
    case ActionCodeRole:
        return row.action;
    case HashRole:
        return row.hash;
    }
    return {};
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("No.");
    case TimeColumn:
        return tr("When");
    case ActorColumn:
        return tr("Who");
    case ActionColumn:
        return tr("What");
    case EntityColumn:
        return tr("Concerning");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

} // namespace Tillbridge::Core
