// SPDX-License-Identifier: GPL-3.0-or-later
// The mapping file import (docs/configuration.md; MappingRepository class comment): MappingRepository::parseImport,
// which importFile, importJson and the mapping-change review all go through before anything is written.
// Input: the file's bytes. Invariants: all or nothing (an error names at least one problem and returns no mappings);
// every mapping accepted is already in its stored form (checked() gives it back unchanged, so the same file cannot
// mean two things); no (kind, key) twice; nothing in the file is dropped silently; the accepted mappings, written
// back out in the import format, import again to the same list; the same bytes give the same result.

#include "fuzzcheck.h"

#include "core/storage/mappingrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Tillbridge::Core;

namespace {

QJsonObject exported(const QList<Mapping> &mappings)
{
    QJsonObject root;
    for (const Mapping &mapping : mappings) {
        const QString kind = mappingKindCode(mapping.kind);
        QJsonObject members = root.value(kind).toObject();
        members.insert(mapping.sourceKey, mapping.target);
        root.insert(kind, members);
    }
    return root;
}

bool sameMappings(const QList<Mapping> &a, const QList<Mapping> &b)
{
    if (a.size() != b.size())
        return false;
    QSet<QString> left;
    QSet<QString> right;
    for (const Mapping &m : a)
        left.insert(mappingKindCode(m.kind) + u'\x1f' + m.sourceKey + u'\x1f' + m.target);
    for (const Mapping &m : b)
        right.insert(mappingKindCode(m.kind) + u'\x1f' + m.sourceKey + u'\x1f' + m.target);
    return left == right;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return TillbridgeFuzz::runOne([&] {
        const QByteArray json = TillbridgeFuzz::bytes(data, size);
        const auto parsed = MappingRepository::parseImport(json);
        const auto again = MappingRepository::parseImport(json);
        FUZZ_CHECK(parsed.ok() == again.ok());
        if (!parsed) {
            FUZZ_CHECK(!parsed.errorString().isEmpty() && parsed.errorString() == again.errorString());
            return;
        }
        FUZZ_CHECK(sameMappings(*parsed, *again));

        QSet<QString> seen;
        for (const Mapping &mapping : *parsed) {
            const auto checked = MappingRepository::checked(mapping.kind, mapping.sourceKey, mapping.target);
            FUZZ_CHECK_MSG(checked.ok() && checked->sourceKey == mapping.sourceKey && checked->target == mapping.target,
                           mappingKindCode(mapping.kind) + u": " + mapping.sourceKey + u" -> " + mapping.target);
            const QString id = mappingKindCode(mapping.kind) + u'\x1f' + mapping.sourceKey;
            FUZZ_CHECK_MSG(!seen.contains(id), id);
            seen.insert(id);
        }

        // Every member of every kind became a mapping: an accepted file loses nothing.
        qsizetype members = 0;
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        for (auto it = root.begin(); it != root.end(); ++it)
            members += it.value().toObject().size();
        FUZZ_CHECK(members == parsed->size());

        const auto reimported = MappingRepository::parseImport(QJsonDocument(exported(*parsed)).toJson());
        FUZZ_CHECK_MSG(reimported.ok() && sameMappings(*reimported, *parsed), reimported.errorString());
    });
}
