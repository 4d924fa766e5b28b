// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "columnar/ColumnarPersist.h"

#include <QSqlDatabase>

#include <memory>

namespace cpm::columnar {

class ColumnarTable;

/**
 * Keeps the most recently loaded columnar snapshot, so every metrics engine (the GUI
 * recreates them, the tests make one per call) shares one copy instead of re-reading the
 * warehouse. Only one is kept: at 10M transactions it is a few hundred MB.
 */
namespace ColumnarCache {

/** Identifies the warehouse file and its data state (the newest import batch). */
QString stateKey(const QSqlDatabase &db, const QString &sqlRoot = QStringLiteral(":/sql"));
/**
 * The snapshot for @p key, loading it through @p db when it is not the cached one (a rebuild
 * reads the models through @p sqlRoot's snapshot/ files).
 */
std::shared_ptr<const ColumnarTable> get(const QSqlDatabase &db, const QString &key, Error *error,
                                         const QString &sqlRoot = QStringLiteral(":/sql"));
/** What the last load found of the persisted snapshot (Loaded: it was used, no rebuild). */
persist::Status lastPersistStatus();
/** Drops the cached snapshot (frees its memory). */
void clear();

} // namespace ColumnarCache
} // namespace cpm::columnar
