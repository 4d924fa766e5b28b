// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/** How metric @p id is computed and what it assumes, in plain sentences (help and reports). */
QString metricDefinition(const QString &id);
/** Help ▸ Metric definitions: the filters and every metric's definition, as rich text. */
QString metricDefinitionsHtml();

} // namespace cpm
