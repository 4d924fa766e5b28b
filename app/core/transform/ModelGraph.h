// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "transform/TransformModel.h"

#include <QMap>
#include <QStringList>
#include <QVector>

namespace cpm {

/** Dependency graph of transform models built from their ref()s; gives a run order. */
class ModelGraph
{
public:
    /**
     * Builds the graph. False (see error()) when a model refers to an unknown model
     * ("core/fct_transactions.sql refers to unknown model 'stg_x'") or models form a cycle
     * (the message lists the cycle: "a -> b -> a"). Tables created by warehouse scripts
     * (raw_*, import_batches, ...) are given in @p sources and may be referred to as well.
     */
    bool build(const QVector<TransformModel> &models, const QStringList &sources = {});
    /** Models in an order where every model follows the models it refers to (stable: ties by layer then name). */
    const QVector<TransformModel> &ordered() const { return m_ordered; }
    /** The models' names (the only relation names the runner creates or drops). */
    QStringList names() const;
    /** Names of all models @p name depends on, directly or not. */
    QStringList upstream(const QString &name) const;
    /** The sources (raw tables) @p name reads, directly or through other models. */
    QStringList upstreamSources(const QString &name) const;
    const Error &error() const { return m_error; }

private:
    QVector<TransformModel> m_ordered;
    QMap<QString, QStringList> m_refs;
    Error m_error;
};

} // namespace cpm
