// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tillbridge::Core {

class DbTransaction;

/** What a mapping translates from Sitoo to Prima. */
enum class MappingKind {
    Store,         ///< Sitoo store id → Prima location
    TaxRate,       ///< VAT rate ("25", "12.5") → Prima tax code
    PaymentMethod, ///< Sitoo payment method name → Prima tender
    Promotion,     ///< Sitoo voucher/campaign code → Prima promotion code
    RefundReason,  ///< Sitoo refund reason → disposition (RESTOCK, QUARANTINE, WRITE_OFF, NO_STOCK_MOVEMENT)
};

QString mappingKindCode(MappingKind kind); ///< "store", "tax_rate", "payment_method", "promotion", "refund_reason"
std::optional<MappingKind> mappingKindFromCode(const QString &code);
QList<MappingKind> allMappingKinds();

/** One mapping as stored. */
struct Mapping
{
    MappingKind kind = MappingKind::Store;
    QString sourceKey;
    QString target;
    QDateTime updatedAt;
    QString updatedBy;
};

/** What importFile() changed. */
struct MappingImportSummary
{
    int added = 0;
    int changed = 0;
    int unchanged = 0;
};

/**
 * The Sitoo → Prima mappings (the `mappings` table). Small: read whole per kind; every change is one audited
 * write ("mapping.saved" with the old and new target, "mapping.deleted").
 *
 * Keys: tax_rate keys are VAT rates and are stored in VatRate::toString() form, so "25", "25.0" and "25.00" are one
 * key, both when saving and when looking up. Other keys are stored as given (trimmed).
 *
 * Import format (importFile/importJson): one JSON object whose members are mapping kinds, each an object of
 * source key → target, all strings:
 *
 *     {
 *       "tax_rate":       {"25": "SE25", "12": "SE12", "20": "UK20"},
 *       "payment_method": {"Card": "CARD", "Cash": "CASH", "Swish": "SWISH"},
 *       "promotion":      {"SUMMER10": "PROMO-SUMMER"},
 *       "store":          {"SE001": "STO-01"},
 *       "refund_reason":  {"102": "RESTOCK", "103": "WRITE_OFF"}
 *     }
 *
 * Every member is optional. Unknown kinds, non-string values, empty keys or targets, tax_rate keys that are not a
 * VAT rate, a key given twice after normalisation, and refund_reason targets that are not a LineDisposition code
 * (RESTOCK, QUARANTINE, WRITE_OFF, NO_STOCK_MOVEMENT) are errors. The import is all or nothing: every problem is
 * listed in one error message and nothing is applied. It adds and changes mappings; it never deletes one that the
 * file does not mention.
 */
class MappingRepository
{
public:
    explicit MappingRepository(QSqlDatabase db);

    /** Every mapping of one kind, by source key. */
    Result<QList<Mapping>> all(MappingKind kind) const;

    /** The target for a source key, or empty when it is not mapped. */
    Result<std::optional<QString>> lookup(MappingKind kind, const QString &sourceKey) const;

    /**
     * Maps @p sourceKey to @p target (insert or update), audited as "mapping.saved" with the old and the new target.
     * Saving the target it has already writes nothing.
     */
    Status save(DbTransaction &tx, MappingKind kind, const QString &sourceKey, const QString &target,
                const QString &actor);

    /** Removes a mapping, audited as "mapping.deleted" with its old target. NotFound if it does not exist. */
    Status remove(DbTransaction &tx, MappingKind kind, const QString &sourceKey, const QString &actor);

    /** Imports a mapping file in the format above; see importJson(). */
    Result<MappingImportSummary> importFile(DbTransaction &tx, const QString &path, const QString &actor);

    /** Imports mappings from JSON text in the format above: all or nothing, each change audited. */
    Result<MappingImportSummary> importJson(DbTransaction &tx, const QByteArray &json, const QString &actor);

    /**
     * Saves mappings that checked() or parseImport() produced, all or nothing, each change audited as by save().
     * Split from importJson() so that a review can show what a change would do before it is written.
     */
    Result<MappingImportSummary> saveAll(DbTransaction &tx, const QList<Mapping> &mappings, const QString &actor);

    /** One proposed mapping in its stored form (normalised key, trimmed target), or a message for people. */
    static Result<Mapping> checked(MappingKind kind, const QString &sourceKey, const QString &target);

    /** Every mapping of an import file's JSON, checked and normalised, without writing anything (all or nothing). */
    static Result<QList<Mapping>> parseImport(const QByteArray &json);

    /** parseImport() of a file. */
    static Result<QList<Mapping>> parseImportFile(const QString &path);

private:
    QSqlDatabase m_db;
};

} // namespace Tillbridge::Core
