// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/mappingrepository.h"

#include "core/storage/dbtime.h"

#include "core/domain/creditnote.h"
#include "core/logging.h"
#include "core/money/vatrate.h"
#include "core/storage/auditchain.h"
#include "core/storage/dbtransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <array>
#include <utility>

namespace Tillbridge::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::MappingRepository", text);
}

Error sqlError(const QSqlQuery &query, const char *tag)
{
    qCWarning(lcDb) << "mappings:" << tag << query.lastError().text();
    return Error{ErrorCode::Database,
                 tr("The mappings could not be read or saved: %1").arg(query.lastError().text())};
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}



constexpr std::array kKindCodes{
    std::pair{MappingKind::Store, "store"},
    std::pair{MappingKind::TaxRate, "tax_rate"},
    std::pair{MappingKind::PaymentMethod, "payment_method"},
    std::pair{MappingKind::Promotion, "promotion"},
    std::pair{MappingKind::RefundReason, "refund_reason"},
};

constexpr qsizetype kMaxTextLength = 200;

/** The stored form of a source key (see the class comment), or a message for people. */
Result<QString> normalisedKey(MappingKind kind, const QString &sourceKey)
{
    const QString key = sourceKey.trimmed();
    if (key.isEmpty())
        return invalid(tr("A %1 mapping needs a source key.").arg(mappingKindCode(kind)));
    if (key.size() > kMaxTextLength)
        return invalid(tr("The %1 key \"%2…\" is too long.").arg(mappingKindCode(kind), key.left(20)));
    if (kind == MappingKind::TaxRate) {
        const auto rate = VatRate::parse(key);
        if (!rate)
            return invalid(tr("The tax_rate key \"%1\" is not a VAT rate: %2").arg(key, rate.errorString()));
        return rate->toString();
    }
    return key;
}

Result<QString> checkedTarget(MappingKind kind, const QString &key, const QString &target)
{
    const QString trimmed = target.trimmed();
    if (trimmed.isEmpty())
        return invalid(tr("The %1 mapping of \"%2\" has no target.").arg(mappingKindCode(kind), key));
    if (trimmed.size() > kMaxTextLength)
        return invalid(tr("The %1 mapping of \"%2\" has a target that is too long.").arg(mappingKindCode(kind), key));
    if (kind == MappingKind::RefundReason && !lineDispositionFromCode(trimmed)) {
        return invalid(tr("The refund_reason mapping of \"%1\" names \"%2\", which is not a disposition (RESTOCK, "
                          "QUARANTINE, WRITE_OFF or NO_STOCK_MOVEMENT).")
                           .arg(key, trimmed));
    }
    return trimmed;
}

enum class SaveOutcome { Added, Changed, Unchanged };

/** Saves one checked, normalised mapping with its audit event. */
Result<SaveOutcome> saveOne(DbTransaction &tx, MappingKind kind, const QString &key, const QString &target,
                            const QString &actor)
{
    const QString kindCode = mappingKindCode(kind);
    QSqlQuery query(tx.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT target FROM mappings WHERE kind = ? AND source_key = ?"));
    query.addBindValue(kindCode);
    query.addBindValue(key);
    if (!query.exec())
        return sqlError(query, "read");
    std::optional<QString> previous;
    if (query.next())
        previous = query.value(0).toString();
    query.finish();
    if (previous == target)
        return SaveOutcome::Unchanged;

    const QString now = dbTime(QDateTime::currentDateTimeUtc());
    query.prepare(QStringLiteral(
        "INSERT INTO mappings (kind, source_key, target, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, source_key) DO UPDATE SET target = excluded.target, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by"));
    query.addBindValue(kindCode);
    query.addBindValue(key);
    query.addBindValue(target);
    query.addBindValue(now);
    query.addBindValue(actor);
    if (!query.exec())
        return sqlError(query, "save");
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::Database, tr("The %1 mapping of \"%2\" was not saved.").arg(kindCode, key)};

    AuditEvent event;
    event.actor = actor;
    event.action = QStringLiteral("mapping.saved");
    event.entityType = QStringLiteral("mapping");
    event.entityId = kindCode + u':' + key;
    event.details = QJsonObject{{QStringLiteral("kind"), kindCode},
                                {QStringLiteral("source_key"), key},
                                {QStringLiteral("old_target"), previous ? QJsonValue(*previous) : QJsonValue()},
                                {QStringLiteral("new_target"), target}};
    if (auto appended = AuditChain::append(tx, event); !appended)
        return appended.error();
    return previous ? SaveOutcome::Changed : SaveOutcome::Added;
}

} // namespace

QString mappingKindCode(MappingKind kind)
{
    for (const auto &[value, code] : kKindCodes) {
        if (value == kind)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<MappingKind> mappingKindFromCode(const QString &code)
{
    for (const auto &[value, text] : kKindCodes) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

QList<MappingKind> allMappingKinds()
{
    QList<MappingKind> kinds;
    for (const auto &entry : kKindCodes)
        kinds.append(entry.first);
    return kinds;
}

MappingRepository::MappingRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<Mapping>> MappingRepository::all(MappingKind kind) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT source_key, target, updated_at, updated_by FROM mappings WHERE kind = ? "
                                 "ORDER BY source_key"));
    query.addBindValue(mappingKindCode(kind));
    if (!query.exec())
        return sqlError(query, "all");
    QList<Mapping> mappings;
    while (query.next()) {
        mappings.append(Mapping{kind, query.value(0).toString(), query.value(1).toString(),
                                QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs),
                                query.value(3).toString()});
    }
    if (query.lastError().isValid())
        return sqlError(query, "all");
    return mappings;
}

Result<std::optional<QString>> MappingRepository::lookup(MappingKind kind, const QString &sourceKey) const
{
    const auto key = normalisedKey(kind, sourceKey);
    if (!key)
        return std::optional<QString>(); // a key that cannot be stored is simply not mapped
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT target FROM mappings WHERE kind = ? AND source_key = ?"));
    query.addBindValue(mappingKindCode(kind));
    query.addBindValue(*key);
    if (!query.exec())
        return sqlError(query, "lookup");
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status MappingRepository::save(DbTransaction &tx, MappingKind kind, const QString &sourceKey, const QString &target,
                               const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return invalid(tr("A mapping change must name who made it."));
    const auto key = normalisedKey(kind, sourceKey);
    if (!key)
        return key.error();
    const auto checked = checkedTarget(kind, *key, target);
    if (!checked)
        return checked.error();
    return tx.atomically([&]() -> Status {
        if (auto saved = saveOne(tx, kind, *key, *checked, actor); !saved)
            return saved.error();
        return Status::success();
    });
}

Status MappingRepository::remove(DbTransaction &tx, MappingKind kind, const QString &sourceKey, const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return invalid(tr("A mapping change must name who made it."));
    const auto key = normalisedKey(kind, sourceKey);
    if (!key)
        return key.error();
    const QString kindCode = mappingKindCode(kind);
    return tx.atomically([&]() -> Status {
        QSqlQuery query(tx.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT target FROM mappings WHERE kind = ? AND source_key = ?"));
        query.addBindValue(kindCode);
        query.addBindValue(*key);
        if (!query.exec())
            return sqlError(query, "read");
        if (!query.next()) {
            return Error{ErrorCode::NotFound,
                         tr("There is no %1 mapping for \"%2\".").arg(kindCode, *key)};
        }
        const QString previous = query.value(0).toString();
        query.finish();

        query.prepare(QStringLiteral("DELETE FROM mappings WHERE kind = ? AND source_key = ?"));
        query.addBindValue(kindCode);
        query.addBindValue(*key);
        if (!query.exec())
            return sqlError(query, "delete");
        if (query.numRowsAffected() != 1)
            return Error{ErrorCode::Database, tr("The %1 mapping of \"%2\" was not removed.").arg(kindCode, *key)};

        AuditEvent event;
        event.actor = actor;
        event.action = QStringLiteral("mapping.deleted");
        event.entityType = QStringLiteral("mapping");
        event.entityId = kindCode + u':' + *key;
        event.details = QJsonObject{{QStringLiteral("kind"), kindCode},
                                    {QStringLiteral("source_key"), *key},
                                    {QStringLiteral("old_target"), previous}};
        if (auto appended = AuditChain::append(tx, event); !appended)
            return appended.error();
        return Status::success();
    });
}

Result<MappingImportSummary> MappingRepository::importFile(DbTransaction &tx, const QString &path,
                                                           const QString &actor)
{
    auto parsed = parseImportFile(path);
    if (!parsed)
        return parsed.error();
    return saveAll(tx, *parsed, actor);
}

Result<MappingImportSummary> MappingRepository::importJson(DbTransaction &tx, const QByteArray &json,
                                                           const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return invalid(tr("A mapping change must name who made it."));
    auto parsed = parseImport(json);
    if (!parsed)
        return parsed.error();
    return saveAll(tx, *parsed, actor);
}

Result<Mapping> MappingRepository::checked(MappingKind kind, const QString &sourceKey, const QString &target)
{
    const auto key = normalisedKey(kind, sourceKey);
    if (!key)
        return key.error();
    const auto cleanTarget = checkedTarget(kind, *key, target);
    if (!cleanTarget)
        return cleanTarget.error();
    Mapping mapping;
    mapping.kind = kind;
    mapping.sourceKey = *key;
    mapping.target = *cleanTarget;
    return mapping;
}

Result<QList<Mapping>> MappingRepository::parseImportFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, tr("Could not read the mapping file %1: %2")
                                        .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    // A mapping file is a few kilobytes; refuse anything absurd before parsing it.
    constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;
    if (file.size() > kMaxFileSize)
        return invalid(tr("The mapping file %1 is too large.").arg(QDir::toNativeSeparators(path)));
    return parseImport(file.readAll());
}

Result<QList<Mapping>> MappingRepository::parseImport(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(tr("The mapping file is not valid JSON (at character %1: %2); nothing was changed.")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return invalid(tr("The mapping file must be one JSON object of mapping kinds; nothing was changed."));

    QList<Mapping> entries;
    QStringList problems;
    const QJsonObject root = document.object();
    for (auto kindIt = root.begin(); kindIt != root.end(); ++kindIt) {
        const auto kind = mappingKindFromCode(kindIt.key());
        if (!kind) {
            problems.append(tr("\"%1\" is not a mapping kind (store, tax_rate, payment_method, promotion, "
                               "refund_reason).")
                                .arg(kindIt.key()));
            continue;
        }
        if (!kindIt.value().isObject()) {
            problems.append(tr("\"%1\" must be an object of source key to target.").arg(kindIt.key()));
            continue;
        }
        QSet<QString> seen;
        const QJsonObject mappings = kindIt.value().toObject();
        for (auto it = mappings.begin(); it != mappings.end(); ++it) {
            const auto key = normalisedKey(*kind, it.key());
            if (!key) {
                problems.append(key.errorString());
                continue;
            }
            if (!it.value().isString()) {
                problems.append(tr("The %1 mapping of \"%2\" must be a text.").arg(kindIt.key(), it.key()));
                continue;
            }
            const auto target = checkedTarget(*kind, *key, it.value().toString());
            if (!target) {
                problems.append(target.errorString());
                continue;
            }
            if (seen.contains(*key)) {
                problems.append(tr("The %1 key \"%2\" is given more than once.").arg(kindIt.key(), *key));
                continue;
            }
            seen.insert(*key);
            Mapping mapping;
            mapping.kind = *kind;
            mapping.sourceKey = *key;
            mapping.target = *target;
            entries.append(mapping);
        }
    }
    if (!problems.isEmpty()) {
        return invalid(tr("The mapping file was not imported; nothing was changed. Problems:") + u'\n'
                       + QStringLiteral("- ") + problems.join(QStringLiteral("\n- ")));
    }
    return entries;
}

Result<MappingImportSummary> MappingRepository::saveAll(DbTransaction &tx, const QList<Mapping> &mappings,
                                                        const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return invalid(tr("A mapping change must name who made it."));
    // Checked again: a caller may have built the list by hand, and the import stays all or nothing.
    QList<Mapping> entries;
    QStringList problems;
    for (const Mapping &mapping : mappings) {
        auto entry = checked(mapping.kind, mapping.sourceKey, mapping.target);
        if (!entry)
            problems.append(entry.errorString());
        else
            entries.append(*entry);
    }
    if (!problems.isEmpty()) {
        return invalid(tr("The mappings were not saved; nothing was changed. Problems:") + u'\n'
                       + QStringLiteral("- ") + problems.join(QStringLiteral("\n- ")));
    }

    return tx.atomically([&]() -> Result<MappingImportSummary> {
        MappingImportSummary summary;
        for (const Mapping &entry : std::as_const(entries)) {
            auto saved = saveOne(tx, entry.kind, entry.sourceKey, entry.target, actor);
            if (!saved)
                return saved.error();
            switch (*saved) {
            case SaveOutcome::Added:
                ++summary.added;
                break;
            case SaveOutcome::Changed:
                ++summary.changed;
                break;
            case SaveOutcome::Unchanged:
                ++summary.unchanged;
                break;
            }
        }
        qCInfo(lcDb) << "mappings imported:" << summary.added << "added," << summary.changed << "changed,"
                     << summary.unchanged << "unchanged";
        return summary;
    });
}

} // namespace Tillbridge::Core
