// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/Refresh.h"

#include "transform/ModelGraph.h"
#include "transform/ModelRunner.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

namespace cpm {

bool refreshModels(Warehouse &warehouse, const SqlProject &project,
                   const std::function<bool(int, int, const QString &)> &progress, Error *error,
                   const std::optional<QStringList> &changedSources)
{
    ModelGraph graph;
    const QStringList sources = {QStringLiteral("raw_stores"), QStringLiteral("raw_devices"),
                                 QStringLiteral("raw_transactions"), QStringLiteral("raw_store_versions"),
                                 QStringLiteral("import_batches")};
    if (!graph.build(project.models(), sources)) {
        *error = graph.error();
        return false;
    }
    ModelRunner runner(warehouse.database(), warehouse.dialect(), project.root());
    if (progress)
        runner.setProgressCallback(progress);
    if (changedSources)
        runner.setChangedSources(*changedSources);
    if (!runner.run(graph)) {
        *error = runner.error();
        return false;
    }
    return true;
}

} // namespace cpm
