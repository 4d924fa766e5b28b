// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/ModelGraph.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <set>
#include <utility>

namespace cpm {

namespace {

/** Staging before core before marts, so ties in the run order read like the project. */
int layerRank(const QString &layer)
{
    static const QStringList layers = {QStringLiteral("staging"), QStringLiteral("core"), QStringLiteral("marts")};
    const qsizetype rank = layers.indexOf(layer);
    return rank < 0 ? int(layers.size()) : int(rank);
}

/** "core/fct_transactions.sql": short enough for a message, precise enough to find the file. */
QString displayPath(const TransformModel &model)
{
    const QString file = QFileInfo(model.path).fileName();
    return model.layer.isEmpty() ? file : model.layer + QLatin1Char('/') + file;
}

using ReadyKey = std::pair<int, QString>;

/**
 * Follows unresolved refs from @p start among the @p left models until a name repeats;
 * every model left after Kahn's algorithm has such a ref, so this always finds a cycle.
 */
QStringList findCycle(const QString &start, const QMap<QString, QStringList> &refs, const QSet<QString> &left)
{
    QStringList path;
    QString current = start;
    while (!path.contains(current)) {
        path.append(current);
        for (const QString &ref : refs.value(current)) {
            if (left.contains(ref)) {
                current = ref;
                break;
            }
        }
    }
    QStringList cycle = path.mid(path.indexOf(current));
    cycle.append(current);
    return cycle;
}

/**
 * Kahn's algorithm over @p models; among the models ready at any point the one first by
 * (layer, name) goes next, so the order is stable whatever order the files were read in.
 * Returns the models that could not be ordered (they are on or behind a cycle).
 */
QSet<QString> kahnOrder(const QVector<TransformModel> &models, const QMap<QString, QStringList> &refs,
                        QVector<TransformModel> *ordered)
{
    QHash<QString, const TransformModel *> byName;
    QHash<QString, int> waitingOn;
    QHash<QString, QStringList> dependents;
    std::set<ReadyKey> ready;
    for (const TransformModel &model : models) {
        byName.insert(model.name, &model);
        const QStringList &deps = refs.value(model.name);
        waitingOn.insert(model.name, int(deps.size()));
        for (const QString &dep : deps)
            dependents[dep].append(model.name);
        if (deps.isEmpty())
            ready.insert({layerRank(model.layer), model.name});
    }
    while (!ready.empty()) {
        const QString name = ready.begin()->second;
        ready.erase(ready.begin());
        ordered->append(*byName.value(name));
        waitingOn.remove(name);
        for (const QString &dependent : dependents.value(name)) {
            if (--waitingOn[dependent] == 0)
                ready.insert({layerRank(byName.value(dependent)->layer), dependent});
        }
    }
    const QStringList left = waitingOn.keys();
    return QSet<QString>(left.cbegin(), left.cend());
}

/** Position of each model by name; two files with one name would be one relation. */
Error indexByName(const QVector<TransformModel> &models, QHash<QString, qsizetype> *index)
{
    for (qsizetype i = 0; i < models.size(); ++i) {
        const auto previous = index->constFind(models[i].name);
        if (previous != index->cend()) {
            Error e = Error::make(Error::Code::Sql, QStringLiteral("%1 has the same name as %2")
                                                        .arg(displayPath(models[i]), displayPath(models[*previous])));
            e.file = models[i].path;
            return e;
        }
        index->insert(models[i].name, i);
    }
    return Error();
}

/** Each model's refs to other models; refs to warehouse tables (sources) need no ordering. */
Error resolveRefs(const QVector<TransformModel> &models, const QHash<QString, qsizetype> &index,
                  const QStringList &sources, QMap<QString, QStringList> *refs)
{
    for (const TransformModel &model : models) {
        QStringList modelRefs;
        for (const QString &ref : model.refs) {
            if (!index.contains(ref) && !sources.contains(ref)) {
                Error e = Error::make(Error::Code::Sql,
                                      QStringLiteral("%1 refers to unknown model '%2'").arg(displayPath(model), ref));
                e.file = model.path;
                return e;
            }
            if (index.contains(ref) && !modelRefs.contains(ref))
                modelRefs.append(ref);
        }
        refs->insert(model.name, modelRefs);
    }
    return Error();
}

/** Names one cycle, starting from the first unordered model in file order so the message is stable. */
Error cycleError(const QVector<TransformModel> &models, const QMap<QString, QStringList> &refs, const QSet<QString> &left)
{
    for (const TransformModel &model : models) {
        if (!left.contains(model.name))
            continue;
        const QStringList cycle = findCycle(model.name, refs, left);
        Error e = Error::make(Error::Code::Sql, QStringLiteral("models form a cycle: ") + cycle.join(QStringLiteral(" -> ")));
        for (const TransformModel &member : models) {
            if (member.name == cycle.first())
                e.file = member.path;
        }
        return e;
    }
    return Error();
}

} // namespace

bool ModelGraph::build(const QVector<TransformModel> &models, const QStringList &sources)
{
    m_ordered.clear();
    m_refs.clear();
    m_error = Error();

    QHash<QString, qsizetype> index;
    m_error = indexByName(models, &index);
    if (!m_error)
        m_error = resolveRefs(models, index, sources, &m_refs);
    if (m_error)
        return false;
    const QSet<QString> left = kahnOrder(models, m_refs, &m_ordered);
    if (left.isEmpty())
        return true;
    m_error = cycleError(models, m_refs, left);
    m_ordered.clear();
    return false;
}

QStringList ModelGraph::upstreamSources(const QString &name) const
{
    // m_refs keeps the model-to-model edges only; the sources are in each model's own refs.
    QSet<QString> models;
    for (const TransformModel &model : m_ordered)
        models.insert(model.name);
    const QStringList upstreamModels = upstream(name);
    QStringList sources;
    for (const TransformModel &model : m_ordered) {
        if (model.name != name && !upstreamModels.contains(model.name))
            continue;
        for (const QString &ref : model.refs) {
            if (!models.contains(ref) && !sources.contains(ref))
                sources.append(ref);
        }
    }
    sources.sort();
    return sources;
}

QStringList ModelGraph::upstream(const QString &name) const
{
    QSet<QString> seen;
    QStringList pending = m_refs.value(name);
    while (!pending.isEmpty()) {
        const QString next = pending.takeLast();
        if (seen.contains(next))
            continue;
        seen.insert(next);
        pending += m_refs.value(next);
    }
    // Report them in run order, so callers can use the list as a plan.
    QStringList result;
    for (const TransformModel &model : m_ordered) {
        if (seen.contains(model.name))
            result.append(model.name);
    }
    return result;
}

QStringList ModelGraph::names() const
{
    QStringList result;
    for (const TransformModel &model : m_ordered)
        result << model.name;
    return result;
}

} // namespace cpm
