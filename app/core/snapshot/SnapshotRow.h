// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <string_view>

namespace cpm {

/**
 * One transaction as an import loaded it (typed, normalised, trimmed), whatever it was read
 * from: what a SnapshotSink is fed. The text views need only live until add() returns.
 */
struct SnapshotRow
{
    qint64 id = 0;
    qint64 device = 0;
    std::string_view sku, name, status;
    bool lossySku = false;
    double amount = 0;
    qint64 createdAt = 0, happenedAt = 0;
};

} // namespace cpm
