// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/cataloguerepository.h"

#include "core/logging.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace Tillbridge::Core {

namespace {
QString sourceCode(CatalogueRepository::Source source)
{
    return source == CatalogueRepository::Source::Prima ? QStringLiteral("prima") : QStringLiteral("sitoo");
}

Error sqlError(const QSqlQuery &query)
{
    qCWarning(lcDb) << "catalogue:" << query.lastError().text();
    return Error{ErrorCode::Database, QCoreApplication::translate("Tillbridge::Core::CatalogueRepository",
                                                                  "The catalogue could not be read or saved: %1")
                                          .arg(query.lastError().text())};
}
} // namespace

CatalogueRepository::CatalogueRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<qint64> CatalogueRepository::saveSnapshot(DbTransaction &tx, Source source,
                                                 const QList<CatalogueEntry> &entries, const QString &actor)
{
    QSqlQuery query(tx.database());
    query.prepare(QStringLiteral("INSERT INTO catalogue_snapshots (source, taken_at, item_count) VALUES (?, ?, ?)"));
    query.addBindValue(sourceCode(source));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    query.addBindValue(qint64(entries.size()));
    if (!query.exec())
        return sqlError(query);
    const qint64 snapshotId = query.lastInsertId().toLongLong();

    query.prepare(QStringLiteral("INSERT INTO catalogue_items (snapshot_id, sku, title, barcode, price_minor, currency, "
                                 "vat_rate_units, active, blocked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const CatalogueEntry &entry : entries) {
        query.addBindValue(snapshotId);
        query.addBindValue(entry.sku);
        query.addBindValue(entry.title);
        query.addBindValue(entry.barcode);
        query.addBindValue(entry.price.minorUnits());
        query.addBindValue(entry.price.currency().code());
        query.addBindValue(entry.vatRate.units());
        query.addBindValue(entry.active ? 1 : 0);
        query.addBindValue(entry.blocked ? 1 : 0);
        if (!query.exec())
            return sqlError(query);
    }

    AuditEvent event;
    event.actor = actor;
    event.action = QStringLiteral("catalogue.snapshot");
    event.entityType = QStringLiteral("catalogue");
    event.entityId = QString::number(snapshotId);
    event.details = QJsonObject{{QStringLiteral("source"), sourceCode(source)},
                                {QStringLiteral("items"), qint64(entries.size())}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return snapshotId;
}

Result<qint64> CatalogueRepository::latestSnapshotId(Source source) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM catalogue_snapshots WHERE source = ?"));
    query.addBindValue(sourceCode(source));
    if (!query.exec() || !query.next())
        return sqlError(query);
    return query.value(0).toLongLong();
}

Result<QHash<QString, CatalogueEntry>> CatalogueRepository::latest(Source source) const
{
    auto snapshot = latestSnapshotId(source);
    if (!snapshot)
        return snapshot.error();
    QHash<QString, CatalogueEntry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT sku, title, barcode, price_minor, currency, vat_rate_units, active, blocked "
                                 "FROM catalogue_items WHERE snapshot_id = ?"));
    query.addBindValue(*snapshot);
    if (!query.exec())
        return sqlError(query);
    while (query.next()) {
        CatalogueEntry entry;
        entry.sku = query.value(0).toString();
        entry.title = query.value(1).toString();
        entry.barcode = query.value(2).toString();
        entry.price = Money(query.value(3).toLongLong(), Currency::fromCode(query.value(4).toString()).valueOr({}));
        entry.vatRate = VatRate::fromUnits(query.value(5).toLongLong());
        entry.active = query.value(6).toBool();
        entry.blocked = query.value(7).toBool();
        entries.insert(entry.sku, entry);
    }
    return entries;
}

} // namespace Tillbridge::Core
