// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tillbridge::Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tillbridge::Core::SyncConfig", text);
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message};
}

QString resolved(const QString &path, const QString &baseFolder)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir(baseFolder).filePath(path);
}

/** A positive whole number from an optional field, or an error naming it. */
Result<int> positive(const QJsonObject &object, const char *key, int fallback)
{
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isUndefined())
        return fallback;
    const qint64 number = value.toInteger(-1);
    if (!value.isDouble() || number <= 0 || number > 1000000)
        return invalid(tr("schedule.%1 must be a positive whole number.").arg(QLatin1StringView(key)));
    return int(number);
}
} // namespace

Result<SyncConfig> SyncConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read the configuration %1: %2")
                                        .arg(QDir::toNativeSeparators(path), file.errorString())};
    auto config = fromJson(file.readAll(), QFileInfo(path).absolutePath());
    if (!config)
        return Error{config.error().code, tr("%1: %2").arg(QDir::toNativeSeparators(path), config.errorString())};
    return config;
}

Result<SyncConfig> SyncConfig::fromJson(const QByteArray &json, const QString &baseFolder)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(tr("not a JSON object (%1).").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    SyncConfig config;
    config.document = root;
    config.cachePath = resolved(root.value(u"cache").toString(), baseFolder);
    if (config.cachePath.isEmpty())
        return invalid(tr("\"cache\" must name the cache file."));

    const QJsonObject sitoo = root.value(u"sitoo").toObject();
    config.connections.sitooBaseUrl = QUrl(sitoo.value(u"baseUrl").toString());
    config.connections.sitooAccountId = sitoo.value(u"accountId").toString();
    config.connections.sitooApiId = sitoo.value(u"apiId").toString();
    config.connections.sitooEshopId = sitoo.value(u"eshopId").toInt(1);
    config.connections.primaBaseUrl = QUrl(root.value(u"prima").toObject().value(u"baseUrl").toString());
    config.connections.extraCaFile =
        resolved(root.value(u"tls").toObject().value(u"extraCaFile").toString(), baseFolder);
    if (!config.connections.isSitooConfigured() || config.connections.sitooAccountId.isEmpty())
        return invalid(tr("\"sitoo\" needs baseUrl, accountId and apiId."));
    if (!config.connections.isPrimaConfigured())
        return invalid(tr("\"prima\" needs baseUrl."));
    if (auto valid = config.connections.validate(); !valid)
        return valid.error();
    config.mappingsFile = resolved(root.value(u"mappings").toString(), baseFolder);

    const QString credentials = root.value(u"credentials").toString(QStringLiteral("keychain"));
    if (credentials == u"keychain")
        config.credentials = Credentials::Keychain;
    else if (credentials == u"environment")
        config.credentials = Credentials::Environment;
    else
        return invalid(tr("\"credentials\" is \"keychain\" or \"environment\", not \"%1\".").arg(credentials));

    const QJsonObject schedule = root.value(u"schedule").toObject();
    SyncSchedule defaults;
    for (const auto &[key, field, fallback] :
         {std::tuple{"orderPullSeconds", &SyncSchedule::orderPullSeconds, defaults.orderPullSeconds},
          std::tuple{"catalogueRefreshMinutes", &SyncSchedule::catalogueRefreshMinutes,
                     defaults.catalogueRefreshMinutes},
          std::tuple{"skuAuditMinutes", &SyncSchedule::skuAuditMinutes, defaults.skuAuditMinutes},
          std::tuple{"reconcileMinutes", &SyncSchedule::reconcileMinutes, defaults.reconcileMinutes},
          std::tuple{"reconcileLookbackDays", &SyncSchedule::reconcileLookbackDays, defaults.reconcileLookbackDays},
          std::tuple{"storeFeedCheckMinutes", &SyncSchedule::storeFeedCheckMinutes, defaults.storeFeedCheckMinutes},
          std::tuple{"orderPageSize", &SyncSchedule::orderPageSize, defaults.orderPageSize},
          std::tuple{"postingBatchSize", &SyncSchedule::postingBatchSize, defaults.postingBatchSize},
          std::tuple{"primaWriteTimeoutSeconds", &SyncSchedule::primaWriteTimeoutSeconds,
                     defaults.primaWriteTimeoutSeconds}}) {
        auto value = positive(schedule, key, fallback);
        if (!value)
            return value.error();
        config.schedule.*field = *value;
    }
    if (config.schedule.postingBatchSize > 100)
        return invalid(tr("schedule.postingBatchSize cannot exceed Prima's batch limit of 100."));
    const QJsonValue rate = schedule.value(u"primaRequestsPerSecond");
    if (!rate.isUndefined()) {
        // A rate is a count per second, not money: a JSON number is the natural form.
        if (!rate.isDouble() || rate.toDouble() <= 0)
            return invalid(tr("schedule.primaRequestsPerSecond must be a positive number."));
        config.schedule.primaRequestsPerSecond = rate.toDouble();
    }
    return config;
}

} // namespace Tillbridge::Core
