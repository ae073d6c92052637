// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/money/money.h"
#include "core/money/vatrate.h"
#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** One SKU as a catalogue snapshot holds it (Prima's item master, or what Sitoo has). */
struct CatalogueEntry
{
    QString sku;
    QString title;
    QString barcode;
    Money price;     ///< incl. VAT
    VatRate vatRate;
    bool active = true;
    bool blocked = false;
};

/**
 * Catalogue snapshots: each pull of a catalogue is kept whole, so a SKU audit can compare two sources as they were
 * at one moment and the trend of differences stays visible. Validation reads the latest Prima snapshot.
 */
class CatalogueRepository
{
public:
    enum class Source { Prima, Sitoo };

    explicit CatalogueRepository(QSqlDatabase db);

    /** Stores a complete snapshot in one transaction; returns its id. */
    Result<qint64> saveSnapshot(DbTransaction &tx, Source source, const QList<CatalogueEntry> &entries,
                                const QString &actor);
    /** The newest snapshot's id, or 0 when there is none. */
    Result<qint64> latestSnapshotId(Source source) const;
    /** Every entry of the newest snapshot by SKU (empty when there is none). */
    Result<QHash<QString, CatalogueEntry>> latest(Source source) const;

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
