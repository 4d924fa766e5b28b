// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace cpm {

class SqlProject;
class Warehouse;

/**
 * Rebuilds every transform model (staging views, core tables, marts) in dependency order
 * on the warehouse's connection, inside whatever transaction the caller holds.
 * @p progress gets (models done, models total, model name); returning false cancels.
 * With @p changedSources (the raw tables written since the last refresh), tables that read
 * none of them are kept as they are.
 */
bool refreshModels(Warehouse &warehouse, const SqlProject &project,
                   const std::function<bool(int, int, const QString &)> &progress, Error *error,
                   const std::optional<QStringList> &changedSources = std::nullopt);

} // namespace cpm
