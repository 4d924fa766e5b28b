// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/** Help ▸ Metric definitions: the exact definition and assumptions of each metric, as rich text. */
QString metricDefinitionsHtml();

} // namespace cpm
